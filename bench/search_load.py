"""Search under load: throughput and p50/p95 latency at 1, 4, 16, 64 and 128 concurrent clients.

    .venv/bin/python -m bench.search_load                      # in-process: plain, micro-batched, + recent queries
    .venv/bin/python -m bench.search_load --url http://127.0.0.1:8501 [--url http://127.0.0.1:8502] --token at_…
    … --queries repeated                                       # the 15 questions over and over (cache-friendly)

In-process mode opens the real content three times (one-at-a-time encoder; `BatchingEncoder`;
`BatchingEncoder` behind `RecentQueryVectors`, as the app serves) and runs the same searches
from N threads. HTTP mode sends GET /api/v1/search from N threads, round-robin over the given
app servers (loopback only). By default every search of the whole run is a wording never asked
before (`--queries distinct`), so no memory of recent queries can flatter the figures;
`--queries repeated` cycles through the 15 questions to show what that memory buys. Each level
is bounded: `--requests` searches (at least 2 per client) and `--seconds` at most. Prints one
table row per level; errors are counted, never hidden.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle
from pathlib import Path
from typing import Callable

from kb.batching import DEFAULT_MAX_BATCH, DEFAULT_WINDOW_SECONDS

QUERIES = ["宽限期多久", "客户说不是本人签字怎么办", "重疾被拒了怎么申诉", "红利比业务员说的少", "犹豫期退保扣多少钱",
           "保单贷款能借多少", "投诉多久给答复", "脑中风多久能理赔", "明天天气怎么样", "受益人怎么变更",
           "犹豫期多久", "保费交不上了怎么办", "理赔要什么材料", "退保能退多少钱", "保单丢了怎么补"]
# Ways an agent opens and ends the same question: with QUERIES, 15 × 12 × 8 = 1,440 distinct wordings.
OPENERS = ["", "请问", "你好，", "麻烦问一下", "客户问", "我想知道", "想咨询一下", "帮我查一下", "客户想了解", "问一下",
           "您好，请问", "客户来电问"]
ENDINGS = ["", "？", "呢", "啊", "？谢谢", "，急", "，客户很着急", "，怎么回答"]
ROOT = Path(__file__).resolve().parent.parent


WORDINGS = len(QUERIES) * len(OPENERS) * len(ENDINGS)


class QuerySource:
    """The queries of a run: every one a new wording (`distinct`), or the 15 questions in turn (`repeated`).

    `start`: where in the endless list of distinct wordings the run begins. Runs against a server
    that stays up begin at a random block of their own, so a second run does not ask the first
    run's wordings again (the server would remember their vectors)."""

    def __init__(self, mode: str, start: int = 0) -> None:
        self.mode = mode
        self.count = start if mode == "distinct" else 0

    def take(self, n: int) -> list[str]:
        start, self.count = self.count, self.count + n
        if self.mode == "repeated":
            return [QUERIES[i % len(QUERIES)] for i in range(start, start + n)]
        return [distinct_wording(i) for i in range(start, start + n)]


def distinct_wording(i: int) -> str:
    q, rest = QUERIES[i % len(QUERIES)], i // len(QUERIES)
    opener, rest = OPENERS[rest % len(OPENERS)], rest // len(OPENERS)
    ending, rest = ENDINGS[rest % len(ENDINGS)], rest // len(ENDINGS)
    return f"{opener}{q}{ending}" + (f"（{rest}）" if rest else "")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_level(search: Callable[[str], None], clients: int, requests: int, seconds: float, source: QuerySource) -> dict:
    """`requests` searches from `clients` threads (stopping early after `seconds`): figures of the run."""
    total = max(requests, 2 * clients)
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    queries = source.take(total)

    def one(query: str) -> float | None:
        if time.monotonic() > deadline:
            return None
        start = time.perf_counter()
        search(query)
        return time.perf_counter() - start

    start, cpu_start = time.perf_counter(), time.process_time()
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
    cpu = time.process_time() - cpu_start  # this process's CPU, every thread: the in-process search's cost
    return {"clients": clients, "done": len(latencies), "errors": errors, "per_second": len(latencies) / wall,
            "cpu_ms": 1000 * cpu / max(1, len(latencies)),
            "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
            "p95_ms": 1000 * percentile(latencies, 0.95) if latencies else float("nan")}


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}\n| clients | searches | errors | searches/s | p50 ms | p95 ms | CPU ms/search |\n"
          "|---|---|---|---|---|---|---|")
    for row in rows:  # CPU: of this process (over HTTP only the clients' share, not the servers')
        print(f"| {row['clients']} | {row['done']} | {row['errors']} | {row['per_second']:.1f} | "
              f"{row['p50_ms']:.0f} | {row['p95_ms']:.0f} | {row['cpu_ms']:.1f} |")


