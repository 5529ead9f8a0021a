"""我的账户 — who am I signed in as, and change my own password."""

from __future__ import annotations

import streamlit as st

from ui.display import role_name
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import settings
from ui.session import remember_sign_in
from ui.session_cookie import send_cookie_action
from ui.signin import change_password_form

user = require_page_user(__file__)

st.title(tr("我的账户", "My account"))
st.markdown(f"**{escape_markdown(user.display_name)}** · `{user.login}` · {role_name(user.role)}"
            + (f" · {escape_markdown(user.team)}" if user.team else ""))

st.subheader(tr("修改密码", "Change password"))
if settings().auth == "oidc":
    st.info(tr("本系统使用公司单点登录，密码请在公司账户中修改。",
               "This app uses the company's single sign-on: change your password in the company account."))
elif change_password_form(user):
    remember_sign_in(user)  # the change ended older sessions; keep this browser signed in
    send_cookie_action()
    st.success(tr("密码已修改。其他设备上的登录已失效。", "Password changed. Sign-ins on other devices have ended."))
