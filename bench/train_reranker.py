"""Train the learned re-ranker (kb.rerank) on the TUNE half of the customer-words set.

    .venv/bin/python -m bench.train_reranker            # writes kb/rerank_weights.json

Only TUNE is read: the old dev set and the DEV half are figures for `bench.retrieval` afterwards.
The regularisation C is chosen by 5-fold cross-validation on TUNE (folds by query position, so
the run is deterministic); the printed cross-validated figures are ungated (rank of the right
entry among the top candidates, no threshold). Then the model is fitted on all of TUNE and a
logistic curve maps its score to the 0–1 score shown.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench.retrieval import CUSTOMER_SET, searcher_for
from bench.train_adapter import held_out_adapter, opened_for_training, tune_vectors
from kb.adapter import QueryAdapter
from kb.evaluation import DevSet, load_dev_set
from kb.rerank import FEATURES, WEIGHTS_FILE, Reranker, candidate_features
from kb.search import Recipe, Searcher

FOLDS = 5
C_GRID = (3.0, 10.0, 30.0, 100.0)
WRITER_C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)

Example = tuple[np.ndarray, np.ndarray]  # features of the candidates, 1 where the candidate is right


def pairs(examples: list[Example]) -> tuple[np.ndarray, np.ndarray]:
    """The first right candidate minus each wrong one (label 1) and the reverse (label 0)."""
    x, y = [], []
    for features, right in examples:
        if not right.any():
            continue
        good = int(np.argmax(right))
        for bad in np.flatnonzero(right == 0):
            x += [features[good] - features[bad], features[bad] - features[good]]
            y += [1, 0]
    return np.array(x), np.array(y)


def fit(examples: list[Example], c: float) -> np.ndarray:
    x, y = pairs(examples)
    return LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(x, y).coef_[0]


def recall(examples: list[Example], weights: np.ndarray, k: int) -> float:
    """Share of queries whose right entry is in the model's top k (ungated)."""
    hits = 0
    for features, right in examples:
        if right.any():
            order = sorted(range(len(right)), key=lambda i: (-float(features[i] @ weights), i))
            hits += bool(right[order[:k]].any())
    return hits / len(examples)


def cross_validated(examples: list[Example], c: float) -> tuple[float, float]:
    r1 = r3 = 0.0
    for fold in range(FOLDS):
        train = [e for i, e in enumerate(examples) if i % FOLDS != fold]
        test = [e for i, e in enumerate(examples) if i % FOLDS == fold]
        weights = fit(train, c)
        r1 += recall(test, weights, 1) * len(test)
        r3 += recall(test, weights, 3) * len(test)
    return r1 / len(examples), r3 / len(examples)


def leave_one_writer_out(examples: list[Example], writers: list[str], c: float) -> dict[str, tuple[float, float, float, float]]:
    """Per writer: (R@1, R@3) of the app order and of a model trained on the other writers only, on that
    writer's queries (ungated) — whether the features carry over to people who wrote nothing it saw."""
    out = {}
    for writer in sorted(set(writers)):
        train = [e for e, w in zip(examples, writers) if w != writer]
        test = [e for e, w in zip(examples, writers) if w == writer]
        weights = fit(train, c)
        before = [sum(bool(r[:k].any()) for _, r in test) / len(test) for k in (1, 3)]
        out[writer] = (*before, recall(test, weights, 1), recall(test, weights, 3))
    return out


def writer_pooled(examples: list[Example], writers: list[str], c: float) -> tuple[float, float]:
    """Re-ranked R@1, R@3 (ungated) of every TUNE query by a model fitted without its writer, pooled over writers:
    how a C carries over to people whose words the model never saw (the DEV writers are such people)."""
    per_writer = leave_one_writer_out(examples, writers, c)
    counts = {w: writers.count(w) for w in per_writer}
    total = sum(counts.values())
    return (sum(v[2] * counts[w] for w, v in per_writer.items()) / total,
            sum(v[3] * counts[w] for w, v in per_writer.items()) / total)


def calibrated(examples: list[Example], weights: np.ndarray, model_id: str) -> Reranker:
    """The re-ranker with a logistic curve from its raw score to the 0–1 score shown (fitted on the same examples)."""
    raw = np.concatenate([f @ weights for f, _ in examples])
    labels = np.concatenate([r for _, r in examples])
    curve = LogisticRegression(C=1000.0, max_iter=5000).fit(raw.reshape(-1, 1), labels)
    return Reranker(weights, float(curve.coef_[0][0]), float(curve.intercept_[0]), model_id)


def writer_folds(writers: Sequence[str], folds: int = 0) -> dict[str, int]:
    """Each writer's fold: the sorted writers dealt round `folds` folds, or one fold per writer (folds 0). A writer's
    queries are never split between folds, so an adapter trained without a fold never saw any of its writers."""
    names = sorted(set(writers))
    return {writer: (i % folds if folds else i) for i, writer in enumerate(names)}


