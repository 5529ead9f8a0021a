"""Assignments on the trainee's pages: the list that comes first on 模拟通话 (a quiz's start button opens 今日训练 on its
round), its mode names, what one is and whom it is for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

import streamlit as st

from trainer.assignments.quiz import items_to_do
from trainer.assignments.store import AssignmentInfo
from trainer.clock import utcnow
from trainer.dialogue.scenario import Scenario
from trainer.insights.periods import local_day
from ui.display import category_name, scenario_title, when_labelled, zone
from ui.i18n import tr
from ui.render import escape_markdown
from ui import resources


# The quiz a trainee started from 我的作业: 今日训练 starts its round as it opens (ui_pages/quiz.py).
QUIZ_START = "quiz_assigned_start"


def work_title(assignment: AssignmentInfo) -> str:
    """What is to be done: the scenario's title, or "测验：理赔（10 题）" for a quiz."""
    if assignment.is_quiz:
        return tr(f"测验：{category_name(assignment.quiz_category)}（{assignment.quiz_items} 题）",
                  f"Quiz: {category_name(assignment.quiz_category)} ({assignment.quiz_items} questions)")
    return scenario_title(assignment.scenario_id)


def bank_counts() -> Counter[str]:
    """The quiz bank's questions by category, as it is now: a round cannot ask more than its category holds."""
    return Counter(question.category for question in resources.quiz_bank().values())


def quiz_to_do(assignment: AssignmentInfo, held: Mapping[str, int], trainee: bool = True) -> str:
    """What does an open quiz, as its trainee (or, `trainee` False, its instructor) reads it — said plainly when its
    category holds fewer questions now than it asks (retired since it was assigned: done by all that are left) or none
    (it cannot be done) (ui51)."""
    left, asked = items_to_do(assignment, held), assignment.quiz_items
    if left == 0:
        return (tr("这一分类的题目都已下线，这项测验现在无法完成，请联系培训师。",
                   "This category's questions have all been retired: the quiz cannot be done now; ask your instructor.")
                if trainee else
                tr("这一分类的题目都已下线，坐席无法完成这项测验：可以撤销它。",
                   "This category's questions have all been retired: agents cannot do this quiz. You may withdraw it."))
    if left < asked:
        return (tr(f"这一分类现在只有 {left} 题（布置后有题目下线）：在“今日训练”里答完这 {left} 题即完成。",
                   f"This category now holds {left} questions (some were retired after it was assigned): finishing "
                   f"those {left} in Today's training does it.")
                if trainee else
                tr(f"这一分类现在只有 {left} 题（布置后有题目下线，少于布置的 {asked} 题）：坐席答完这 {left} 题即算完成。",
                   f"This category now holds {left} questions (some were retired after it was assigned, fewer than "
                   f"the {asked} asked): an agent who finishes those {left} has done it."))
    return tr(f"在“今日训练”里答完这一分类的一组题（至少 {asked} 题）即完成。",
              f"Done once you finish a round of this category in Today's training ({asked} questions at least).")


def work_kind(assignment: AssignmentInfo) -> str:
    """How it is done, after its title: a scenario's mode, or where a quiz is taken."""
    return tr("今日训练", "Today's training") if assignment.is_quiz else mode_name(assignment.mode)


def mode_name(mode: str) -> str:
    return tr("考试", "Exam") if mode == "exam" else tr("练习", "Training")


def assignees(assignment: AssignmentInfo, names: Mapping[int, str]) -> str:
    """Whom an assignment is for: "一组", or "一组（王坐席、李坐席）" when it names agents (`names` by user id;
    an agent no longer in it, e.g. disabled, is left out)."""
    if not assignment.agents:
        return assignment.team
    named = [names[agent] for agent in assignment.agents if agent in names]
    return tr(f"{assignment.team}（{'、'.join(named)}）", f"{assignment.team} ({', '.join(named)})")


