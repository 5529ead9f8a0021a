"""Where one search's time goes under load: the encoder (by batch size) against everything else.

    .venv/bin/python -m bench.search_profile [--queries 64] [--repeats 3]

Opens the real content pack with the default encoder, then times, on distinct queries
(the load bench's questions in distinct wordings, so no memory of queries can help):
- the encoder alone, per text, for batches of 1, 4, 16 and 64 query texts (as kb/batching.py
  would hand them over), with the engine's default threads and with OMP_NUM_THREADS as set;
- one search without the encoder (its vectors computed ahead): query planning, FAISS, BM25,
  fusion and hit building — the Python work every search does under the GIL;
- the API's JSON of the hits.
The arithmetic (docs/benchmarks.md "Search under load"): a process can serve at most
1 / (encoder time per text × texts per query + Python time per query) searches per second when
the two never overlap, and 1 / max(…) when they do perfectly.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import numpy as np

from bench.search_load import distinct_wording

ROOT = Path(__file__).resolve().parent.parent


def distinct_queries(count: int) -> list[str]:
    """`count` different wordings of the load bench's questions, never repeated."""
    return [distinct_wording(n) for n in range(count)]


class Ahead:
    """An encoder that answers from vectors computed before the timing (the search's non-encoder part)."""

    def __init__(self, encoder, texts: list[str]) -> None:
        self.dim, self.model_id = encoder.dim, encoder.model_id
        self._vectors = dict(zip(texts, encoder.encode_queries(texts)))

    def encode(self, texts):
        raise AssertionError("passages are not encoded during a search")

    def encode_queries(self, texts):
        return np.stack([self._vectors[t] for t in texts])


def median_ms(seconds: list[float]) -> float:
    return 1000 * statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from kb import KnowledgeBase
    from kb.embeddings import load_encoder
    from settings import Settings
    from ui.search_api import hit_json, json_response

    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]} (2 cores; OMP_NUM_THREADS="
              f"{os.environ.get('OMP_NUM_THREADS', 'unset')})")
    settings = Settings.from_env().with_overrides(content_dir=ROOT / "content")
    encoder = load_encoder(settings.embedding_model)
    kb = KnowledgeBase.open(settings.content_dir, settings, encoder=encoder)
    queries = distinct_queries(args.queries)
    texts = [text for q in queries for text in kb._snapshot.searcher.query_texts(q)]
    print(f"{len(queries)} distinct queries encode {len(texts)} texts ({len(texts) / len(queries):.2f} per query)")

    print("\n| batch (texts) | encoder ms per call | ms per text | CPU ms per text (all threads) |\n|---|---|---|---|")
    for size in (1, 2, 4, 8, 16, 32, 64):
        batches = [texts[i:i + size] for i in range(0, min(len(texts), max(size * 4, 64)), size)]
        runs, cpu, encoded = [], 0.0, 0
        for _ in range(args.repeats):
            for batch in batches:
                start, cpu_start = time.perf_counter(), time.process_time()
                encoder.encode_queries(batch)
                runs.append(time.perf_counter() - start)
                cpu += time.process_time() - cpu_start
                encoded += len(batch)
        per_call = median_ms(runs)
        print(f"| {size} | {per_call:.1f} | {per_call / size:.1f} | {1000 * cpu / encoded:.1f} |")

    ahead = kb._snapshot.searcher.with_encoder(Ahead(encoder, texts))
    plain, jsoned = [], []
    cpu_start = time.process_time()
    for _ in range(args.repeats):
        for query in queries:
            start = time.perf_counter()
            hits = ahead.search(query)
            middle = time.perf_counter()
            json_response({"hits": [hit_json(h) for h in hits]})
            plain.append(middle - start)
            jsoned.append(time.perf_counter() - middle)
    cpu = (time.process_time() - cpu_start) / len(plain)
    print(f"\nsearch without the encoder (plan, FAISS, BM25, fusion, hits): median {median_ms(plain):.1f} ms, "
          f"p95 {1000 * sorted(plain)[int(0.95 * (len(plain) - 1))]:.1f} ms per query; "
          f"CPU {1000 * cpu:.1f} ms per query (JSON included)")
    print(f"JSON of the hits: median {median_ms(jsoned):.2f} ms per query")


if __name__ == "__main__":
    main()
