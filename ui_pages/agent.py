"""坐席详情 — one agent as an instructor sees them: calendar, categories, the items they keep
missing, and every practice call with transcript, findings and comments (opened with ?agent=<login>)."""

from __future__ import annotations

import streamlit as st

from trainer.clock import utcnow
from trainer.dialogue.store import get_dialogue_record
from trainer.insights.access import sees_all_teams
from trainer.insights.agent import CALENDAR_DAYS, activity_calendar, missed_items, training_streak
from trainer.insights.calls import call_scores
from trainer.insights.comments import comments_for
from trainer.insights.periods import Period, local_day
from trainer.insights.team import agents, last_activity
from trainer.quiz.progress import ProgressStore
from ui.call_view import show_saved_call
from ui.display import days_ago, quiz_prompt_line, scenario_title, when, when_labelled, zone
from ui.i18n import tr
from ui.pages import require_page_user
from ui.progress_view import show_calendar, show_calls, show_categories, show_missed
from ui.resources import database, quiz_bank

user = require_page_user(__file__)
db = database()
tz = zone()
now = utcnow()
today = local_day(now, tz)

st.title(tr("坐席详情", "Agent details"))
visible = agents(db, None if sees_all_teams(user) else user.team)
if not visible:
    st.info(tr("没有可查看的坐席。", "There are no agents to show."))
    st.stop()
logins = [a.login for a in visible]
wanted = st.query_params.get("agent", "")
chosen = st.selectbox(tr("坐席", "Agent"), logins, index=logins.index(wanted) if wanted in logins else 0,
                      key="agent_pick", placeholder=tr("选择坐席", "Choose an agent"),
                      format_func=lambda login: next(f"{a.display_name} · {a.team or '—'} · {a.login}"
                                                     for a in visible if a.login == login))
if wanted and wanted not in logins:
    st.warning(tr("找不到该坐席，或不在您的团队。", "That agent does not exist or is not in your team."))
st.query_params["agent"] = chosen
agent = next(a for a in visible if a.login == chosen)

days = activity_calendar(db, agent.id, Period.ending(today, CALENDAR_DAYS), tz)
calls = call_scores(db, [agent.id])
last = last_activity(db, [agent.id]).get(agent.id)
streak_col, calls_col, last_col, cohort_col = st.columns(4)
streak_col.metric(tr("连续训练天数", "Training streak (days)"), training_streak(days, today))
calls_col.metric(tr("模拟通话次数", "Practice calls"), len(calls))
last_col.metric(tr("最近训练", "Last trained"), days_ago(last, today, "—"), help=when_labelled(last) or None)
cohort_col.metric(tr("入职月份", "Hire month"), agent.cohort or "—")

st.subheader(tr("训练日历（近 6 个月）", "Training calendar (last 6 months)"))
show_calendar(days, "agent_calendar")
st.subheader(tr("各分类掌握度", "Mastery per category"))
show_categories(ProgressStore(db).mastery_by_category(agent.id), "agent_categories", own=False)
st.subheader(tr("反复答错的题目", "Questions they keep missing"))
bank = quiz_bank()
missed = missed_items(db, agent.id)
show_missed(missed, {m.item_id: quiz_prompt_line(bank, m.item_id, 80) for m in missed if m.item_id in bank}, "agent_missed")

st.subheader(tr("模拟通话", "Practice calls"))
show_calls(calls, "agent_calls")
if calls:
    newest_first = [c.id for c in reversed(calls)]
    by_id = {c.id: c for c in calls}
    opened = st.selectbox(tr("打开一次通话（记录、评分依据、评语）", "Open a call (transcript, findings, comments)"),
                          newest_first, key="agent_call_pick", placeholder=tr("选择一次通话", "Choose a call"),
                          format_func=lambda i: f"{when(by_id[i].finished_at)} · {scenario_title(by_id[i].scenario_id)} · "
                                                f"{round(by_id[i].score)}")
    record = get_dialogue_record(db, opened)
    if record is not None:
        with st.container(border=True):
            show_saved_call(record, comments_for(db, [opened]).get(opened, []), user, agent)
