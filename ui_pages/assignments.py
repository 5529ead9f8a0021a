"""作业布置 — instructors give their team, or chosen agents of it, a scenario to do by a due date, in
training or exam mode, or a quiz (a category of the knowledge base and a number of questions, done in 今日训练),
and see how many of them have done each one."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from trainer.assignments.quiz import items_to_do
from trainer.assignments.store import (MAX_QUIZ_ITEMS, AssignmentError, cancel_assignment, completions,
                                       create_assignment, create_quiz_assignment, default_due_date, team_assignments)
from trainer.clock import utcnow
from trainer.insights.access import sees_all_teams
from trainer.insights.periods import local_day
from trainer.insights.team import agents
from trainer.quiz.progress import ProgressStore
from ui.assignments_view import (assigned_message, assignees, bank_counts, mode_choice, quiz_to_do, work_kind,
                                 work_title)
from ui.display import category_name, scenario_title, time_heading, when, zone
from ui.exports import MISSING
from ui.i18n import tr
from ui.live_form import live_form
from ui.progress_view import call_link
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database
from ui.resources import scenarios as scenario_resources
from ui.widget_memory import kept

user = require_page_user(__file__)
db = database()
today = local_day(utcnow(), zone())
scenarios, _problems = scenario_resources()
# The quiz's categories, with how many questions each has: a round cannot ask more than its category holds, and a
# quiz asking more could never be done.
category_items = bank_counts()
SCENARIO, QUIZ = "scenario", "quiz"
QUIZ_ITEMS = 10  # the number offered: a round that fits between calls

st.title(tr("作业布置", "Assignments"))
# What the last 布置 did stays said until the next scenario is chosen (below), whichever run a double click's second
# click comes with.
if "assignment_message" in st.session_state:
    st.success(escape_markdown(st.session_state["assignment_message"]), icon=":material/check_circle:")

teams = [t for t in ProgressStore(db).teams() if t] if sees_all_teams(user) else [t for t in [user.team] if t]
# What can be assigned: a scenario when there is one, a quiz when the bank has questions. With no scenario the page
# showed no form at all, though a quiz could be assigned (ui51).
kinds = [kind for kind, there in ((SCENARIO, scenarios), (QUIZ, category_items)) if there]
if not teams:
    st.info(tr("还没有班组：先在“用户管理”里给坐席分好班组。", "No teams yet: put agents in teams under Users first."))
elif not kinds:
    st.info(tr("还没有可用的情景，也还没有测验题。", "No scenarios and no quiz questions are available yet."))
else:
    team = st.selectbox(tr("班组", "Team"), teams, **kept("assignment_team", valid=lambda t: t in teams), placeholder=tr("选择班组", "Choose a team"))
    team_agents = {member.id: member.display_name for member in agents(db, team)}
    # Not a form: a form's choices stay in the browser until it is submitted, so switching the language (a run the
    # form did not send) drew them again empty — the chosen agents, the mode (polish29). Each choice is in the session
    # state as it is made, and ui.i18n keeps it over a switch as it does any other widget's. Kept over a visit to another
    # page too (ui.widget_memory.kept): a scenario, agents and the exam mode chosen, then 团队概览 and back, came back
    # as the page opens (polish31).
    # After 布置 the form is drawn empty (no scenario, the whole team, 练习, a week ahead), and the message above it
    # says what was assigned, to whom and by when: the set-up stayed as it was, one click from assigning it again
    # (polish32). No scenario is chosen until the instructor picks one (the first one was, and was assigned unread).
    # What is assigned (a scenario or a quiz) is not emptied by 布置: an instructor setting several quizzes stays on
    # quizzes.
    kind = st.radio(tr("作业内容", "Work"), kinds, horizontal=True, **kept("assignment_kind", valid=lambda k: k in kinds),
                    format_func=lambda k: tr("模拟通话情景", "A practice call") if k == SCENARIO
                    else tr("测验（今日训练）", "A quiz (Today's training)"))
    if not scenarios:
        st.caption(tr("还没有可用的情景：现在只能布置测验。", "No scenarios are available yet: only a quiz can be assigned."))
    # The fields drawn, and only those: a field not drawn is not sent back, and a double click's second click is told
    # by every emptied field coming back as it was (ui.live_form).
    blank = {**({"assignment_category": None, "assignment_items": QUIZ_ITEMS} if kind == QUIZ
                else {"assignment_scenario": None, "assignment_mode": "training"}),
             "assignment_agents": [], "assignment_due": default_due_date(today)}
    with live_form("assignment_form", blank) as form:
        what_col, agents_col = st.columns(2)
        if kind == QUIZ:
            category = what_col.selectbox(tr("分类", "Category"), sorted(category_items), index=None,
                                          **kept("assignment_category", valid=lambda c: c is None or c in category_items),
                                          format_func=lambda c: tr(f"{category_name(c)}（{category_items[c]} 题）",
                                                                   f"{category_name(c)} ({category_items[c]} questions)"),
                                          placeholder=tr("选择分类", "Choose a category"))
            scenario_id, chosen_work = None, category
        else:
            scenario_id = what_col.selectbox(tr("情景", "Scenario"), sorted(scenarios), index=None,
                                             **kept("assignment_scenario", valid=lambda s: s is None or s in scenarios),
                                             format_func=scenario_title, placeholder=tr("选择情景", "Choose a scenario"))
            category, chosen_work = None, scenario_id
        chosen = agents_col.multiselect(tr("指定坐席", "Agents"), list(team_agents), **kept("assignment_agents", valid=lambda ids: all(i in team_agents for i in ids)),
                                        format_func=team_agents.get, placeholder=tr("全组（不选即全组）", "The whole team (none chosen)"),
                                        help=tr("只给这几位坐席布置；不选则布置给全组。",
                                                "Assign to these agents only; with none chosen, to the whole team."))
        how_col, due_col = st.columns(2)
        if kind == QUIZ:
            most = min(MAX_QUIZ_ITEMS, category_items[category]) if category else MAX_QUIZ_ITEMS
            items = how_col.number_input(tr("题量", "Questions"), min_value=1, max_value=most, value=min(QUIZ_ITEMS, most),
                                         **kept("assignment_items", valid=lambda n: 1 <= n <= most),
                                         help=tr("在“今日训练”里答完这一分类的一组题、至少这么多题，作业即完成。",
                                                 "Done once the trainee finishes a round of this category in Today's "
                                                 "training with at least this many questions."))
            mode = "training"
        else:
            mode = how_col.radio(tr("模式", "Mode"), ["training", "exam"], horizontal=True, **kept("assignment_mode"),
                                 format_func=mode_choice)
            items = 0
        due = due_col.date_input(tr("截止日期", "Due date"), value=default_due_date(today), min_value=today, **kept("assignment_due", valid=lambda day: day >= today))
        if chosen_work is not None and not form.sent_before_emptied:
            st.session_state.pop("assignment_message", None)  # the next one is being set up
        # A double click's second click is not a second 布置 (ui.live_form: it may come with the fields as they were
        # before they were emptied); one on the empty form a run later is told to choose a scenario, beside the first
        # one's message, still said.
        if form.submit(tr("布置", "Assign"), type="primary", key="assignment_submit"):
            in_force = {progress.assignment.id for progress in team_assignments(db, user)}
            # A double click's second click can stop the first one's run after it saved the work and before it said
            # so: the second then finds "its" work in force. Noted before saving, these very values are this
            # session's own submission still unanswered, not work assigned before (CI, stop 48).
            submission = (chosen_work, team, mode, due, tuple(sorted(chosen))) + ((QUIZ, items) if kind == QUIZ else ())
            own = st.session_state.get("assignment_unanswered") == submission
            st.session_state["assignment_unanswered"] = submission
            try:
                if kind == QUIZ:
                    made = create_quiz_assignment(db, user, category, int(items), team, due, today, chosen)
                else:
                    made = create_assignment(db, user, scenario_id, team, mode, due, today, chosen)
            except AssignmentError as error:
                st.session_state.pop("assignment_unanswered", None)
                st.error(tr(error.zh, error.en))
            else:
                st.session_state["assignment_message"] = assigned_message(
                    made, team_agents, work_title(made), again=made.id in in_force and not own)
                st.session_state.pop("assignment_unanswered", None)
                form.clear_on_next_run()
                st.rerun()

st.subheader(tr("已布置的作业", "Assignments in force"))
listed = team_assignments(db, user)
if not listed:
    st.caption(tr("还没有布置作业。", "Nothing assigned yet."))
for progress in listed:
    work = progress.assignment
    members = agents(db, work.team)
    if work.agents:
        members = [member for member in members if member.id in work.agents]
    with st.container(border=True):
        text_col, cancel_col = st.columns([4, 1])
        overdue = tr("（已过截止日期）", " (past due)") if work.due_date < today else ""
        whom = assignees(work, {member.id: member.display_name for member in members})
        text_col.markdown(f"**{escape_markdown(work_title(work))}** · {escape_markdown(whom)} · {work_kind(work)} · "
                          + tr(f"截止 {work.due_date:%Y-%m-%d}", f"due {work.due_date:%Y-%m-%d}") + overdue)
        if work.is_quiz and items_to_do(work, category_items) < work.quiz_items:  # its category shrank since
            text_col.caption(quiz_to_do(work, category_items, trainee=False))
        text_col.progress(progress.done / progress.members if progress.members else 0.0,
                          text=tr(f"已完成 {progress.done} / {progress.members} 人", f"Done by {progress.done} of {progress.members}"))
        with text_col.expander(tr("谁完成了", "Who has done it")):
            done = completions(db, work.id)
            # A quiz's score is the share right of the round that did it (%), and it has no call report.
            score_heading = tr("得分（答对率 %）", "Score (% right)") if work.is_quiz else tr("得分", "Score")
            name, status, score, at = tr("坐席", "Agent"), tr("状态", "Status"), score_heading, time_heading("完成时间", "Done at")
            report = tr("报告", "Report")
            rows = [{name: member.display_name, status: tr("已完成", "done") if member.id in done else tr("未完成", "to do"),
                     score: round(done[member.id].score) if member.id in done else None,
                     at: when(done[member.id].completed_at) if member.id in done else "",
                     report: call_link(done[member.id].dialogue_id) if member.id in done and done[member.id].dialogue_id else None}
                    for member in members]
            st.dataframe(pd.DataFrame(rows, columns=[name, status, score, at, report]), hide_index=True, width="stretch",
                         placeholder=MISSING,  # not Streamlit's "None" for a score or report still to come
                         column_config={report: st.column_config.LinkColumn(report, display_text=tr("查看报告", "Open report"))})
        with cancel_col.popover(tr("撤销……", "Withdraw…")):
            if st.button(tr("确认撤销", "Withdraw"), key=f"assignment_cancel_{work.id}"):
                try:
                    cancel_assignment(db, user, work.id)
                except AssignmentError as error:
                    st.error(tr(error.zh, error.en))
                else:
                    st.rerun()
