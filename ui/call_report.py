"""The practice-call report that teaches: what to do differently first, then what went well, then
in tabs the turn-by-turn transcript beside the model answers, the mood chart with what moved it,
the full findings, and the trainee's score trend on this scenario. Lessons come from
trainer.dialogue.lessons."""

from __future__ import annotations

from typing import Callable, Sequence

import pandas as pd
import streamlit as st

from trainer.dialogue import lessons
from trainer.dialogue.address_norm import address_note
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.scoring import RED_LINE_CAP, RED_LINES, SUBSCORES, Report, service_not_shown, weighted
from trainer.insights.calls import CallScore
from ui import charts
from ui.display import outcome_name, rubric_name, subscore_name, time_heading, when
from ui.exports import show_chart
from ui.i18n import counted, tr, tr_worded
from ui.render import escape_markdown, mark


CHECKPOINT_RUBRICS = ("checkpoint", "checkpoint_order")  # contested as steps (我说了), not as findings


SCORES_KEY = "report-scores"
# On a narrow window (a phone; Streamlit stacks columns under 640 px) the total, how the call ended and the five
# sub-scores stood one per row, seven rows, and 下次这样做 began two screens down (qa25 P2): there the columns wrap,
# the total and the ending two to a row, the sub-scores three. A laptop keeps its two rows as before.
NARROW_SCORES = f"""<style>@media (max-width: 640px) {{
  .st-key-{SCORES_KEY} [data-testid=stHorizontalBlock] {{flex-flow: row wrap; gap: 0.5rem 1rem}}
  .st-key-{SCORES_KEY} [data-testid=stColumn] {{flex: 1 1 calc(33% - 1rem) !important; min-width: calc(33% - 1rem) !important;
                                              width: calc(33% - 1rem) !important}}
}}</style>"""


# What to do to earn each part of 共情与服务 that a call never showed (scoring.SERVICE_PARTS, by its first behaviour).
SERVICE_ADVICE = {
    "empathy": ("先回应客户的感受，再讲规则，例如“理解您的心情”。",
                "Answer the customer's feelings before the rule, e.g. “I understand how you feel”."),
    "next_step": ("告诉客户接下来怎么办：去哪里办、带什么、多久有结果。",
                  "Tell the customer what happens next: where to apply, what to bring, when to expect an answer."),
    "closing": ("问一句“还有其他可以帮您的吗？”，再礼貌结束。", "Ask “Is there anything else I can help with?”, then close politely."),
    "apology": ("为给客户带来的不便致歉，或问一个问题弄清情况。",
                "Apologise for the trouble, or ask a question to understand the case."),
}


def _quote(text: str) -> str:
    return "“" + escape_markdown(text) + "”"


def show_lessons(report: Report, scenario: Scenario, own: bool = True,
                 contest_one: Callable[[int], None] | None = None,
                 contest_step: Callable[[str], None] | None = None) -> None:
    """The three most important things to do differently, each with the words, why, and better wording.

    `own` is False when the reader is not the agent who made the call (an instructor in 坐席详情 /
    通话报告): the agent's words are then introduced as 坐席说, not 您说 (qa14 #15). `contest_one(number)` draws, under
    a lesson that is a judge's finding, the way to object to that finding (qa22 T4); `contest_step(checkpoint id)`
    the same under a missed step's lesson (qa25 E2: contested in the findings, it was not marked on its lesson).
    """
    found = lessons.do_differently(report, scenario)
    st.markdown("#### " + (tr("下次这样做", "Do differently next time") if own
                           else tr("坐席下次应这样做", "What the agent should do differently")))
    norm = address_note(report.transcript)  # 你 for 您: a note, never a scored fault (qa26 J2)
    if norm:
        st.caption(escape_markdown(tr_worded(norm)))
    unearned, score = service_not_shown(report.findings), report.subscores.get("empathy_service")
    if not found:
        if not unearned or score is None:
            st.success(tr("这通电话没有需要改进的地方。", "Nothing to do differently in this call."))
            return
        # No fault and no missed step, yet 共情与服务 below 100: say which part was never shown (qa26 R1)
        st.info(tr(f"没有出错的地方。{subscore_name('empathy_service')} {score} 分，这些还没有做到：",
                   f"Nothing went wrong. {subscore_name('empathy_service')} is {score}; not shown yet:"))
        _show_unearned(unearned)
        return
    for number, lesson in enumerate(found, start=1):
        with st.container(border=True):
            name = tr("漏掉的要点", "Missed checkpoint") if lesson.rubric == lessons.MISSED_CHECKPOINT else rubric_name(lesson.rubric)
            turn = tr(f"（第{lesson.turn_index}轮）", f" (turn {lesson.turn_index})") if lesson.turn_index else ""
            st.markdown(f"**{number}. {escape_markdown(name)}**{turn}")
            if lesson.said:
                st.markdown((tr("您说：", "You said: ") if own else tr("坐席说：", "The agent said: "))
                            + _quote(lesson.said))
            st.markdown(tr("为什么：", "Why: ") + escape_markdown(tr_worded(lesson.why)))
            if lesson.better:
                # A quote, not st.code: the code block's syntax-highlighter bundle (1.5 MB of script)
                # was loaded and run for these three lines, most of the report's time in the browser.
                st.markdown("> " + tr("更好的说法：", "Better wording: ")
                            + escape_markdown(lesson.better).replace("\n", "\n> "))
            number = _finding_number(report, lesson)
            if contest_one is not None and number is not None:
                contest_one(number)
            if contest_step is not None and lesson.checkpoint:
                contest_step(lesson.checkpoint)
    if unearned and score is not None:
        # Beside lessons too: qa27's reinstatement call read 共情与服务 55 over one lesson (a rude phrase), and nothing
        # said the other 45 points were a next step and an apology or question never shown.
        st.markdown(tr(f"**{subscore_name('empathy_service')} {score} 分**，这些还没有做到：",
                       f"**{subscore_name('empathy_service')} is {score}**; not shown yet:"))
        _show_unearned(unearned)


