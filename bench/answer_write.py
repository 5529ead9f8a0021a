"""What recording one quiz answer costs (ProgressStore.record_attempt: the answer, its review state
and the tallies kept with it), on a fresh SQLite file or a given PostgreSQL database.

    .venv/bin/python -m bench.answer_write [--answers 400] [--postgres URL]

Prints the median and 95th percentile of one record_attempt, wall-clock and CPU. The team console's
tallies (quiz_item_totals, quiz_hour_totals) are upserts in the same transaction; figures go to
docs/benchmarks.md next to the console's.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from trainer.quiz.progress import Attempt, ProgressStore, ReviewInfo
from trainer.store.db import Database
from trainer.users.accounts import create_user


def run(url: str, answers: int) -> None:
    db = Database(url)
    store = ProgressStore(db)
    rng = random.Random(3)
    agents = [create_user(db, f"bench-write-{n}-{time.time_ns()}", f"坐席{n}").id for n in range(5)]
    moment = datetime(2026, 3, 2, 1, tzinfo=timezone.utc)
    walls, cpus = [], []
    for _ in range(answers):
        moment += timedelta(seconds=rng.uniform(10, 400))
        user, item = rng.choice(agents), f"q-{rng.randrange(300):03d}"
        attempt = Attempt(user_id=user, item_id=item, correct=rng.random() < 0.7, category=f"cat-{rng.randrange(14):02d}",
                          answered_at=moment)
        started, cpu = time.perf_counter(), time.process_time()
        store.record_attempt(attempt, ReviewInfo(user, item, "{}", moment + timedelta(days=3)))
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    db.dispose()

    def ms(values: list[float], share: float) -> float:
        return 1000 * sorted(values)[int(share * (len(values) - 1))]

    print(f"{db.engine.dialect.name}: {answers} answers; record_attempt wall p50 {ms(walls, 0.5):.2f} ms, "
          f"p95 {ms(walls, 0.95):.2f} ms; CPU p50 {ms(cpus, 0.5):.2f} ms (mean {1000 * statistics.fmean(cpus):.2f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400, help="answers to record (default 400)")
    parser.add_argument("--postgres", help="a PostgreSQL URL (users and answers are added to it)")
    args = parser.parse_args()
    if args.postgres:
        run(args.postgres, args.answers)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{Path(folder) / 'write.db'}", args.answers)


if __name__ == "__main__":
    main()
