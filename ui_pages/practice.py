"""模拟通话 — practise a difficult customer call, watch the customer's mood, read a report that teaches.

The call is saved after every turn, so a reload (or a new tab) picks it up where it was; ending
a call early asks for confirmation; "practise again" restarts the scenario with a focus on the
first checkpoint missed.
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from trainer.assignments.exam import is_late, seconds_taken
from trainer.assignments.store import AssignmentInfo, assignments_for, complete_assignment
from trainer.clock import utcnow
from trainer.dialogue import DialogueSession
from trainer.dialogue.lessons import focus
from trainer.dialogue.scenario import KIND_NAMES, Scenario
from trainer.dialogue.scoring import Report
from trainer.dialogue.store import CallMovedOn, ResumeState, agent_replies, open_call, save_turn, unfinished_call
from trainer.insights.calls import call_scores
from ui.assignments_view import mode_choice, mode_name, show_assignments
from ui.call_report import show_call_report
from ui.contests import Contest, judged_wrong_beside, judged_wrong_form, step_done_beside
from ui.choice_box import one_or_all
from ui.copy_text import plain_text
from ui.exam_timer import countdown
from ui.limits import REPLY_CHARS
from ui.i18n import tr, tr_worded
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.reply_draft import draft_name, keep_chat_draft
from ui.resources import database, judge, knowledge_base
from ui.resources import scenarios as scenario_resources
from ui.session import STAFF, signed_in_only

CALL = "practice_call"
ELSEWHERE = "practice_moved_on_elsewhere"  # the line not sent because another tab had taken the call on
BAND_NAMES = {"calm": ("平静", "calm"), "upset": ("不满", "upset"), "angry": ("愤怒", "angry")}

user = require_page_user(__file__)
kb = knowledge_base()
scenarios, problems = scenario_resources()


def label(pair: tuple[str, str]) -> str:
    return tr(*pair)


def title(scenario: Scenario) -> str:
    return tr(scenario.title, scenario.title_en or scenario.title)


def save_call(call: dict) -> None:
    """The call as it stands, with what a reload needs besides the words (focus, exam clock, slow replies)."""
    save_turn(database(), call["record_id"], call["session"].report(),
              ResumeState(call.get("focus"), call["line_at"], dict(call["slow"])))


def start_call(scenario: Scenario, mode: str, focus_id: str | None = None, assignment_id: int | None = None) -> None:
    """A new call, saved at once (its record id is its seed) so a reload can rebuild it."""
    record_id = open_call(database(), user.id, scenario.id, mode)
    session = DialogueSession(scenario, kb, seed=record_id, mode=mode, judge=judge())
    first = session.start()
    st.session_state[CALL] = {"session": session, "hints": {}, "record_id": record_id, "last": first,
                              "focus": focus_id, "confirm_end": False, "assignment": assignment_id,
                              "line_at": utcnow(), "slow": {}}  # line_at: the exam's reply clock
    save_call(st.session_state[CALL])


def start_assignment(assignment: AssignmentInfo, scenario: Scenario) -> None:
    """An assignment is done in the mode the instructor chose for it."""
    start_call(scenario, assignment.mode, assignment_id=assignment.id)
    st.rerun()


def open_assignment_for(scenario_id: str, mode: str) -> int | None:
    """The trainee's open assignment a resumed call belongs to (same scenario and mode), if any."""
    return next((a.id for a in assignments_for(database(), user)
                 if not a.done and a.scenario_id == scenario_id and a.mode == mode), None)


def resume_call() -> bool:
    """The trainee's call in progress, rebuilt from the store by replaying their replies (after a reload),
    with its focus, its exam clock still running from when the customer's line was shown, and its slow replies."""
    saved = unfinished_call(database(), user.id)
    if saved is None or saved.scenario_id not in scenarios:
        return False
    session = DialogueSession(scenarios[saved.scenario_id], kb, seed=saved.id, mode=saved.mode, judge=judge())
    resume = saved.resume
    customer_turns = session.replay(agent_replies(saved), resume.slow_replies)
    st.session_state[CALL] = {"session": session, "record_id": saved.id, "last": customer_turns[-1],
                              "focus": resume.focus, "confirm_end": False,
                              # The opening's "下一个要点" is not shown during the call (start_call keeps none),
                              # so the restored call leaves it out too (qa17).
                              "hints": {t.turn_index: t.hints for t in customer_turns[1:] if t.hints},
                              "assignment": open_assignment_for(saved.scenario_id, saved.mode),
                              "line_at": resume.line_at or utcnow(), "slow": dict(resume.slow_replies)}
    if session.done:
        save_turn(database(), saved.id, session.report())
    st.toast(tr("已恢复您进行中的通话。", "Your call in progress was restored."))
    return True


def moved_on_elsewhere(call: dict) -> bool:
    """The call was taken further, ended or replaced in another tab or window since this tab drew it. A turn
    sent from here would overwrite the other tab's turns: with two tabs open, a reply sent in the first was
    silently lost when the second saved its own (qa15)."""
    saved = unfinished_call(database(), user.id)
    return saved is None or saved.id != call["record_id"] or len(saved.transcript) != len(call["session"].transcript)


