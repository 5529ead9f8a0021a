"""The trainee's objections to a call's verdicts, wherever its report is read: 判断有误 against a finding and 我说了
against a step judged not done, beside a lesson of 下次这样做 and under the findings. The live report (模拟通话) and a
saved call opened again (通话报告, from 我的进度) draw the same forms into the same instructor review (ui51: the saved
call had none, so a trainee who read the report later could not object)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import streamlit as st

from trainer.dialogue.corrections import Correction, contested_step, mark_judged_wrong, mark_step_done
from trainer.dialogue.scenario import Checkpoint, Scenario
from trainer.dialogue.scoring import Report
from ui.display import finding_name, shortened
from ui.i18n import tr, tr_worded
from ui.resources import database
from ui.widget_memory import emptied, empty_on_next_run


@dataclass
class Contest:
    """One call's objections: whose call, its scenario, its saved record, and what was contested already — the
    findings' numbers in `report.findings` and the steps' checkpoint ids (sets the forms add to as they file)."""

    user_id: int
    scenario: Scenario
    record_id: int | None
    marked: set[int] = field(default_factory=set)
    contested_steps: set[str] = field(default_factory=set)
    # Of those, the ones an instructor has decided (accepted or kept): no longer "will review" (qa27)
    decided: set[int] = field(default_factory=set)
    decided_steps: set[str] = field(default_factory=set)


def _filed(decided: bool, zh: str, en: str) -> str:
    """What a contested verdict's place says: sent and waiting, or reviewed with the outcome under 对评判的异议 (qa27:
    阿杰's saved call still read “培训师会复核” twice after Ms. Wang had decided, above the section that said so)."""
    if decided:
        return tr(f"已提交{zh}，培训师已复核：结果见下方“对评判的异议”。",
                  f"Marked as {en}; an instructor has reviewed it: see Objections to the judge below.")
    return tr(f"已提交{zh}，培训师会复核。", f"Marked as {en}; an instructor will review it.")


def filed_before(report: Report, scenario: Scenario, objections: Sequence[Correction]) -> tuple[set[int], set[str]]:
    """The findings (numbers) and steps (ids) of `report` that `objections`, filed on this call, already contest: a
    saved call opened again offers each once, whichever browser session filed it."""
    marked = {n for n, f in enumerate(report.findings) for o in objections
              if (o.turn_index, o.behaviour, o.verdict_ok, o.quote) == (f.turn_index, f.rubric, f.ok, f.quote)}
    steps = {step.id for step in (contested_step(o, scenario.checkpoints) for o in objections) if step is not None}
    return marked, steps


def sent(reason_key: str) -> None:
    """An objection was queued: empty its reason box and redraw. The reason stayed in the box while the picker moved
    on to another finding, so a second click filed the same words against something else (qa16; in the browser
    until qa18, which only forgetting the value did not empty)."""
    empty_on_next_run(reason_key)
    st.rerun()


def judged_wrong_form(contest: Contest, report: Report, numbers: list[int]) -> None:
    """Let the trainee object to one finding, with a short reason, for an instructor to review.

    Each finding is named with its verdict, faults first: 第5轮 · 准确解释 and 第5轮 · 未回应问题 read alike,
    so a trainee could not tell a credit from a fault in the picker (qa16 #13)."""

    def named(number: int) -> str:
        finding = report.findings[number]
        return finding_name(finding.turn_index, finding.rubric, finding.ok)

    for number in sorted(contest.marked):
        st.caption(_filed(number in contest.decided, f"“判断有误”（{named(number)}）", f"judged wrong ({named(number)})"))
    open_numbers = sorted((n for n in numbers if n not in contest.marked), key=lambda n: report.findings[n].ok)
    step_done_form(contest, report)
    if not open_numbers:
        return
    st.markdown("**" + tr("判断有误？", "Judged wrong?") + "**")
    st.caption(tr("选出您认为判错的一条：判为“不足”但其实没问题，或判为“做到”但其实没做到。",
                  "Pick the finding you think is wrong: flagged as a fault but fine, or credited as good but not done."))
    number = st.selectbox(tr("哪一条", "Which finding"), open_numbers, key="judged_wrong_pick",
                          format_func=lambda n: named(n) + tr("：", ": ") + shortened(report.findings[n].quote, 40),
                          placeholder=tr("选择一条评分依据", "Choose a finding"))
    reason = st.text_input(tr("简单说明原因", "Say briefly why"), key=emptied("judged_wrong_reason"), max_chars=200)
    if st.button(tr("判断有误", "Judged wrong"), key="judged_wrong"):
        if not reason.strip():
            st.warning(tr("请先写一句原因。", "Please write a short reason first."))
            return
        file_judged_wrong(contest, report, number, reason)
        sent("judged_wrong_reason")


def file_judged_wrong(contest: Contest, report: Report, number: int, reason: str) -> None:
    """Queue the trainee's objection to finding `number` for the instructors' review, with the words of that turn."""
    finding = report.findings[number]
    said = next((u.text for u in report.transcript if u.speaker == "agent" and u.turn_index == finding.turn_index),
                finding.quote)
    mark_judged_wrong(database(), contest.user_id, contest.scenario.id, finding, said, reason, contest.record_id)
    contest.marked.add(number)