def _show_unearned(unearned: list[tuple[tuple[str, ...], int]]) -> None:
    """Each part of 共情与服务 the call never showed, its points and how to earn it."""
    for part, points in unearned:
        names = [rubric_name(name) for name in part]
        names = tr("、", ", ").join(names[:-1]) + tr("或", " or ") + names[-1] if len(names) > 1 else names[0]
        st.markdown(f"- **{escape_markdown(names)}**{tr(f'（{points} 分）', f' ({points} points)')}"
                    f"{tr('：', ': ')}{tr(*SERVICE_ADVICE[part[0]])}")


def _finding_number(report: Report, lesson: lessons.Lesson) -> int | None:
    """The place in `report.findings` of the fault a lesson was made from (a missed step is none: it is contested as
    a step, under the findings)."""
    return next((n for n, f in enumerate(report.findings) if not f.ok and f.rubric == lesson.rubric
                 and f.turn_index == lesson.turn_index and f.rubric not in CHECKPOINT_RUBRICS), None)


def _at_turn(turn: int, wrong: tuple[tuple[str, str], ...]) -> str:
    """An example's turn; words that also hold a wrong figure say so beside the credit (polish29)."""
    if not wrong:
        return tr(f"（第{turn}轮）", f" (turn {turn})")
    said = "、".join(f"“{s}”应为{e}" for s, e in wrong)
    said_en = ", ".join(f"“{s}” should be {e}" for s, e in wrong)
    return escape_markdown(tr(f"（第{turn}轮；这一点对，但{said}，见“事实错误”）",
                              f" (turn {turn}; right, but {said_en}: see “Wrong fact”)"))


def show_strengths(report: Report) -> None:
    strengths = lessons.went_well(report)
    st.markdown("#### " + tr("做得好的", "What went well"))
    if not strengths:
        st.caption(tr("这通电话还没有可以肯定的地方。", "Nothing to credit in this call yet."))
        return
    for strength in strengths:
        examples = tr("；", "; ").join(f"{_quote(words)}{_at_turn(turn, strength.wrong_in((turn, words)))}"
                                       for turn, words in strength.examples[:3])
        if len(strength.examples) > 3:  # "完成要点 ×7" beside three quotes read as if the list were whole (qa16)
            examples += tr("等", " and more")
        st.markdown(f"- **{escape_markdown(rubric_name(strength.rubric))}** ×{len(strength.examples)}{tr('：', ': ')}{examples}")


def _credited_note(turn: int) -> str:
    """Beside a behaviour that moved the mood with no finding of that turn: where it was credited, or that it was not
    (qa23 T6: the chart named 共情 at a turn whose findings had none — credited once, at the turn it was first said)."""
    return tr(f"（第{turn}轮已计）", f" (credited at turn {turn})") if turn else tr("（未计分）", " (not credited)")


def _causes(note: lessons.MoodNote, own_only: bool) -> str:
    """What moved the mood at a turn, strongest first: each with where it was credited when that is another turn, or
    (`own_only`, a point's label) only the turn's own findings — the label is cut to the chart's width, and qa25 J8's
    turn 4 read *Answered the question-3, Clarifying qu…*, a finding of turn 2 whose note had been cut off."""
    credited = dict(note.credited_at)
    causes = [(b, d) for b, d in note.causes if not (own_only and b in credited)] or list(note.causes[:1])
    return tr("、", ", ").join(f"{rubric_name(b)}{d:+d}{_credited_note(credited[b]) if b in credited else ''}"
                              for b, d in causes[:2])


