"""A quiz assignment done: the trainee's first round of its category, with at least its number of items, answered
after it was assigned (qa24 I3). Read from the round's recorded answers, not from the page's state, so a round
resumed after a reload or on another PC counts as one finished in one go.

A category can shrink after a quiz of it was assigned (its items retired from the bank): a round never asks more
than the bank holds, so a quiz of more could never be done. It is done by a round of all the category holds now
(`items_to_do`), and the pages say so; one whose category holds nothing now cannot be done (ui51)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select

from trainer.assignments.store import AssignmentInfo, assignments_for, complete_assignment
from trainer.clock import as_utc
from trainer.store.db import Database
from trainer.store.models import QuizAttempt
from trainer.users.accounts import UserInfo


def items_to_do(assignment: AssignmentInfo, held: Mapping[str, int]) -> int:
    """How many questions of its category a round answers to do the quiz `assignment`: its number, or all the
    category holds now (`held`: the bank's questions by category) when that is fewer; 0 when it holds none."""
    return min(assignment.quiz_items, held.get(assignment.quiz_category, 0))


def fulfils(assignment: AssignmentInfo, answers: list[tuple[str, bool, datetime]], held: Mapping[str, int]) -> bool:
    """Whether a round's answers (category, right, answered at) do `assignment`: every one of its category — a round
    of 全部分类 that happened to draw some is not a quiz of that category — and enough of them after it was made."""
    after = [category for category, _right, at in answers if as_utc(at) >= assignment.created_at]
    needed = items_to_do(assignment, held)
    return (assignment.is_quiz and not assignment.done and needed > 0 and len(after) >= needed
            and all(category == assignment.quiz_category for category, _right, _at in answers))


def complete_quiz_assignments(db: Database, trainee: UserInfo, round_id: str,
                              held: Mapping[str, int]) -> list[AssignmentInfo]:
    """Mark done every open quiz assignment of the trainee's that the finished round `round_id` does (`held`: the
    bank's questions by category now), its share right (0–100) as the score; the ones it marked, for the round's
    summary to say so."""
    with db.session() as session:
        answers = [(row.category, row.correct, row.answered_at) for row in session.execute(
            select(QuizAttempt.category, QuizAttempt.correct, QuizAttempt.answered_at)
            .where(QuizAttempt.user_id == trainee.id, QuizAttempt.session_id == round_id))]
    if not answers:
        return []
    score = 100.0 * sum(1 for _category, right, _at in answers if right) / len(answers)
    return [assignment for assignment in assignments_for(db, trainee)
            if fulfils(assignment, answers, held) and complete_assignment(db, assignment.id, trainee, None, score)]
