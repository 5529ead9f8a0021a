"""My progress and the instructors' team overview, through AppTest, on recorded answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from streamlit.testing.v1 import AppTest

from trainer.dialogue.store import list_dialogue_records
from trainer.quiz.progress import Attempt, ProgressStore
from trainer.store.models import DialogueRecord
from trainer.users.accounts import UserInfo, create_user

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


def page(path: str, user: UserInfo) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    return at.run()


def answer(store, user: UserInfo, item: str, correct: bool, days_ago: float, category: str = "lapse") -> None:
    ProgressStore(store).record_attempt(Attempt(
        user_id=user.id, item_id=item, correct=correct, category=category, session_id=f"s{days_ago}",
        seconds=20, answered_at=datetime.now(timezone.utc) - timedelta(days=days_ago)))


def test_my_progress_shows_streak_mastery_and_recent_sessions(app_env, store) -> None:
    user = create_user(store, "agent-wang", "王芳")
    for days_ago in (0, 1, 2):
        answer(store, user, "q-lapse", True, days_ago)
    answer(store, user, "q-claims", False, 0, category="claims")
    at = page("pages/progress.py", user)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["连续训练天数"] == "3" and metrics["累计答题"] == "4"
    sessions = at.dataframe[0].value
    assert len(sessions) == 3 and sessions["题数"].sum() == 4
    assert "vega_lite_chart" in [el.type for el in at.main]  # the mastery chart


def test_my_progress_lists_finished_simulated_calls(app_env, store) -> None:
    user = create_user(store, "agent-li", "李雷")
    with store.session() as session:
        session.add(DialogueRecord(user_id=user.id, scenario_id="no-such-scenario", outcome="resolved", score=82.4,
                                   finished_at=datetime.now(timezone.utc)))
        session.commit()
    assert list_dialogue_records(store, user.id)
    at = page("pages/progress.py", user)
    assert not at.exception
    calls = at.dataframe[-1].value
    assert calls["情景"].tolist() == ["no-such-scenario"] and calls["得分"].tolist() == [82]
    assert calls["结果"].tolist() == ["已解决"]  # the outcome's name, not its id


def test_a_new_user_is_invited_to_start(app_env, store) -> None:
    at = page("pages/progress.py", create_user(store, "agent-new", "新人"))
    assert not at.exception
    assert any("还没有训练记录" in i.value for i in at.info)


def test_team_overview_lists_agents_and_flags_items_strong_agents_miss(app_env, store) -> None:
    teacher = create_user(store, "teacher-li", "李老师", role="instructor", team="一组")
    agents = [create_user(store, f"agent-{n}", f"坐席{n}", team="一组") for n in range(10)]
    create_user(store, "other-team", "别组坐席", team="二组")
    for n, agent in enumerate(agents):
        strong, weak = n < 3, n >= 7
        for k in range(6):
            answer(store, agent, f"filler-{k}", k < (6 if strong else 2 if weak else 4), 1)
        answer(store, agent, "q-cooling-off-length-1", not strong, 1)
    at = page("pages/team.py", teacher)
    assert not at.exception
    agents_table = at.dataframe[0].value
    assert len(agents_table) == 11 and "别组坐席" not in agents_table["姓名"].tolist()
    assert at.warning and "1 道题可能有问题" in at.warning[0].value
    items = at.dataframe[1].value
    flagged = items[items["需检查"] == "⚑"]
    assert flagged["题目"].tolist() == ["q-cooling-off-length-1"]
    assert "犹豫期" in flagged["题干"].iloc[0]


def test_agents_cannot_open_the_team_overview(app_env, store) -> None:
    at = page("pages/team.py", create_user(store, "agent-x", "坐席X"))
    assert at.error and "无权访问" in at.error[0].value
    assert not at.dataframe
