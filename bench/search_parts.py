"""Where a search's non-encoding time goes, step by step (one figure per speed technique).

    .venv/bin/python -m bench.search_parts [--rounds 5]

Times, in CPU milliseconds per query (process time, so other processes on a shared machine count
less), the steps of a FAQ search on the old dev set's first 60 queries and the first 60 TUNE
stories, with the query vectors computed ahead (bench.search_profile.Ahead): query planning (typo
correction, spoken terms, glossary), BM25 (`_keyword_scores`), candidates (dense scores per clause,
BM25, fusion, hit building; BM25 included), the re-ranker's signals, the re-ranking, and the whole
search. Only methods that exist on main's code as well are wrapped, so the same script run on two
checkouts compares them step by step. Medians over rounds; per-query p50 of the whole search.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

import kb.search as search_module
from bench.search_profile import Ahead
from kb import KnowledgeBase
from kb.evaluation import load_dev_set
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("plan_query", "_keyword_scores", "_candidates", "_signals", "_reranked", "_with_highlights")


def timed(totals: dict[str, float], name: str, function):
    """`function`, adding its CPU time to totals[name]."""
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    tune = load_dev_set(ROOT / "tests" / "kb" / "customer_queries" / "tune")
    sets = {"old dev set": [q.text for q in load_dev_set(ROOT / "tests" / "kb" / "dev_queries").queries[:60]],
            "TUNE stories": [q.text for q in tune.queries if "story" in q.tags][:60]}
    live = kb._snapshot.searcher  # noqa: SLF001 - the app's searcher
    totals: dict[str, float] = defaultdict(float)
    search_module.plan_query = timed(totals, "plan_query", search_module.plan_query)
    for name in STEPS[1:]:
        setattr(search_module.Searcher, name, timed(totals, name, getattr(search_module.Searcher, name)))
    with open("/proc/loadavg") as handle:
        print(f"load average {handle.read().split()[0]} (2 cores)")
    for label, queries in sets.items():
        searcher = live.with_encoder(Ahead(kb.encoder, [t for q in queries for t in live.query_texts(q)]))
        for query in queries:
            searcher.search(query)
        per_round: dict[str, list[float]] = defaultdict(list)
        whole: list[float] = []
        for _ in range(args.rounds):
            totals.clear()
            for query in queries:
                start = time.process_time()
                searcher.search(query)
                whole.append(1000 * (time.process_time() - start))
            for name in STEPS:
                per_round[name].append(1000 * totals[name] / len(queries))
        steps = ", ".join(f"{name} {statistics.median(per_round[name]):.2f}" for name in STEPS)
        print(f"{label}: search p50 {statistics.median(whole):.2f} ms (mean {statistics.mean(whole):.2f}); "
              f"per query, median of rounds: {steps}")


if __name__ == "__main__":
    main()
