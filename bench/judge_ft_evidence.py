"""The fine-tuned encoder's scores as evidence inside the judge's classifier: a train screen on its position folds.

    .venv/bin/python -m bench.judge_ft_evidence fold N        # one out-of-fold fine-tune (N = 0..4), kept in STORE
    .venv/bin/python -m bench.judge_ft_evidence screen        # the candidates on the train split (missing folds fitted first)
    .venv/bin/python -m bench.judge_ft_evidence dev A|B|B2 [bench.judge options]   # ONE dev read, the full judge

Why: judge36ft measured the fine-tuned model (`trainer.dialogue.finetuned`) against the classifier under a simpler
decision than the app's; here its scores enter the app's own classifier, as the app would compose it. Train split
only, the classifier's own **5 position folds** (`classifier._folds`: utterances sorted by text, utterance i in fold
i % 5): the fine-tuned model is fitted five times, each time without one fold, and scores every text of that fold (its
sentences, the whole, the comma clauses). Per classifier the judge composes (`taught.classifier_corpora`), the
first-stage out-of-fold scores are computed as `train_classifier` computes them, then the candidates:

- today: the app's second stage and shares (the check: its pooled thresholds are the cached classifier's);
- A: the fine-tuned model's 14 log-odds as more inputs of the second stage (its share chosen as today's);
- B: today's score blended 50 / 50 with the fine-tuned score; B2: the blend's share per behaviour chosen from
  `SHARES` (0 keeps today's score);
- the fine-tuned model alone, for reference.

Each is decided as the classifier decides (threshold, cue-rule floor, best recall at precision ≥ 0.90) — pooled (in
sample, as classifier.py reports its calibration) and cross-fold (share, threshold and floor chosen on the other four
folds). Figures over the corpus writers' train utterances; training-only files train and calibrate, not counted.
`dev`: the app's cached classifiers with a candidate's evidence and pooled choices, read by `bench.judge` (the dev
split's figures only, the held-out calls); the fine-tuned model on the whole train split (`open_fine_tuned`, cached).
Figures: docs/benchmarks.md, judge38st.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy.special import expit

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import classifier as C
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance, corpus_hash, read_corpus
from trainer.dialogue.finetuned import FineTuned, FineTuneSetting, fine_tune, open_fine_tuned
from trainer.dialogue.segments import reading_units
from trainer.dialogue.stacking import _logit, features as stack_features, fit as fit_stack
from trainer.dialogue.taught import TaughtClassifier, classifier_corpora

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "data" / "judge_finetune"
RECIPE = C.Recipe()
SHARES = (0.0, 0.25, 0.5, 0.75)
CANDIDATES = {"A": "A: second stage + fine-tuned", "B": "B: blend 0.5", "B2": "B2: blend, share per behaviour"}


def _train(utterances: Sequence[LabelledUtterance]) -> list[LabelledUtterance]:
    return sorted((u for u in utterances if u.split == "train"), key=lambda u: u.text)


def _texts_of(utterance: LabelledUtterance) -> list[str]:
    """Every text the judge may score for this reply: its reading units and the comma clauses of each."""
    units = reading_units(utterance.text)
    return list(dict.fromkeys([u.text for u in units] + [c.text for u in units for c in C.sentence_clauses(u)]))


def _fold_path(utterances: Sequence[LabelledUtterance], setting: FineTuneSetting, fold: int) -> Path:
    return STORE / f"positions-{corpus_hash(utterances)}-{setting.key()}-fold{fold}.npz"


def fit_fold(utterances: Sequence[LabelledUtterance], setting: FineTuneSetting, fold: int) -> Path:
    """The fine-tuned model without fold `fold`'s train utterances, its scores of that fold's texts (kept)."""
    path = _fold_path(utterances, setting, fold)
    if path.is_file():
        return path
    started = time.perf_counter()
    held = {id(u) for i, u in enumerate(_train(utterances)) if i % RECIPE.folds == fold}
    model = fine_tune([u for u in utterances if id(u) not in held], setting, progress=True)
    texts = list(dict.fromkeys(t for u in _train(utterances) if id(u) in held for t in _texts_of(u)))
    STORE.mkdir(parents=True, exist_ok=True)
    np.savez(path, texts=np.array(texts), scores=model.scores(texts))
    print(f"fold {fold}: {len(texts)} texts scored, {time.perf_counter() - started:.0f} s", flush=True)
    return path


def out_of_fold_ft(utterances: Sequence[LabelledUtterance], setting: FineTuneSetting, texts: Sequence[str]) -> np.ndarray:
    by_text: dict[str, np.ndarray] = {}
    for fold in range(RECIPE.folds):
        saved = np.load(fit_fold(utterances, setting, fold))
        by_text.update(zip(saved["texts"], saved["scores"]))
    return np.vstack([by_text[t] for t in texts])


def _first_stage(some: Sequence[LabelledUtterance], embed) -> dict:
    """The classifier's out-of-fold first stage on this corpus, as `train_classifier` computes it (kept in STORE)."""
    path = STORE / f"first-stage-{corpus_hash(some)}-{C.training_code_hash()}.pkl"
    if path.is_file():
        with open(path, "rb") as handle:
            return pickle.load(handle)
    train, data, x_raw, truth = C._prepared(some, embed, UTTERANCE_BEHAVIOURS, RECIPE)
    heads, votes = C._out_of_fold(data, x_raw, UTTERANCE_BEHAVIOURS, RECIPE.ngram_max, [RECIPE.head], False,
                                  RECIPE.folds, RECIPE)
    kept = dict(train=train, data=data, truth=truth, heads=heads, votes=votes,
                rules=C.rule_hits(train, UTTERANCE_BEHAVIOURS))
    STORE.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        pickle.dump(kept, handle)
    return kept


