"""The exam clock: late only past the limit plus the round-trip grace."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from trainer.assignments.exam import GRACE_SECONDS, is_late, seconds_left

SHOWN = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def test_a_reply_within_the_limit_is_on_time_and_one_past_it_is_late() -> None:
    assert not is_late(SHOWN, SHOWN + timedelta(seconds=30 + GRACE_SECONDS), 30)
    assert is_late(SHOWN, SHOWN + timedelta(seconds=31 + GRACE_SECONDS), 30)


def test_the_countdown_stops_at_zero() -> None:
    assert seconds_left(SHOWN, SHOWN + timedelta(seconds=12), 30) == 18
    assert seconds_left(SHOWN, SHOWN + timedelta(minutes=5), 30) == 0
