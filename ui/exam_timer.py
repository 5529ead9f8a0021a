"""The exam's countdown for the current reply. It ticks in the browser (a small inline script in
its own frame), so an exam costs the server no rerun per second; the server still times each
reply itself (trainer.assignments.exam), so the countdown is a guide, not the rule."""

from __future__ import annotations

import json
from datetime import datetime

import streamlit as st

from trainer.assignments.exam import seconds_left
from trainer.clock import utcnow
from ui.i18n import tr

SCRIPT = """<style>html, body {overflow: hidden}</style>
<div id="t" style="font: 14px sans-serif; color: #31333f; display: flex; gap: 8px; align-items: center">
<div style="flex: 1; height: 6px; background: #eee; border-radius: 3px"><div id="b" style="height: 6px; border-radius: 3px;
background: #ff4b4b; width: 100%"></div></div><span id="s"></span></div>
<script>
let left = __LEFT__; const limit = __LIMIT__, texts = __TEXTS__;
function draw() {
  document.getElementById("s").textContent = left > 0 ? texts.left.replace("{n}", left) : texts.over;
  document.getElementById("b").style.width = (100 * Math.max(left, 0) / limit) + "%";
}
draw();
const timer = setInterval(() => { left -= 1; draw(); if (left <= 0) clearInterval(timer); }, 1000);
</script>"""


def countdown(shown_at: datetime, limit_seconds: int) -> None:
    """The time left for this reply, counting down in the browser."""
    left = seconds_left(shown_at, utcnow(), limit_seconds)
    st.caption(tr("超过限时的回复会记为“回复超时”，客户也会更不耐烦。",
                  "A reply over the time limit counts as too slow, and the customer grows impatient."))
    texts = {"left": tr("本轮还剩 {n} 秒", "{n} s left"), "over": tr("已超时，请尽快回复", "Over the limit: reply now")}
    # st.iframe names its frame (title) for a screen reader, which said "frame" for components.html's (polish34)
    st.iframe(SCRIPT.replace("__LEFT__", str(left)).replace("__LIMIT__", str(limit_seconds))
              .replace("__TEXTS__", json.dumps(texts, ensure_ascii=False)), height=30, alt=tr("本轮倒计时", "This turn's countdown"))
