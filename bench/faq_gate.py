"""The FAQ's learned answer gate: fit it on TUNE, compare it with the scope margin + relevance threshold.

    .venv/bin/python -m bench.faq_gate          # figures with the gate in kb.faq_gate
    .venv/bin/python -m bench.faq_gate --fit    # refit on TUNE, print the constants to keep

Rows: the customer set's TUNE half (answerable queries = answer, near-domain negatives = refuse) plus
the 70 out-of-scope examples of content/scope.yaml (each compared with the other 69). The old dev set
and the DEV half are scored with the chosen model and threshold, never used to choose (DEV misses are
never listed). The L2 strength and threshold are those with the best out-of-fold TUNE Recall@1 (then
Recall@3) at which, out of fold, ≥ 0.95 of all training negatives are refused. "before" is the scope
margin (kb.scope) and relevance threshold it replaces, on the same re-ranked candidates.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

import numpy as np

from bench.gate_fit import L2_GRID, out_of_fold
from bench.retrieval import CUSTOMER_SET, DEV_SET, MemoEncoder
from kb import KnowledgeBase
from kb.evaluation import load_dev_set
from kb.faq_gate import FEATURES, GATE, GATE_THRESHOLD
from kb.gate_model import fit_gate
from kb.scope import SCOPE_MARGIN
from kb.search import GATE_DEPTH, LIST_MARGIN
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TARGET_REJECTION = 0.95


def rows(kb: KnowledgeBase):
    """(set, label, right ids, [(id, relevance)] of the re-ranked candidates, features, writer file) per query."""
    searcher = kb._snapshot.searcher.with_encoder(MemoEncoder(kb.encoder))  # noqa: SLF001 - the gate's parts
    items = []
    for name, folder in (("old", DEV_SET), ("tune", CUSTOMER_SET / "tune"), ("dev", CUSTOMER_SET / "dev")):
        for path in sorted(folder.glob("*.yaml")):
            dev = load_dev_set(path)
            items += [(name, 1, q.ids, q.text, path.name) for q in dev.queries]
            items += [(name, 0, (), text, path.name) for text in dev.off_topic + dev.negatives]
    items += [("scope", 0, (), text, f"scope-{i % 2}") for i, text in enumerate(searcher.scope.examples)]
    out = []
    for name, label, ids, text, writer in items:
        hits, features = searcher.gate_inputs(text, leave_out=text if name == "scope" else None)
        out.append((name, label, ids, [(h.id, h.relevance) for h in hits], features, writer))
    return out


def shown_before(row, threshold: float) -> list[str]:
    """What the replaced rules show: nothing when the scope margin or the relevance threshold refuses."""
    hits, features = row[3], row[4]
    if features[FEATURES.index("scope_margin")] + SCOPE_MARGIN >= 0:
        return []
    if not any(rel >= threshold for _, rel in hits[:GATE_DEPTH]):
        return []
    return [i for i, rel in hits if rel >= threshold - LIST_MARGIN]


def shown_gated(row, accept: bool, threshold: float, scope_rule: bool = False) -> list[str]:
    """What the gate shows (kb.search.Searcher._listed): the first candidate, then those near the threshold.
    `scope_rule`: the scope margin still refuses first (the gate replaces the relevance threshold only)."""
    hits = row[3]
    if not accept or not hits or (scope_rule and row[4][FEATURES.index("scope_margin")] + SCOPE_MARGIN >= 0):
        return []
    return [hits[0][0]] + [i for i, rel in hits[1:] if rel >= threshold - LIST_MARGIN]


def figures(shown: list[list[str]], data, name: str) -> tuple[float, float, int, int]:
    """(R@1, R@3, negatives refused, negatives) of one set."""
    pos = [i for i, r in enumerate(data) if r[0] == name and r[1] == 1]
    neg = [i for i, r in enumerate(data) if r[0] == name and r[1] == 0]
    r1 = sum(bool(shown[i]) and shown[i][0] in data[i][2] for i in pos) / len(pos)
    r3 = sum(any(s in data[i][2] for s in shown[i][:3]) for i in pos) / len(pos)
    return r1, r3, sum(not shown[i] for i in neg), len(neg)


def by_writer(data, train: np.ndarray, x: np.ndarray, y: np.ndarray, l2: float, threshold: float,
              relevance: float, scope_rule: bool) -> None:
    """Leave one TUNE writer out (the scope examples in two halves): the gate fitted without a writer,
    at the chosen threshold, on that writer's queries and negatives, against the two old rules."""
    groups = np.array([r[5] for r in data])
    p = np.zeros(len(data))
    p[train] = out_of_fold(x[train], y[train], l2, groups[train])
    for writer in sorted({r[5] for r in data if r[0] == "tune"}):
        mine = [r if r[5] == writer else (("other",) + r[1:]) for r in data]
        gated = [shown_gated(r, p[i] >= threshold, relevance, scope_rule) for i, r in enumerate(data)]
        before = [shown_before(r, relevance) for r in data]
        print(f"leave {writer} out: before %.3f / %.3f, %d/%d" % figures(before, mine, "tune")
              + "  gate fitted without it %.3f / %.3f, %d/%d" % figures(gated, mine, "tune"))