def _stack_out_of_fold(x: np.ndarray, data, folds: np.ndarray) -> np.ndarray:
    """As `stacking.out_of_fold`, over any feature rows (today's, or today's with the fine-tuned log-odds)."""
    result = np.zeros((len(x), data.labels.shape[1]))
    for fold in np.unique(folds):
        fit_rows, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        result[held] = fit_stack(x[fit_rows], data.labels[fit_rows], data.weights[fit_rows], RECIPE.stack).scores(x[held])
    return result


def _decided(base: np.ndarray, other: np.ndarray, shares: Sequence[float], s: dict, calibrating: np.ndarray):
    """Per-utterance flags and per behaviour (share, threshold, floor, P, R) chosen on the `calibrating` utterances."""
    n, data, truth, rules = len(s["train"]), s["data"], s["truth"], s["rules"]
    chosen = C.best_shares(base, other, shares, data.group, n, truth, rules, RECIPE, calibrating)
    flags = np.zeros((n, base.shape[1]), dtype=bool)
    for c, (share, threshold, floor, _, _) in enumerate(chosen):
        best = C.best_of_units(C.blend(base[:, c], other[:, c], share)[:, None], data.group, n)[:, 0]
        flags[:, c] = (best >= threshold) | ((rules[:, c] & (best >= floor)) if floor is not None else False)
    return flags, chosen


def candidates(s: dict, ft: np.ndarray) -> tuple[dict[str, tuple], dict]:
    """name -> (base scores, other scores, share options), and what the app would fit from them (stack A, vote weights)."""
    data, truth, rules, n = s["data"], s["truth"], s["rules"], len(s["train"])
    everyone = np.ones(n, dtype=bool)
    weights = np.array([c[0] for c in C._choose_weights(s["heads"], s["votes"], data, n, truth, rules, RECIPE, everyone)])
    first = C.blend(s["heads"], s["votes"], weights)
    folds = C._folds(data, False, RECIPE.folds)
    x = stack_features(s["heads"], s["votes"], weights, data.group, RECIPE.stack)
    x_ft = np.hstack([x, _logit(ft)])
    second, second_ft = _stack_out_of_fold(x, data, folds), _stack_out_of_fold(x_ft, data, folds)
    shares = [c[0] for c in C.best_shares(first, second, RECIPE.stack_shares, data.group, n, truth, rules, RECIPE, everyone)]
    today = C.blend(first, second, np.array(shares))
    options = {"today": (first, second, RECIPE.stack_shares), CANDIDATES["A"]: (first, second_ft, RECIPE.stack_shares),
               CANDIDATES["B"]: (today, ft, (0.5,)), CANDIDATES["B2"]: (today, ft, SHARES),
               "fine-tuned alone": (today, ft, (1.0,))}
    fitted = {"weights": weights, "stack_a": fit_stack(x_ft, data.labels, data.weights, RECIPE.stack)}
    return options, fitted


