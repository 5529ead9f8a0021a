"""A saved practice call as its report: score, findings with the agent's words, transcript and
the instructors' comments (with the comment form for instructors who may comment)."""

from __future__ import annotations

import streamlit as st

from trainer.dialogue.corrections import Correction, corrections_by
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.scoring import SUBSCORES, Report
from trainer.dialogue.store import DialogueSummary, saved_advice, saved_report
from trainer.dialogue.withdrawn import Withdrawn, withdrawn, withdrawn_points, without_withdrawn
from trainer.insights.access import can_comment
from trainer.insights.comments import Comment, CommentError, add_comment
from trainer.users.accounts import UserInfo
from ui.call_report import (offer_contest, show_cap, show_finding, show_lessons, show_outcome, show_still_open,
                            show_strengths)
from ui.contests import Contest, filed_before, judged_wrong_beside, judged_wrong_form, step_done_beside
from ui.display import scenario_title, subscore_name, when_labelled
from ui.i18n import tr
from ui.objections_view import outcome_counts, show_objections
from ui.render import escape_markdown
from ui.resources import database, scenarios

# The score is not computed again once a finding is withdrawn (trainer.dialogue.withdrawn says why): said beside it.
SCORE_AS_JUDGED = ("总分和各项分数是当时评判的结果：培训师撤回的评判没有重新计分（通话结果取决于客户当时的反应，无法重算）。",
                   "The score and sub-scores are as judged at the time: what the instructor withdrew was not "
                   "rescored (how the call ended came from the customer's reactions then, which cannot be replayed).")
LESSONS_WITHDRAWN = ("培训师接受异议后撤回的评判和要点不再列为要改进的地方，见下方“对评判的异议”。",
                     "Findings and steps withdrawn on an upheld objection are no longer lessons: see Objections to the "
                     "judge below.")
OBJECTIONS_HEADING = ("对评判的异议", "Objections to the judge")


def show_saved_call(call: DialogueSummary, comments: list[Comment], viewer: UserInfo, owner: UserInfo,
                    heading: bool = True) -> None:
    """The whole report of one saved call; `heading` False inside an expander that already names it."""
    if heading:
        st.subheader(f"{scenario_title(call.scenario_id)} · {when_labelled(call.finished_at or call.started_at)}")
    if call.mode == "exam":  # its 回复超时 and missing hints read as the exam's, not as a training call's (qa28)
        st.caption(tr("考试模式的通话：没有提示，每轮限时。", "An exam-mode call: no hints, a time limit per reply."))
    scenario = scenarios()[0].get(call.scenario_id)
    report = saved_report(call, scenario.model_answers, scenario.checkpoints) if scenario is not None else None
    objections = corrections_by(database(), owner.id, call.id)
    steps = scenario.checkpoints if scenario is not None else ()
    # What an instructor withdrew by upholding an objection is shown as withdrawn where it is listed (qa28 W1)
    taken = withdrawn(report, steps, objections) if report is not None else Withdrawn()
    score_col, outcome_col = st.columns(2)
    score_col.metric(tr("总分", "Score"), round(call.score))
    show_outcome(outcome_col, call.outcome)
    if call.subscores:
        st.caption(" · ".join(f"{subscore_name(name)} {call.subscores[name]}"
                              for name in SUBSCORES if name in call.subscores))
    if taken:
        st.caption(tr(*SCORE_AS_JUDGED))
    if objections and viewer.id == owner.id:  # what came of her objections, at the top (ui55), listed further down
        st.info(outcome_counts(objections, OBJECTIONS_HEADING), icon=":material/rate_review:")
    show_cap(round(call.score), call.subscores, [str(f.get("rubric")) for f in call.findings if not f.get("ok")])
    # a step named as the scenario words it now
    show_still_open(report.missed if report is not None else call.missed,
                    withdrawn_points(report, steps, taken) if report is not None else ())
    show_comments(call, comments, viewer, owner)
    contest = own_contest(call, report, scenario, objections, viewer, owner) if report is not None else None
    if report is not None and call.findings:
        # The trainee reading her own call later objects as she could on the live report (ui51): beside a lesson.
        # A withdrawn finding or step is no lesson; the lessons' findings are numbered in `report` for the forms.
        kept = [n for n in range(len(report.findings)) if n not in taken.findings]
        lessons_of = without_withdrawn(report, steps, taken)
        show_lessons(lessons_of, scenario, own=viewer.id == owner.id,
                     contest_one=(lambda number: judged_wrong_beside(contest, report, kept[number])) if contest else None,
                     contest_step=(lambda step: step_done_beside(contest, report, step)) if contest else None)
        if taken:
            st.caption(tr(*LESSONS_WITHDRAWN))
        show_strengths(lessons_of)
    st.markdown("**" + tr("评分依据", "Findings") + "**")
    if not call.findings:
        st.caption(tr("没有记录的评分依据。", "No findings were recorded."))
    for number, finding in enumerate(call.findings):  # as the live report's 全部评分依据 draws them, advice and all
        show_finding(finding.get("turn_index", "?"), str(finding.get("rubric", "")), bool(finding.get("ok")),
                     str(finding.get("quote", "")), saved_advice(finding, steps) if finding.get("advice") else "",
                     withdrawn=number in taken.findings)
    if contest is not None:  # and under the findings, as on the live report's 全部评分依据
        offer_contest(report, lambda numbers: judged_wrong_form(contest, report, numbers))
    if objections:
        st.markdown("**" + tr(*OBJECTIONS_HEADING) + "**")
        show_objections(objections, objector=None if viewer.id == owner.id else owner.display_name)
    st.markdown("**" + tr("通话记录", "Transcript") + "**")
    for utterance in call.transcript:
        agent_spoke = utterance.get("speaker") == "agent"
        who = tr("坐席", "Agent") if agent_spoke else tr("客户", "Customer")
        st.markdown(f"**{who}**{tr('：', ': ')}{escape_markdown(str(utterance.get('text', '')))}")


def own_contest(call: DialogueSummary, report: Report, scenario: Scenario, objections: list[Correction],
                viewer: UserInfo, owner: UserInfo) -> Contest | None:
    """The objections the trainee may still file on her own finished call (none for another reader, or a call not
    ended), what she filed before on it already counted."""
    if viewer.id != owner.id or call.finished_at is None:
        return None
    marked, steps = filed_before(report, scenario, objections)
    decided, decided_steps = filed_before(report, scenario, [o for o in objections if o.status != "open"])
    return Contest(owner.id, scenario, call.id, marked, steps, decided, decided_steps)


def show_comments(call: DialogueSummary, comments: list[Comment], viewer: UserInfo, owner: UserInfo) -> None:
    """Instructors' comments on the call, and a form to add one for those who may."""
    if comments:
        with st.container(border=True):
            st.markdown("**" + tr("培训师评语", "Instructor's comments") + "**")
            for comment in comments:
                st.markdown(escape_markdown(comment.text))
                st.caption(escape_markdown(f"{comment.author_name} · {when_labelled(comment.created_at)}"))
    if not can_comment(viewer, owner):
        return
    with st.form(f"comment_form_{call.id}", clear_on_submit=True):
        text = st.text_area(tr("写评语（坐席会在报告里看到）", "Comment (the agent sees it on the report)"),
                            key=f"comment_text_{call.id}", max_chars=2000)
        if st.form_submit_button(tr("保存评语", "Save the comment")):
            try:
                add_comment(database(), call.id, viewer, text)
            except CommentError as error:
                st.error(tr(error.zh, error.en))
            else:
                st.rerun()
