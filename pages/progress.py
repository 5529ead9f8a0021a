"""我的进度 — where an agent stands: mastery per category, streak, due reviews, recent results, calls."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from trainer.quiz.daily import end_of_day
from trainer.dialogue.store import list_dialogue_records
from trainer.quiz.progress import ProgressStore
from ui.display import category_name, outcome_name, when, zone
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, scenarios as scenario_resources

user = require_page_user(__file__)
tz = zone()
db = database()
store = ProgressStore(db)
now = datetime.now(timezone.utc)


def simulated_calls() -> None:
    """The agent's finished practice calls (the dialogue feature stores them)."""
    st.subheader(tr("模拟通话", "Simulated calls"))
    records = list_dialogue_records(db, user.id, limit=20)
    if not records:
        st.caption(tr("还没有完成的模拟通话。", "No finished simulated calls yet."))
        return
    titles = scenario_titles()
    st.dataframe(pd.DataFrame([{
        tr("情景", "Scenario"): titles.get(r.scenario_id, r.scenario_id),
        tr("得分", "Score"): round(r.score),
        tr("结果", "Outcome"): outcome_name(r.outcome),
        tr("日期", "Date"): when(r.finished_at or r.started_at),
    } for r in records]), hide_index=True, width="stretch")


def scenario_titles() -> dict[str, str]:
    """Scenario id -> title in the current language; ids stand in when scenarios cannot be read."""
    scenarios, _problems = scenario_resources()
    return {sid: tr(s.title, s.title_en or s.title) for sid, s in scenarios.items()}


st.title(tr("我的进度", "My progress"))
mastery = store.mastery_by_category(user.id)
streak_col, due_col, tomorrow_col, answered_col = st.columns(4)
streak_col.metric(tr("连续训练天数", "Training streak (days)"), store.current_streak(user.id, now, tz))
due_col.metric(tr("今天待复习", "Due today"), len(store.due_reviews(user.id, end_of_day(now, tz))))
tomorrow_col.metric(tr("明天待复习", "Due tomorrow"), len(store.due_reviews(user.id, end_of_day(now, tz, 1)))
                    - len(store.due_reviews(user.id, end_of_day(now, tz))))
answered_col.metric(tr("累计答题", "Questions answered"), sum(m.attempts for m in mastery.values()))

st.subheader(tr("各分类掌握度", "Mastery per category"))
if mastery:
    chart = pd.DataFrame({tr("掌握度 %", "Mastery %"): [round(100 * m.mastery) for m in mastery.values()]},
                         index=[category_name(c) for c in mastery])
    st.bar_chart(chart, horizontal=True)
    st.caption(tr("掌握度：最近一次答对的题目占已练题目的比例。",
                  "Mastery: share of practised questions whose latest answer was right."))
else:
    st.info(tr("还没有训练记录。去“今日训练”开始第一组吧。", "No training yet. Start your first session in Today's training."))

st.subheader(tr("最近训练", "Recent sessions"))
sessions = store.recent_sessions(user.id, limit=10)
if sessions:
    st.dataframe(pd.DataFrame([{
        tr("时间", "When"): when(s.finished_at),
        tr("题数", "Questions"): s.questions,
        tr("答对", "Correct"): s.correct,
        tr("得分", "Score"): f"{s.score:.0%}",
        tr("用时（分钟）", "Minutes"): round(s.seconds / 60, 1),
    } for s in sessions]), hide_index=True, width="stretch")
else:
    st.caption(escape_markdown(tr("暂无。", "None yet.")))

simulated_calls()
