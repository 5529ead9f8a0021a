"""Why the judge misses or falsely credits a behaviour — on the TRAIN split only, leave one writer out.

    .venv/bin/python -m bench.judge_errors [--behaviours verification,empathy,...] [--list N] [--extra FILE]
    .venv/bin/python -m bench.judge_errors --extra FILE --teaches empathy,rude,... --screen
    .venv/bin/python -m bench.judge_errors --curve
    .venv/bin/python -m bench.judge_errors --cache data/lowo-classifiers ...   # train each writer's classifiers once

For each corpus writer, the judge (rules + classifier, the app's recipe) is trained on the other
writers' train utterances and reads this writer's train utterances, as `bench.judge` reads dev ones:
no dev utterance is read, and no utterance is judged by a classifier that saw it or its writer.
Pooled over the writers this is also a screen for a change (`--extra`: a training-only file added to
every training set, never judged). The judge is composed as the app composes it
(`classifier.train_isolating`): a file that `teaches:` named behaviours moves only those.

`--screen` reads, per behaviour, the judge without the extra file and with it teaching that behaviour
(`--teaches` overrides the file's own list), and applies the keep rule `keeps` — fixed before the
screen is run (docs/benchmarks.md, judge14): the set it keeps is the one to read on dev.

Every miss and false credit of the chosen behaviours gets one cause, the first that applies:
- **label boundary** (definition): the three votes on the item (writer + two blind annotators,
  docs/judge-adjudication.md) were split on this behaviour;
- **check**: the classifier scored a unit above the threshold (miss) but a behaviour check dropped
  it, or a cue rule fired below its floor;
- **wrong unit**: a comma clause of the reply, encoded alone, reaches the threshold while no
  sentence and not the whole does (miss); the finding's quote is the whole reply of several sentences,
  no sentence alone reaching the threshold (false credit);
- **negation / hedge** (false credit): the quoted unit holds a negation or hedge (不会, 不用, 没有…);
- **threshold**: the best score is within 0.1 of the threshold;
- **phrasing**: the rest — a wording the heads' examples do not cover (misses far below the threshold,
  false credits far above it).
"""

from __future__ import annotations

import argparse
import ast
import os
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue.behaviour_panel import panels_under
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import Recipe, classifier_cache_path, classifier_key, isolating, train_classifier
from trainer.dialogue.corpus import corpus_hash
from trainer.dialogue.taught import taught_behaviours
from trainer.dialogue.corpus import LabelledUtterance, read_corpus
from trainer.dialogue.detectors import Detectors
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.regional_speech import mandarin_reading
from trainer.dialogue.reply import reply_evidence
from trainer.dialogue.segments import clause_segments, sentence_segments

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "trainer" / "dialogue" / "annotations"
WEAK = ("verification", "empathy", "rude", "next_step", "clarifying_question")
NEAR = 0.1
NEGATION = ("不会", "不用", "不能", "不是", "没有", "没法", "不要", "别", "并不", "未", "不需要", "不必", "无需")
CAUSES = ("label boundary", "check", "wrong unit", "negation / hedge", "threshold", "phrasing")
MIN_RECALL_GAIN, MAX_PRECISION_LOSS, MAX_WRITER_F1_LOSS = 0.02, 0.01, 0.02
# `--curve`: the calibrated thresholds moved by these amounts (probability), every behaviour at once.
SHIFTS = (-0.2, -0.15, -0.1, -0.075, -0.05, -0.025, 0.0, 0.025, 0.05)


@dataclass(frozen=True)
class Figures:
    """One behaviour's pooled leave-one-writer-out precision / recall, and F1 per left-out writer."""

    precision: float
    recall: float
    writer_f1: dict[str, float]


@dataclass(frozen=True)
class Judged:
    """One held-out train utterance as the judge read it."""

    utterance: LabelledUtterance
    found: dict[str, str]          # behaviour -> quote
    best: dict[str, float]         # behaviour -> best unit score (sentences and the whole)
    best_sentence: dict[str, float]  # behaviour -> best sentence score (not the whole)
    best_clause: dict[str, float]  # behaviour -> best comma clause score, each clause encoded alone
    rule: set[str]                 # positive cue rules that fired
    thresholds: dict[str, float]


