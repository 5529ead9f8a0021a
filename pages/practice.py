"""模拟通话 — practise a difficult customer call, watch the customer's mood, read a report that quotes you."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from trainer.assignments.exam import is_late, seconds_taken
from trainer.assignments.store import AssignmentInfo, assignments_for, complete_assignment
from trainer.clock import utcnow
from trainer.dialogue import DialogueSession
from trainer.dialogue.behaviours import LABELS
from trainer.dialogue.scenario import KIND_NAMES, Scenario
from trainer.dialogue.corrections import mark_judged_wrong
from trainer.dialogue.scoring import SUBSCORES, Report
from trainer.dialogue.store import save_dialogue
from ui.assignments_view import mode_name, show_assignments
from ui.display import outcome_name, subscore_name
from ui.exam_timer import countdown
from ui.limits import REPLY_CHARS
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, judge, knowledge_base
from ui.resources import scenarios as scenario_resources
from ui.session import STAFF

CALL = "practice_call"
BAND_NAMES = {"calm": ("平静", "calm"), "upset": ("不满", "upset"), "angry": ("愤怒", "angry")}

user = require_page_user(__file__)
kb = knowledge_base()
scenarios, problems = scenario_resources()


def label(pair: tuple[str, str]) -> str:
    return tr(*pair)


def title(scenario: Scenario) -> str:
    return tr(scenario.title, scenario.title_en or scenario.title)


def start_call(scenario: Scenario, mode: str, assignment_id: int | None = None) -> None:
    session = DialogueSession(scenario, kb, seed=random.SystemRandom().randrange(1 << 30), mode=mode, judge=judge())
    first = session.start()
    st.session_state[CALL] = {"session": session, "hints": {}, "saved": False,
                              "started_at": datetime.now(timezone.utc), "last": first,
                              "assignment": assignment_id, "line_at": utcnow()}  # line_at: the exam's reply clock


def start_assignment(assignment: AssignmentInfo, scenario: Scenario) -> None:
    """An assignment is done in the mode the instructor chose for it."""
    start_call(scenario, assignment.mode, assignment.id)
    st.rerun()


def save_call(session: DialogueSession, report: Report) -> None:
    """Store the call once; a call started from an assignment marks it done (the first one counts)."""
    call = st.session_state[CALL]
    if call["saved"]:
        return
    call["record_id"] = save_dialogue(database(), user.id, session.scenario.id, session.mode, report, call["started_at"])
    call["saved"] = True
    if call.get("assignment"):
        call["assignment_done"] = complete_assignment(database(), call["assignment"], user, call["record_id"], report.score)


def pick_scenario() -> None:
    """The trainee's assignments first; then filters, scenario choice, mode and the start button."""
    mine = assignments_for(database(), user)
    if mine:
        show_assignments(mine, scenarios, start_assignment)
        st.subheader(tr("自由练习", "Free practice"))
    kind_col, level_col = st.columns(2)
    kinds = sorted({s.kind for s in scenarios.values()})
    kind = kind_col.selectbox(tr("类型", "Kind"), [None, *kinds], key="practice_kind",
                              format_func=lambda k: tr("全部类型", "All kinds") if k is None else label(KIND_NAMES[k]))
    level = level_col.selectbox(tr("难度", "Difficulty"), [None, 1, 2, 3], key="practice_level",
                                format_func=lambda d: tr("全部难度", "All levels") if d is None else "★" * d)
    shown = [s for s in scenarios.values() if (kind is None or s.kind == kind) and (level is None or s.difficulty == level)]
    if not shown:
        st.info(tr("没有符合条件的情景。", "No scenario matches these filters."))
        return
    chosen = st.selectbox(tr("情景", "Scenario"), [s.id for s in shown], key="practice_scenario",
                          format_func=lambda i: f"{'★' * scenarios[i].difficulty} {title(scenarios[i])}")
    scenario = scenarios[chosen]
    st.caption(escape_markdown(scenario.persona.description))
    mode = st.radio(tr("模式", "Mode"), ["training", "exam"], horizontal=True, key="practice_mode",
                    format_func=lambda m: tr("练习（每轮提示）", "Training (hints each turn)") if m == "training"
                    else tr("考试（结束后反馈）", "Exam (feedback at the end)"))
    if st.button(tr("开始通话", "Start the call"), type="primary", key="practice_start"):
        start_call(scenario, mode)
        st.rerun()


def mood_meter(mood: int, band: str) -> None:
    st.progress(mood / 100, text=tr(f"客户情绪：{mood} / 100（{BAND_NAMES[band][0]}）",
                                    f"Customer mood: {mood} / 100 ({BAND_NAMES[band][1]})"))


def transcript(session: DialogueSession, hints: dict[int, tuple[str, ...]]) -> None:
    for utterance in session.transcript:
        role, avatar = ("user", ":material/support_agent:") if utterance.speaker == "agent" else ("assistant", ":material/person:")
        with st.chat_message(role, avatar=avatar):
            st.markdown(escape_markdown(utterance.text))
        if utterance.speaker == "customer" and hints.get(utterance.turn_index):
            with st.container(border=True):
                st.caption(tr("提示", "Hints"))
                for hint in hints[utterance.turn_index]:
                    st.markdown("- " + escape_markdown(hint))


