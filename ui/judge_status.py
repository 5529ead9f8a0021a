"""When accepted judge corrections take effect, told truthfully to the instructor (qa14 #9)."""

from __future__ import annotations

import streamlit as st

from trainer.dialogue.refresh import RefreshStatus
from ui.i18n import tr
from ui.render import escape_markdown


def show_judge_status(status: RefreshStatus) -> None:
    """Retraining, failed (the previous judge still serves), or nothing to say when calls are current."""
    if status.state == "training":
        st.info(tr("正在后台重新训练评判模型（约几分钟），完成后新通话生效；在此之前开始的通话仍使用原评判模型。",
                   "Retraining the call judge in the background (a few minutes). Calls started after it is done "
                   "use the accepted corrections; calls started before keep the previous judge."),
                icon=":material/model_training:")
    elif status.state == "failed":
        st.error(tr("重新训练评判模型失败，通话仍使用原评判模型（已接受的纠错尚未生效）。请联系管理员查看日志：",
                    "Retraining the call judge failed; calls keep the previous judge (the accepted corrections are "
                    "not in effect yet). Ask the administrator to check the log: ")
                 + escape_markdown(status.error or ""), icon=":material/error:")