def split_votes_by_text() -> dict[str, dict[str, int]]:
    """text -> behaviour -> how many of the three votes (writer, two annotators) said shown; a behaviour
    a one-behaviour panel relabelled counts that panel's three votes (the label it had, two annotators)."""
    from bench.judge_agreement import split_votes

    votes = split_votes(ANNOTATIONS, "train")
    counts: dict[str, dict[str, int]] = {}
    for i in votes.ids:
        c: Counter = Counter()
        for rater in (votes.writer, votes.first, votes.second):
            c.update(rater.get(i, frozenset()))
        counts[votes.texts[i]] = dict(c)
    for panel in panels_under(ANNOTATIONS):
        for i in panel.ids:
            counts.setdefault(panel.texts[i], {})[panel.behaviour] = sum(panel.votes(i))
    return counts


def judge_writer(held: Sequence[LabelledUtterance], judge: MeaningJudge, detectors: Detectors, embed) -> list[Judged]:
    texts = list(dict.fromkeys(p for u in held for p in judge.pieces(u.text)))
    judge.remember(texts, embed(texts))
    clauses = {u.text: [c.text for s in sentence_segments(u.text) for c in clause_segments(s)] for u in held}
    clause_texts = list(dict.fromkeys(c for cs in clauses.values() for c in cs))
    clause_vectors = dict(zip(clause_texts, embed(clause_texts))) if clause_texts else {}
    behaviours = judge.classifier.behaviours
    out = []
    for u in held:
        reading = judge.read(u.text)
        evidence = reply_evidence(u.text, detectors, judge)
        found = {}
        for e in evidence:
            found.setdefault(e.behaviour, e.quote)
        best = dict(zip(behaviours, reading.scores.max(axis=0)))
        sentences = [i for i, unit in enumerate(reading.units) if unit.text != u.text.strip() or len(reading.units) == 1]
        best_sentence = dict(zip(behaviours, reading.scores[sentences].max(axis=0)))
        cs = clauses[u.text]
        clause_scores = (judge.classifier.scores(cs, np.vstack([clause_vectors[c] for c in cs])).max(axis=0)
                         if cs else np.zeros(len(behaviours)))
        rule = {e.behaviour for e in detectors.positives(mandarin_reading(u.text).text)}
        out.append(Judged(u, found, best, best_sentence, dict(zip(behaviours, clause_scores)), rule,
                          dict(judge.classifier.thresholds)))
    return out


def cause(j: Judged, behaviour: str, votes: dict[str, dict[str, int]]) -> str:
    shown = j.utterance.shows(behaviour)
    v = votes.get(j.utterance.text, {}).get(behaviour, 0)
    if v in (1, 2):
        return "label boundary"
    t = j.thresholds[behaviour]
    if shown:
        if j.best[behaviour] >= t or behaviour in j.rule:
            return "check"
        if j.best_clause[behaviour] >= t:
            return "wrong unit"
        return "threshold" if j.best[behaviour] >= t - NEAR else "phrasing"
    quote = j.found[behaviour]
    if quote == j.utterance.text.strip() and len(sentence_segments(j.utterance.text)) > 1 \
            and j.best_sentence[behaviour] < t:
        return "wrong unit"
    if any(n in quote for n in NEGATION):
        return "negation / hedge"
    return "threshold" if j.best[behaviour] < t + NEAR else "phrasing"


def figures(judged: Sequence[Judged], behaviour: str) -> Figures:
    """Pooled precision / recall of `behaviour` over the judged utterances, and F1 per writer."""
    def pr(items: Sequence[Judged]) -> tuple[float, float]:
        truth = [j.utterance.shows(behaviour) for j in items]
        flagged = [behaviour in j.found for j in items]
        hits = sum(t and f for t, f in zip(truth, flagged))
        return hits / max(1, sum(flagged)), hits / max(1, sum(truth))

    def f1(items: Sequence[Judged]) -> float:
        p, r = pr(items)
        return 2 * p * r / (p + r) if p + r else 0.0

    writers = sorted({j.utterance.writer for j in judged})
    precision, recall = pr(judged)
    return Figures(precision, recall, {w: f1([j for j in judged if j.utterance.writer == w]) for w in writers})


