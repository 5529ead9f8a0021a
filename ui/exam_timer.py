"""The exam's countdown for the current reply, redrawn every second on its own (a fragment), so
the chat above it does not flicker. The server still times the reply (trainer.assignments.exam)."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from trainer.assignments.exam import seconds_left
from trainer.clock import utcnow
from ui.i18n import tr


@st.fragment(run_every=1)
def countdown(shown_at: datetime, limit_seconds: int) -> None:
    left = seconds_left(shown_at, utcnow(), limit_seconds)
    if left:
        st.progress(left / limit_seconds, text=tr(f"考试模式：本轮还剩 {left} 秒", f"Exam: {left} s left for this reply"))
    else:
        st.warning(tr(f"已超过每轮 {limit_seconds} 秒的限时：请尽快回复，这一轮会记为回复超时。",
                      f"Over the {limit_seconds} s limit: reply now; this turn counts as too slow."),
                   icon=":material/timer_off:")