def show_mood(report: Report, key: str) -> None:
    """The mood after each reply, each point labelled with the turn's own findings that moved it most; the tooltip
    names every cause, with where a behaviour heard again was credited."""
    turn, mood, why, all_causes = tr("轮次", "Turn"), tr("情绪", "Mood"), tr("原因", "Why"), tr("全部原因", "Everything that moved it")
    rows = []
    for note in lessons.mood_notes(report):
        opening = note.turn_index == 0
        rows.append({turn: note.turn_index, mood: note.mood,
                     why: tr("开场", "opening") if opening else _causes(note, own_only=True),
                     all_causes: tr("开场", "opening") if opening else _causes(note, own_only=False)})
    st.caption(tr("客户情绪变化（0 平静 … 100 愤怒），标注了每轮让情绪变化的原因",
                  "Customer mood over the call (0 calm … 100 furious), with what moved it each turn"))
    show_chart(charts.annotated_line(pd.DataFrame(rows), turn, mood, why, [turn, mood, all_causes]), f"{key}_mood")


def show_turns(report: Report) -> None:
    """Each reply beside the model answer for that point of the call, as plain text blocks (no columns: a
    long call's columns were a large part of the report's drawing time), then the customer's last line.
    A model answer said at another turn of the model call says which (the trainee was a turn behind)."""
    for pair in lessons.turns(report):
        marks = " · ".join([f"{mark(False)} {escape_markdown(rubric_name(r))}" for r in pair.faults]
                           + [f"{mark(True)} {escape_markdown(rubric_name(r))}" for r in pair.good])
        model = (escape_markdown(pair.model) if pair.model else _no_counterpart(pair) if pair.reacting_to
                 else tr("（示范通话到这里已经结束）", "(the model call had ended by this point)"))
        label = (tr("参考说法：", "Model answer: ") if pair.model_turn in (0, pair.turn_index) else
                 tr(f"参考说法（示范通话第{pair.model_turn}轮）：", f"Model answer (turn {pair.model_turn} of the model call): "))
        st.markdown(tr(f"**第{pair.turn_index}轮** · 客户：", f"**Turn {pair.turn_index}** · Customer: ")
                    + escape_markdown(pair.customer_before) + "\n\n"
                    + "> " + tr("您说：", "You said: ") + escape_markdown(pair.said) + (f"  \n> {marks}" if marks else "")
                    + "\n>\n> " + label + model)
    if report.transcript and report.transcript[-1].speaker == "customer":
        st.caption(tr("客户最后说：", "The customer's last words: ") + escape_markdown(report.transcript[-1].text))


def _no_counterpart(pair: lessons.TurnPair) -> str:
    """Beside a customer line that only reacted to the trainee's fault: the model call never heard it."""
    faults = tr("、", ", ").join(f"“{rubric_name(r)}”" for r in pair.reacting_to)
    return escape_markdown(tr(f"（示范通话里没有这句：客户是对您第{pair.turn_index - 1}轮的{faults}作出的反应）",
                              f"(the model call has no line like this: the customer is reacting to your {faults} "
                              f"in turn {pair.turn_index - 1})"))


def show_history(history: list[CallScore], key: str) -> None:
    """The trainee's scores on this scenario over time (finished calls, oldest first; two or more)."""
    when_col, score = time_heading("时间", "When"), tr("得分", "Score")
    frame = pd.DataFrame([{when_col: when(c.finished_at), score: round(c.score)} for c in history])
    show_chart(charts.trend(frame, when_col, score, [when_col, score], domain=(0, 100)), f"{key}_history")
    best = max(c.score for c in history)
    st.caption(tr(f"共练习 {len(history)} 次，最好成绩 {round(best)} 分。", f"{counted(len(history), 'call')}, best score {round(best)}."))


WITHDRAWN = ("已撤回：培训师接受了异议", "withdrawn: the instructor upheld the objection")


def show_finding(turn_index: int | str, rubric: str, ok: bool, quote: str, advice: str, withdrawn: bool = False) -> None:
    """One finding: its mark, turn, behaviour and the quoted words, the advice under it; struck through and said so
    when an instructor upheld the trainee's objection to it (qa28 W1)."""
    line = f"{tr('第', 'Turn ')}{turn_index}{tr('轮', '')} · {escape_markdown(rubric_name(rubric))}" + tr("：", ": ") + _quote(quote)
    st.markdown(f"~~{line}~~ · :gray[{tr(*WITHDRAWN)}]" if withdrawn else f"{mark(ok)} {line}")
    if advice and not withdrawn:
        st.caption(escape_markdown(tr_worded(advice)))


def show_findings(report: Report, contest: Callable[[list[int]], None] | None) -> None:
    for finding in report.findings:
        show_finding(finding.turn_index, finding.rubric, finding.ok, finding.quote, finding.advice)
    offer_contest(report, contest)