def reload_from_elsewhere(unsent: str) -> None:
    """Drop this tab's copy of the call; the next run takes up the stored one and says why."""
    st.session_state.pop(CALL, None)
    st.session_state[ELSEWHERE] = unsent


def saved_or_taken_up(save: Callable[[], None], unsent: str) -> None:
    """`save()`, or, when the store refuses it because another tab moved the call on after this tab's
    check (`CallMovedOn`), the stored call taken up instead, saying `unsent` was not sent."""
    try:
        save()
    except CallMovedOn:
        reload_from_elsewhere(unsent)
        st.rerun()


def pick_scenario() -> None:
    """The trainee's assignments first; then filters, scenario choice, mode and the start button."""
    mine = assignments_for(database(), user)
    if mine:
        show_assignments(mine, scenarios, start_assignment)
        st.subheader(tr("自由练习", "Free practice"))
    kind_col, level_col = st.columns(2)
    kinds = sorted({s.kind for s in scenarios.values()})
    kind = one_or_all(kind_col, tr("类型", "Kind"), kinds, "practice_kind", tr("全部类型", "All kinds"),
                      format_func=lambda k: label(KIND_NAMES[k]))
    level = one_or_all(level_col, tr("难度", "Difficulty"), [1, 2, 3], "practice_level", tr("全部难度", "All levels"),
                       format_func=lambda d: "★" * d)
    shown = [s for s in scenarios.values() if (kind is None or s.kind == kind) and (level is None or s.difficulty == level)]
    if not shown:
        st.info(tr("没有符合条件的情景。", "No scenario matches these filters."))
        return
    chosen = st.selectbox(tr("情景", "Scenario"), [s.id for s in shown], key="practice_scenario",
                          format_func=lambda i: f"{'★' * scenarios[i].difficulty} {title(scenarios[i])}",
                          placeholder=tr("选择情景", "Choose a scenario"))
    scenario = scenarios[chosen]
    st.caption(escape_markdown(tr_worded(scenario.description())))
    mode = st.radio(tr("模式", "Mode"), ["training", "exam"], horizontal=True, key="practice_mode",
                    format_func=mode_choice)
    if st.button(tr("开始通话", "Start the call"), type="primary", key="practice_start"):
        start_call(scenario, mode)
        st.rerun()


def mood_meter(mood: int, band: str) -> None:
    """The customer's mood with its scale: "mood 24 / 100" alone read as a bad mood in English, where 0 is calm (qa23)."""
    st.progress(mood / 100, text=tr(f"客户情绪：{mood} / 100（{BAND_NAMES[band][0]}；0 平静 … 100 愤怒）",
                                    f"Customer mood: {mood} / 100 ({BAND_NAMES[band][1]}; 0 calm … 100 furious)"))


def transcript(session: DialogueSession, hints: dict[int, tuple[str, ...]]) -> None:
    for utterance in session.transcript:
        role, avatar = ("user", ":material/support_agent:") if utterance.speaker == "agent" else ("assistant", ":material/person:")
        with st.chat_message(role, avatar=avatar):
            st.markdown(escape_markdown(utterance.text))
        if utterance.speaker == "customer" and hints.get(utterance.turn_index):
            with st.container(border=True):
                st.caption(tr("提示", "Hints"))
                for hint in hints[utterance.turn_index]:
                    st.markdown("- " + escape_markdown(tr_worded(hint)))


def contest(call: dict) -> Contest:
    """The objections to this call's verdicts (ui.contests), kept with the call: what was contested stays said."""
    return Contest(user.id, call["session"].scenario, call.get("record_id"), call.setdefault("marked", set()),
                   call.setdefault("contested_steps", set()))


def finished(report: Report) -> None:
    """Save the ended call once, show the report, and offer to practise again with a focus."""
    call = st.session_state[CALL]
    session: DialogueSession = call["session"]
    if not call.get("saved"):
        saved_or_taken_up(lambda: save_turn(database(), call["record_id"], report), "")
        call["saved"] = True
        if call.get("assignment"):
            call["assignment_done"] = complete_assignment(database(), call["assignment"], user, call["record_id"],
                                                          report.score)
    if call.get("assignment_done"):
        st.success(tr("作业已完成，培训师能看到这次通话的成绩。", "Assignment done: your instructor sees this call's score."),
                   icon=":material/assignment_turned_in:")
    history = [c for c in call_scores(database(), [user.id]) if c.scenario_id == session.scenario.id]
    show_call_report(report, session.scenario, history, "practice_report",
                     contest=lambda numbers: judged_wrong_form(contest(call), report, numbers),
                     contest_one=lambda number: judged_wrong_beside(contest(call), report, number),
                     contest_step=lambda checkpoint_id: step_done_beside(contest(call), report, checkpoint_id))
    missed = focus(report, session.scenario)
    label_again = tr("再练一次", "Practise this again") + (tr(f"（重点：{missed.description}）", f" (focus: {missed.name.en})")
                                                         if missed else "")
    if st.button(label_again, type="primary", key="practice_again"):
        start_call(session.scenario, session.mode, missed.id if missed else None)
        st.rerun()


