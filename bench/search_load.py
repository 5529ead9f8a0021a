"""Search under load: throughput and p50/p95 latency at 1, 4, 16, 64 and 128 concurrent clients.

    .venv/bin/python -m bench.search_load                      # in-process: plain encoder vs micro-batching
    .venv/bin/python -m bench.search_load --url http://127.0.0.1:8501 [--url http://127.0.0.1:8502] --token at_…

In-process mode opens the real content twice (one-at-a-time encoder, then `BatchingEncoder`)
and runs the same searches from N threads. HTTP mode sends GET /api/v1/search from N
threads, round-robin over the given app servers (loopback only). Each level is bounded:
`--requests` searches (at least 2 per client) and `--seconds` at most. Prints one table row
per level; errors are counted, never hidden.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle
from pathlib import Path
from typing import Callable

QUERIES = ["宽限期多久", "客户说不是本人签字怎么办", "重疾被拒了怎么申诉", "红利比业务员说的少", "犹豫期退保扣多少钱",
           "保单贷款能借多少", "投诉多久给答复", "脑中风多久能理赔", "明天天气怎么样", "受益人怎么变更",
           "犹豫期多久", "保费交不上了怎么办", "理赔要什么材料", "退保能退多少钱", "保单丢了怎么补"]
ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_level(search: Callable[[str], None], clients: int, requests: int, seconds: float) -> dict:
    """`requests` searches from `clients` threads (stopping early after `seconds`): figures of the run."""
    total = max(requests, 2 * clients)
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    queries = [QUERIES[n % len(QUERIES)] for n in range(total)]

    def one(query: str) -> float | None:
        if time.monotonic() > deadline:
            return None
        start = time.perf_counter()
        search(query)
        return time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        futures = [pool.submit(one, q) for q in queries]
        for future in futures:
            try:
                value = future.result()
            except Exception:
                errors += 1
                continue
            if value is not None:
                latencies.append(value)
    wall = time.perf_counter() - start
    return {"clients": clients, "done": len(latencies), "errors": errors, "per_second": len(latencies) / wall,
            "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
            "p95_ms": 1000 * percentile(latencies, 0.95) if latencies else float("nan")}


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}\n| clients | searches | errors | searches/s | p50 ms | p95 ms |\n|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['clients']} | {row['done']} | {row['errors']} | {row['per_second']:.1f} | "
              f"{row['p50_ms']:.0f} | {row['p95_ms']:.0f} |")


def http_search(urls: list[str], token: str) -> Callable[[str], None]:
    servers = cycle(urls)

    def search(query: str) -> None:
        address = f"{next(servers).rstrip('/')}/api/v1/search?" + urllib.parse.urlencode({"q": query})
        request = urllib.request.Request(address, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            json.loads(response.read())

    return search


def in_process_searches() -> list[tuple[str, Callable[[str], None], Callable[[], str]]]:
    from kb import KnowledgeBase
    from kb.batching import BatchingEncoder
    from kb.embeddings import load_encoder
    from settings import Settings

    settings = Settings.from_env().with_overrides(content_dir=ROOT / "content")
    encoder = load_encoder(settings.embedding_model)
    batching = BatchingEncoder(encoder)
    plain_kb = KnowledgeBase.open(settings.content_dir, settings, encoder=encoder)
    batched_kb = KnowledgeBase.open(settings.content_dir, settings, encoder=batching)
    return [("one query per encoder call", lambda q: plain_kb.search(q), lambda: ""),
            ("micro-batched (kb/batching.py)", lambda q: batched_kb.search(q),
             lambda: f"{batching.batched_texts / max(1, batching.batches):.1f} texts per encoder call")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", action="append", default=[], help="an app server (repeat for several)")
    parser.add_argument("--token", default="", help="an API token (HTTP mode)")
    parser.add_argument("--clients", default="1,4,16,64,128")
    parser.add_argument("--requests", type=int, default=256, help="searches per level (at least 2 per client)")
    parser.add_argument("--seconds", type=float, default=60.0, help="time bound per level")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]} (2 cores; other work on the machine skews figures)")
    if args.url:
        search = http_search(args.url, args.token)
        search(QUERIES[0])  # warm: the first search loads the knowledge base
        print_table(f"HTTP API, {len(args.url)} server(s)", [run_level(search, n, args.requests, args.seconds) for n in levels])
        return
    for title, search, note in in_process_searches():
        search(QUERIES[0])
        rows = [run_level(search, n, args.requests, args.seconds) for n in levels]
        print_table(f"in-process, {title}", rows)
        if note():
            print(note())


if __name__ == "__main__":
    main()
