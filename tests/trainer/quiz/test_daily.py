"""Today's training: due reviews first, weak categories favoured, mistakes retried, answers recorded."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from trainer.quiz.daily import (MISTAKES, category_weights, chinese_only_count, coming_back, end_of_day, plan_round,
                                plan_session, record_answer, summarize)
from trainer.store.db import Database
from trainer.quiz.progress import CategoryMastery, ProgressStore
from trainer.quiz.question import Question
from trainer.users.accounts import get_or_create_by_name

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _question(category: str, n: int, entry: str | None = None) -> Question:
    return Question(f"{category}-{n}", "single", f"{category} 问题 {n}", ("对的", "错的一", "错的二", "错的三"), 0,
                    "解释", entry or f"{category}-entry-{n}", category=category, generated=True)


@pytest.fixture
def bank() -> dict[str, Question]:
    questions = [_question(c, n) for c in ("lapse", "claims", "callback") for n in range(10)]
    return {q.id: q for q in questions}


@pytest.fixture
def store(db: Database) -> ProgressStore:
    return ProgressStore(db)


@pytest.fixture
def user_id(db: Database) -> int:
    return get_or_create_by_name(db, "学员甲").id


def _answer(store: ProgressStore, user_id: int, question: Question, right: bool, at: datetime = NOW) -> None:
    record_answer(store, user_id, question, 0 if right else 1, 8.0, "s0", at, slow_after=45)


def test_due_reviews_come_first_then_new_questions(store, user_id, bank) -> None:
    _answer(store, user_id, bank["claims-3"], False, NOW - timedelta(days=2))
    _answer(store, user_id, bank["lapse-1"], True, NOW - timedelta(days=1))  # not due yet (Good → 2 days)
    plan = plan_session(bank, store, user_id, size=6, now=NOW, seed=1)
    assert plan[0].id == "claims-3"
    assert len(plan) == 6 and len({q.id for q in plan}) == 6
    assert "lapse-1" not in {q.id for q in plan}


def test_new_questions_lean_toward_the_weakest_category(store, user_id, bank) -> None:
    for n in range(3):
        _answer(store, user_id, bank[f"lapse-{n}"], True, NOW - timedelta(days=10))
        _answer(store, user_id, bank[f"claims-{n}"], False, NOW - timedelta(days=10))
    for n in range(3):  # both reviewed again so nothing is due today
        _answer(store, user_id, bank[f"lapse-{n}"], True, NOW - timedelta(hours=1))
        _answer(store, user_id, bank[f"claims-{n}"], False, NOW - timedelta(hours=1))
    counts = Counter(q.category for seed in range(40)
                     for q in plan_session(bank, store, user_id, size=4, now=NOW, seed=seed))
    assert counts["claims"] > counts["lapse"]


def test_category_weights_favour_low_mastery_and_treat_unseen_as_middling() -> None:
    mastery = {"lapse": CategoryMastery("lapse", 4, 4, 4, 4), "claims": CategoryMastery("claims", 4, 0, 4, 0)}
    weights = category_weights(mastery, ["lapse", "claims", "callback"])
    assert weights["claims"] > weights["callback"] > weights["lapse"]


def test_the_category_filter_and_the_size_hold(store, user_id, bank) -> None:
    plan = plan_session(bank, store, user_id, size=5, now=NOW, category="callback", seed=3)
    assert len(plan) == 5 and {q.category for q in plan} == {"callback"}


def test_when_everything_is_seen_and_nothing_due_the_soonest_come_back(store, user_id) -> None:
    small = {q.id: q for q in [_question("lapse", n) for n in range(3)]}
    for n, q in enumerate(small.values()):
        _answer(store, user_id, q, True, NOW - timedelta(hours=n))
    plan = plan_session(small, store, user_id, size=2, now=NOW, seed=1)
    assert [q.id for q in plan] == ["lapse-2", "lapse-1"]  # answered earliest → due earliest


def test_retry_my_mistakes_asks_what_was_last_answered_wrong(store, user_id, bank) -> None:
    _answer(store, user_id, bank["lapse-1"], False, NOW - timedelta(days=3))
    _answer(store, user_id, bank["lapse-1"], True, NOW - timedelta(days=1))  # fixed since
    _answer(store, user_id, bank["claims-2"], False, NOW - timedelta(days=2))
    _answer(store, user_id, bank["callback-4"], False, NOW - timedelta(days=1))
    plan = plan_session(bank, store, user_id, size=10, now=NOW, mode=MISTAKES, seed=1)
    assert [q.id for q in plan] == ["callback-4", "claims-2"]
    assert [q.id for q in plan_session(bank, store, user_id, 10, NOW, category="claims", mode=MISTAKES)] == ["claims-2"]


def test_an_unknown_mode_is_refused(store, user_id, bank) -> None:
    with pytest.raises(ValueError, match="unknown training mode 'exam'"):
        plan_session(bank, store, user_id, size=5, now=NOW, mode="exam")


def test_recording_an_answer_stores_it_and_reschedules(store, user_id, bank) -> None:
    question = bank["lapse-0"]
    result = record_answer(store, user_id, question, 2, 12.0, "s1", NOW, slow_after=45)
    assert not result.correct and result.next_due <= NOW + timedelta(days=1)
    [attempt] = store.attempts(user_id)
    assert (attempt.answer_given, attempt.correct, attempt.session_id, attempt.category) == ("错的二", False, "s1", "lapse")
    state = store.review_state(user_id, "lapse-0")
    assert state.due == result.next_due and state.reps == 1
    right = record_answer(store, user_id, question, 0, 5.0, "s2", result.next_due, slow_after=45)
    assert right.correct and right.next_due > result.next_due + timedelta(days=1)
    assert store.review_state(user_id, "lapse-0").reps == 2


def test_coming_back_tomorrow_covers_until_the_end_of_the_local_day(store, user_id, bank) -> None:
    _answer(store, user_id, bank["lapse-0"], False)  # due tomorrow
    _answer(store, user_id, bank["lapse-1"], True)   # due in two days
    assert end_of_day(NOW, SHANGHAI, 1) == datetime(2026, 3, 11, 15, 59, 59, 999999, tzinfo=timezone.utc)
    assert [s.item_id for s in coming_back(store, user_id, NOW, SHANGHAI)] == ["lapse-0"]


def test_summary_counts_score_time_and_categories(bank) -> None:
    summary = summarize([(bank["lapse-0"], True, 10.0), (bank["lapse-1"], False, 20.0), (bank["claims-0"], True, 5.0)])
    assert (summary.asked, summary.correct, summary.seconds) == (3, 2, 35.0)
    assert summary.by_category == {"claims": (1, 1), "lapse": (1, 2)}
    assert summarize([]).score == 0.0


def _half_in_english(bank: dict[str, Question]) -> dict[str, Question]:
    """The bank with its even-numbered questions given an English version, the odd ones Chinese only."""
    return {qid: replace(q, en_prompt=f"{q.category} question {qid}") if int(qid.rsplit("-", 1)[1]) % 2 == 0 else q
            for qid, q in bank.items()}


def test_an_english_round_asks_only_questions_with_an_english_version(store, user_id, bank) -> None:
    """qa28 Q1: an English round served Chinese fill-ins, each under "This item is in Chinese"."""
    bank = _half_in_english(bank)
    plan = plan_round(bank, store, user_id, size=8, now=NOW, category="claims", english=True, seed=1)
    assert len(plan) == 5 and not any(q.in_chinese_only() for q in plan), [q.id for q in plan]
    assert chinese_only_count(bank, "claims") == 5 and chinese_only_count(bank) == 15
    in_chinese = plan_round(bank, store, user_id, size=8, now=NOW, category="claims", seed=1)
    assert len(in_chinese) == 8, "a Chinese round asks them all"


def test_an_assigned_english_round_asks_its_number_the_english_questions_first(store, user_id, bank) -> None:
    """An assigned quiz of 8 is done by a round of 8: the category's 5 English questions, then 3 in Chinese."""
    bank = _half_in_english(bank)
    plan = plan_round(bank, store, user_id, size=8, now=NOW, category="claims", english=True, top_up=True, seed=1)
    assert len(plan) == 8 and len({q.id for q in plan}) == 8
    assert [q.in_chinese_only() for q in plan] == [False] * 5 + [True] * 3