def offer_contest(report: Report, contest: Callable[[list[int]], None] | None) -> None:
    """Under the findings: `contest(numbers)`, the form objecting to one of the findings `numbers` (a step's is
    contested as the step), when there is a finding or a missed step to object to."""
    contestable = [n for n, f in enumerate(report.findings) if f.rubric not in CHECKPOINT_RUBRICS]
    if contest is not None and (contestable or report.missed_checkpoints):  # a missed step may be contested too
        contest(contestable)


DETAIL_TABS = (("逐轮对照", "Turn by turn"), ("情绪变化", "Mood"), ("全部评分依据", "All findings"),
               ("练习记录", "Your calls on this scenario"))


@st.fragment
def show_details(report: Report, history: list[CallScore], key: str,
                 contest: Callable[[list[int]], None] | None) -> None:
    """The report's details in tabs under the lessons. Only the chosen tab is drawn (the charts were
    most of the report's time in the browser), and choosing another reruns only this fragment."""
    names = [tr(*pair) for pair in DETAIL_TABS[:4 if len(history) >= 2 else 3]]
    tabs = st.tabs(names, key=f"{key}_tab", on_change="rerun")
    drawers = [lambda: show_turns(report), lambda: show_mood(report, key),
               lambda: show_findings(report, contest), lambda: show_history(history, key)]
    for tab, draw in zip(tabs, drawers):
        if tab.open:
            with tab:
                draw()


def show_outcome(column, outcome: str) -> None:
    """How the call ended, in full. Not a metric: a metric's value is cut to one line
    ("Ended by the agent (unr…" in English). Not labelled 结果/Outcome: that is the name of the outcome's
    sub-score beside it, so the English report showed two "Outcome"s, one with 0 (qa12)."""
    column.caption(tr("结束方式", "How the call ended"))
    column.markdown(f"**{escape_markdown(outcome_name(outcome))}**")


def show_cap(score: int, subscores: dict[str, int], faults: list[str]) -> None:
    """Why the score is below its sub-scores: a red-line fault (of `faults`, the rubrics judged wrong) caps the total
    (qa24: 总分 50 beside sub-scores that come to 82, and nothing on the report said why)."""
    lines = [rubric for rubric in RED_LINES if rubric in faults]
    if not lines or any(name not in subscores for name in SUBSCORES):
        return  # no cap, or a call saved before all five sub-scores were kept
    uncapped = weighted(subscores)
    if score >= uncapped:
        return
    names = tr("、", ", ").join(rubric_name(rubric) for rubric in lines)
    st.caption(tr(f"总分最高 {RED_LINE_CAP} 分：这通电话有红线行为（{names}）。各项按权重合计为 {uncapped} 分。",
                  f"The score is capped at {RED_LINE_CAP}: this call has a red-line fault ({names}). "
                  f"The sub-scores by their weights come to {uncapped}."))


def show_still_open(missed: list[str], withdrawn: Sequence[bool] = ()) -> None:
    """What the call left open (a question not answered or answered wrongly, a step not done): the live report and
    a saved call's report list it the same way. A point an instructor withdrew since (`withdrawn`, one flag per point:
    a step accepted as done, a question the judge wrongly said was ignored) is struck through and says so."""
    if missed:
        st.markdown("**" + tr("还没解决的", "Still open") + "**")
        for item, gone in zip(missed, [*withdrawn, *[False] * (len(missed) - len(withdrawn))]):
            text = escape_markdown(tr_worded(item))
            st.markdown(f"- ~~{text}~~ · :gray[{tr(*WITHDRAWN)}]" if gone else f"- {text}")


def show_call_report(report: Report, scenario: Scenario, history: list[CallScore], key: str,
                     contest: Callable[[list[int]], None] | None = None,
                     contest_one: Callable[[int], None] | None = None,
                     contest_step: Callable[[str], None] | None = None) -> None:
    """The whole report, lessons first; `contest(numbers)` adds one form under the findings for objecting
    to one of them (the judged-wrong form): one form, not one per finding, keeps a long report quick to draw."""
    st.subheader(tr("通话报告", "Call report"))
    st.html(NARROW_SCORES)
    with st.container(key=SCORES_KEY):
        score_col, outcome_col = st.columns(2)
        score_col.metric(tr("总分", "Score"), report.score)
        show_outcome(outcome_col, report.outcome)
        for column, name in zip(st.columns(len(SUBSCORES)), SUBSCORES):
            column.metric(subscore_name(name), report.subscores[name])
    show_cap(report.score, report.subscores, [f.rubric for f in report.findings if not f.ok])
    show_still_open(report.missed)
    show_lessons(report, scenario, contest_one=contest_one, contest_step=contest_step)
    show_strengths(report)
    st.markdown("#### " + tr("详情", "Details"))
    show_details(report, history, key, contest)
