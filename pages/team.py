"""团队概览 — for instructors: how each agent of a team trains, and which quiz items look badly written."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from trainer.quiz.item_stats import item_statistics
from trainer.quiz.progress import ProgressStore
from trainer.quiz.bank import question_bank
from ui.display import when, zone
from ui.i18n import tr
from ui.pages import require_page_user
from ui.resources import database, knowledge_base
from ui.session import ADMIN

user = require_page_user(__file__)
tz = zone()
store = ProgressStore(database())
kb = knowledge_base()
now = datetime.now(timezone.utc)

st.title(tr("团队概览", "Team overview"))
teams = store.teams()
choices = [None, *teams] if user.role == ADMIN or not user.team else [user.team]
team = st.selectbox(tr("团队", "Team"), choices, key="team_pick",
                    index=choices.index(user.team) if user.team in choices else 0,
                    format_func=lambda t: tr("全部团队", "All teams") if t is None else (t or tr("（未分组）", "(no team)")))
members = store.team_members(team)

st.subheader(tr("坐席训练情况", "Agents"))
overview = store.team_overview(members, now, tz)
if not overview:
    st.info(tr("这个团队还没有成员。", "This team has no members yet."))
else:
    st.dataframe(pd.DataFrame([{
        tr("姓名", "Name"): s.user.display_name,
        tr("账号", "Login"): s.user.login,
        tr("答题数", "Answers"): s.attempts,
        tr("正确率", "Accuracy"): f"{s.accuracy:.0%}" if s.attempts else "—",
        tr("已练题目", "Items practised"): s.items_seen,
        tr("待复习", "Due now"): s.due_now,
        tr("连续天数", "Streak"): s.streak,
        tr("最近训练", "Last trained"): when(s.last_active, "—"),
    } for s in overview]), hide_index=True, width="stretch")

st.subheader(tr("题目分析", "Item analysis"))
st.caption(tr("通过率 = 首次作答答对的比例；区分度 = 前27%坐席与后27%坐席通过率之差。区分度为负：强的坐席反而更常答错，题目可能有问题。",
              "Facility = share right on first answer; discrimination = upper 27 % minus lower 27 % of agents. "
              "Negative: strong agents miss it more than weak ones, so the item is probably badly written."))
stats = item_statistics(store.outcomes([m.id for m in members]))
if not stats:
    st.info(tr("还没有作答数据。", "No answers yet."))
else:
    bank = question_bank(kb)
    flagged = [s for s in stats if s.flagged]
    if flagged:
        st.warning(tr(f"{len(flagged)} 道题可能有问题（强的坐席更常答错），请检查题干和答案。",
                      f"{len(flagged)} item(s) look badly written (strong agents miss them more often)."),
                   icon=":material/flag:")
    st.dataframe(pd.DataFrame([{
        tr("需检查", "Check"): "⚑" if s.flagged else "",
        tr("题目", "Item"): s.item_id,
        tr("题干", "Prompt"): bank[s.item_id].prompt.splitlines()[-1][:60] if s.item_id in bank else tr("（已删除）", "(removed)"),
        tr("作答人数", "Answers"): s.answers,
        tr("通过率", "Facility"): f"{s.facility:.0%}",
        tr("区分度", "Discrimination"): "—" if s.discrimination is None else f"{s.discrimination:+.2f}",
    } for s in stats]), hide_index=True, width="stretch")
