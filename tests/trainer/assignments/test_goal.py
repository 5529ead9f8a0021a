"""Assignments in today's goal: due by today or done today."""

from __future__ import annotations

from datetime import date, datetime, timezone

from trainer.assignments.goal import assignment_goal
from trainer.assignments.store import AssignmentInfo

TODAY = date(2026, 3, 2)
CREATED = datetime(2026, 3, 1, tzinfo=timezone.utc)


def work(due: date, done_at: datetime | None = None) -> AssignmentInfo:
    return AssignmentInfo(1, "s", "一组", "training", due, CREATED, done_at, 80 if done_at else None)


def test_due_by_today_and_done_today_count_later_ones_do_not() -> None:
    goal = assignment_goal([work(date(2026, 3, 1)), work(TODAY), work(date(2026, 3, 9)),
                            work(date(2026, 3, 9), datetime(2026, 3, 2, 3, tzinfo=timezone.utc)),
                            work(date(2026, 2, 20), datetime(2026, 2, 20, tzinfo=timezone.utc))], TODAY, timezone.utc)
    assert (goal.due, goal.done) == (3, 1)
