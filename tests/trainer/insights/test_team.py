"""The team console's queries on SQLite and PostgreSQL, against values counted by hand.

Period: Monday 2 March to Sunday 15 March 2026 (weeks of 2 and 9 March), Beijing time.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.trainer.insights.conftest import SHANGHAI, answer, call, local
from trainer.insights.calls import best_and_latest, call_scores, weekly_scores, worst_scenarios
from trainer.insights.periods import Period
from trainer.insights.team import (agent_lines, agents, cohorts, first_answers, inactive_agents, item_counts,
                                   item_counts_from_totals, item_counts_grouped,
                                   last_activity, period_answers, weekly_accuracy)
from trainer.insights.team import period_answers
from zoneinfo import ZoneInfo
from trainer.quiz.item_stats import item_statistics
from trainer.users.accounts import create_user, disable_user

PERIOD = Period(date(2026, 3, 2), date(2026, 3, 15))
WEEK_1, WEEK_2 = date(2026, 3, 2), date(2026, 3, 9)
NOW = local("2026-03-15 12:00")


@pytest.fixture
def team(database):
    a = create_user(database, "a", "王芳", team="一组", hire_date="2026-01-05")
    b = create_user(database, "b", "张伟", team="一组", hire_date="2026-02-02")
    c = create_user(database, "c", "刘洋", team="二组", hire_date="2026-01-20")
    d = create_user(database, "d", "赵敏", team="一组", hire_date="2026-01-10")
    create_user(database, "t", "李老师", role="instructor", team="一组")
    create_user(database, "e", "离职坐席", team="一组", hire_date="2026-01-03")
    disable_user(database, "e")
    for item, ok, when in [("q-lapse-1", True, "2026-03-01 23:30"),   # before the period
                           ("q-lapse-1", True, "2026-03-02 00:10"), ("q-lapse-2", True, "2026-03-04 10:00"),
                           ("q-lapse-1", False, "2026-03-08 23:50"), ("q-lapse-2", True, "2026-03-09 00:10"),
                           ("q-lapse-1", True, "2026-03-10 09:00")]:
        answer(database, a.id, item, ok, when)
    answer(database, a.id, "q-claims-1", False, "2026-03-10 09:05", "claims")
    answer(database, a.id, "q-claims-1", False, "2026-03-11 09:00", "claims")
    answer(database, b.id, "q-lapse-1", False, "2026-03-03 10:00")
    answer(database, b.id, "q-claims-1", False, "2026-03-09 10:00", "claims")
    answer(database, b.id, "q-claims-1", True, "2026-03-10 10:00", "claims")
    answer(database, b.id, "q-claims-2", False, "2026-03-12 10:00", "claims")
    answer(database, c.id, "q-claims-2", True, "2026-03-09 11:00", "claims")
    answer(database, c.id, "q-claims-2", True, "2026-03-10 11:00", "claims")
    call(database, a.id, "s-claim", 80, "2026-03-05 10:00")
    call(database, a.id, "s-angry", 40, "2026-03-09 10:00", [
        {"rubric": "absolute_promise", "ok": False, "quote": "保证能赔", "turn_index": 2},
        {"rubric": "empathy", "ok": True, "quote": "理解您的心情", "turn_index": 1},
        {"rubric": "vague", "ok": False, "quote": "这个不好说", "turn_index": 3}])
    call(database, a.id, "s-claim", 60, "2026-03-10 10:00")
    call(database, b.id, "s-angry", 50, "2026-03-11 10:00", [
        {"rubric": "absolute_promise", "ok": False, "quote": "肯定没问题", "turn_index": 1}])
    call(database, b.id, "s-claim", 70, "2026-03-12 15:00")
    return {"a": a, "b": b, "c": c, "d": d}


def names(users) -> list[str]:
    return [u.display_name for u in users]


def test_agents_by_team_and_hire_month_without_instructors_or_leavers(database, team) -> None:
    assert sorted(names(agents(database, "一组"))) == sorted(["王芳", "张伟", "赵敏"])
    assert sorted(names(agents(database, None, "2026-01"))) == sorted(["王芳", "刘洋", "赵敏"])
    assert names(agents(database, "一组", "2026-02")) == ["张伟"]
    assert cohorts(database) == ["2026-02", "2026-01"]


def test_mastery_per_agent_and_category_and_accuracy_per_local_week(database, team) -> None:
    a, b, d = team["a"], team["b"], team["d"]
    ids = [a.id, b.id, d.id]
    grid = {(m.user_id, m.category): (m.answers, m.right) for m in period_answers(database, ids, PERIOD, SHANGHAI).mastery}
    assert grid == {(a.id, "claims"): (2, 0), (a.id, "lapse"): (5, 4), (b.id, "claims"): (3, 1), (b.id, "lapse"): (1, 0)}
    # 23:50 on Sunday 8 March counts for the first week, 00:10 on Monday 9 March (still the 8th in UTC) for the second.
    weekly = weekly_accuracy(database, ids, PERIOD, SHANGHAI)
    assert [(w.week, w.answers, w.right) for w in weekly] == [(WEEK_1, 4, 2), (WEEK_2, 7, 3)]
    # A period starting mid-week counts only its own days of that week.
    partial = weekly_accuracy(database, ids, Period(date(2026, 3, 4), date(2026, 3, 9)), SHANGHAI)
    assert [(w.week, w.answers, w.right) for w in partial] == [(WEEK_1, 2, 1), (WEEK_2, 2, 1)]
    assert weekly_accuracy(database, [d.id], PERIOD, SHANGHAI) == [] and item_counts(database, [], PERIOD, SHANGHAI) == []


def test_weakest_items_in_the_period(database, team) -> None:
    one = [team[k].id for k in "abd"]
    found = period_answers(database, one, PERIOD, SHANGHAI, min_answers=2).weakest
    assert [(i.item_id, i.category, i.answers, i.right, i.agents) for i in found] == [
        ("q-claims-1", "claims", 4, 1, 2), ("q-lapse-1", "lapse", 4, 2, 2), ("q-lapse-2", "lapse", 2, 2, 1)]
    everyone = [u.id for u in team.values()]
    assert [i.item_id for i in period_answers(database, everyone, PERIOD, SHANGHAI, min_answers=2, limit=3).weakest] == [
        "q-claims-1", "q-lapse-1", "q-claims-2"]


def test_first_answers_feed_the_item_analysis(database, team) -> None:
    a, b = team["a"], team["b"]
    assert sorted(first_answers(database, [a.id, b.id])) == sorted([
        (a.id, "q-lapse-1", True), (a.id, "q-lapse-2", True), (a.id, "q-claims-1", False),
        (b.id, "q-lapse-1", False), (b.id, "q-claims-1", False), (b.id, "q-claims-2", False)])
    stats = {s.item_id: s for s in item_statistics(first_answers(database, [a.id, b.id]))}
    assert stats["q-lapse-1"].facility == 0.5


def test_best_latest_weekly_and_worst_scenarios(database, team) -> None:
    a, b = team["a"], team["b"]
    calls = call_scores(database, [a.id, b.id, team["d"].id], PERIOD, SHANGHAI)
    assert [(r.user_id, r.scenario_id, r.calls, r.best, r.latest) for r in best_and_latest(calls)] == [
        (a.id, "s-angry", 1, 40, 40), (a.id, "s-claim", 2, 80, 60), (b.id, "s-angry", 1, 50, 50), (b.id, "s-claim", 1, 70, 70)]
    assert [(w.week, w.calls, w.mean_score) for w in weekly_scores(calls, PERIOD.weeks(), SHANGHAI)] == [
        (WEEK_1, 1, 80.0), (WEEK_2, 4, 55.0)]
    [worst] = worst_scenarios(database, calls, limit=1)
    assert (worst.scenario_id, worst.calls, worst.mean_score) == ("s-angry", 2, 45.0)
    assert [(f.rubric, f.count) for f in worst.faults] == [("absolute_promise", 2), ("vague", 1)]
    assert [q.text for q in worst.faults[0].quotes] == ["肯定没问题", "保证能赔"]  # newest first
    assert [s.scenario_id for s in worst_scenarios(database, calls)] == ["s-angry", "s-claim"]
    # Only the given calls are read for faults: without B's, A's quote is the only one.
    [alone] = worst_scenarios(database, [c for c in calls if c.user_id == a.id], limit=1)
    assert [(f.rubric, f.count, [q.text for q in f.quotes]) for f in alone.faults] == [
        ("absolute_promise", 1, ["保证能赔"]), ("vague", 1, ["这个不好说"])]
    # Faults come from the newest calls only: a sample of one keeps B's call, the newer one.
    [sampled] = worst_scenarios(database, calls, limit=1, sample=1)
    assert (sampled.calls, sampled.mean_score) == (2, 45.0)
    assert [(f.rubric, f.count) for f in sampled.faults] == [("absolute_promise", 1)]


def test_who_has_not_trained(database, team) -> None:
    a, b, d = team["a"], team["b"], team["d"]
    members = [a, b, d]
    latest = last_activity(database, [m.id for m in members])
    assert latest == {a.id: local("2026-03-11 09:00"), b.id: local("2026-03-12 15:00")}
    assert [(i.agent.login, i.idle_days) for i in inactive_agents(members, latest, NOW, SHANGHAI, 3)] == [
        ("d", None), ("a", 4), ("b", 3)]
    assert [i.agent.login for i in inactive_agents(members, latest, NOW, SHANGHAI, 4)] == ["d", "a"]


def test_agent_lines_fold_the_period(database, team) -> None:
    a, b, d = team["a"], team["b"], team["d"]
    ids = [a.id, b.id, d.id]
    lines = agent_lines([a, b, d], period_answers(database, ids, PERIOD, SHANGHAI).mastery,
                        call_scores(database, ids, PERIOD, SHANGHAI), last_activity(database, ids))
    assert [(l.answers, l.right, l.calls, l.mean_score) for l in lines] == [(7, 4, 3, 60.0), (4, 1, 2, 60.0), (0, 0, 0, None)]
    assert lines[2].last_active is None and lines[2].accuracy == 0.0



@pytest.mark.parametrize("count", [item_counts, item_counts_grouped, item_counts_from_totals])
def test_answers_per_agent_and_item_counted_directly_or_from_the_totals(database, team, count) -> None:
    """Grouped directly, or all-time totals minus the answers outside the period (what item_counts
    picks on SQLite when most answers are inside): the same hand-counted values either way."""
    a, b = team["a"], team["b"]

    def counts(period: Period) -> dict:
        return {(c.user_id, c.item_id): (c.category, c.answers, c.right)
                for c in count(database, [a.id, b.id], period, SHANGHAI)}

    assert counts(Period(date(2026, 3, 10), date(2026, 3, 10))) == {
        (a.id, "q-lapse-1"): ("lapse", 1, 1), (a.id, "q-claims-1"): ("claims", 1, 0), (b.id, "q-claims-1"): ("claims", 1, 1)}
    # An item moved to another category: before the period it counted as "lapse", inside as "claims".
    answer(database, a.id, "q-moved", True, "2026-02-20 10:00", "lapse")
    answer(database, a.id, "q-moved", False, "2026-03-12 10:00", "claims")
    assert counts(PERIOD) == {
        (a.id, "q-lapse-1"): ("lapse", 3, 2), (a.id, "q-lapse-2"): ("lapse", 2, 2), (a.id, "q-claims-1"): ("claims", 2, 0),
        (a.id, "q-moved"): ("claims", 1, 0), (b.id, "q-lapse-1"): ("lapse", 1, 0), (b.id, "q-claims-1"): ("claims", 2, 1),
        (b.id, "q-claims-2"): ("claims", 1, 0)}
    assert counts(Period(date(2026, 3, 16), date(2026, 3, 31))) == {}


def test_period_answers_count_an_item_that_moved_category_under_each_agents_category(database, team) -> None:
    """Hand-counted: an item moved from "lapse" to "claims"; agent a answered it as "claims" in the
    period (and as "lapse" before it), agent b still as "lapse". The grid counts each answer under the
    category it was given in; the weakest items name the item once, by the lower agent id's category."""
    a, b = team["a"], team["b"]
    answer(database, a.id, "q-moved", True, "2026-02-20 10:00", "lapse")
    answer(database, a.id, "q-moved", False, "2026-03-12 10:00", "claims")
    answer(database, b.id, "q-moved", True, "2026-03-13 10:00", "lapse")
    found = period_answers(database, [a.id, b.id], PERIOD, SHANGHAI, limit=10, min_answers=1)
    assert [(m.user_id, m.category, m.answers, m.right) for m in found.mastery] == sorted([
        (a.id, "claims", 3, 0), (a.id, "lapse", 5, 4), (b.id, "claims", 3, 1), (b.id, "lapse", 2, 1)])
    assert [(i.item_id, i.category, i.answers, i.right, i.agents) for i in found.weakest] == [
        ("q-claims-2", "claims", 1, 0, 1), ("q-claims-1", "claims", 4, 1, 2), ("q-lapse-1", "lapse", 4, 2, 2),
        ("q-moved", "claims", 2, 1, 2), ("q-lapse-2", "lapse", 2, 2, 1)]
    assert period_answers(database, [], PERIOD, SHANGHAI) == period_answers(database, [team["d"].id], PERIOD, SHANGHAI)


