"""我的进度 — where an agent stands: today's goal, training calendar, reviews coming due,
retention, mastery per category, recent sessions and every practice call with its report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dataclasses import replace

from trainer.assignments.goal import assignment_goal
from trainer.assignments.store import assignments_for
from trainer.clock import utcnow
from trainer.dialogue.corrections import corrections_by
from trainer.insights.agent import (CALENDAR_DAYS, activity_calendar, due_forecast, todays_goal, training_streak,
                                    weekly_retention)
from trainer.insights.calls import call_scores
from trainer.insights.periods import Period, local_day
from trainer.quiz.progress import ProgressStore
from ui import charts
from ui.assignments_view import due_text, work_title
from ui.display import answering_time_help, duration, time_heading, when, zone
from ui.exports import chart_with_data
from ui.i18n import counted, tr
from ui.objections_view import outcome_counts, show_objections
from ui.pages import require_page_user
from ui.progress_view import show_calendar, show_calls, show_categories
from ui.render import escape_markdown
from ui.resources import database

OBJECTIONS_SHOWN = 10  # the newest; older ones are on each call's report
OBJECTIONS_HEADING = ("我对评判的异议", "My objections to the judge")

user = require_page_user(__file__)
db = database()
store = ProgressStore(db)
tz = zone()
now = utcnow()
today = local_day(now, tz)
six_months = Period.ending(today, CALENDAR_DAYS)

st.title(tr("我的进度", "My progress"))
days = activity_calendar(db, user.id, six_months, tz)
mastery = store.mastery_by_category(user.id)
forecast = due_forecast(db, user.id, now, tz)
goal = todays_goal(db, user.id, now, tz)
my_assignments = assignments_for(db, user)
assigned = assignment_goal(my_assignments, today, tz)
goal = replace(goal, assignments_goal=assigned.due, assignments_done=assigned.done)

streak_col, due_col, answered_col = st.columns(3)
streak_col.metric(tr("连续训练天数", "Training streak (days)"), training_streak(days, today))
due_col.metric(tr("今天待复习", "Due today"), forecast[0].due)
answered_col.metric(tr("累计答题", "Questions answered"), sum(m.attempts for m in mastery.values()))
sessions = store.recent_sessions(user.id, limit=10)
objections = corrections_by(db, user.id, limit=OBJECTIONS_SHOWN)
if objections:  # what came of them, at the top (ui55); each with the instructor's note at the foot of the page
    st.info(outcome_counts(objections, OBJECTIONS_HEADING), icon=":material/rate_review:")

st.subheader(tr("今日目标", "Today's goal"))
assigned_text = tr(f" · 作业 {goal.assignments_done} / {goal.assignments_goal}",
                   f" · assignments {goal.assignments_done} / {goal.assignments_goal}") if goal.assignments_goal else ""
# Nothing due today read 复习 0 / 0 to a week-2 agent who had just answered 11 new questions, as if nothing were done
# (qa21): it says so in words.
reviews_text = (tr(f"复习 {goal.reviews_done} / {goal.reviews_goal}", f"Reviews {goal.reviews_done} / {goal.reviews_goal}")
                if goal.reviews_goal else tr("今天没有到期的复习", "No reviews due today"))
st.progress(goal.done_share, text=reviews_text + tr(
    f" · 模拟通话 {min(goal.calls_done, goal.calls_goal)} / {goal.calls_goal}",
    f" · practice calls {min(goal.calls_done, goal.calls_goal)} / {goal.calls_goal}") + assigned_text)
# An assignment due on a later day is not in today's goal, but a new agent told "有作业的先做作业" (使用指南) looked
# here for it and found nothing (qa17): it is named, with its due date, and the link to do it.
due_later = [a for a in my_assignments if not a.done and a.due_date > today]
if due_later:
    named = [(escape_markdown(work_title(a)), due_text(a)) for a in due_later]
    st.caption(tr(f"还有 {len(due_later)} 项作业未到截止日：" + "；".join(f"{title}（{due}）" for title, due in named),
                  f"{counted(len(due_later), 'assignment')} due later: " + "; ".join(f"{title} ({due})" for title, due in named)))
if goal.assignments_done < goal.assignments_goal or due_later:
    st.page_link("ui_pages/practice.py", label=tr("去完成作业", "Do your assignments"), icon=":material/assignment:")
if goal.done_share >= 1:
    st.success(tr("今天的目标完成了！", "Today's goal is done!"), icon=":material/celebration:")

st.subheader(tr("训练日历（近 6 个月）", "Training calendar (last 6 months)"))
show_calendar(days, "calendar")

st.subheader(tr("未来 30 天待复习", "Reviews due in the next 30 days"))
day_label, due_label = tr("日期", "Date"), tr("待复习", "Due")
forecast_frame = pd.DataFrame([{day_label: d.day.isoformat(), due_label: d.due} for d in forecast])
chart_with_data(charts.columns(forecast_frame, day_label, due_label, [day_label, due_label]), forecast_frame,
                tr("复习预测", "due-forecast"), "forecast")
st.caption(tr("已逾期的复习算在今天。", "Overdue reviews count for today."))

st.subheader(tr("每周记忆保持率", "Retention by week"))
retention = weekly_retention(db, user.id, six_months, tz)
if retention:
    week, share_label = tr("周（周一）", "Week (Monday)"), tr("复习答对率 %", "Right on review %")
    reviews_label, right_label = tr("复习题数", "Reviews"), tr("答对", "Right")
    frame = pd.DataFrame([{week: w.week.isoformat(), share_label: round(100 * w.retention), reviews_label: w.reviews,
                           right_label: w.right} for w in retention])
    chart_with_data(charts.trend(frame, week, share_label, [week, share_label, reviews_label], domain=(0, 100)), frame,
                    tr("记忆保持率", "retention"), "retention")
    st.caption(tr("复习：再次作答以前做过的题目；首次作答不计入。", "Reviews are answers to questions seen before; first answers are not counted."))
else:
    st.caption(tr("还没有复习记录。", "No reviews yet."))

st.subheader(tr("各分类掌握度", "Mastery per category"))
show_categories(mastery, "categories")

st.subheader(tr("最近训练", "Recent sessions"))
if sessions:
    st.dataframe(pd.DataFrame([{
        time_heading("时间", "When"): when(s.finished_at),
        tr("题数", "Questions"): s.questions,
        tr("答对", "Correct"): s.correct,
        tr("得分", "Score"): f"{s.score:.0%}",
        tr("答题用时", "Time answering"): duration(s.seconds),
    } for s in sessions]), hide_index=True, width="stretch")
    total = duration(sum(s.seconds for s in sessions))
    last = "the last session" if len(sessions) == 1 else f"the last {counted(len(sessions), 'session')}"  # not "last 1 session"
    st.caption(tr(f"最近 {len(sessions)} 次训练共答题用时 {total}。", f"Time answering over {last}: {total}.")
               + " " + answering_time_help())
else:
    st.caption(tr("暂无。", "None yet."))

st.subheader(tr("模拟通话", "Practice calls"))
show_calls(call_scores(db, [user.id]), "calls")

if objections:
    st.subheader(tr(*OBJECTIONS_HEADING))
    st.caption(tr("您在通话报告里标记为“判断有误”或“我说了”的评判，以及培训师的复核结果。",
                  "Findings you marked as judged wrong (or steps you said you did) on a call report, and what the "
                  "instructor decided."))
    show_objections(objections, with_call=True)
