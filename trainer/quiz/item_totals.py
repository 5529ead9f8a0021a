"""Each agent's all-time answer count per item (table quiz_item_totals), kept in step with quiz_attempts.

Written in the same transaction as the answer it counts (ProgressStore.record_attempt), as an
insert-or-add so two answers committed at once both count, on SQLite and PostgreSQL alike.
`rebuild` recounts everything from quiz_attempts (bulk loads that bypass record_attempt).
"""

from __future__ import annotations

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trainer.store.models import QuizAttempt, QuizItemTotal


def count_answer(session: Session, user_id: int, item_id: str, category: str | None, correct: bool) -> None:
    """Add one answer to the agent's total for the item (a missing category counts as '', as max() reads it)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    row = {"user_id": user_id, "item_id": item_id, "category": category or "", "answers": 1,
           "right_answers": 1 if correct else 0}
    statement = dialect.insert(QuizItemTotal).values(**row)
    session.execute(statement.on_conflict_do_update(
        index_elements=["user_id", "item_id", "category"],
        set_={"answers": QuizItemTotal.answers + 1,
              "right_answers": QuizItemTotal.right_answers + statement.excluded.right_answers}))


def rebuild(connection: Connection) -> None:
    """Recount every total from quiz_attempts."""
    category = func.coalesce(QuizAttempt.category, "")
    counted = (select(QuizAttempt.user_id, QuizAttempt.item_id, category, func.count(),
                      func.sum(case((QuizAttempt.correct.is_(True), 1), else_=0)))
               .group_by(QuizAttempt.user_id, QuizAttempt.item_id, category))
    connection.execute(delete(QuizItemTotal))
    connection.execute(insert(QuizItemTotal).from_select(
        ["user_id", "item_id", "category", "answers", "right_answers"], counted))