def assigned_message(made: AssignmentInfo, names: Mapping[int, str], title: str, again: bool) -> str:
    """What 布置 did, said above the emptied form: what, to whom, in which mode (a scenario's), due when — or, when
    the same work (scenario or quiz, team, mode, due date) was in force already, that nothing was assigned twice."""
    whom, due = assignees(made, names), made.due_date
    what = title if made.is_quiz else tr(f"{title}（{mode_name(made.mode)}）", f"{title} ({mode_name(made.mode)})")
    if again:
        return tr(f"这项作业已经布置过，没有重复布置：{what}，布置给{whom}，截止日期 {due:%Y-%m-%d}。",
                  f"This was assigned already and is not assigned twice: {what} for {whom}, due {due:%Y-%m-%d}.")
    return tr(f"已布置给{whom}：{what}，截止日期 {due:%Y-%m-%d}。表单已清空，可以布置下一项。",
              f"Assigned to {whom}: {what}, due {due:%Y-%m-%d}. The form is cleared for the next one.")


def mode_choice(mode: str) -> str:
    """A mode as offered in a choice, with what it means: the same words where a trainee picks
    an exam and where an instructor assigns one (a timed reply must never come as a surprise)."""
    if mode == "exam":
        return tr("考试（无提示，每轮限时，结束后反馈）", "Exam (no hints, timed replies, feedback at the end)")
    return tr("练习（每轮提示）", "Training (hints each turn)")


def due_text(assignment: AssignmentInfo) -> str:
    """"截止 03-05（已逾期）" as the trainee reads it."""
    today = local_day(utcnow(), zone())
    text = tr(f"截止 {assignment.due_date:%m-%d}", f"due {assignment.due_date:%b %d}")
    if assignment.overdue(today):
        text += tr("（已逾期）", " (overdue)")
    elif assignment.due_date == today:
        text += tr("（今天）", " (today)")
    return text


def start_quiz(assignment: AssignmentInfo) -> None:
    """Open 今日训练 on the assigned quiz's round: its category, its number of questions (one click, qa24 I3)."""
    st.session_state[QUIZ_START] = (assignment.quiz_category, assignment.quiz_items)
    st.switch_page("ui_pages/quiz.py")


def done_text(assignment: AssignmentInfo) -> str:
    """"已完成 · 今天 10:02 · 得分 80" (a quiz's score: its share right, in %)."""
    score = f"{round(assignment.score or 0)}" + ("%" if assignment.is_quiz else "")
    return tr(f"已完成 · {when_labelled(assignment.done_at)} · 得分 {score}",
              f"Done · {when_labelled(assignment.done_at)} · score {score}")


def show_assignments(assignments: list[AssignmentInfo], scenarios: Mapping[str, Scenario],
                     start: Callable[[AssignmentInfo, Scenario], None]) -> None:
    """The trainee's assignments, open ones first with a start button; done ones with their score."""
    st.subheader(tr("我的作业", "My assignments"))
    held = bank_counts()
    for assignment in assignments:
        scenario = scenarios.get(assignment.scenario_id)
        with st.container(border=True):
            title_col, action_col = st.columns([4, 1])
            title_col.markdown(f"**{escape_markdown(work_title(assignment))}** · "
                               f"{work_kind(assignment)} · {due_text(assignment)}")
            if assignment.done:
                title_col.caption(done_text(assignment))
            elif assignment.is_quiz:
                title_col.caption(quiz_to_do(assignment, held))
                if items_to_do(assignment, held) and action_col.button(
                        tr("开始", "Start"), key=f"assignment_start_{assignment.id}", type="primary"):
                    start_quiz(assignment)
            elif scenario is None:
                title_col.caption(tr("这个情景暂时不可用，请联系培训师。", "This scenario is not available now; ask your instructor."))
            else:
                if assignment.mode == "exam":
                    title_col.caption(tr(f"考试：没有提示，每轮限时 {scenario.reply_seconds} 秒，第一次完成的通话计分。",
                                         f"Exam: no hints, {scenario.reply_seconds} s per reply, your first finished call counts."))
                if action_col.button(tr("开始", "Start"), key=f"assignment_start_{assignment.id}", type="primary"):
                    start(assignment, scenario)