def _set_confirm_end(asking: bool) -> None:
    st.session_state[CALL]["confirm_end"] = asking


@signed_in_only
def _end_now() -> None:
    """Runs before the page does (a button callback), so the click draws the report in one run, not two."""
    if moved_on_elsewhere(st.session_state[CALL]):
        reload_from_elsewhere("")
        return
    st.session_state[CALL]["session"].end_call()
    st.session_state[CALL]["confirm_end"] = False


def end_early() -> None:
    """Ending before the call is over counts as unresolved: asked to confirm first. The buttons act
    in callbacks, so each click is one page run (an st.rerun() after it would draw the page twice)."""
    call = st.session_state[CALL]
    if not call.get("confirm_end"):
        st.button(tr("结束通话", "End the call"), key="practice_end", on_click=_set_confirm_end, args=(True,))
        return
    counts = tr("这是作业的计分通话：结束后作业即完成，成绩按这次通话计算。",
                " This is your assignment's scored call: ending it completes the assignment with this call's score.")
    st.warning(tr("现在结束，这通电话会记为未解决。", "Ending now counts this call as unresolved.")
               + (counts if call.get("assignment") else "") + tr("确定要结束吗？", " End it?"))
    confirm_col, cancel_col = st.columns(2)
    confirm_col.button(tr("确定结束", "Yes, end the call"), key="practice_end_confirm", type="primary", on_click=_end_now)
    cancel_col.button(tr("继续通话", "Keep talking"), key="practice_end_cancel", on_click=_set_confirm_end, args=(False,))


st.title(tr("模拟通话", "Practice calls"))
if problems and user.role in STAFF:
    with st.expander(tr(f"有 {len(problems)} 个情景文件有问题，已跳过", f"{len(problems)} scenario problem(s); those files are skipped")):
        plain_text("\n".join(tr(p.zh(), str(p)) for p in problems[:100]))  # not st.code: see ui/copy_text.py
if not scenarios:
    st.info(tr("还没有可用的情景。", "No scenarios are available yet."))
    st.stop()

unsent = st.session_state.pop(ELSEWHERE, None)
if unsent is not None:
    st.warning(tr("这通电话已在另一个标签页或窗口中继续或结束，这里已换成它现在的进度。",
                  "This call was taken on or ended in another tab or window; this page now shows where it stands.")
               + (tr(f"您刚才的话没有发送：“{unsent}”", f" Your last line was not sent: “{unsent}”") if unsent else ""),
               icon=":material/tab:")
call = st.session_state.get(CALL)
if call is None and resume_call():
    call = st.session_state[CALL]
if call is None:
    pick_scenario()
    st.stop()

session: DialogueSession = call["session"]
st.markdown(f"#### {escape_markdown(title(session.scenario))}")
with st.expander(tr("客户与目标", "Customer and goals")):
    st.markdown(escape_markdown(tr_worded(session.scenario.description())))
    for goal in session.scenario.goal_texts():
        st.markdown("- " + escape_markdown(tr_worded(goal)))
focus_id = call.get("focus")
if focus_id:
    focused = next((c for c in session.scenario.checkpoints if c.id == focus_id), None)
    if focused is not None:
        st.info(tr("本次练习重点（上次没做到）：", "Focus of this call (missed last time): ") + escape_markdown(tr_worded(focused.hint_text)))
if session.mode == "exam":
    st.caption(tr(f"{mode_name('exam')}模式：没有提示，每轮限时 {session.scenario.reply_seconds} 秒。",
                  f"{mode_name('exam')} mode: no hints, {session.scenario.reply_seconds} s per reply."))
if not session.done:
    last = call["last"]
    mood_meter(last.mood, last.band)
    transcript(session, call["hints"] if session.mode == "training" else {})
    if session.mode == "exam":
        countdown(call["line_at"], session.scenario.reply_seconds)
    text = st.chat_input(tr("输入您对客户说的话", "Type what you say to the customer"), key="practice_input",
                         max_chars=REPLY_CHARS)
    keep_chat_draft("practice_input", draft_name(user.id, call["record_id"], len(session.transcript)))
    if text and text.strip() and moved_on_elsewhere(call):
        reload_from_elsewhere(escape_markdown(text.strip()))
        st.rerun()
    if text and text.strip():
        answered_at = utcnow()
        turn = session.reply(text)
        if session.mode == "exam" and is_late(call["line_at"], answered_at, session.scenario.reply_seconds):
            call["slow"][turn.turn_index] = seconds_taken(call["line_at"], answered_at)
            turn = session.late_reply(turn, call["slow"][turn.turn_index])
        call["line_at"] = utcnow()
        saved_or_taken_up(lambda: save_call(call), escape_markdown(text.strip()))
        call["last"] = turn
        if turn.hints:
            call["hints"][turn.turn_index] = turn.hints
        st.rerun()
    end_early()
else:
    finished(session.report())
    if st.button(tr("换个情景", "Choose another scenario"), key="practice_restart"):
        st.session_state.pop(CALL, None)
        st.rerun()
