"""The quiz round in progress survives a reload: kept in the store exactly as it was asked."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from trainer.quiz.question import Question
from trainer.quiz.resume import forget_run, save_run, unfinished_run
from trainer.store.db import Database
from trainer.store.models import QuizRun
from trainer.users.accounts import create_user

STARTED = datetime(2026, 12, 3, 1, 0, tzinfo=timezone.utc)
QUESTIONS = [
    Question("q-single", "single", "犹豫期一般多长？", ("10日", "15日", "30日"), 1, "一般为15日。", "cooling-off-length",
             "policy", 2, en_prompt="How long is the cooling-off period?", en_options=("10 days", "15 days", "30 days"),
             en_explanation="Usually 15 days.", option_entries=("claims-deadline", "cooling-off-length", "lapse-grace")),
    Question("q-multiple", "multiple", "理赔需要哪些材料？", ("身份证", "诊断证明", "户口本"), (0, 1), "身份证和诊断证明。",
             "claims-documents", "claims"),
    Question("q-blank", "fill_blank", "宽限期为____日。", (), "60", "60日。", "grace-period", "premium", accept=("六十",)),
]


def a_run(position: int = 1) -> dict:
    return {"id": "run-1", "questions": list(QUESTIONS), "position": position,
            "results": [(QUESTIONS[0], False, 12.5)][:position], "started": STARTED,
            "shown": STARTED + timedelta(seconds=30), "feedback": {"correct": False} if position else None}


def test_a_round_comes_back_at_the_same_question_with_its_answers_so_far(database: Database) -> None:
    user = create_user(database, "agent-wang", "王芳")
    save_run(database, user.id, a_run())
    restored = unfinished_run(database, user.id)
    assert restored == a_run()
    assert restored["questions"][1].answer == (0, 1), "a multiple-choice answer is a tuple again"
    assert restored["questions"][1].is_correct([1, 0])


def test_the_newest_step_replaces_the_kept_one_and_each_user_has_their_own(database: Database) -> None:
    wang = create_user(database, "agent-wang", "王芳")
    li = create_user(database, "agent-li", "李雷")
    save_run(database, wang.id, a_run(0))
    save_run(database, wang.id, a_run(1))
    assert unfinished_run(database, wang.id)["position"] == 1
    assert unfinished_run(database, li.id) is None


def test_a_finished_or_forgotten_round_is_not_resumed(database: Database) -> None:
    user = create_user(database, "agent-wang", "王芳")
    save_run(database, user.id, a_run(position=len(QUESTIONS)))
    assert unfinished_run(database, user.id) is None
    save_run(database, user.id, a_run())
    forget_run(database, user.id)
    assert unfinished_run(database, user.id) is None


def test_an_unreadable_kept_round_counts_as_none(database: Database) -> None:
    user = create_user(database, "agent-wang", "王芳")
    save_run(database, user.id, a_run())
    with database.session() as session:
        session.execute(update(QuizRun).where(QuizRun.user_id == user.id).values(state='{"id": "x"}'))
        session.commit()
    assert unfinished_run(database, user.id) is None