def http_search(urls: list[str], token: str) -> Callable[[str], None]:
    servers = cycle(urls)

    def search(query: str) -> None:
        address = f"{next(servers).rstrip('/')}/api/v1/search?" + urllib.parse.urlencode({"q": query})
        request = urllib.request.Request(address, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            json.loads(response.read())

    return search


def in_process_searches(max_batch: int, window: float) -> list[tuple[str, Callable[[str], None], Callable[[], str]]]:
    from kb import KnowledgeBase
    from kb.batching import BatchingEncoder
    from kb.embeddings import load_encoder
    from kb.recent_queries import RecentQueryVectors
    from settings import Settings

    settings = Settings.from_env().with_overrides(content_dir=ROOT / "content")
    encoder = load_encoder(settings.embedding_model)
    batching, served = (BatchingEncoder(encoder, window=window, max_batch=max_batch) for _ in range(2))
    recent = RecentQueryVectors(served)
    plain_kb = KnowledgeBase.open(settings.content_dir, settings, encoder=encoder)
    batched_kb = KnowledgeBase.open(settings.content_dir, settings, encoder=batching)
    served_kb = KnowledgeBase.open(settings.content_dir, settings, encoder=recent)
    return [("one query per encoder call", lambda q: plain_kb.search(q), lambda: ""),
            ("micro-batched (kb/batching.py)", lambda q: batched_kb.search(q),
             lambda: f"{batching.batched_texts / max(1, batching.batches):.1f} texts per encoder call"),
            ("micro-batched + recent query vectors (kb/recent_queries.py, as the app serves)",
             lambda q: served_kb.search(q),
             lambda: f"{recent.hits} of {recent.hits + recent.misses} query texts from memory; "
                     f"{served.batched_texts / max(1, served.batches):.1f} texts per encoder call")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", action="append", default=[], help="an app server (repeat for several)")
    parser.add_argument("--token", default="", help="an API token (HTTP mode)")
    parser.add_argument("--clients", default="1,4,16,64,128")
    parser.add_argument("--requests", type=int, default=256, help="searches per level (at least 2 per client)")
    parser.add_argument("--seconds", type=float, default=60.0, help="time bound per level")
    parser.add_argument("--queries", choices=["distinct", "repeated"], default="distinct",
                        help="every search a new wording (default), or the 15 questions over and over")
    parser.add_argument("--max-batch", type=int, default=DEFAULT_MAX_BATCH, help="in-process: texts per encoder call at most")
    parser.add_argument("--window", type=float, default=DEFAULT_WINDOW_SECONDS, help="in-process: batching window, seconds")
    parser.add_argument("--only", default="", help="in-process: run only the variants whose title contains this")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    with open("/proc/loadavg") as handle:
        print(f"load average before the run: {handle.read().split()[0]} (2 cores; other work on the machine skews figures)")
    print(f"queries: {args.queries}")
    if args.url:
        search = http_search(args.url, args.token)
        search("系统预热")  # warm: the first search loads the knowledge base (a wording the run never uses)
        source = QuerySource(args.queries, start=WORDINGS * random.randrange(1, 10**6))
        print_table(f"HTTP API, {len(args.url)} server(s)",
                    [run_level(search, n, args.requests, args.seconds, source) for n in levels])
        return
    print(f"micro-batching: window {1000 * args.window:.0f} ms, at most {args.max_batch} texts per encoder call")
    for title, search, note in in_process_searches(args.max_batch, args.window):
        if args.only and args.only not in title:
            continue
        search("系统预热")
        source = QuerySource(args.queries)  # each variant gets the same queries
        rows = [run_level(search, n, args.requests, args.seconds, source) for n in levels]
        print_table(f"in-process, {title}", rows)
        if note():
            print(note())


if __name__ == "__main__":
    main()