def judged_wrong_beside(contest: Contest, report: Report, number: int) -> None:
    """判断有误？ beside a lesson of 下次这样做, where the trainee reads the finding: it was only at the end of the third
    details tab, and nothing near the lesson said it could be contested (qa22 T4). The same queue as the form there."""
    if number in contest.marked:
        st.caption(_filed(number in contest.decided, "“判断有误”", "judged wrong"))
        return
    reason_key = f"judged_wrong_reason_{number}"
    with st.popover(tr("判断有误？", "Judged wrong?")):
        reason = st.text_input(tr("简单说明原因", "Say briefly why"), key=emptied(reason_key), max_chars=200)
        if st.button(tr("提交", "Send"), key=f"judged_wrong_{number}"):
            if not reason.strip():
                st.warning(tr("请先写一句原因。", "Please write a short reason first."))
                return
            file_judged_wrong(contest, report, number, reason)
            sent(reason_key)


def step_done_form(contest: Contest, report: Report) -> None:
    """Let the trainee contest a checkpoint judged unmet ("我说了"): which step, in which reply, and why; queued
    for the same instructor review as a finding (qa14 #13)."""
    for step in (c for c in contest.scenario.checkpoints if c.id in contest.contested_steps):
        st.caption(_filed(step.id in contest.decided_steps, f"“要点其实做到了”（{step.description}）",
                          f"done after all ({step.name.en})"))
    steps = [c for c in contest.scenario.checkpoints
             if c.id in report.missed_checkpoints and c.id not in contest.contested_steps]
    if not steps or not _replies(report):
        return
    st.markdown("**" + tr("要点其实做到了？", "Did a step after all?") + "**")
    # No step is chosen for the trainee: she says which (its placeholder 选择要点 was never shown; ui51).
    step = st.selectbox(tr("哪个要点", "Which step"), steps, index=None, key="step_done_pick",
                        format_func=lambda c: tr("未完成要点：", "Step not done: ") + tr_worded(c.name),
                        placeholder=tr("选择要点", "Choose a step"))
    step_done_fields(contest, report, step, "")


def _replies(report: Report) -> list:
    return [u for u in report.transcript if u.speaker == "agent"]


# A turn's words in the 在哪一轮说的 list: a sentence or two, enough to tell the turns apart.
TURN_CHARS = 60


def step_done_fields(contest: Contest, report: Report, step: Checkpoint | None, suffix: str) -> None:
    """In which reply the trainee did `step`, why, and 我说了, which queues it (keys end in `suffix`: the form under
    the findings and the one beside a lesson are each their own). 我说了 before a step is chosen asks for one: it
    failed on the missing step (ui51)."""
    replies = _replies(report)
    turn = st.selectbox(tr("在哪一轮说的", "In which reply"), [u.turn_index for u in replies],
                        key=f"step_done_turn{suffix}",
                        format_func=lambda n: f"{tr('第', 'Turn ')}{n}{tr('轮：', ': ')}" + shortened(
                            next(u.text for u in replies if u.turn_index == n), TURN_CHARS),
                        placeholder=tr("选择一轮", "Choose a reply"))
    reason_key = f"step_done_reason{suffix}"
    reason = st.text_input(tr("简单说明原因", "Say briefly why"), key=emptied(reason_key), max_chars=200)
    if st.button(tr("我说了", "I did say it"), key=f"step_done{suffix}"):
        if step is None:
            st.warning(tr("请先选出做到了的要点。", "Please choose the step first."))
            return
        if not reason.strip():
            st.warning(tr("请先写一句原因。", "Please write a short reason first."))
            return
        said = next(u.text for u in replies if u.turn_index == turn)
        mark_step_done(database(), contest.user_id, contest.scenario.id, step, turn, said, reason, contest.record_id)
        contest.contested_steps.add(step.id)
        sent(reason_key)


def step_done_beside(contest: Contest, report: Report, checkpoint_id: str) -> None:
    """要点其实做到了？ beside a missed step's lesson of 下次这样做, or, once sent, that it was (qa25 E2: contested under the
    findings, the lesson showed nothing of it, while a contested fault's lesson says so). The same queue as the form."""
    if checkpoint_id in contest.contested_steps:
        st.caption(_filed(checkpoint_id in contest.decided_steps, "“要点其实做到了”", "done after all"))
        return
    step = next((c for c in contest.scenario.checkpoints if c.id == checkpoint_id), None)
    if step is None or not _replies(report):
        return
    # As wide as the lesson: a popover as wide as its button (~320 px at 1366) showed each turn's first 12 characters
    # (第3轮：您说的说明书上高、中、低那几, qa28 L1), too few to tell the turns apart.
    with st.popover(tr("要点其实做到了？", "Did this step after all?"), width="stretch"):
        step_done_fields(contest, report, step, f"_{checkpoint_id}")
