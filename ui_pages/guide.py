"""使用指南 — where to start: what each page is for and the first three things to do, for the user's role."""

from __future__ import annotations

import streamlit as st

from ui.guide import show_guide
from ui.i18n import tr
from ui.pages import require_page_user

user = require_page_user(__file__)

st.title(tr("使用指南", "Guide"))
st.caption(tr("每个页面做什么，以及从哪里开始。左侧菜单随时可以回到这里。",
              "What each page is for, and where to start. The menu on the left brings you back here at any time."))
show_guide(user.role)