def judged_wrong_form(report: Report, number: int) -> None:
    """Let the trainee object to one finding, with a short reason, for an instructor to review."""
    finding = report.findings[number]
    marked = st.session_state[CALL].setdefault("marked", set())
    if number in marked:
        st.caption(tr("已提交“判断有误”，培训师会复核。", "Marked as judged wrong; an instructor will review it."))
        return
    reason = st.text_input(tr("判断有误？简单说明原因", "Judged wrong? Say briefly why"), key=f"judged_wrong_reason_{number}",
                           max_chars=200)
    if st.button(tr("判断有误", "Judged wrong"), key=f"judged_wrong_{number}"):
        if not reason.strip():
            st.warning(tr("请先写一句原因。", "Please write a short reason first."))
            return
        said = next((u.text for u in report.transcript if u.speaker == "agent" and u.turn_index == finding.turn_index),
                    finding.quote)
        call = st.session_state[CALL]
        mark_judged_wrong(database(), user.id, call["session"].scenario.id, finding, said, reason,
                          call.get("record_id"))
        marked.add(number)
        st.rerun()


def show_report(report: Report) -> None:
    st.subheader(tr("通话报告", "Call report"))
    score_col, outcome_col = st.columns(2)
    score_col.metric(tr("总分", "Score"), report.score)
    outcome_col.metric(tr("结果", "Outcome"), outcome_name(report.outcome))
    for column, name in zip(st.columns(len(SUBSCORES)), SUBSCORES):
        column.metric(subscore_name(name), report.subscores[name])
    st.caption(tr("客户情绪变化（0 平静 … 100 愤怒）", "Customer mood over the call (0 calm … 100 furious)"))
    st.line_chart(pd.DataFrame({tr("情绪", "Mood"): report.mood_history}), height=200)
    for number, finding in enumerate(report.findings):
        mark = "✅" if finding.ok else "❌"
        heading = f"{mark} {tr('第', 'Turn ')}{finding.turn_index}{tr('轮', '')} · {label(LABELS.get(finding.rubric, (finding.rubric, finding.rubric)))}"
        with st.expander(heading, expanded=not finding.ok):
            st.markdown(tr("您说：", "You said: ") + "“" + escape_markdown(finding.quote) + "”")
            st.markdown(escape_markdown(finding.advice))
            if finding.model_answer:
                st.caption(tr("参考说法", "Model answer"))
                st.code(finding.model_answer, language=None, wrap_lines=True)
            if finding.rubric not in ("checkpoint", "checkpoint_order"):
                judged_wrong_form(report, number)
    if report.missed:
        st.markdown("**" + tr("还没做到的", "Not done yet") + "**")
        for item in report.missed:
            st.markdown("- " + escape_markdown(item))
    with st.expander(tr("示范通话（参考话术）", "Model call (reference script)")):
        for number, answer in enumerate(report.model_answers, start=1):
            st.markdown(f"{number}. " + escape_markdown(answer))


st.title(tr("模拟通话", "Practice calls"))
if problems and user.role in STAFF:
    with st.expander(tr(f"有 {len(problems)} 个情景文件有问题，已跳过", f"{len(problems)} scenario problem(s); those files are skipped")):
        st.code("\n".join(str(p) for p in problems[:100]), language=None)
if not scenarios:
    st.info(tr("还没有可用的情景。", "No scenarios are available yet."))
    st.stop()

call = st.session_state.get(CALL)
if call is None:
    pick_scenario()
    st.stop()

session: DialogueSession = call["session"]
st.markdown(f"#### {escape_markdown(title(session.scenario))}")
if session.mode == "exam":
    st.caption(tr(f"{mode_name('exam')}模式：没有提示，每轮限时 {session.scenario.reply_seconds} 秒。",
                  f"{mode_name('exam')} mode: no hints, {session.scenario.reply_seconds} s per reply."))
with st.expander(tr("客户与目标", "Customer and goals")):
    st.markdown(escape_markdown(session.scenario.persona.description))
    for goal in session.scenario.goals:
        st.markdown("- " + escape_markdown(goal))
last = call["last"]
mood_meter(last.mood, last.band)
transcript(session, call["hints"] if session.mode == "training" else {})

if not session.done:
    if session.mode == "exam":
        countdown(call["line_at"], session.scenario.reply_seconds)
    text = st.chat_input(tr("输入您对客户说的话", "Type what you say to the customer"), key="practice_input",
                         max_chars=REPLY_CHARS)
    if text and text.strip():
        answered_at = utcnow()
        turn = session.reply(text)
        if session.mode == "exam" and is_late(call["line_at"], answered_at, session.scenario.reply_seconds):
            session.note_slow_reply(seconds_taken(call["line_at"], answered_at), session.scenario.reply_seconds)
            turn = replace(turn, mood=session.mood.value, band=session.mood.band)
        call["line_at"] = utcnow()
        call["last"] = turn
        if turn.hints:
            call["hints"][turn.turn_index] = turn.hints
        st.rerun()
    if st.button(tr("结束通话（记为未解决）", "End the call (counts as unresolved)"), key="practice_end"):
        session.end_call()
        st.rerun()
else:
    report = session.report()
    save_call(session, report)
    if call.get("assignment_done"):
        st.success(tr("作业已完成，培训师能看到这次通话的成绩。", "Assignment done: your instructor sees this call's score."),
                   icon=":material/assignment_turned_in:")
    show_report(report)

if st.button(tr("重新开始", "Start over"), key="practice_restart"):
    if call.get("assignment") and session.mode == "exam" and not session.done:
        session.end_call()  # an exam left half-way counts as taken, or it could be previewed and restarted
        save_call(session, session.report())
    st.session_state.pop(CALL, None)
    st.rerun()