def screen(args) -> int:
    settings = Settings.from_env()
    utterances, _ = read_corpus(settings.content_dir)
    setting = FineTuneSetting()
    encoder = load_encoder(settings.embedding_model)
    embed = EmbeddingCache(encoder, settings.embedding_cache_dir).embed
    corpus_writers = sorted({u.writer for u in utterances if u.split == "dev"})
    parts, results = classifier_corpora(utterances), []
    for k, (teaches, some) in enumerate(parts):
        s = _first_stage(some, embed)
        options, fitted = candidates(s, out_of_fold_ft(utterances, setting, s["data"].texts))
        n = len(s["train"])
        position = np.arange(n) % RECIPE.folds
        decided, chosen = {}, {}
        for name, (base, other, shares) in options.items():
            pooled, chosen[name] = _decided(base, other, shares, s, np.ones(n, dtype=bool))
            cross = np.zeros_like(pooled)
            for fold in range(RECIPE.folds):
                cross[position == fold] = _decided(base, other, shares, s, position != fold)[0][position == fold]
            decided[name] = {"pooled": pooled, "cross-fold": cross}
        with open(_choices_path(some), "wb") as handle:
            pickle.dump({"chosen": chosen, **fitted}, handle)
        results.append((teaches, s, decided))
    owner = {b: max((k for k, r in enumerate(results) if b in r[0]), default=0) for b in UTTERANCE_BEHAVIOURS}
    for mode in ("cross-fold", "pooled"):
        print(f"\n### {mode}: the corpus writers' train utterances ({', '.join(corpus_writers)})")
        table = {name: _figures(results, owner, name, mode, corpus_writers) for name in results[0][2]}
        print("| candidate | macro P / R | at P ≥ 0.90 / R ≥ 0.85 | macro F1 per writer |\n|---|---|---|---|")
        for name, (per_b, per_w) in table.items():
            meets = sum(p >= 0.90 and r >= 0.85 for p, r, _ in per_b)
            print(f"| {name} | {np.mean([x[0] for x in per_b]):.3f} / {np.mean([x[1] for x in per_b]):.3f} | {meets} | "
                  + " · ".join(f"{f:.3f}" for f in per_w.values()) + " |")
        print("\n| behaviour | " + " | ".join(table) + " |\n|---|" + "---|" * len(table))
        for c, b in enumerate(UTTERANCE_BEHAVIOURS):
            print(f"| {b} | " + " | ".join(f"{v[0][c][0]:.2f} / {v[0][c][1]:.2f}" for v in table.values()) + " |")
    return 0


def _figures(results, owner, name, mode, writers_counted):
    """Per behaviour (P, R, F1) over the counted writers, and each writer's macro F1."""
    per_b, per_w = [], {w: [] for w in writers_counted}
    for c, b in enumerate(UTTERANCE_BEHAVIOURS):
        _, s, decided = results[owner[b]]
        flags, truth = decided[name][mode][:, c], s["truth"][:, c]
        writers = np.array([u.writer for u in s["train"]])
        counted = np.isin(writers, writers_counted) & (truth >= 0)
        per_b.append(_prf(flags, truth == 1, counted))
        for w in writers_counted:
            per_w[w].append(_prf(flags, truth == 1, counted & (writers == w))[2])
    return per_b, {w: float(np.mean(v)) for w, v in per_w.items()}


