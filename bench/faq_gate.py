"""The FAQ's learned answer gate (kb.faq_gate): fit it on TUNE, choose its threshold leaving one writer out.

    .venv/bin/python -m bench.faq_gate --rows data/bench/faq_gate_rows.pkl          # figures, kb.faq_gate as kept
    .venv/bin/python -m bench.faq_gate --rows data/bench/faq_gate_rows.pkl --fit    # refit, print the constants
    .venv/bin/python -m bench.faq_gate --write-memory    # search19a: write TUNE's memory (kb/faq_gate_memory.npz)

Rows: one ungated, re-ranked search per query of the three sets (query vectors remembered on disk, so a
second run encodes nothing). The gate replaces the scope margin; the relevance threshold still has to pass
(`Recipe.learned_gate`), so it is fitted on the TUNE queries that pass the threshold: a query is a positive
when the right entry is among the first three hits shown (`--positive top1`: the first), a negative when
it is a near-domain negative or a wrong answer. scikit-learn's logistic regression (lbfgs, deterministic)
on standardised features, kept as constants (kb.gate_model.GateModel). The regularisation and the
threshold are those with the best TUNE Recall@1 (then Recall@3) at which, with each TUNE writer's
probabilities from a model fitted without that writer, at least TARGET_REJECTION of TUNE's near-domain
negatives are refused. The old set and DEV are scored with the chosen model, never used to choose; DEV
misses are never listed. The gate's memory (search19a) is TUNE's questions and negatives without DEV's writers; a
TUNE row's memory signals leave its own writer's rows out, as its adapter leaves its queries out.
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from bench.gate_fit import out_of_fold
from bench.retrieval import CUSTOMER_SET, DEV_SET
from bench.train_reranker import cross_fitted
from kb import KnowledgeBase
from kb.embeddings import QueryVectorCache
from kb.evaluation import load_dev_set
from kb.faq_gate import FEATURES, GATE, GATE_THRESHOLD, MEMORY_FILE, NEAR_COSINE, NEAR_DROP, NEAR_PROBABILITY
from kb.gate_model import fit_logistic
from kb.regulations.gate_memory import GateMemory
from kb.search import Searcher
from kb.scope import SCOPE_MARGIN
from kb.search import GATE_DEPTH, LIST_MARGIN
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TARGET_REJECTION = 0.95
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)
SETS = ("old", "tune", "dev")


def rows(kb: KnowledgeBase, encoder: QueryVectorCache, folds: int = 0) -> list[tuple]:
    """(set, label, right ids, [(id, relevance)] of the re-ranked candidates, features, writer file, English) per
    query (English: searched the English way, so the near-threshold rule never applies; rows cached before search21a
    lack it — delete the pickle).

    A TUNE writer's rows come from a searcher whose dense adapter was trained without that writer
    (bench.train_reranker.cross_fitted, as the re-ranker was trained): the shipped adapter has seen every
    TUNE query, so its cosines there are better than a new customer's would be. `folds` > 0: one adapter per
    fold of writers (bench.train_reranker.cross_fitted), as search25 fitted MEMORY_GATE."""
    searcher = kb._snapshot.searcher.with_encoder(encoder)  # noqa: SLF001 - the gate's parts, as the app has them
    searcher.memory = tune_memory(searcher)  # today's TUNE, whatever the stored file holds
    by_writer = cross_fitted(searcher, load_dev_set(CUSTOMER_SET / "tune"), folds) if searcher.adapter is not None else {}
    items = []
    for name, folder in (("old", DEV_SET), ("tune", CUSTOMER_SET / "tune"), ("dev", CUSTOMER_SET / "dev")):
        for path in sorted(folder.glob("*.yaml")):
            dev = load_dev_set(path)
            items += [(name, 1, q.ids, q.text, path.name) for q in dev.queries]
            items += [(name, 0, (), text, path.name) for text in (*dev.off_topic, *dev.negatives)]
    out = []
    for name, label, ids, text, writer in items:
        hits, features = (by_writer.get(writer, searcher) if name == "tune" else searcher).gate_inputs(
            text, writer=writer if name == "tune" else None)
        plan = searcher._for(text)._plan(text)  # noqa: SLF001 - which way the search reads it
        out.append((name, label, ids, [(h.id, h.relevance) for h in hits], features, writer,
                    plan.read_as_english))
    encoder.save()
    return out


def tune_memory(searcher: Searcher) -> GateMemory:
    """TUNE's Chinese questions and negatives as the vectors a search compares (kb.search.Searcher._vectors), each
    with its writer file; the writers of the DEV half are left out, so that DEV reads writers the memory never saw."""
    dev_writers = {path.name for path in (CUSTOMER_SET / "dev").glob("*.yaml")}
    questions, negatives = [], []
    for path in sorted((CUSTOMER_SET / "tune").glob("*.yaml")):
        if path.name in dev_writers:
            continue
        dev = load_dev_set(path)
        for texts, into in (([q.text for q in dev.queries], questions), ((*dev.off_topic, *dev.negatives), negatives)):
            for text in texts:
                chinese = searcher._for(text)  # noqa: SLF001 - the searcher the query is matched with
                plan = chinese._plan(text)  # noqa: SLF001
                if not plan.read_as_english:
                    into.append((chinese._vectors(plan)[0], path.name))  # noqa: SLF001
    return GateMemory.of(questions, negatives, searcher.encoder.model_id)


def floor_shown(row: tuple, threshold: float) -> list[str]:
    """What the relevance threshold shows (kb.search.Searcher._accepted, with the re-ranker's near misses)."""
    hits = row[3]
    if not any(rel >= threshold for _, rel in hits[:GATE_DEPTH]):
        return []
    return [i for i, rel in hits if rel >= threshold - LIST_MARGIN]


def near_shown(row: tuple, threshold: float, probability: float) -> list[str]:
    """search18a's near-threshold rule (kb.search.Searcher._near_threshold) on a row the threshold refuses: a Chinese
    query whose best candidate is within NEAR_DROP of the threshold is answered when the gate is sure and the FAQ close."""
    hits, english = row[3], row[6]
    if english or not any(rel >= threshold - NEAR_DROP for _, rel in hits[:GATE_DEPTH]):
        return []
    if probability >= NEAR_PROBABILITY and row[4][FEATURES.index("top_cosine")] >= NEAR_COSINE:
        return floor_shown(row, threshold - NEAR_DROP)
    return []


def scope_refuses(row: tuple) -> bool:
    """The scope margin's verdict (kb.scope.ScopeCheck.out_of_scope) from the gate's features."""
    return row[4][FEATURES.index("scope_margin")] + SCOPE_MARGIN >= 0


def shown_by(data: Sequence[tuple], answer: np.ndarray | None, threshold: float,
             probability: np.ndarray | None = None) -> list[list[str]]:
    """Hits shown per row: the app's rules (answer None: scope margin, then threshold) or the gate's verdict
    (answer[i]) in place of the scope margin, the threshold still applied; with the gate's `probability` the rows
    the threshold refuses also meet the near-threshold rule, as in the app (search21a: the figures left it out)."""
    shown = []
    for i, r in enumerate(data):
        if answer is None:
            shown.append([] if scope_refuses(r) else floor_shown(r, threshold))
        elif hits := floor_shown(r, threshold):
            shown.append(hits if answer[i] else [])
        else:
            shown.append(near_shown(r, threshold, probability[i]) if probability is not None else [])
    return shown


def figures(shown: list[list[str]], data: Sequence[tuple], name: str) -> tuple[float, float, int, int]:
    """(R@1, R@3, negatives refused, negatives) of one set."""
    pos = [i for i, r in enumerate(data) if r[0] == name and r[1] == 1]
    neg = [i for i, r in enumerate(data) if r[0] == name and r[1] == 0]
    r1 = sum(bool(shown[i]) and shown[i][0] in data[i][2] for i in pos) / len(pos)
    r3 = sum(any(s in data[i][2] for s in shown[i][:3]) for i in pos) / len(pos)
    return r1, r3, sum(not shown[i] for i in neg), len(neg)


def line(label: str, shown: list[list[str]], data: Sequence[tuple], sets: Sequence[str] = SETS) -> str:
    return label + "  " + "  ".join(f"{n} %.3f / %.3f, %d/%d" % figures(shown, data, n) for n in sets)


def labels(data: Sequence[tuple], threshold: float, depth: int) -> np.ndarray:
    """1 where the threshold shows the right entry within the first `depth` hits, else 0 (negatives, wrong answers)."""
    shown = shown_by(data, np.ones(len(data), bool), threshold)
    return np.array([float(r[1] == 1 and any(s in r[2] for s in shown[i][:depth])) for i, r in enumerate(data)])


def choose(data: Sequence[tuple], x: np.ndarray, y: np.ndarray, fit_rows: np.ndarray, groups: np.ndarray,
           relevance: float, target: float = TARGET_REJECTION) -> tuple[float, float, float, float, np.ndarray]:
    """(C, threshold, TUNE R@1, R@3, probabilities) with each TUNE writer's probabilities fitted without it,
    at least `target` of TUNE's negatives refused."""
    tune_negatives = [i for i, r in enumerate(data) if r[0] == "tune" and r[1] == 0]
    best: tuple = (0.0, 0.0, -1.0, -1.0, np.zeros(len(data)))
    for c in C_GRID:
        p = np.zeros(len(data))
        p[fit_rows] = out_of_fold(x[fit_rows], y[fit_rows], c, groups[fit_rows], fit=fit_logistic)
        for threshold in THRESHOLDS:
            shown = shown_by(data, p >= threshold, relevance, p)
            refused = sum(not shown[i] for i in tune_negatives) / len(tune_negatives)
            r1, r3 = figures(shown, data, "tune")[:2]
            if refused >= target and (r1, r3) > best[2:4]:
                best = (c, float(threshold), r1, r3, p.copy())
    return best


def by_writer(data: Sequence[tuple], p: np.ndarray, threshold: float, relevance: float) -> None:
    """Each TUNE writer, the gate fitted without it at the chosen threshold, against the app's two rules."""
    gated, before = shown_by(data, p >= threshold, relevance, p), shown_by(data, None, relevance)
    for writer in sorted({r[5] for r in data if r[0] == "tune"}):
        mine = [r if r[5] == writer else ("other",) + r[1:] for r in data]
        print(f"  {writer}: rules %.3f / %.3f, %d/%d" % figures(before, mine, "tune")
              + "   gate fitted without it %.3f / %.3f, %d/%d" % figures(gated, mine, "tune"))


def matrix(data: Sequence[tuple]) -> np.ndarray:
    """Features as floats; an unknown one (None) as the column's mean, as GateModel reads it."""
    x = np.array([[np.nan if f is None else f for f in r[4]] for r in data], dtype=float)
    means = np.nanmean(x, axis=0)
    return np.where(np.isnan(x), means, x)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", action="store_true", help="refit on TUNE and print the constants")
    parser.add_argument("--positive", choices=("top1", "top3"), default="top3",
                        help="a positive is the right entry shown first (top1) or among the first three (top3)")
    parser.add_argument("--rows", type=Path, help="cache the measured rows in this pickle (re-fitting without searching)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench")
    parser.add_argument("--folds", type=int, default=0,
                        help="rows: one held-out adapter per fold of TUNE writers (0: one per writer, over an hour)")
    parser.add_argument("--write-memory", action="store_true",
                        help="write TUNE's questions and negatives the gate remembers (kb/faq_gate_memory.npz) and stop")
    parser.add_argument("--dev", action="store_true", help="also print DEV's figures (the final measurement only)")
    parser.add_argument("--without", default="", help="features left out of the fit (weight 0), comma-separated")
    parser.add_argument("--target", default=str(TARGET_REJECTION),
                        help="share of TUNE negatives the chosen threshold must refuse (writers left out), or "
                             "'rules': as many as the app's two rules refuse on the same rows")
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=args.data, content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    relevance = kb.settings.min_relevance
    start = time.perf_counter()
    if args.write_memory:
        encoder = QueryVectorCache(kb.encoder, settings.embedding_cache_dir)
        memory = tune_memory(kb._snapshot.searcher.with_encoder(encoder))  # noqa: SLF001
        encoder.save()
        memory.save(MEMORY_FILE, {"files": sorted(set(memory.question_writers + memory.negative_writers))})
        print(f"memory written: {len(memory.question_writers)} questions, {len(memory.negative_writers)} negatives "
              f"-> {MEMORY_FILE.name}")
        return
    if args.rows and args.rows.exists():
        data = pickle.loads(args.rows.read_bytes())
    else:
        data = rows(kb, QueryVectorCache(kb.encoder, settings.embedding_cache_dir), args.folds)
        if args.rows:
            args.rows.write_bytes(pickle.dumps(data))
    print(f"{len(data)} rows in {time.perf_counter() - start:.0f} s; features {', '.join(FEATURES)}")
    x = matrix(data)
    sets = SETS if args.dev else ("old", "tune")
    for name in filter(None, args.without.split(",")):
        x[:, FEATURES.index(name)] = 0.0  # a constant column: standardised to 0, so its weight is 0
    print(line(f"app (scope margin {SCOPE_MARGIN}, relevance {relevance}):", shown_by(data, None, relevance), data, sets))
    print(line("relevance threshold alone:", shown_by(data, np.ones(len(data), bool), relevance), data, sets))
    floor_passes = np.array([bool(floor_shown(r, relevance)) for r in data])
    fit_rows = np.array([r[0] == "tune" for r in data]) & floor_passes
    y = labels(data, relevance, 1 if args.positive == "top1" else 3)
    groups = np.array([r[5] for r in data])
    model, threshold = GATE, GATE_THRESHOLD
    if args.fit:
        print(f"fitted on {fit_rows.sum()} TUNE rows that pass the threshold, {int(y[fit_rows].sum())} positives")
        target = (figures(shown_by(data, None, relevance), data, "tune")[2] / sum(
            1 for r in data if r[0] == "tune" and r[1] == 0)) if args.target == "rules" else float(args.target)
        print(f"refusal target: {target:.3f} of TUNE negatives")
        c, threshold, r1, r3, p = choose(data, x, y, fit_rows, groups, relevance, target)
        print(f"chosen: C {c}, threshold {threshold} (TUNE, each writer left out: R@1 {r1:.3f}, R@3 {r3:.3f})")
        print(line("  left-out probabilities, TUNE:", shown_by(data, p >= threshold, relevance, p), data, ("tune",)))
        by_writer(data, p, threshold, relevance)
        model = fit_logistic(x[fit_rows], y[fit_rows], c)
        print(f"GATE = {model!r}\nGATE_THRESHOLD = {threshold}")
    print("weights:", dict(zip(FEATURES, np.round(model.weights, 3))))
    p = np.array([model.probability(row) for row in x])
    print(line(f"gate {threshold:.2f} (fitted on TUNE), threshold kept:", shown_by(data, p >= threshold, relevance, p),
               data, sets))
    print("threshold swept (TUNE and old only; TUNE chooses):")
    for t in np.round(np.arange(0.1, 0.96, 0.05), 2):
        print(line(f"  {t:.2f}", shown_by(data, p >= t, relevance, p), data, ("old", "tune")))


if __name__ == "__main__":
    main()
