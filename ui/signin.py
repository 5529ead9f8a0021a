"""The account forms: sign in, create the first administrator, change a password.

Each form only talks to trainer.users.signin / trainer.users.accounts and returns what happened; keeping the
browser session (session state, cookie) is ui.session's job.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

import streamlit as st

from trainer.users.signin import authenticate
from trainer.users.accounts import (AccountError, UserInfo, change_password, create_first_admin,
                                    replace_temporary_password)
from ui.i18n import tr
from ui.limits import PASSWORD_CHARS
from ui.resources import database, settings


SUBMITTED = "_sign_in_submitted"
SENT_KEYS = ("sign_in_login", "sign_in_password", "sign_in_unlock_code")
EMPTIED_KEYS = ("sign_in_password",)


def _take_submission() -> None:
    """The submit button's callback: note what was sent, then empty the password only, so after a
    wrong password the login is still there (clear_on_submit emptied it too), and so is the unlock
    code: a wrong password does not use it up, and retyping a code read off the administrator's
    screen is what the agent should not have to do (polish16 left it emptied with the password).
    A callback, because a widget's value can only be set before the widget is drawn."""
    st.session_state[SUBMITTED] = tuple(st.session_state.get(key, "") for key in SENT_KEYS)
    for key in EMPTIED_KEYS:
        st.session_state[key] = ""


def sign_in_form() -> tuple[UserInfo, bool] | None:
    """The sign-in form; (user, must change password) once the login and password are right."""
    st.subheader(tr("登录", "Sign in"))
    with st.form("sign-in"):
        st.text_input(tr("登录名", "Login"), key="sign_in_login", max_chars=64)
        st.text_input(tr("密码", "Password"), type="password", max_chars=PASSWORD_CHARS, key="sign_in_password")
        with st.expander(tr("有解锁码？", "Have an unlock code?")):
            st.text_input(tr("解锁码（管理员在服务器上用 unlock 命令生成）",
                             "Unlock code (from the server's `unlock` command)"),
                          key="sign_in_unlock_code", max_chars=64)
        st.form_submit_button(tr("登录", "Sign in"), type="primary", on_click=_take_submission)
    submitted = st.session_state.pop(SUBMITTED, None)
    if submitted is None:
        return None
    login, password, unlock_code = submitted
    if not login.strip() or not password:  # Enter in the login box sends the form: not a failed attempt
        st.error(tr("请输入登录名和密码。", "Enter your login and your password."))
        return None
    result = authenticate(database(), settings(), login, password, address=client_address(), unlock_code=unlock_code)
    if not result.ok:
        st.error(tr(*result.message(settings().timezone)))
        return None
    return result.user, result.must_change_password


def client_address() -> str | None:
    """The browser's network address as the server sees it (a proxy's, behind one), for the per-address limit."""
    try:
        address = st.context.ip_address
    except Exception:  # no address outside a served app
        return None
    return address if isinstance(address, str) else None


def first_admin_form() -> UserInfo | None:
    """The one-time "create the administrator" form shown while no administrator exists."""
    st.subheader(tr("首次使用：创建管理员账户", "First run: create the administrator"))
    st.info(tr("系统中还没有管理员。请创建第一个管理员账户；之后可在“用户管理”页面添加坐席和培训师。",
               "There is no administrator yet. Create the first one; agents and instructors are added on the "
               "Users page afterwards."))
    with st.form("first-admin"):
        name = st.text_input(tr("姓名", "Name"), key="first_admin_name", max_chars=128)
        login = st.text_input(tr("登录名", "Login"), key="first_admin_login", max_chars=64)
        team = st.text_input(tr("班组（可选）", "Team (optional)"), key="first_admin_team", max_chars=64)
        password = st.text_input(tr("密码", "Password"), type="password", max_chars=PASSWORD_CHARS, key="first_admin_password")
        repeat = st.text_input(tr("确认密码", "Repeat the password"), type="password", max_chars=PASSWORD_CHARS, key="first_admin_repeat")
        submitted = st.form_submit_button(tr("创建并登录", "Create and sign in"), type="primary")
    if not submitted or not _carried_out(password, repeat, partial(create_first_admin, database(), login, name,
                                                                   password, team)):
        return None
    return authenticate(database(), settings(), login, password).user


def change_password_form(user: UserInfo, forced: bool = False) -> bool:
    """Change `user`'s own password; True once it is changed. `forced`: right after signing in
    with a temporary password, which is therefore not asked for again."""
    if forced:
        st.warning(tr("您正在使用临时密码，请先设置新密码。", "You are using a temporary password: set a new one first."))
    with st.form("change-password", clear_on_submit=True):
        current = "" if forced else st.text_input(tr("当前密码", "Current password"), type="password", max_chars=PASSWORD_CHARS, key="change_current")
        new = st.text_input(tr("新密码", "New password"), type="password", max_chars=PASSWORD_CHARS, key="change_new")
        repeat = st.text_input(tr("确认新密码", "Repeat the new password"), type="password", max_chars=PASSWORD_CHARS, key="change_repeat")
        submitted = st.form_submit_button(tr("修改密码", "Change password"), type="primary")
    change = (partial(replace_temporary_password, database(), user.login, new) if forced
              else partial(change_password, database(), user.login, current, new))
    return submitted and _carried_out(new, repeat, change)


def _carried_out(password: str, repeat: str, action: Callable[[], object]) -> bool:
    """Run `action` if the password was typed the same twice; otherwise, or if it fails, say why."""
    if password != repeat:
        st.error(tr("两次输入的密码不一致。", "The two passwords differ."))
        return False
    try:
        action()
    except AccountError as error:
        st.error(tr(error.zh, error.en))
        return False
    return True
