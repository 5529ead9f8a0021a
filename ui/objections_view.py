"""What became of a trainee's objections to the judge ("判断有误", "我说了"): waiting, accepted or kept as
judged, with the instructor's word. Shown on the call's report and on 我的进度; before, the trainee's
report said "an instructor will review it" and nothing after (qa16 #13)."""

from __future__ import annotations

import streamlit as st

from trainer.dialogue.corrections import Correction, missed_step, verdict_kept
from trainer.dialogue.withdrawn import upheld
from ui.display import finding_name, rubric_name, scenario_title, step_name, when_labelled
from ui.i18n import tr
from ui.progress_view import call_link
from ui.render import escape_markdown

OUTCOMES = {"open": (":orange[:material/hourglass_empty: 待培训师复核]", ":orange[:material/hourglass_empty: waiting for review]"),
            "accepted": (":green[:material/check_circle: 已接受：评判已更正]", ":green[:material/check_circle: accepted: the judge was corrected]"),
            "rejected": (":gray[:material/block: 维持原判]", ":gray[:material/block: kept as judged]")}

# Accepted for its call alone (corrections.accept_for_call): the trainee's call is corrected, the content is not (qa28 K2)
FOR_THIS_CALL = (":green[:material/check_circle: 已接受：只为这次通话更正（未写入内容）]",
                 ":green[:material/check_circle: accepted for this call (nothing written to the content)]")


def outcome(correction: Correction) -> str:
    """Markdown of an objection's outcome: colour, icon and words, so no one of them carries it alone. Accepted with
    labels that keep the judge's verdict, it says so, naming the verdict (`verdict_kept`)."""
    if verdict_kept(correction):
        name = escape_markdown(rubric_name(correction.behaviour))
        verdict = tr("不足" if not correction.verdict_ok else "做到", "fault" if not correction.verdict_ok else "good")
        return tr(f":blue[:material/fact_check: 已复核：培训师重新标注了这句话，仍判为“{name}”（{verdict}）]",
                  f":blue[:material/fact_check: reviewed: the instructor relabelled the reply and it is still judged "
                  f"“{name}” ({verdict})]")
    if correction.status == "accepted" and correction.for_this_call:
        return tr(*FOR_THIS_CALL)
    return tr(*OUTCOMES.get(correction.status, (correction.status, correction.status)))


def consequence(correction: Correction) -> str:
    """What an upheld objection changed, for the trainee (accepting as it stands needs no note, so it was the only
    "why" she had: ui55); "" for one kept or still open, whose outcome line and note say it."""
    if not upheld(correction):
        return ""
    what = (("这个要点已算作完成", "The step now counts as done") if missed_step(correction) else
            ("这条评判已撤回", "This judgement is withdrawn"))
    return tr(f"{what[0]}，不再列为要改进的地方；总分按当时的评判，不重新计算。",
              f"{what[1]} and is no longer a lesson; the score stays as judged at the time.")


def outcome_counts(corrections: list[Correction], where: tuple[str, str]) -> str:
    """One line for the top of a page listing `corrections` lower down (under the heading `where`): how many were
    accepted, kept as judged or are waiting. "" for none. qa30: 小周 filed two objections; what came of them was at
    the foot of her call's report and of 我的进度, under everything else."""
    if not corrections:
        return ""
    accepted = sum(upheld(c) for c in corrections)
    waiting = sum(c.status == "open" for c in corrections)
    kept = len(corrections) - accepted - waiting
    zh = "、".join(f"{n} 条{words}" for n, words in ((accepted, "已接受"), (kept, "维持原判"), (waiting, "待复核")) if n)
    en = ", ".join(f"{n} {words}" for n, words in ((accepted, "accepted"), (kept, "kept as judged"),
                                                   (waiting, "waiting for review")) if n)
    noun = "objection" if len(corrections) == 1 else "objections"
    return tr(f"您对评判的 {len(corrections)} 条异议：{zh}（结果和培训师的说明见下方“{where[0]}”）。",
              f"Your {len(corrections)} {noun} to the judge: {en} (the outcomes and the instructor's notes are under "
              f"“{where[1]}” below).")


def objection_name(correction: Correction) -> str:
    """What was contested, as the report named it: 【不足】第5轮 · 未回应问题, or the step said to be done."""
    step = step_name(correction.scenario_id, missed_step(correction))
    if step:
        return tr(f"第{correction.turn_index}轮 · 未完成要点：{step}", f"Turn {correction.turn_index} · step not done: {step}")
    return finding_name(correction.turn_index, correction.behaviour, correction.verdict_ok)


def show_objections(corrections: list[Correction], with_call: bool = False, objector: str | None = None) -> None:
    """Each objection with its outcome and the instructor's note; `with_call` adds the scenario and a link to
    the call's report (on 我的进度, where objections of many calls are listed). `objector` is the trainee's name when
    someone else reads them (an instructor on 坐席详情 / 通话报告): the reason is theirs, not the reader's "您的理由"
    (qa25), and an objection still open waits in 评判纠错."""
    name = escape_markdown(objector) if objector else ""
    reason_label = tr(f"{name}的理由：", f"{name}'s reason: ") if objector else tr("您的理由：", "Your reason: ")
    for correction in corrections:
        where = ""
        if with_call:
            title = escape_markdown(scenario_title(correction.scenario_id))
            where = (f"[{title}]({call_link(correction.dialogue_id)})" if correction.dialogue_id else title) + " · "
        waiting = tr("（评判纠错）", " (Judge corrections)") if objector and correction.status == "open" else ""
        st.markdown(f"{where}{escape_markdown(objection_name(correction))} — {outcome(correction)}{waiting}")
        lines = [reason_label + escape_markdown(correction.reason)]
        if correction.review_note:
            lines.append(tr("培训师说明：", "Instructor's note: ") + escape_markdown(correction.review_note))
        if consequence(correction):
            lines.append(consequence(correction))
        moment = correction.reviewed_at or correction.created_at
        lines.append(tr(f"复核于 {when_labelled(moment)}", f"reviewed {when_labelled(moment)}") if correction.reviewed_at
                     else tr(f"提交于 {when_labelled(moment)}", f"sent {when_labelled(moment)}"))
        st.caption("  \n".join(lines))
