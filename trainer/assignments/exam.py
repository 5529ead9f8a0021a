"""The exam's per-reply time limit: how long the trainee took to answer the customer's line.

The clock runs on the server (from when the customer's line was shown to when the reply
arrived), so a slow browser or a closed tab cannot stop it; a small grace covers the round trip.
"""

from __future__ import annotations

from datetime import datetime

# Seconds added to the scenario's limit for the page round trip (typing is what is timed).
GRACE_SECONDS = 2.0


def seconds_taken(shown_at: datetime, answered_at: datetime) -> float:
    """Seconds from the customer's line to the trainee's reply (never negative)."""
    return max(0.0, (answered_at - shown_at).total_seconds())


def is_late(shown_at: datetime, answered_at: datetime, limit_seconds: int) -> bool:
    """Whether the reply came after the scenario's limit (plus the round-trip grace)."""
    return seconds_taken(shown_at, answered_at) > limit_seconds + GRACE_SECONDS


def seconds_left(shown_at: datetime, now: datetime, limit_seconds: int) -> int:
    """Whole seconds still left to reply (0 once the limit has passed)."""
    return max(0, int(limit_seconds - seconds_taken(shown_at, now)))
