"""What logging costs a search: the page's share (queueing) and the background write itself.

    .venv/bin/python -m bench.search_log [--searches 500]

On a temporary SQLite store. The page only queues the write (`LogWriter.submit`), so its cost
is what an agent could ever wait for; the write runs on the writer's thread. Also shown:
queueing while the database is locked by another writer, when every write waits.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from trainer.search_feedback.store import record_search
from trainer.search_feedback.writer import LogWriter
from trainer.store.db import Database

RESULTS = [("cooling-off-length", 0.91), ("cooling-off-refund", 0.74), ("lapse-grace-period", 0.66)]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return (f"p50 {statistics.median(ordered) * 1e6:.0f} µs, "
            f"p95 {ordered[int(len(ordered) * 0.95) - 1] * 1e6:.0f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="search-log-bench-") as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'trainer.db'}")
        writes: list[float] = []
        for _ in range(args.searches):
            started = time.perf_counter()
            record_search(db, uuid.uuid4().hex, None, "签了合同后悔了有几天可以退", None, RESULTS)
            writes.append(time.perf_counter() - started)
        print(f"background write of one search (SQLite, WAL): {percentiles(writes)}")

        writer, queued = LogWriter(), []
        for _ in range(args.searches):
            started = time.perf_counter()
            writer.submit("a search", lambda: record_search(db, uuid.uuid4().hex, None, "宽限期多久", None, RESULTS))
            queued.append(time.perf_counter() - started)
        writer.flush(60)
        print(f"page's share, queueing one search: {percentiles(queued)}")

        locked, release = [], threading.Event()

        def hold_lock() -> None:
            with db.engine.connect() as connection:
                connection.execute(text("BEGIN IMMEDIATE"))
                release.wait()
                connection.rollback()

        holder = threading.Thread(target=hold_lock)
        holder.start()
        time.sleep(0.2)
        for _ in range(50):
            started = time.perf_counter()
            writer.submit("a search", lambda: record_search(db, uuid.uuid4().hex, None, "宽限期多久", None, RESULTS))
            locked.append(time.perf_counter() - started)
        print(f"queueing while another process holds the write lock: {percentiles(locked)}; "
              f"{writer.pending} writes waiting")
        release.set()
        holder.join()
        writer.flush(60)
        db.dispose()


if __name__ == "__main__":
    main()
