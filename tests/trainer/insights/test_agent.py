"""One agent's progress on SQLite and PostgreSQL, against values counted by hand.

Times are Beijing wall-clock times (UTC+8): 00:10 on Monday 9 March is still Sunday 8 March
in UTC, so counting by UTC days or weeks would give different numbers than these.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.trainer.insights.conftest import SHANGHAI, answer, call, due, local
from trainer.insights.agent import (activity_calendar, calls_by_scenario, due_forecast, missed_items, todays_goal,
                                    training_streak, weekly_retention)
from trainer.insights.calls import call_scores
from trainer.insights.periods import Period
from trainer.users.accounts import create_user

NOW = local("2026-03-10 12:00")  # Tuesday
TODAY = date(2026, 3, 10)


@pytest.fixture
def agent(database):
    user = create_user(database, "wang.fang", "王芳")
    answer(database, user.id, "q3", False, "2026-02-20 10:00")
    answer(database, user.id, "q3", False, "2026-02-21 10:00")
    answer(database, user.id, "q3", True, "2026-02-22 10:00")
    answer(database, user.id, "q1", True, "2026-03-08 00:30")   # first answer: not a review
    answer(database, user.id, "q1", False, "2026-03-08 23:50")  # review, Sunday: week of 2 March
    answer(database, user.id, "q1", True, "2026-03-09 00:10")   # review, Monday (Sunday in UTC): week of 9 March
    answer(database, user.id, "q2", False, "2026-03-09 00:20")  # first answer
    answer(database, user.id, "q2", True, "2026-03-10 09:00")   # review, today
    call(database, user.id, "s-claim", 72, "2026-03-07 01:00")  # Friday 6 March in UTC
    due(database, user.id, "q1", "2026-03-09 18:00")   # overdue: counts for today
    due(database, user.id, "q2", "2026-03-10 23:59")   # today
    due(database, user.id, "q3", "2026-03-11 00:01")   # tomorrow
    due(database, user.id, "q4", "2026-04-20 09:00")   # beyond the 30 days
    return user


@pytest.fixture
def newcomer(database):
    return create_user(database, "li.lei", "李雷")


def test_calendar_counts_answers_and_calls_per_local_day(database, agent) -> None:
    days = activity_calendar(database, agent.id, Period.ending(TODAY, 7), SHANGHAI)
    assert [d.day for d in days] == [date(2026, 3, n) for n in range(4, 11)]
    assert {d.day.day: (d.answers, d.calls) for d in days if d.total} == {7: (0, 1), 8: (2, 0), 9: (2, 0), 10: (1, 0)}


def test_streak_runs_across_the_utc_date_line_and_counts_practice_calls(database, agent) -> None:
    # Local days 7 (call), 8, 9, 10 March; in UTC the answers fall on 7, 8 and 10 March only.
    days = activity_calendar(database, agent.id, Period.ending(TODAY, 30), SHANGHAI)
    assert training_streak(days, TODAY) == 4
    assert training_streak(days, date(2026, 3, 11)) == 4  # tomorrow's session may still come
    assert training_streak(days, date(2026, 3, 12)) == 0


def test_due_forecast_puts_overdue_reviews_on_today(database, agent) -> None:
    forecast = due_forecast(database, agent.id, NOW, SHANGHAI)
    assert len(forecast) == 30 and forecast[0].day == TODAY and forecast[-1].day == date(2026, 4, 8)
    assert [d.due for d in forecast[:3]] == [2, 1, 0] and sum(d.due for d in forecast) == 3


def test_retention_counts_reviews_in_their_local_week(database, agent) -> None:
    weeks = weekly_retention(database, agent.id, Period(date(2026, 3, 2), TODAY), SHANGHAI)
    assert [(w.week, w.reviews, w.right) for w in weeks] == [(date(2026, 3, 2), 1, 0), (date(2026, 3, 9), 2, 2)]
    assert weeks[1].retention == 1.0


def test_items_the_agent_keeps_missing(database, agent) -> None:
    [missed] = missed_items(database, agent.id)
    assert (missed.item_id, missed.attempts, missed.wrong, missed.latest_correct) == ("q3", 3, 2, True)
    assert missed_items(database, agent.id, min_wrong=1)[0].item_id == "q3"
    assert {m.item_id for m in missed_items(database, agent.id, min_wrong=1)} == {"q1", "q2", "q3"}


def test_todays_goal_counts_reviews_done_and_left_and_the_days_calls(database, agent) -> None:
    goal = todays_goal(database, agent.id, NOW, SHANGHAI)
    assert (goal.reviews_done, goal.reviews_left, goal.reviews_goal, goal.calls_goal, goal.calls_done) == (1, 2, 3, 1, 0)
    assert goal.done_share == 0.25
    call(database, agent.id, "s-claim", 90, "2026-03-10 11:00")
    assert todays_goal(database, agent.id, NOW, SHANGHAI).done_share == 0.5


def test_call_history_groups_by_scenario_oldest_first(database, agent) -> None:
    call(database, agent.id, "s-angry", 40, "2026-03-09 10:00")
    call(database, agent.id, "s-claim", 85, "2026-03-10 10:00")
    grouped = calls_by_scenario(call_scores(database, [agent.id]))
    assert list(grouped) == ["s-claim", "s-angry"]
    assert [c.score for c in grouped["s-claim"]] == [72, 85]


def test_an_agent_with_no_data_gets_empty_answers_not_errors(database, agent, newcomer) -> None:
    days = activity_calendar(database, newcomer.id, Period.ending(TODAY, 182), SHANGHAI)
    assert len(days) == 182 and not any(d.total for d in days) and training_streak(days, TODAY) == 0
    assert sum(d.due for d in due_forecast(database, newcomer.id, NOW, SHANGHAI)) == 0
    assert weekly_retention(database, newcomer.id, Period.ending(TODAY, 182), SHANGHAI) == []
    assert missed_items(database, newcomer.id) == []
    goal = todays_goal(database, newcomer.id, NOW, SHANGHAI)
    assert (goal.reviews_goal, goal.calls_done, goal.done_share) == (0, 0, 0.0)
    assert calls_by_scenario(call_scores(database, [newcomer.id])) == {}