def _prf(flags: np.ndarray, truth: np.ndarray, rows: np.ndarray) -> tuple[float, float, float]:
    hits = int((flags & truth & rows).sum())
    p, r = hits / max(1, int((flags & rows).sum())), hits / max(1, int((truth & rows).sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def _choices_path(some: Sequence[LabelledUtterance]) -> Path:
    return STORE / f"choices-{corpus_hash(some)}-{C.training_code_hash()}.pkl"


class _Memo:
    """The fine-tuned model's scores per text, each text scored once."""

    def __init__(self, model: FineTuned) -> None:
        self.model, self.memo = model, {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.memo.update(zip(missing, self.model.scores(missing)))
        return np.vstack([self.memo[t] for t in texts])


class Candidate:
    """One of the judge's classifiers with a candidate's evidence and its pooled choices (the `BehaviourClassifier`
    the judge reads: behaviours, thresholds, rule floors, scores)."""

    def __init__(self, inner: C.BehaviourClassifier, fine_tuned: _Memo, chosen: list, stack_a=None) -> None:
        self.inner, self.fine_tuned, self.stack_a = inner, fine_tuned, stack_a
        self.shares = np.array([c[0] for c in chosen])
        self.thresholds = {b: c[1] for b, c in zip(inner.behaviours, chosen)}
        self.rule_floors = {b: c[2] for b, c in zip(inner.behaviours, chosen) if c[2] is not None}
        self.calibration = {b: (round(c[3], 3), round(c[4], 3)) for b, c in zip(inner.behaviours, chosen)}

    behaviours = property(lambda self: self.inner.behaviours)
    model_id = property(lambda self: self.inner.model_id)
    recipe = property(lambda self: self.inner.recipe)
    whole_from_sentences = property(lambda self: self.inner.whole_from_sentences)
    train_size = property(lambda self: self.inner.train_size)

    def scores(self, texts: Sequence[str], vectors: np.ndarray, only: str | None = None) -> np.ndarray:
        behaviours = self.inner.behaviours
        columns = [behaviours.index(only)] if only is not None else list(range(len(behaviours)))
        if not len(texts):
            return np.zeros((0, len(columns)))
        if self.stack_a is None:
            return C.blend(self.inner.scores(texts, vectors), self.fine_tuned(texts), self.shares)[:, columns]
        inner = self.inner
        dense, ngrams = inner.features.parts(texts, vectors)
        w_dense, w_ngrams, bias = inner._stacked()
        heads = expit(dense @ w_dense + ngrams @ w_ngrams + bias)
        weights = np.array([inner.neighbour_weights.get(b, 0.0) for b in behaviours])
        votes = inner.neighbours.votes((dense, ngrams)) if inner.neighbours is not None else np.zeros_like(heads)
        x = stack_features(heads, votes, weights, np.zeros(len(texts), dtype=int), inner.recipe.stack)
        second = self.stack_a.scores(np.hstack([x, _logit(self.fine_tuned(texts))]))
        return C.blend(C.blend(heads, votes, weights), second, self.shares)[:, columns]

    def columns_of(self, texts: Sequence[str], vectors: np.ndarray, behaviours: Sequence[str]) -> np.ndarray:
        """`scores` of these behaviours (the judge's clause reading asks for two)."""
        return self.scores(texts, vectors)[:, [self.inner.behaviours.index(b) for b in behaviours]]


def candidate_classifier(kind: str, utterances: Sequence[LabelledUtterance], embed, model_id: str, cache_dir: Path | None):
    """The app's composition (`classifier.isolating`) of the cached classifiers, each with candidate `kind`'s evidence."""
    fine_tuned = _Memo(open_fine_tuned(utterances, STORE, FineTuneSetting(), progress=True))
    composed = None
    for teaches, some in classifier_corpora(utterances):
        inner = C._open_one(some, embed, model_id, cache_dir)
        with open(_choices_path(some), "rb") as handle:
            kept = pickle.load(handle)
        today = kept["chosen"]["today"]
        assert all(abs(inner.thresholds[b] - c[1]) < 1e-12 for b, c in zip(inner.behaviours, today)), \
            "the screen's `today` is not the app's classifier"
        part = Candidate(inner, fine_tuned, kept["chosen"][CANDIDATES[kind]], kept["stack_a"] if kind == "A" else None)
        composed = part if composed is None else TaughtClassifier(composed, part, teaches)
    return composed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["dev"]:
        import bench.judge as judge_bench

        kind = argv[1]
        judge_bench.open_classifier = lambda u, embed, model_id, cache_dir: candidate_classifier(kind, u, embed, model_id,
                                                                                                  cache_dir)
        return judge_bench.main(argv[2:])
    parser = argparse.ArgumentParser(prog="python -m bench.judge_ft_evidence")
    parser.add_argument("stage", choices=("fold", "screen"))
    parser.add_argument("fold", nargs="?", type=int)
    args = parser.parse_args(argv)
    if args.stage == "fold":
        fit_fold(read_corpus(Settings.from_env().content_dir)[0], FineTuneSetting(), args.fold)
        return 0
    return screen(args)


if __name__ == "__main__":
    raise SystemExit(main())