def cross_fitted(searcher: Searcher, tune: DevSet, folds: int = 0) -> dict[str, Searcher]:
    """Per TUNE writer, the searcher with a dense adapter trained without that writer's queries.

    The shipped adapter was trained on all of TUNE, so on TUNE its dense ranking is better than on
    anyone's new words; a re-ranker trained on those in-sample features would learn to trust the
    fused rank too much. Each writer's candidates are therefore ranked by an adapter that never saw
    them (same l2 and epochs as the shipped one), as a new customer's would be. `folds` > 0: one adapter
    per fold of whole writers (sorted writers dealt round the folds; search24a / search25's six folds) instead of
    one per writer — a few minutes each, so 32 writers' adapters would take over an hour on this machine."""
    about = QueryAdapter.trained_with()
    raw = copy.copy(searcher)
    raw.adapter = None
    queries, positive, _, writers = tune_vectors(raw, tune.queries)
    docs = searcher.index.dense.reconstruct_n(0, len(searcher.index.docs))
    fold_of = writer_folds(writers, folds)
    names = sorted(fold_of)
    by_fold = {}
    for fold in sorted(set(fold_of.values())):
        others = np.array([fold_of[w] != fold for w in writers])
        matrix = held_out_adapter(queries[others], docs, positive[others], float(about["l2"]), int(about["epochs"]))
        by_fold[fold] = copy.copy(searcher)
        by_fold[fold].adapter = QueryAdapter(matrix.astype(np.float32), searcher.adapter.model_id)
        left_out = [w for w in names if fold_of[w] == fold]
        print(f"adapter without {', '.join(left_out)}: trained on {int(others.sum())} queries", flush=True)
    return {writer: by_fold[fold_of[writer]] for writer in names}


def main() -> None:
    args, kb, encoder = opened_for_training(lambda parser: parser.add_argument(
        "--choose", choices=("cv", "writer"), default="cv",
        help="choose C by 5-fold CV (cv) or by leaving one TUNE writer out, pooled over the writers (writer)"))
    searcher = searcher_for(kb, encoder, replace(Recipe(), learned_rerank=False))
    tune = load_dev_set(CUSTOMER_SET / "tune")
    by_writer = cross_fitted(searcher, tune) if searcher.adapter is not None else {}
    examples: list[Example] = []
    for query in tune.queries:
        hits, signals, story = by_writer.get(query.source, searcher).candidate_signals(query.text)
        examples.append((candidate_features(signals, story), np.array([h.id in query.ids for h in hits], dtype=int)))
    encoder.save()
    in_top = sum(bool(r.any()) for _, r in examples)
    print(f"TUNE: {len(examples)} queries, right entry among the top candidates for {in_top}")
    base_r1 = sum(bool(r[:1].any()) for _, r in examples) / len(examples)
    base_r3 = sum(bool(r[:3].any()) for _, r in examples) / len(examples)
    print(f"app order without re-ranking (ungated): R@1 {base_r1:.3f} R@3 {base_r3:.3f}")
    results = {c: cross_validated(examples, c) for c in C_GRID}
    for c, (r1, r3) in results.items():
        print(f"C={c}: {FOLDS}-fold CV on TUNE (ungated) R@1 {r1:.3f} R@3 {r3:.3f}")
    best = max(C_GRID, key=lambda c: (results[c][0], results[c][1], -c))
    writers = [q.source for q in tune.queries]
    if args.choose == "writer":
        pooled = {c: writer_pooled(examples, writers, c) for c in WRITER_C_GRID}
        for c, (r1, r3) in pooled.items():
            print(f"C={c}: leave one writer out, pooled (ungated) R@1 {r1:.3f} R@3 {r3:.3f}")
        best = max(WRITER_C_GRID, key=lambda c: (pooled[c][0], pooled[c][1], -c))
        results[best] = pooled[best]
    if len(set(writers)) > 1:
        for writer, (b1, b3, r1, r3) in leave_one_writer_out(examples, writers, best).items():
            print(f"leave {writer} out (C={best}, ungated): app order R@1 {b1:.3f} R@3 {b3:.3f} -> "
                  f"re-ranked R@1 {r1:.3f} R@3 {r3:.3f}")
    weights = fit(examples, best)
    reranker = calibrated(examples, weights, kb.encoder.model_id)
    about = {"trained_on": f"tests/kb/customer_queries/tune ({len(examples)} queries)", "C": best,
             "C_chosen_by": "leave one writer out" if args.choose == "writer" else f"{FOLDS}-fold CV",
             ("writer_left_out_ungated" if args.choose == "writer" else "cross_validated_ungated"):
                 {"recall_at_1": round(results[best][0], 4), "recall_at_3": round(results[best][1], 4)},
             "made_by": "python -m bench.train_reranker"}
    print(f"chosen C={best}; weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, weights)))
    if not args.dry_run:
        WEIGHTS_FILE.write_text(reranker.to_json(about) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
