"""The search log round trip on a real SQLite file and, when CI provides one, a real PostgreSQL server
(the `database` fixture of tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trainer.search_feedback.store import (DOWN, UP, WRONG, dismiss_searches, loggable_query, purge_searches, record_search,
                                           record_verdict, searches)
from trainer.store.db import Database
from trainer.store.models import LOGGED_QUERY_CHARS, SearchFeedback
from trainer.users.accounts import create_user

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)
WEEK_AGO = NOW - timedelta(days=7)


def test_a_search_and_its_verdicts_come_back_as_logged(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent", "一组")
    record_search(database, "k1", agent.id, "  冷静期 是几天 ", "cooling-off",
                  [("cooling-off-length", 0.91234), ("cooling-off-refund", 0.7)], at=NOW)
    assert record_verdict(database, "k1", agent.id, "cooling-off-length", DOWN)
    assert record_verdict(database, "k1", agent.id, "cooling-off-refund", WRONG, right_entry_id="lapse-grace")

    [logged] = searches(database, since=WEEK_AGO)
    assert (logged.query, logged.category, logged.no_answer) == ("冷静期 是几天", "cooling-off", False)
    assert logged.results == (("cooling-off-length", 0.9123), ("cooling-off-refund", 0.7))
    assert logged.at == NOW and logged.user_name == "王小明" and logged.user_team == "一组"
    assert {(v.entry_id, v.verdict, v.right_entry_id) for v in logged.verdicts} == {
        ("cooling-off-length", DOWN, None), ("cooling-off-refund", WRONG, "lapse-grace")}
    assert logged.reason == WRONG and logged.suggested_entry == "lapse-grace"


def test_the_latest_verdict_counts_and_can_be_withdrawn(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent")
    record_search(database, "k1", agent.id, "宽限期多久", None, [("lapse-grace", 0.9)], at=NOW)
    record_verdict(database, "k1", agent.id, "lapse-grace", DOWN)
    record_verdict(database, "k1", agent.id, "lapse-grace", UP)
    [logged] = searches(database, since=WEEK_AGO)
    assert [v.verdict for v in logged.verdicts] == [UP] and logged.reason == ""
    assert searches(database, since=WEEK_AGO, misses_only=True) == []
    record_verdict(database, "k1", agent.id, "lapse-grace", None)
    assert searches(database, since=WEEK_AGO)[0].verdicts == ()


def test_misses_are_no_answer_or_thumbs_down_searches_of_the_period(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent")
    record_search(database, "old", agent.id, "上个月没答案的问题", None, [], at=NOW - timedelta(days=30))
    record_search(database, "none", agent.id, "车险怎么理赔", None, [], at=NOW)
    record_search(database, "liked", agent.id, "宽限期多久", None, [("lapse-grace", 0.9)], at=NOW)
    record_search(database, "disliked", agent.id, "停交一年多还能复效吗", None, [("lapse-reinstate", 0.7)],
                  at=NOW + timedelta(minutes=1))
    record_verdict(database, "liked", agent.id, "lapse-grace", UP)
    record_verdict(database, "disliked", agent.id, "lapse-reinstate", DOWN)

    misses = searches(database, since=WEEK_AGO, misses_only=True)
    assert [(m.query, m.reason) for m in misses] == [("停交一年多还能复效吗", DOWN), ("车险怎么理赔", "no_answer")]
    assert len(searches(database, since=WEEK_AGO)) == 3


def test_only_the_asker_can_judge_a_search(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent")
    other = create_user(database, "agent-2", "李四", "agent")
    record_search(database, "k1", agent.id, "宽限期多久", None, [("lapse-grace", 0.9)], at=NOW)
    assert not record_verdict(database, "k1", other.id, "lapse-grace", DOWN)
    assert not record_verdict(database, "unknown", agent.id, "lapse-grace", DOWN)
    assert searches(database, since=WEEK_AGO)[0].verdicts == ()
    with pytest.raises(ValueError):
        record_verdict(database, "k1", agent.id, "lapse-grace", "meh")


def test_long_pastes_are_cut_and_long_numbers_never_kept(database: Database) -> None:
    record_search(database, "k1", None, "客户身份证号110101199003071234电话13812345678" + "很长" * 200, None, [], at=NOW)
    [logged] = searches(database, since=WEEK_AGO)
    assert len(logged.query) == LOGGED_QUERY_CHARS
    assert "110101199003071234" not in logged.query and "13812345678" not in logged.query
    assert loggable_query("停交了1年多，保单号码 8800123") == "停交了1年多，保单号码 #######"


@pytest.mark.parametrize("typed, kept", [
    ("我电话138 1234 5678要改地址", "我电话### #### ####要改地址"),
    ("客户手机 138-1234-5678", "客户手机 ###-####-####"),
    ("身份证号 110105 19491231 002X 怎么核实", "身份证号 ###### ######## #### 怎么核实"),
    ("身份证11010519491231002X，", "身份证##################，"),
    ("保单号P2019-0012-3456", "保单号P####-####-####"),
    ("手机１３８１２３４５６７８", "手机###########"),  # full-width digits
])
def test_numbers_typed_in_groups_are_masked_too(typed: str, kept: str) -> None:
    """qa15: a phone or ID-card number typed with spaces or hyphens was logged readable (only unbroken runs of
    7 digits were masked), and no-answer questions are shown to instructors on 搜索反馈."""
    assert loggable_query(typed) == kept


@pytest.mark.parametrize("question", ["2024-03-02生效的保单", "2023-2024年的分红", "交了10年，每年6000元", "3.5%的利率",
                                      "第16条第3款", "交费期 20 年"])
def test_dates_amounts_and_articles_are_kept(question: str) -> None:
    assert loggable_query(question) == question


def test_searches_past_the_retention_period_go_with_their_feedback(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent")
    record_search(database, "old", agent.id, "半年前的问题", None, [("lapse-grace", 0.9)], at=NOW - timedelta(days=200))
    record_verdict(database, "old", agent.id, "lapse-grace", DOWN)
    record_search(database, "new", agent.id, "昨天的问题", None, [], at=NOW - timedelta(days=1))
    assert purge_searches(database, before=NOW - timedelta(days=180)) == 1
    assert [s.query for s in searches(database, since=NOW - timedelta(days=365))] == ["昨天的问题"]
    with database.session() as session:
        assert session.query(SearchFeedback).count() == 0


def test_dismissed_misses_leave_the_queue_but_not_the_log(database: Database) -> None:
    agent = create_user(database, "agent-1", "王小明", "agent")
    lead = create_user(database, "lead-1", "李老师", "instructor")
    record_search(database, "k1", agent.id, "今天北京天气怎么样", None, [], at=NOW)
    record_search(database, "k2", agent.id, "宽限期多久", None, [], at=NOW - timedelta(hours=1))
    weather = [s.id for s in searches(database, since=WEEK_AGO, misses_only=True) if s.query == "今天北京天气怎么样"]
    assert dismiss_searches(database, weather, lead.id) == 1
    assert dismiss_searches(database, weather, lead.id) == 0  # already dismissed: nothing to do
    assert [s.query for s in searches(database, since=WEEK_AGO, misses_only=True)] == ["宽限期多久"]
    assert len(searches(database, since=WEEK_AGO)) == 2
    record_search(database, "k3", agent.id, "今天北京天气怎么样", None, [], at=NOW + timedelta(hours=1))
    assert [s.query for s in searches(database, since=WEEK_AGO, misses_only=True)] == ["今天北京天气怎么样", "宽限期多久"]


def test_a_thumbs_down_and_a_report_keep_the_agents_short_reason(database: Database) -> None:
    """qa28 F2: 小吴's customer asked *when* the claim is decided, not *who* may claim; neither 👎 nor the report could
    say so. The reason is kept with the verdict (a customer's phone number in it masked, as in a query), and a report
    sent without one keeps the reason the 👎 gave."""
    agent = create_user(database, "agent-wu", "小吴", "agent", "呼入二组")
    record_search(database, "k1", agent.id, "理赔材料交了没消息", None, [("claims-who-can-apply", 0.79)], at=NOW)
    assert record_verdict(database, "k1", agent.id, "claims-who-can-apply", DOWN,
                          note=" 客户问的是多久出结果，不是谁能申请。他电话13812345678 ")
    [logged] = searches(database, since=WEEK_AGO)
    assert logged.notes == ("客户问的是多久出结果，不是谁能申请。他电话###########",)
    record_verdict(database, "k1", agent.id, "claims-who-can-apply", WRONG, right_entry_id="claims-decision-deadline")
    [logged] = searches(database, since=WEEK_AGO)
    assert logged.reason == WRONG and logged.notes == ("客户问的是多久出结果，不是谁能申请。他电话###########",)
    record_verdict(database, "k1", agent.id, "claims-who-can-apply", UP)
    assert searches(database, since=WEEK_AGO)[0].notes == (), "a 👍 is no complaint: its row's reason is not shown"
