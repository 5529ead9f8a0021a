"""Each agent's answer tallies, kept in step with quiz_attempts: all-time per item (quiz_item_totals)
and per UTC hour (quiz_hour_totals).

Written in the same transaction as the answer they count (ProgressStore.record_attempt), as an
insert-or-add so two answers committed at once both count, on SQLite and PostgreSQL alike.
`rebuild` recounts everything from quiz_attempts (bulk loads that bypass record_attempt).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, delete, func, insert, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trainer.clock import as_utc
from trainer.store.models import QuizAttempt, QuizHourTotal, QuizItemTotal

_RIGHT = func.sum(case((QuizAttempt.correct.is_(True), 1), else_=0))
# The UTC hour of an answer in SQL, stored as the ORM stores times on each database.
_HOUR_SQL = {"postgresql": "date_trunc('hour', quiz_attempts.answered_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'",
             "sqlite": "strftime('%Y-%m-%d %H:00:00.000000', quiz_attempts.answered_at)"}


def count_answer(session: Session, user_id: int, item_id: str, category: str | None, correct: bool,
                 answered_at: datetime) -> None:
    """Add one answer to the agent's total for the item (a missing category counts as '', as max()
    reads it) and to their total for the UTC hour it was given in."""
    right = 1 if correct else 0
    _add(session, QuizItemTotal, {"user_id": user_id, "item_id": item_id, "category": category or ""}, right)
    _add(session, QuizHourTotal, {"user_id": user_id, "hour_start": hour_start(answered_at)}, right)


def hour_start(moment: datetime) -> datetime:
    """The start of the UTC hour `moment` falls in."""
    return as_utc(moment).replace(minute=0, second=0, microsecond=0)


def _add(session: Session, table: type[QuizItemTotal] | type[QuizHourTotal], key: dict, right: int) -> None:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**key, answers=1, right_answers=right)
    session.execute(statement.on_conflict_do_update(
        index_elements=list(key),
        set_={"answers": table.answers + 1, "right_answers": table.right_answers + statement.excluded.right_answers}))


def rebuild(connection: Connection) -> None:
    """Recount every total from quiz_attempts."""
    category = func.coalesce(QuizAttempt.category, "")
    by_item = (select(QuizAttempt.user_id, QuizAttempt.item_id, category, func.count(), _RIGHT)
               .group_by(QuizAttempt.user_id, QuizAttempt.item_id, category))
    # Literal SQL (no bound parameters), so PostgreSQL sees the grouped expression as the selected one.
    hour = literal_column(_HOUR_SQL[connection.dialect.name])
    by_hour = select(QuizAttempt.user_id, hour, func.count(), _RIGHT).group_by(QuizAttempt.user_id, hour)
    connection.execute(delete(QuizItemTotal))
    connection.execute(insert(QuizItemTotal).from_select(
        ["user_id", "item_id", "category", "answers", "right_answers"], by_item))
    connection.execute(delete(QuizHourTotal))
    connection.execute(insert(QuizHourTotal).from_select(["user_id", "hour_start", "answers", "right_answers"], by_hour))
