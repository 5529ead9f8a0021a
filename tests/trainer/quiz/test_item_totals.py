"""Each agent's all-time totals per item follow every recorded answer, and the migration fills them."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, text

from trainer.quiz.item_totals import rebuild
from trainer.quiz.progress import Attempt, ProgressStore
from tests.trainer.store.migrating import migrate
from trainer.store.db import Database
from trainer.clock import as_utc
from trainer.store.models import QuizAttempt, QuizHourTotal, QuizItemTotal
from trainer.users.accounts import create_user


def totals(db: Database) -> dict[tuple[int, str, str], tuple[int, int]]:
    with db.session() as session:
        return {(t.user_id, t.item_id, t.category): (t.answers, t.right_answers)
                for t in session.scalars(select(QuizItemTotal))}


def test_each_answer_adds_to_its_agents_total_for_the_item(database) -> None:
    a, b = create_user(database, "a", "王芳"), create_user(database, "b", "张伟")
    store = ProgressStore(database)
    for user, item, correct, category in [(a, "q-1", True, "lapse"), (a, "q-1", False, "lapse"), (a, "q-1", True, "lapse"),
                                          (a, "q-2", False, "claims"), (b, "q-1", True, "lapse"), (a, "q-1", True, "claims")]:
        store.record_attempt(Attempt(user_id=user.id, item_id=item, correct=correct, category=category))
    expected = {(a.id, "q-1", "lapse"): (3, 2), (a.id, "q-1", "claims"): (1, 1), (a.id, "q-2", "claims"): (1, 0),
                (b.id, "q-1", "lapse"): (1, 1)}
    assert totals(database) == expected
    with database.engine.begin() as connection:
        rebuild(connection)  # recounted from the answers themselves: the same
    assert totals(database) == expected


def test_the_migration_counts_the_answers_already_recorded(db: Database) -> None:
    migrate(db, "0010_api_rate_windows", down=True)
    agent = create_user(db, "a", "王芳")
    moment = datetime(2026, 3, 1, tzinfo=timezone.utc)
    with db.engine.begin() as connection:
        for item, correct, category in [("q-1", True, "lapse"), ("q-1", False, "lapse"), ("q-2", True, "")]:
            connection.execute(text("INSERT INTO quiz_attempts (user_id, item_id, entry_id, category, question_type, "
                                    "answer_given, correct, seconds, session_id, answered_at) VALUES "
                                    "(:u, :i, '', :c, '', '', :ok, 0, '', :at)"),
                               {"u": agent.id, "i": item, "c": category, "ok": correct, "at": moment})
    migrate(db, "head")
    assert totals(db) == {(agent.id, "q-1", "lapse"): (2, 1), (agent.id, "q-2", ""): (1, 1)}


def hour_totals(db: Database) -> dict[tuple[int, datetime], tuple[int, int]]:
    with db.session() as session:
        return {(t.user_id, as_utc(t.hour_start)): (t.answers, t.right_answers) for t in session.scalars(select(QuizHourTotal))}


def test_each_answer_adds_to_its_agents_total_for_the_utc_hour(database) -> None:
    """Kept per answer, equal to a recount; an answer given with a Beijing time counts in its UTC hour."""
    a, b = create_user(database, "a", "王芳"), create_user(database, "b", "张伟")
    store = ProgressStore(database)
    beijing = ZoneInfo("Asia/Shanghai")
    for user, minute, correct in [(a, datetime(2026, 3, 8, 18, 0, tzinfo=timezone.utc), True),
                                  (a, datetime(2026, 3, 8, 18, 59, 59, 999999, tzinfo=timezone.utc), False),
                                  (a, datetime(2026, 3, 9, 2, 30, tzinfo=beijing), True),  # 18:30 UTC on the 8th
                                  (a, datetime(2026, 3, 8, 19, 0, tzinfo=timezone.utc), True),
                                  (b, datetime(2026, 3, 8, 18, 10, tzinfo=timezone.utc), False)]:
        store.record_attempt(Attempt(user_id=user.id, item_id="q-1", correct=correct, category="lapse", answered_at=minute))
    six, seven = datetime(2026, 3, 8, 18, tzinfo=timezone.utc), datetime(2026, 3, 8, 19, tzinfo=timezone.utc)
    expected = {(a.id, six): (3, 2), (a.id, seven): (1, 1), (b.id, six): (1, 0)}
    assert hour_totals(database) == expected
    with database.engine.begin() as connection:
        rebuild(connection)  # recounted from the answers themselves, in SQL: the same
    assert hour_totals(database) == expected


def test_the_migration_counts_each_hours_answers_already_recorded(db: Database) -> None:
    migrate(db, "0012_call_resume", down=True)
    agent = create_user(db, "a", "王芳")
    with db.engine.begin() as connection:
        for correct, moment in [(True, datetime(2026, 3, 1, 9, 5)), (False, datetime(2026, 3, 1, 9, 55)),
                                (True, datetime(2026, 3, 1, 10, 0))]:
            connection.execute(insert(QuizAttempt).values(user_id=agent.id, item_id="q-1", correct=correct,
                                                          answered_at=moment.replace(tzinfo=timezone.utc)))
    migrate(db, "head")
    assert hour_totals(db) == {(agent.id, datetime(2026, 3, 1, 9, tzinfo=timezone.utc)): (2, 1),
                               (agent.id, datetime(2026, 3, 1, 10, tzinfo=timezone.utc)): (1, 1)}