def line(label: str, shown, data) -> str:
    return label + "  " + "  ".join(f"{n} %.3f / %.3f, %d/%d" % figures(shown, data, n) for n in ("old", "tune", "dev"))


def choose(data, train: np.ndarray, x: np.ndarray, y: np.ndarray, relevance: float,
           scope_rule: bool = False, floor: float = TARGET_REJECTION,
           groups: np.ndarray | None = None) -> tuple[float, float, float, float]:
    """(l2, threshold, OOF TUNE R@1, R@3): best out-of-fold TUNE R@1 (then R@3) at which out of fold at least
    TARGET_REJECTION of all training negatives (TUNE negatives and scope examples) are refused. `groups`:
    one fold per writer instead of folds by row number (the threshold then fits a writer the model never saw)."""
    negatives = [i for i, r in enumerate(data) if train[i] and r[1] == 0]
    best = (0.0, 0.0, -1.0, -1.0)
    for l2 in L2_GRID:
        p = np.zeros(len(data))
        p[train] = out_of_fold(x[train], y[train], l2, None if groups is None else groups[train])
        for threshold in np.round(np.arange(0.05, 0.99, 0.01), 2):
            shown = [shown_gated(r, p[i] >= threshold, relevance, scope_rule) for i, r in enumerate(data)]
            refused = sum(not shown[i] for i in negatives) / len(negatives)
            r1, r3 = figures(shown, data, "tune")[:2]
            if refused >= floor and (r1, r3) > best[2:]:
                best = (l2, float(threshold), r1, r3)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", action="store_true", help="refit on TUNE and print the constants")
    parser.add_argument("--scope-rule", action="store_true", help="keep the scope margin; the gate replaces the threshold")
    parser.add_argument("--floor", type=float, default=TARGET_REJECTION,
                        help="share of training negatives to refuse out of fold (default: the issue's 0.95)")
    parser.add_argument("--rows", type=Path, help="cache the measured rows in this pickle (re-fitting without searching)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench")
    parser.add_argument("--by-writer", action="store_true", help="also fit leaving each TUNE writer out")
    parser.add_argument("--choose-by-writer", action="store_true",
                        help="choose L2 and threshold on leave-one-writer-out probabilities, not 5 row folds")
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=args.data, content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    relevance = kb.settings.min_relevance
    start = time.perf_counter()
    if args.rows and args.rows.exists():
        data = pickle.loads(args.rows.read_bytes())
    else:
        data = rows(kb)
        if args.rows:
            args.rows.write_bytes(pickle.dumps(data))
    print(f"{len(data)} rows in {time.perf_counter() - start:.0f} s")
    negatives = [i for i, r in enumerate(data) if r[0] in ("tune", "scope") and r[1] == 0]
    before = [shown_before(r, relevance) for r in data]
    print(f"before refuses {sum(not before[i] for i in negatives)}/{len(negatives)} training negatives")
    train = np.array([r[0] in ("tune", "scope") for r in data])
    x = np.array([[np.nan if f is None else f for f in r[4]] for r in data], dtype=float)
    y = np.array([r[1] for r in data], dtype=float)
    print(line(f"before (scope {SCOPE_MARGIN}, relevance {relevance}):", [shown_before(r, relevance) for r in data], data))
    model, threshold, l2 = GATE, GATE_THRESHOLD, 1.0
    if args.fit:
        groups = np.array([r[5] for r in data]) if args.choose_by_writer else None
        l2, threshold, r1, r3 = choose(data, train, x, y, relevance, args.scope_rule, args.floor, groups)
        model = fit_gate(x[train], y[train], l2)
        print(f"\nchosen: l2 {l2}, threshold {threshold} (out-of-fold TUNE R@1 {r1:.3f}, R@3 {r3:.3f})")
        print(f"GATE = {model!r}\nGATE_THRESHOLD = {threshold}")
    if args.by_writer:
        by_writer(data, train, x, y, l2, threshold, relevance, args.scope_rule)
    if model is None:
        return
    print("\nweights:", dict(zip(FEATURES, np.round(model.weights, 3))))
    p = np.array([model.probability(row) for row in x])
    print(line(f"gate {threshold:.2f} (trained on TUNE):", [shown_gated(r, p[i] >= threshold, relevance, args.scope_rule)
                                                          for i, r in enumerate(data)], data))
    print("frontier (TUNE chooses; old and DEV reported only):")
    for t in np.round(np.arange(0.3, 0.96, 0.05), 2):
        print(line(f"  {t:.2f}", [shown_gated(r, p[i] >= t, relevance, args.scope_rule) for i, r in enumerate(data)], data))


if __name__ == "__main__":
    main()
