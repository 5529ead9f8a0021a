"""Retrieval benchmark: hybrid vs dense-only vs BM25-only on the dev set, latency, threshold.

    .venv/bin/python -m bench.retrieval            # figures for docs/benchmarks.md
    .venv/bin/python -m bench.retrieval --misses   # also list the queries that miss the top 3

Prints Recall@1/@3, MRR@10 and off-topic rejection per method, the relevance scores that
separate answers from off-topic queries (to calibrate the threshold), and warm query latency
split into encoding and the rest.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from kb import KnowledgeBase
from kb.evaluation import evaluate, load_dev_set
from kb.search import Hit, fuse, plan_query
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "dev_queries"


def single_signal_search(kb: KnowledgeBase, which: str):
    """A search function ranking by one signal only (the baselines)."""
    searcher = kb._snapshot.searcher  # noqa: SLF001 - benchmark peeks at the current snapshot

    def search(query: str) -> list[Hit]:
        plan = plan_query(query, searcher.glossary)
        vector = kb.encoder.encode_queries([plan.text])[0]
        dense = searcher.index.dense_scores(vector, 100) if which == "dense" else {}
        keyword = searcher.index.keyword_scores(plan.tokens) if which == "bm25" else {}
        order = fuse(dense, keyword)[:10]
        return [searcher._hit(e, plan, vector, dense, keyword) for e in order]  # noqa: SLF001

    return search


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latency(kb: KnowledgeBase, queries: list[str], rounds: int = 3) -> dict[str, float]:
    """Warm per-query milliseconds: total, query encoding, and everything else."""
    total, encoding = [], []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            kb.encoder.encode_queries([query])
            encoded = time.perf_counter()
            kb.search(query)
            done = time.perf_counter()
            encoding.append((encoded - start) * 1000)
            total.append((done - encoded) * 1000)
    rest = [t - e for t, e in zip(total, encoding)]
    return {
        "p50_total_ms": statistics.median(total), "p95_total_ms": percentile(total, 0.95),
        "p50_encode_ms": statistics.median(encoding), "p50_rest_ms": statistics.median(rest),
        "p95_rest_ms": percentile(rest, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--cold", action="store_true", help="build in an empty data dir (measures a cold build)")
    args = parser.parse_args()
    dev = load_dev_set(DEV_SET)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) if args.cold else ROOT / "data" / "bench"
        settings = Settings.from_env({}).with_overrides(data_dir=data, content_dir=ROOT / "content")
        start = time.perf_counter()
        kb = KnowledgeBase.open(settings.content_dir, settings)
        print(f"{'cold' if args.cold else 'cached'} open: {time.perf_counter() - start:.1f} s for {kb.index.size} entries / {len(kb.index.docs)} documents")
        print(f"dev set: {len(dev.queries)} labelled queries, {len(dev.off_topic)} off-topic\n")

        print(f"{'method':<12} {'R@1':>6} {'R@3':>6} {'MRR':>6} {'off-topic rejected':>19}")
        for name, search in (("bm25", single_signal_search(kb, "bm25")), ("dense", single_signal_search(kb, "dense")),
                             ("hybrid", lambda q: kb.search(q, k=10))):
            result = evaluate(search, dev.queries, dev.off_topic if name == "hybrid" else ())
            rejection = f"{result.off_topic_rejection:.3f}" if name == "hybrid" else "-"
            print(f"{name:<12} {result.recall_at(1):>6.3f} {result.recall_at(3):>6.3f} {result.mrr:>6.3f} {rejection:>19}")
            if name == "hybrid":
                hybrid = result

        unfiltered = lambda q: kb.search(q, k=10, min_relevance=0.0)  # noqa: E731
        answered = [kb.search(q.text, k=1, min_relevance=0.0) for q in dev.queries]
        right = sorted(h[0].score for h, q in zip(answered, dev.queries) if h and h[0].id in q.ids)
        off = sorted((unfiltered(q)[:1] or [None])[0].score if unfiltered(q) else 0.0 for q in dev.off_topic)
        print(f"\nrelevance of correct top answers: p5 {percentile(right, 0.05):.3f}  p10 {percentile(right, 0.10):.3f}  median {statistics.median(right):.3f}")
        print(f"relevance of best off-topic hit:  max {off[-1]:.3f}  p90 {percentile(off, 0.9):.3f}  median {statistics.median(off):.3f}")
        print(f"threshold in use: {settings.min_relevance}")
        for text, ids in hybrid.off_topic_answered:
            print(f"  off-topic answered: {text} -> {ids[:3]}")

        lat = latency(kb, [q.text for q in dev.queries[:60]])
        print("\nwarm latency (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in lat.items()))
        if args.misses:
            print("\nmisses (answer not in top 3):")
            for outcome in hybrid.misses:
                print(f"  {outcome.query.text!r} want {outcome.query.ids} got {outcome.ranked_ids[:3]} ({outcome.query.source})")


if __name__ == "__main__":
    main()