def keeps(before: Figures, after: Figures) -> bool:
    """The screen's keep rule for teaching one behaviour (fixed before the screen was run): recall rises
    by at least MIN_RECALL_GAIN, precision falls by at most MAX_PRECISION_LOSS, and no left-out writer's
    F1 falls by more than MAX_WRITER_F1_LOSS (a gain pooled over writers that one writer pays for is
    a style the file teaches, not the behaviour)."""
    return (after.recall - before.recall >= MIN_RECALL_GAIN - 1e-9
            and before.precision - after.precision <= MAX_PRECISION_LOSS + 1e-9
            and all(before.writer_f1[w] - after.writer_f1.get(w, 0.0) <= MAX_WRITER_F1_LOSS + 1e-9
                    for w in before.writer_f1))


def decisions_at_shifts(held: Sequence[LabelledUtterance], judge: MeaningJudge, detectors: Detectors,
                        shifts: Sequence[float] = SHIFTS) -> dict[float, list[set[str]]]:
    """shift -> per utterance, the behaviours the final decision (rules + classifier) finds with every
    calibrated threshold moved by `shift` (the utterances' pieces already remembered by `judge_writer`)."""
    thresholds = judge.classifier.thresholds
    calibrated = dict(thresholds)
    found = {}
    try:
        for shift in shifts:
            thresholds.update({b: t + shift for b, t in calibrated.items()})
            found[shift] = [{e.behaviour for e in reply_evidence(u.text, detectors, judge)} for u in held]
    finally:
        thresholds.update(calibrated)
    return found


def shift_for_recall(curve: dict[float, tuple[float, float]], target: float = 0.90) -> float:
    """The rule written before the dev read (docs/benchmarks.md, judge15): the lowest shift ≤ 0 whose pooled
    LOWO precision is ≥ `target` and whose recall is above the calibrated threshold's; 0 (the calibrated
    threshold) when none is, or when the calibrated threshold is itself under `target` (never raised:
    the task is recall)."""
    if curve[0.0][0] < target:
        return 0.0
    better = [s for s, (p, r) in curve.items() if s < 0 and p >= target and r > curve[0.0][1]]
    return min(better, default=0.0)


def print_curve(held: Sequence[LabelledUtterance], found: dict[float, list[set[str]]]) -> None:
    """Per behaviour, pooled LOWO P / R of the final decision at each threshold shift, and the rule's shift."""
    shifts = sorted(found)
    print("\n| behaviour | " + " | ".join(f"{s:+.3f}" for s in shifts) + " | rule's shift |")
    print("|---|" + "---|" * len(shifts) + "---|")
    for behaviour in UTTERANCE_BEHAVIOURS:
        truth = [u.shows(behaviour) for u in held]
        curve = {}
        for s in shifts:
            flagged = [behaviour in f for f in found[s]]
            hits = sum(t and f for t, f in zip(truth, flagged))
            curve[s] = (hits / max(1, sum(flagged)), hits / max(1, sum(truth)))
        print(f"| {behaviour} | " + " | ".join(f"{p:.2f} / {r:.2f}" for p, r in (curve[s] for s in shifts))
              + f" | {shift_for_recall(curve):+.3f} |")


def recipe_with(overrides: str) -> Recipe:
    """The app's recipe with `name=value,…` fields replaced (values as Python literals)."""
    fields = {}
    for pair in filter(None, (p.strip() for p in overrides.split(","))):
        name, _, value = pair.partition("=")
        fields[name.strip()] = ast.literal_eval(value.strip())
    return replace(Recipe(), **fields)


