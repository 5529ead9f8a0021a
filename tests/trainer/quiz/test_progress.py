"""The progress store on a real SQLite file and, when CI provides one, a real PostgreSQL server."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from trainer.store.db import Database
from trainer.quiz.progress import Attempt, ProgressStore, ReviewInfo, streak
from trainer.users.accounts import get_or_create_by_name

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)  # 12:00 in Shanghai


@pytest.fixture
def store(database: Database) -> ProgressStore:
    return ProgressStore(database)


def _attempt(user_id: int, item: str, correct: bool, at: datetime = NOW, **extra) -> Attempt:
    return Attempt(user_id=user_id, item_id=item, correct=correct, answered_at=at, **extra)


def test_attempts_and_review_states_survive_a_new_store_instance(database_url: str, database: Database) -> None:
    user = get_or_create_by_name(database, "王芳")
    first = ProgressStore(database)
    first.record_attempt(_attempt(user.id, "q-a", True, category="lapse", answer_given="60日", seconds=7.5),
                         ReviewInfo(user.id, "q-a", '{"card": 1}', NOW + timedelta(days=2), category="lapse", reps=1))
    database.dispose()

    reopened = Database(database_url)
    try:
        again = ProgressStore(reopened)
        [attempt] = again.attempts(user.id)
        assert (attempt.item_id, attempt.correct, attempt.answer_given, attempt.seconds) == ("q-a", True, "60日", 7.5)
        assert attempt.answered_at == NOW
        state = again.review_state(user.id, "q-a")
        assert state.card_json == '{"card": 1}' and state.due == NOW + timedelta(days=2) and state.reps == 1
    finally:
        reopened.dispose()


def test_saving_a_review_state_again_replaces_it(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "李雷")
    store.save_review_state(ReviewInfo(user.id, "q-a", "{}", NOW, reps=1))
    store.save_review_state(ReviewInfo(user.id, "q-a", '{"x": 2}', NOW + timedelta(days=5), reps=2, lapses=1))
    states = store.review_states(user.id)
    assert list(states) == ["q-a"]
    assert states["q-a"].card_json == '{"x": 2}' and states["q-a"].reps == 2 and states["q-a"].lapses == 1


def test_two_threads_writing_attempts_at_once_lose_nothing(store: ProgressStore) -> None:
    users = [get_or_create_by_name(store.db, name) for name in ("甲", "乙")]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(user_id: int) -> None:
        try:
            barrier.wait()
            for n in range(40):
                store.record_attempt(_attempt(user_id, f"q-{n % 7}", n % 3 == 0),
                                     ReviewInfo(user_id, f"q-{n % 7}", "{}", NOW + timedelta(days=n)))
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(u.id,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for user in users:
        assert len(store.attempts(user.id)) == 40
        assert len(store.review_states(user.id)) == 7


def test_due_reviews_come_most_overdue_first_and_respect_the_category(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "张伟")
    store.save_review_state(ReviewInfo(user.id, "later", "{}", NOW + timedelta(hours=1), category="lapse"))
    store.save_review_state(ReviewInfo(user.id, "old", "{}", NOW - timedelta(days=3), category="lapse"))
    store.save_review_state(ReviewInfo(user.id, "now", "{}", NOW - timedelta(minutes=1), category="claims"))
    assert [s.item_id for s in store.due_reviews(user.id, NOW)] == ["old", "now"]
    assert [s.item_id for s in store.due_reviews(user.id, NOW, category="claims")] == ["now"]


def test_mastery_counts_the_latest_answer_per_item(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "赵敏")
    store.record_attempt(_attempt(user.id, "q-1", False, NOW - timedelta(days=1), category="lapse"))
    store.record_attempt(_attempt(user.id, "q-1", True, NOW, category="lapse"))
    store.record_attempt(_attempt(user.id, "q-2", False, NOW, category="lapse"))
    store.record_attempt(_attempt(user.id, "q-3", True, NOW, category="claims"))
    mastery = store.mastery_by_category(user.id)
    assert (mastery["lapse"].items_seen, mastery["lapse"].items_known, mastery["lapse"].mastery) == (2, 1, 0.5)
    assert (mastery["lapse"].attempts, mastery["lapse"].correct) == (3, 1)
    assert mastery["claims"].mastery == 1.0


def test_training_days_follow_the_local_calendar_and_make_a_streak(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "周杰")
    # 17:00 UTC on 7 March is already 8 March in Shanghai.
    for moment in (datetime(2026, 3, 7, 17, tzinfo=timezone.utc), NOW - timedelta(days=1), NOW):
        store.record_attempt(_attempt(user.id, "q-1", True, moment))
    days = store.training_days(user.id, SHANGHAI, since=NOW - timedelta(days=30))
    assert days == [date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 10)]
    assert streak(days, date(2026, 3, 10)) == 3
    assert store.current_streak(user.id, NOW, SHANGHAI) == 3
    assert store.current_streak(user.id, NOW + timedelta(days=2), SHANGHAI) == 0


def test_streak_allows_today_not_done_yet_but_not_a_gap() -> None:
    days = [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]
    assert streak(days, date(2026, 3, 10)) == 3
    assert streak(days, date(2026, 3, 11)) == 0
    assert streak([], date(2026, 3, 11)) == 0


def test_recent_sessions_group_answers_newest_first(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "孙丽")
    for n in range(3):
        store.record_attempt(_attempt(user.id, f"q-{n}", n != 1, NOW - timedelta(days=1, minutes=-n), session_id="s1", seconds=10))
    store.record_attempt(_attempt(user.id, "q-9", True, NOW, session_id="s2", seconds=4))
    sessions = store.recent_sessions(user.id)
    assert [s.session_id for s in sessions] == ["s2", "s1"]
    assert (sessions[1].questions, sessions[1].correct, sessions[1].seconds) == (3, 2, 30.0)


def test_team_overview_summarises_each_member(store: ProgressStore) -> None:
    ann = get_or_create_by_name(store.db, "安娜", team="一组")
    bob = get_or_create_by_name(store.db, "鲍勃", team="一组")
    get_or_create_by_name(store.db, "别组", team="二组")
    store.record_attempt(_attempt(ann.id, "q-1", True, NOW - timedelta(days=1)),
                         ReviewInfo(ann.id, "q-1", "{}", NOW - timedelta(hours=1)))
    store.record_attempt(_attempt(ann.id, "q-2", False, NOW))
    members = store.team_members("一组")
    assert [m.display_name for m in members] == sorted(["安娜", "鲍勃"])
    overview = {s.user.id: s for s in store.team_overview(members, NOW, SHANGHAI)}
    assert (overview[ann.id].attempts, overview[ann.id].correct, overview[ann.id].items_seen) == (2, 1, 2)
    assert overview[ann.id].due_now == 1 and overview[ann.id].streak == 2 and overview[ann.id].last_active == NOW
    assert (overview[bob.id].attempts, overview[bob.id].streak, overview[bob.id].last_active) == (0, 0, None)
    assert store.teams() == ["一组", "二组"]


def test_outcomes_come_oldest_first(store: ProgressStore) -> None:
    user = get_or_create_by_name(store.db, "钱多")
    store.record_attempt(_attempt(user.id, "q-1", True, NOW))
    store.record_attempt(_attempt(user.id, "q-1", False, NOW - timedelta(days=1)))
    assert store.outcomes() == [(user.id, "q-1", False), (user.id, "q-1", True)]