def test_weeks_in_a_half_hour_time_zone_split_a_utc_hour(database) -> None:
    """Weeks are summed from hourly tallies; in India (UTC+5:30) Monday 00:00 is 18:30 UTC, inside an
    hour, so that hour's answers are counted one by one on each side of the boundary."""
    kolkata = ZoneInfo("Asia/Kolkata")
    agent = create_user(database, "k", "Priya", team="一组")
    for when, ok in [("2026-03-08 18:00", True),   # 15:30 Sunday 8 March in India: week 1
                     ("2026-03-09 02:20", True),   # 23:50 Sunday, 18:20 UTC: week 1
                     ("2026-03-09 02:40", False),  # 00:10 Monday 9 March, 18:40 UTC: week 2
                     ("2026-03-09 02:50", True)]:  # 00:20 Monday, 18:50 UTC: week 2
        answer(database, agent.id, "q-lapse-1", ok, when)
    weekly = weekly_accuracy(database, [agent.id], PERIOD, kolkata)
    assert [(w.week, w.answers, w.right) for w in weekly] == [(WEEK_1, 2, 2), (WEEK_2, 2, 1)]
    monday = Period(date(2026, 3, 9), date(2026, 3, 9))
    assert [(w.answers, w.right) for w in weekly_accuracy(database, [agent.id], monday, kolkata)] == [(2, 1)]
    assert [(c.answers, c.right) for c in item_counts(database, [agent.id], monday, kolkata)] == [(2, 1)]
    assert [(c.answers, c.right) for c in period_answers(database, [agent.id], monday, kolkata).mastery] == [(2, 1)]