def kept_classifier(some: Sequence[LabelledUtterance], embed, model_id: str, recipe: Recipe, cache_dir: Path):
    """A classifier trained on `some`, kept in `cache_dir` under its cache key (`classifier_key`: corpus, recipe, cue
    rules, training code). A screen of a new file retrains the left-out writers' classifiers without it — the same
    twelve each time, ~80 s CPU each (judge43t): kept, a second screen trains only the groups the file joins."""
    path = classifier_cache_path(cache_dir, classifier_key(some, model_id, recipe))
    if path.is_file():
        with open(path, "rb") as handle:
            return pickle.load(handle)
    classifier = train_classifier(some, embed, model_id, recipe=recipe)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with open(partial, "wb") as handle:
        pickle.dump(classifier, handle)
    os.replace(partial, path)
    return classifier


def print_screen(before: Sequence[Judged], after: Sequence[Judged], taught: frozenset[str]) -> None:
    """Per taught behaviour: LOWO figures without and with the file, and whether the keep rule keeps it."""
    print("\n| behaviour | without: P / R | teaching it: P / R | F1 per left-out writer (without → with) | kept |")
    print("|---|---|---|---|---|")
    kept = []
    for behaviour in UTTERANCE_BEHAVIOURS:
        if behaviour not in taught:
            continue
        a, b = figures(before, behaviour), figures(after, behaviour)
        writers = ", ".join(f"{w.removeprefix('w-')} {a.writer_f1[w]:.2f} → {b.writer_f1.get(w, 0.0):.2f}"
                            for w in a.writer_f1)
        keep = keeps(a, b)
        kept += [behaviour] * keep
        print(f"| {behaviour} | {a.precision:.2f} / {a.recall:.2f} | {b.precision:.2f} / {b.recall:.2f} | {writers} | "
              f"{'yes' if keep else 'no'} |")
    print(f"\nkept by the rule: {','.join(kept) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_errors")
    parser.add_argument("--behaviours", default=",".join(WEAK))
    parser.add_argument("--list", type=int, default=0, help="print up to N misses and false credits per behaviour")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="a training-only corpus file added to every training set (never judged)")
    parser.add_argument("--recipe", default="", help="Recipe overrides, e.g. clause_units=True")
    parser.add_argument("--teaches", default="", help="the behaviours the --extra files teach (replaces their own list)")
    parser.add_argument("--curve", action="store_true",
                        help="per behaviour: the final decision's P / R with the calibrated thresholds moved (SHIFTS)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep the trained classifiers in this folder by cache key, for the next run to reuse")
    parser.add_argument("--screen", action="store_true",
                        help="per behaviour: without the --extra files and with them teaching it, and the keep rule")
    args = parser.parse_args(argv)
    chosen = args.behaviours.split(",")
    settings = Settings.from_env()
    encoder = load_encoder(settings.embedding_model)
    embed = EmbeddingCache(encoder, settings.embedding_cache_dir).embed
    utterances, _ = read_corpus(settings.content_dir)
    extra: list[LabelledUtterance] = []
    if args.extra:  # read with the corpus (duplicates and training_only checked), then only its utterances kept
        names = {f"dialogue/utterances/{p.name}": p.read_text(encoding="utf-8") for p in args.extra}
        everything, problems = read_corpus(settings.content_dir, names)
        if problems:
            print(f"warning: {len(problems)} problem(s) with --extra, e.g. {problems[0]}")
        extra = [u for u in everything if u.file in names or any(u.file.endswith(n) for n in names)]
        if args.teaches:
            extra = [replace(u, teaches=tuple(args.teaches.split(","))) for u in extra]
        print(f"--extra: {len(extra)} training-only utterances added to every training set"
              f" (teaching {', '.join(sorted(taught_behaviours(extra))) or 'every behaviour'})")
    recipe = recipe_with(args.recipe)
    trained: dict[str, object] = {}

    def one(some: Sequence[LabelledUtterance]):
        """A classifier trained on `some`, once per training set (the screen's two judges share the base)."""
        key = corpus_hash(some)
        if key not in trained:
            trained[key] = (kept_classifier(some, embed, encoder.model_id, recipe, args.cache) if args.cache
                            else train_classifier(some, embed, encoder.model_id, recipe=recipe))
        return trained[key]

    detectors = Detectors(())
    votes = split_votes_by_text()
    writers = sorted({u.writer for u in utterances if u.split == "dev"})
    judged: list[Judged] = []
    before: list[Judged] = []
    curve_held: list[LabelledUtterance] = []
    curve: dict[float, list[set[str]]] = defaultdict(list)
    for writer in writers:
        others = [u for u in utterances if u.writer != writer]
        held = [u for u in utterances if u.writer == writer and u.split == "train"]
        judge = MeaningJudge(isolating(others + extra, one), encoder)
        judged += judge_writer(held, judge, detectors, embed)
        if args.curve:
            curve_held += held
            for shift, found in decisions_at_shifts(held, judge, detectors).items():
                curve[shift] += found
        if args.screen:
            before += judge_writer(held, MeaningJudge(isolating(others, one), encoder), detectors, embed)
        trained.clear()
        print(f"{writer}: {len(held)} train utterances judged", flush=True)
    if args.curve:
        print_curve(curve_held, curve)
    if args.screen:
        print_screen(before, judged, taught_behaviours(extra) or frozenset(UTTERANCE_BEHAVIOURS))
    print("\n| behaviour | train n | LOWO P / R | missed | " + " | ".join(f"miss: {c}" for c in CAUSES)
          + " | falsely credited | " + " | ".join(f"false: {c}" for c in CAUSES) + " | recall per writer |")
    print("|---|---|---|---|" + "---|" * len(CAUSES) + "---|" + "---|" * len(CAUSES) + "---|")
    macro = []
    for behaviour in UTTERANCE_BEHAVIOURS:
        truth = [j.utterance.shows(behaviour) for j in judged]
        flagged = [behaviour in j.found for j in judged]
        hits = sum(t and f for t, f in zip(truth, flagged))
        p, r = hits / max(1, sum(flagged)), hits / max(1, sum(truth))
        macro.append((p, r))
        if behaviour not in chosen:
            continue
        misses = [j for j, t, f in zip(judged, truth, flagged) if t and not f]
        false = [j for j, t, f in zip(judged, truth, flagged) if f and not t]
        mc = Counter(cause(j, behaviour, votes) for j in misses)
        fc = Counter(cause(j, behaviour, votes) for j in false)
        per_writer = defaultdict(lambda: [0, 0])
        for j, t, f in zip(judged, truth, flagged):
            if t:
                per_writer[j.utterance.writer][0] += f
                per_writer[j.utterance.writer][1] += 1
        writers_text = ", ".join(f"{w.removeprefix('w-')} {a}/{n}" for w, (a, n) in sorted(per_writer.items()))
        print(f"| {behaviour} | {sum(truth)} | {p:.2f} / {r:.2f} | {len(misses)} | " + " | ".join(str(mc[c]) for c in CAUSES)
              + f" | {len(false)} | " + " | ".join(str(fc[c]) for c in CAUSES) + f" | {writers_text} |")
    print(f"\nLOWO train macro over all 14: P {np.mean([m[0] for m in macro]):.3f} R {np.mean([m[1] for m in macro]):.3f}; "
          + ", ".join(f"{b} {p:.2f}/{r:.2f}" for b, (p, r) in zip(UTTERANCE_BEHAVIOURS, macro)))
    if args.list:
        for behaviour in chosen:
            t = judged[0].thresholds[behaviour]
            print(f"\n### {behaviour}")
            for j in judged:
                shown, flagged = j.utterance.shows(behaviour), behaviour in j.found
                if shown != flagged:
                    kind = "MISS" if shown else "FALSE"
                    print(f"{kind} [{cause(j, behaviour, votes)}] s={j.best[behaviour]:.2f} sent={j.best_sentence[behaviour]:.2f} "
                          f"clause={j.best_clause[behaviour]:.2f} t={j.thresholds[behaviour]:.2f} "
                          f"{j.utterance.writer.removeprefix('w-')}: {j.utterance.text}"
                          + (f"  «{j.found[behaviour]}»" if flagged else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
