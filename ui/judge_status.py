"""When accepted judge corrections take effect, told truthfully to the instructor (qa14 #9)."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from trainer.dialogue.refresh import RefreshStatus
from ui.i18n import tr
from ui.render import escape_markdown

POLL_SECONDS = 5  # how often a load or retrain in progress is looked at again while the page is open
RETRAIN_KEY = "judge_retrain"


def judge_status_panel(status_of: Callable[[], RefreshStatus], retrain: Callable[[], RefreshStatus]) -> None:
    """The judge's state, kept current while it retrains, with 重新训练 after a failure.

    Only the panel reruns while a training runs (a fragment), so the instructor's choices in the
    queue below are not disturbed; when the state changes the whole page reruns once.
    """
    shown = status_of()

    @st.fragment(run_every=POLL_SECONDS if shown.state in ("loading", "training") else None)
    def panel() -> None:
        status = status_of()
        if status.state != shown.state:
            st.rerun()
        show_judge_status(status)
        if status.state == "failed" and st.button(tr("重新训练", "Retrain"), key=RETRAIN_KEY,
                                                  icon=":material/refresh:"):
            retrain()
            st.rerun()

    panel()


def show_judge_status(status: RefreshStatus) -> None:
    """Loading, retraining, failed (the previous judge still serves), or nothing to say when calls are current."""
    if status.state == "loading":  # a saved judge being read (seconds): no retraining to announce
        st.caption(tr("正在载入评判模型（几秒钟）。", "Loading the call judge (a few seconds)."))
    elif status.state == "training":
        st.info(tr("正在后台重新训练评判模型（约几分钟），完成后新通话生效；在此之前开始的通话仍使用原评判模型。",
                   "Retraining the call judge in the background (a few minutes). Calls started after it is done "
                   "use the accepted corrections; calls started before keep the previous judge."),
                icon=":material/model_training:")
    elif status.state == "failed":
        st.error(tr("重新训练评判模型失败，通话仍使用原评判模型（已接受的纠错尚未生效）。可点“重新训练”再试；"
                    "如仍失败，请联系管理员查看日志：",
                    "Retraining the call judge failed; calls keep the previous judge (the accepted corrections are "
                    "not in effect yet). Press Retrain to try again; if it fails again, ask the administrator to "
                    "check the log: ")
                 + escape_markdown(status.error or ""), icon=":material/error:")