def test_the_worst_scenarios_count_the_steps_their_calls_missed(database, team) -> None:
    """qa26 T1: 薄弱情景 listed 术语未解释 × 1 only; the missed step 回应客户的不满, which cost 小周 most of her 27 points,
    was not there: a missed step is no finding. It is counted from what the calls left open, by the step's id where
    the call stored it, else by its wording (older calls); a question left open is no step."""
    a, b = team["a"], team["b"]
    empathy = {"zh": "未完成要点：回应客户的不满", "en": "Checkpoint not done: Respond to the complaint", "step": "empathy"}
    explain = {"zh": "未完成要点：讲清现金价值——说的是30天", "en": "Checkpoint not done: Explain — said 30", "step": "explain"}
    question = {"zh": "未回答客户问题：能退多少钱？", "en": "Customer's question not answered: how much?"}
    call(database, a.id, "s-year2", 73, "2026-03-10 10:00", [
        {"rubric": "jargon", "ok": False, "quote": "可以办减额交清，", "turn_index": 2}], [empathy, question])
    call(database, b.id, "s-year2", 60, "2026-03-11 10:00", [], [empathy, explain])
    older = {key: value for key, value in empathy.items() if key != "step"}  # saved before the ids were
    call(database, b.id, "s-year2", 65, "2026-03-12 09:00", [], [older])
    calls = call_scores(database, [a.id, b.id], PERIOD, SHANGHAI)
    [worst] = [w for w in worst_scenarios(database, calls) if w.scenario_id == "s-year2"]
    assert [(f.rubric, f.count) for f in worst.faults] == [("jargon", 1)]
    assert [(m.step_id, m.description, m.count) for m in worst.missed] == [
        ("empathy", "回应客户的不满", 3), ("explain", "讲清现金价值", 1)]
    assert [(q.user_id, q.text) for q in worst.missed[0].calls] == [(b.id, ""), (b.id, "")]  # the newest two
    assert [w.missed for w in worst_scenarios(database, calls) if w.scenario_id == "s-angry"] == [()]


