"""Who is using this browser session, and whether they may see the current page.

Every page calls `require_user(...)` at its top: the check runs in the page itself, so typing
a page's URL cannot get around it. Until sign-in exists (accounts issue) a user is identified
by the name they type, remembered in the session, and has the agent role.
"""

from __future__ import annotations


import streamlit as st

from trainer.users import UserInfo, get_or_create_by_name
from ui.i18n import tr
from ui.resources import database

AGENT, INSTRUCTOR, ADMIN = "agent", "instructor", "admin"
EVERYONE = (AGENT, INSTRUCTOR, ADMIN)
STAFF = (INSTRUCTOR, ADMIN)


def current_user() -> UserInfo | None:
    """The signed-in user of this session, if any."""
    return st.session_state.get("user")


def sign_out() -> None:
    st.session_state.pop("user", None)


def _ask_for_name() -> None:
    st.info(tr("请输入您的姓名开始训练。", "Enter your name to start training."))
    with st.form("who-are-you"):
        name = st.text_input(tr("姓名", "Name"), max_chars=64)
        if st.form_submit_button(tr("开始", "Start")):
            if not name.strip():
                st.error(tr("姓名不能为空。", "The name cannot be empty."))
            else:
                st.session_state["user"] = get_or_create_by_name(database(), name.strip())
                st.rerun()


def require_user(*roles: str) -> UserInfo:
    """The current user if they hold one of `roles` (default: any role); otherwise stop the page."""
    user = current_user()
    if user is None:
        _ask_for_name()
        st.stop()
    if roles and user.role not in roles:
        st.error(tr("无权访问：此页面仅限", "No access: this page is for ") + ", ".join(roles))
        st.stop()
    return user
