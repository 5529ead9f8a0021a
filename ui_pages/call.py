"""通话报告 — one saved practice call: score, findings, transcript and the instructors' comments.

Opened from 我的进度 or an agent's page with ?id=<call>; an agent sees only their own calls,
an instructor those of the agents they may see (trainer.insights.access).
"""

from __future__ import annotations

import streamlit as st

from trainer.dialogue.store import get_dialogue_record
from trainer.insights.access import can_view
from trainer.insights.comments import comments_for
from trainer.users.accounts import account_by_id
from ui.call_view import show_saved_call
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database

user = require_page_user(__file__)
db = database()
st.title(tr("通话报告", "Call report"))

raw = st.query_params.get("id", "")
call = get_dialogue_record(db, int(raw)) if raw.isdigit() else None
owner = account_by_id(db, call.user_id) if call else None
if call is None or owner is None or not can_view(user, owner.info):
    # The same answer for a missing call and someone else's: ids reveal nothing.
    st.warning(tr("找不到这次通话，或您无权查看。请从“我的进度”打开通话报告。",
                  "This call does not exist or is not yours to see. Open call reports from My progress."))
    st.page_link("ui_pages/progress.py", label=tr("我的进度", "My progress"), icon=":material/trending_up:")
    st.stop()

if owner.info.id != user.id:
    st.caption(escape_markdown(tr(f"坐席：{owner.info.display_name}（{owner.info.team or '未分组'}）",
                                  f"Agent: {owner.info.display_name} ({owner.info.team or 'no team'})")))
show_saved_call(call, comments_for(db, [call.id]).get(call.id, []), user, owner.info)