def test_a_missed_step_an_instructor_accepted_as_done_is_not_counted(database, team) -> None:
    """ui52's note: a step an instructor accepted as done after all (要点其实做到了？ → accepted, with an example or for
    that call alone) was still counted in 薄弱情景, though the call's report no longer lists it; an objection still
    open, or kept as judged, leaves it counted."""
    from trainer.dialogue.corrections import accept_for_call, mark_step_done, reject
    from trainer.dialogue.scenario import Checkpoint

    a, b = team["a"], team["b"]
    empathy = {"zh": "未完成要点：回应客户的不满", "en": "Checkpoint not done: Respond to the complaint", "step": "empathy"}
    older = {key: value for key, value in empathy.items() if key != "step"}  # saved before the ids were
    first = call(database, a.id, "s-year2", 73, "2026-03-10 10:00", [], [empathy])
    second = call(database, b.id, "s-year2", 60, "2026-03-11 10:00", [], [older])
    third = call(database, b.id, "s-year2", 65, "2026-03-12 09:00", [], [empathy])
    step = Checkpoint("empathy", "回应客户的不满", "", ("理解",))
    by_id = mark_step_done(database, a.id, "s-year2", step, 2, "我理解您。", "我说了理解", first)
    by_wording = mark_step_done(database, b.id, "s-year2", step, 1, "您别急。", "我安慰了", second)
    kept = mark_step_done(database, b.id, "s-year2", step, 1, "嗯。", "我说了", third)
    calls = call_scores(database, [a.id, b.id], PERIOD, SHANGHAI)

    def counted() -> list[tuple[str, int]]:
        [worst] = [w for w in worst_scenarios(database, calls) if w.scenario_id == "s-year2"]
        return [(m.step_id, m.count) for m in worst.missed]

    assert counted() == [("empathy", 3)]  # open objections: still counted
    accept_for_call(database, by_id, "教员", "算完成", step)
    reject(database, kept, "教员", "没有回应不满")
    assert counted() == [("empathy", 2)]
    accept_for_call(database, by_wording, "教员", "算完成")  # no step id recorded: known by its wording
    assert counted() == [("empathy", 1)]
