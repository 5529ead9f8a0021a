"""Per-key token buckets: how many requests a key may make per minute, with a short burst.

Kept in the memory of one app process: a limit that needs no database write per request, for
one server on SQLite. Several servers on PostgreSQL count in the database instead
(trainer/users/shared_rate_limit.py), which falls back to this limiter when it cannot count.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Hashable

BURST_SHARE = 0.1  # a burst of a tenth of the per-minute rate (at least 1) is allowed at once


class RateLimiter:
    """`allow(key)` says whether one more request of `key` is within its rate; thread-safe."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1.0, per_minute * BURST_SHARE)
        self._clock = clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (tokens, at)
        self._lock = threading.Lock()

    def allow(self, key: Hashable) -> tuple[bool, float]:
        """(allowed, seconds until the next request would be allowed when refused)."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return True, 0.0
            self._buckets[key] = (tokens, now)
            return False, (1.0 - tokens) / self.rate
