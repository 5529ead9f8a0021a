"""Sections shared by 我的进度 (the agent's own page) and the instructors' page of one agent."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from trainer.insights.agent import DayActivity, MissedItem, calls_by_scenario
from trainer.insights.calls import CallScore
from trainer.insights.periods import week_start
from trainer.quiz.progress import CategoryMastery
from ui import charts
from ui.display import category_name, outcome_name, scenario_title, time_heading, when
from ui.exports import chart_with_data, column_widths, show_chart
from ui.i18n import tr

WEEKDAYS = (("周一", "Mon"), ("周二", "Tue"), ("周三", "Wed"), ("周四", "Thu"), ("周五", "Fri"), ("周六", "Sat"),
            ("周日", "Sun"))
CALL_PAGE = "call"  # url path of ui_pages/call.py


def call_link(call_id: int) -> str:
    """Relative link to one call's report (ui_pages/call.py)."""
    return f"{CALL_PAGE}?id={call_id}"


def show_calendar(days: list[DayActivity], key: str) -> None:
    """The training calendar: answers and practice calls per local day, one column per week."""
    date_, week, weekday = tr("日期", "Date"), tr("周", "Week"), tr("星期", "Weekday")
    answers, calls, total = tr("答题", "Answers"), tr("模拟通话", "Calls"), tr("合计", "Total")
    names = [tr(*pair) for pair in WEEKDAYS]
    frame = pd.DataFrame([{
        date_: d.day.isoformat(),
        week: week_start(d.day).isoformat(),
        weekday: names[d.day.weekday()], answers: d.answers, calls: d.calls, total: d.total,
    } for d in days])
    chart = charts.calendar_heatmap(frame, week, weekday, total, [date_, answers, calls], names)
    chart_with_data(chart, frame[[date_, answers, calls, total]], tr("训练日历", "training-calendar"), key)


def show_categories(mastery: Mapping[str, CategoryMastery], key: str, own: bool = True) -> None:
    """Mastery per category as bars (weakest first), with the counts behind each bar. `own` is False on an
    instructor's page of one agent: the empty state then says so of the agent, it does not invite the reader to
    train (qa27: Ms. Wang read "Start your first session in Today's training" about 阿杰)."""
    if not mastery:
        st.info(tr("还没有训练记录。去“今日训练”开始第一组吧。", "No training yet. Start your first session in Today's training.")
                if own else tr("这位坐席还没有答过今日训练的题目。", "This agent has not answered any Today's training questions yet."))
        return
    category, score = tr("分类", "Category"), tr("掌握度 %", "Mastery %")
    seen, known, accuracy = tr("已练题目", "Items practised"), tr("最近答对", "Right last time"), tr("正确率 %", "Accuracy %")
    rows = sorted(mastery.values(), key=lambda m: (m.mastery, m.category))
    frame = pd.DataFrame([{category: category_name(m.category), score: round(100 * m.mastery), seen: m.items_seen,
                           known: m.items_known, accuracy: round(100 * m.accuracy)} for m in rows])
    chart = charts.horizontal_bars(frame, category, score, [category, score, seen, known, accuracy], (0, 100))
    chart_with_data(chart, frame, tr("分类掌握度", "category-mastery"), key)
    st.caption(tr("掌握度：最近一次答对的题目占已练题目的比例。",
                  "Mastery: share of practised questions whose latest answer was right."))


def show_missed(items: list[MissedItem], prompts: Mapping[str, str], key: str) -> None:
    """Items answered wrong again and again, with the question text where it still exists."""
    if not items:
        st.caption(tr("没有反复答错的题目。", "No question has been missed repeatedly."))
        return
    frame = pd.DataFrame([{
        tr("题目", "Item"): m.item_id,
        tr("题干", "Question"): prompts.get(m.item_id, tr("（已删除）", "(removed)")),
        tr("分类", "Category"): category_name(m.category),
        tr("答错次数", "Wrong"): m.wrong, tr("作答次数", "Answers"): m.attempts,
        tr("最近一次", "Last time"): tr("答对", "right") if m.latest_correct else tr("答错", "wrong"),
        time_heading("最近作答", "Last answered"): when(m.last_answered),
    } for m in items])
    # 770 px: fits the 784 px its expander has beside the sidebar at 1280 (850 px, for 1366's 870, scrolled there: ui50)
    widths = dict(zip(frame.columns, (140, 244, 90, 56, 60, 60, 120)))
    chart_with_data(None, frame, tr("反复答错的题目", "missed-items"), key, widths, expanded=True)


def show_calls(calls: list[CallScore], key: str) -> None:
    """Score trend per scenario and every call with a link to its report."""
    if not calls:
        st.caption(tr("还没有完成的模拟通话。", "No finished practice calls yet."))
        return
    when_col, scenario, score = time_heading("时间", "When"), tr("情景", "Scenario"), tr("得分", "Score")
    grouped = calls_by_scenario(calls)
    trend = pd.DataFrame([{when_col: when(c.finished_at), scenario: scenario_title(sid), score: round(c.score)}
                          for sid, group in grouped.items() for c in group])
    show_chart(charts.trend(trend, when_col, score, [when_col, scenario, score], series=scenario, domain=(0, 100)), f"{key}_trend")
    report = tr("报告", "Report")
    frame = pd.DataFrame([{
        scenario: scenario_title(c.scenario_id), when_col: when(c.finished_at), score: round(c.score),
        tr("结果", "Outcome"): outcome_name(c.outcome),
        tr("模式", "Mode"): tr("考试", "exam") if c.mode == "exam" else tr("练习", "training"),
        report: call_link(c.id),
    } for c in reversed(calls)])
    # 780 px: fits the ~820 px beside the sidebar at 1280 (864 px ran 报告 past the edge there, qa24 T9)
    widths = dict(zip(frame.columns, (290, 120, 50, 180, 56, 84)))
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={**column_widths(widths),
                                report: st.column_config.LinkColumn(report, display_text=tr("查看报告", "Open report"),
                                                                    width=widths[report])})
    chart_with_data(None, frame.drop(columns=[report]), tr("模拟通话", "practice-calls"), f"{key}_table", widths)
