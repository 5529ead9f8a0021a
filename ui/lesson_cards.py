"""A saved call's lessons as an instructor reads them in 坐席详情 / 通话报告 (qa14 #15).

The live report (`ui.call_report.show_lessons`) speaks to the trainee: 您说：“…”. An instructor
reading another agent's call was addressed as if the words were theirs, so here the agent's
words are introduced as 坐席说 / The agent said. The agent reading their own saved call keeps 您说.
"""

from __future__ import annotations

import streamlit as st

from trainer.dialogue import lessons
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.scoring import Report
from ui.call_report import show_lessons
from ui.display import rubric_name
from ui.i18n import tr, tr_worded
from ui.render import escape_markdown


def show_lessons_to(report: Report, scenario: Scenario, own: bool) -> None:
    """The report's lessons; `own` False when the reader is not the agent who made the call."""
    if own:
        show_lessons(report, scenario)
        return
    found = lessons.do_differently(report, scenario)
    st.markdown("#### " + tr("坐席下次应这样做", "What the agent should do differently"))
    if not found:
        st.success(tr("这通电话没有需要改进的地方。", "Nothing to do differently in this call."))
    for number, lesson in enumerate(found, start=1):
        with st.container(border=True):
            name = tr("漏掉的要点", "Missed checkpoint") if lesson.rubric == lessons.MISSED_CHECKPOINT else rubric_name(lesson.rubric)
            turn = tr(f"（第{lesson.turn_index}轮）", f" (turn {lesson.turn_index})") if lesson.turn_index else ""
            st.markdown(f"**{number}. {escape_markdown(name)}**{turn}")
            if lesson.said:
                st.markdown(tr("坐席说：", "The agent said: ") + "“" + escape_markdown(lesson.said) + "”")
            st.markdown(tr("为什么：", "Why: ") + escape_markdown(tr_worded(lesson.why)))
            if lesson.better:
                st.markdown("> " + tr("更好的说法：", "Better wording: ")
                            + escape_markdown(lesson.better).replace("\n", "\n> "))
