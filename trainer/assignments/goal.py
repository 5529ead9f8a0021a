"""Assignments in today's goal on 我的进度: what is due by today and what was done today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from trainer.assignments.store import AssignmentInfo
from trainer.insights.periods import local_day


@dataclass(frozen=True)
class AssignmentGoal:
    due: int   # assignments that count today: open and due by today, or done today
    done: int  # of those, done today


def assignment_goal(assignments: list[AssignmentInfo], today: date, tz: tzinfo) -> AssignmentGoal:
    """Open assignments due today or overdue, plus those finished today (whatever their due date)."""
    done_today = [a for a in assignments if a.done and local_day(a.done_at, tz) == today]
    open_due = [a for a in assignments if not a.done and a.due_date <= today]
    return AssignmentGoal(len(done_today) + len(open_due), len(done_today))
