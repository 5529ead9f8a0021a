"""Regulation retrieval benchmark: sentence-in-top-3, negatives rejected, threshold, build cost, latency.

    .venv/bin/python -m bench.regulations            # figures for docs/benchmarks.md
    .venv/bin/python -m bench.regulations --misses   # also list the tune half's misses
    .venv/bin/python -m bench.regulations --cold     # build in an empty data dir: time and peak memory

The dev set (tests/kb/regulation_queries.yaml) was written by a separate writer. It is split
in two fixed halves by a hash of each question; the threshold sweep below uses the `tune`
half only, and `held_out` is reported separately.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from kb import KnowledgeBase
from kb.regulations.evaluation import load_regulation_dev_set, score, sentence_problems
from kb.regulations.search import REGULATION_MIN_RELEVANCE
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "regulation_queries.yaml"


def sweep(kb: KnowledgeBase, dev, thresholds: list[float]) -> list[tuple[float, float, float]]:
    """(threshold, top-3 share, negatives rejected) per gate threshold (tune half only)."""
    return [(t, result.top3, result.rejection)
            for t in thresholds for result in [score(lambda q, t=t: kb.search_regulations(q, k=3, min_relevance=t), dev)]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--cold", action="store_true", help="build in an empty data dir (time and peak memory of a fresh clone)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench", help="data dir (index and embedding caches)")
    args = parser.parse_args()
    dev = load_regulation_dev_set(DEV_SET)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) if args.cold else args.data
        settings = Settings.from_env({}).with_overrides(data_dir=data, content_dir=ROOT / "content")
        start = time.perf_counter()
        kb = KnowledgeBase.open(settings.content_dir, settings)
        opened = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        library = kb.content.library
        articles = kb.regulation_index
        print(f"{'cold' if args.cold else 'cached'} open: {opened:.1f} s, peak RSS {peak_mb:.0f} MB; "
              f"{len(library.documents)} documents, {articles.size} articles indexed, {kb.index.size} FAQ entries")
        problems = sentence_problems(dev, library)
        print(f"dev set: {len(dev.questions)} questions, {len(dev.negatives)} negatives; "
              f"{len(problems)} expected sentence(s) not found in the named article")
        for problem in problems:
            print(f"  {problem}")

        print(f"\ngate threshold in use: {REGULATION_MIN_RELEVANCE}")
        print(f"{'half':<9} {'questions':>9} {'top-3':>7} {'negatives':>9} {'rejected':>9}")
        for name in ("tune", "held_out"):
            part = dev.half(name)
            result = score(lambda q: kb.search_regulations(q, k=3), part)
            print(f"{name:<9} {result.questions:>9} {result.top3:>7.3f} {result.negatives:>9} {result.rejection:>9.3f}")
        whole = score(lambda q: kb.search_regulations(q, k=3), dev)
        print(f"{'all':<9} {whole.questions:>9} {whole.top3:>7.3f} {whole.negatives:>9} {whole.rejection:>9.3f}")
        for name in ("tune", "held_out"):
            ungated = score(lambda q: kb.search_regulations(q, k=3, min_relevance=0.0), dev.half(name))
            print(f"{'no gate':<9} {ungated.questions:>9} {ungated.top3:>7.3f} {'':>9} {ungated.rejection:>9.3f}  ({name})")

        print("\ngate threshold sweep on the tune half only (bench.regulation_gate fits the gate):")
        for threshold, top3, rejection in sweep(kb, dev.half("tune"), [round(0.40 + 0.05 * i, 2) for i in range(12)]):
            print(f"  {threshold:.2f}  top-3 {top3:.3f}  negatives rejected {rejection:.3f}")

        queries = [q.text for q in dev.questions[:60]]
        timings = []
        for _ in range(2):
            for query in queries:
                started = time.perf_counter()
                kb.search_regulations(query)
                timings.append((time.perf_counter() - started) * 1000)
        print(f"\nwarm latency search_regulations (ms): p50 {statistics.median(timings):.1f}  "
              f"p95 {sorted(timings)[int(0.95 * len(timings))]:.1f}")
        if args.misses:
            print("\nmisses (tune half only: the held-out half is never read question by question):")
            for text, want, got in score(lambda q: kb.search_regulations(q, k=3), dev.half("tune")).misses:
                print(f"  {text!r} want {want} got {got}")


if __name__ == "__main__":
    main()
