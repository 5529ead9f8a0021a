"""The per-token rate limit counted in the database: the same burst as the in-memory limiter,
shared by every server (limiter) on the database, exact under concurrent requests, old windows
cleaned up, and the in-memory limit when the database cannot count. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from trainer.store.models import ApiRateWindow
from trainer.users.shared_rate_limit import SharedRateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0  # 4 s into a 6-second window (999 996 … 1 000 002)

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_refusal_with_the_wait_then_the_next_window(database):
    clock = Clock()
    limiter = SharedRateLimiter(database, per_minute=60, clock=clock)  # 6 per 6-second window
    assert all(limiter.allow(1)[0] for _ in range(6))
    allowed, wait = limiter.allow(1)
    assert not allowed and wait == 2.0  # until the window ends
    assert limiter.allow(2)[0]  # another token is counted on its own
    clock.now += 2.0
    assert limiter.allow(1)[0]


def test_two_servers_share_one_count(database):
    clock = Clock()
    first, second = (SharedRateLimiter(database, per_minute=60, clock=clock) for _ in range(2))
    assert [first.allow(7)[0] for _ in range(3)] + [second.allow(7)[0] for _ in range(3)] == [True] * 6
    assert not first.allow(7)[0] and not second.allow(7)[0]


def test_concurrent_requests_are_counted_exactly(database):
    clock = Clock()
    servers = [SharedRateLimiter(database, per_minute=600, clock=clock) for _ in range(2)]  # 60 per window
    allowed = []

    def client(limiter: SharedRateLimiter) -> None:
        for _ in range(20):
            allowed.append(limiter.allow(3)[0])

    threads = [threading.Thread(target=client, args=(servers[i % 2],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 120 and allowed.count(True) == 60


def test_a_small_rate_keeps_its_per_minute_average():
    class NoDatabase:
        class engine:
            class dialect:
                name = "sqlite"

    limiter = SharedRateLimiter(NoDatabase(), per_minute=5)
    assert limiter.limit == 1 and limiter.window_seconds == 12.0


def test_old_windows_are_deleted_when_a_new_one_starts(database):
    clock = Clock()
    limiter = SharedRateLimiter(database, per_minute=60, clock=clock)
    for _ in range(3):
        limiter.allow(1)
        limiter.allow(2)
        clock.now += 6.0
    with database.session() as session:
        rows = session.execute(select(ApiRateWindow.token_id, func.count()).group_by(ApiRateWindow.token_id)).all()
    assert sorted(rows) == [(1, 1), (2, 1)]


def test_when_the_database_cannot_count_this_servers_own_limit_applies(database, monkeypatch):
    limiter = SharedRateLimiter(database, per_minute=60, clock=Clock())

    def broken():
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(database, "session", broken)
    assert [limiter.allow(1)[0] for _ in range(7)] == [True] * 6 + [False]
