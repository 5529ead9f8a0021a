"""Who is using this browser session, and whether they may see the current page.

Every page calls `require_user(...)` at its top, through `ui.pages.require_page_user`: the check runs in the page itself, so typing
a page's URL cannot get around it. Nobody signed in → the sign-in form (or, while there is no
administrator, the one-time "create the administrator" form); wrong role → "no access";
temporary password → the change-password form first.

The signed-in user lives in `st.session_state["user"]`, and the id of its server-side session
(trainer/users/sessions.py) next to it. The session is checked against the store on every run,
so signing out in another tab, disabling the account, a password change and expiry take
effect in every open tab at its next click. An HttpOnly cookie (set by the routes in
ui/session_cookie.py) brings the session back after a page refresh or a browser restart. With
settings.auth == "oidc" the company's single sign-on (st.login) identifies the user instead,
matched to an account by e-mail = login.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

from trainer.users import signin
from trainer.users.accounts import ROLES, UserInfo, account_by_id, admin_exists, get_account
from trainer.users.sessions import check_session, start_session
from ui.session_cookie import cookie_checked, forget_cookie, keep_cookie, send_cookie_action, session_from_cookie
from ui.display import role_name
from ui.i18n import adopt_user_language, tr
from ui.render import escape_markdown
from ui.resources import database, settings
from ui.signin import change_password_form, first_admin_form, sign_in_form

AGENT, INSTRUCTOR, ADMIN = ROLES
EVERYONE = ROLES
STAFF = (INSTRUCTOR, ADMIN)

USER_KEY = "user"
SESSION_KEY = "_auth_session_id"
PASSWORD_CHANGED_KEY = "_password_changed"  # set by the forced change, shown once on the page that follows


def _oidc() -> bool:
    return settings().auth == "oidc"


def current_user() -> UserInfo | None:
    """The signed-in user of this session, if any (restored from the cookie or SSO on first use)."""
    user = st.session_state.get(USER_KEY)
    if user is None:
        if _oidc():
            user = _from_single_sign_on()
        else:
            live = session_from_cookie(settings(), database())
            if live is not None:
                st.session_state[SESSION_KEY] = live.id
                user = live.user
        if user is not None:
            st.session_state[USER_KEY] = user
    return user


def _from_single_sign_on() -> UserInfo | None:
    if not st.user.is_logged_in:
        return None
    account = get_account(database(), str(st.user.get("email") or ""))
    return account.info if account and not account.disabled else None


def remember_sign_in(user: UserInfo) -> None:
    """Make `user` this session's user and have the browser keep the sign-in (cookie)."""
    st.session_state[USER_KEY] = user
    adopt_user_language(user.id)
    if _oidc():
        cookie_checked()
    else:
        started = start_session(database(), settings(), user.id)
        st.session_state[SESSION_KEY] = started.id
        keep_cookie(started.handoff)


def sign_out() -> None:
    """End this sign-in: here, in the browser's cookie, and every other session of the account."""
    user = st.session_state.pop(USER_KEY, None)
    st.session_state.pop(SESSION_KEY, None)
    if _oidc():
        cookie_checked()
        st.logout()
        return
    if user is not None:
        signin.sign_out(database(), user)
    forget_cookie()


def _signed_out_screen() -> None:
    """What someone who is not signed in sees instead of the page."""
    st.title(tr("坐席陪练", "Agent Trainer"))
    if _oidc():
        if st.user.is_logged_in:
            st.error(tr(f"单点登录账户 {st.user.get('email', '')} 尚未开通或已停用，请联系管理员。",
                        f"The single sign-on account {st.user.get('email', '')} has no enabled account here; "
                        "please contact an administrator."))
            if st.button(tr("退出单点登录", "Sign out of single sign-on")):
                st.logout()
        elif st.button(tr("使用公司账户登录", "Sign in with the company account"), type="primary"):
            st.login()
        return
    if not admin_exists(database()):
        user = first_admin_form()
        if user is not None:
            remember_sign_in(user)
            st.rerun()
        return
    signed_in = sign_in_form()
    if signed_in is not None:
        remember_sign_in(signed_in[0])
        st.rerun()


def _still_allowed(user: UserInfo) -> tuple[UserInfo | None, bool]:
    """The user as the store has them now (role changes apply at once), and whether they must
    change their password; None when the session was ended or expired or the account disabled."""
    session_id = st.session_state.get(SESSION_KEY)
    if session_id is not None:
        live = check_session(database(), session_id)
        if live is None:
            return None, False
        if live.user != user:
            st.session_state[USER_KEY] = live.user
        return live.user, live.must_change_password
    account = account_by_id(database(), user.id)  # a user set without a session (tests, scripts)
    if account is None:  # a session user without a stored account (tests, scripts): as given
        return user, False
    if account.disabled:
        return None, False
    if account.info != user:
        st.session_state[USER_KEY] = account.info
    return account.info, account.must_change_password


Params = ParamSpec("Params")


def signed_in_only(callback: Callable[Params, None]) -> Callable[Params, None]:
    """A widget callback that does nothing once this tab's sign-in is no longer valid.

    Streamlit runs `on_click`/`on_change` callbacks before the page script, so the page's own
    `require_user` check comes too late for them: without this guard, a quiz started after signing
    out in another tab (or after the account was disabled) would still be created. The page run
    that follows then shows the signed-out screen as usual.
    """
    @functools.wraps(callback)
    def guarded(*args: Params.args, **kwargs: Params.kwargs) -> None:
        user = current_user()
        if user is None or _still_allowed(user)[0] is None:
            return
        callback(*args, **kwargs)
    return guarded


def _ended_elsewhere() -> None:
    """The session ended outside this tab (sign-out elsewhere, password change, disabled, expired)."""
    st.session_state.pop(USER_KEY, None)
    st.session_state.pop(SESSION_KEY, None)
    forget_cookie()
    st.warning(tr("您已退出登录：登录已过期、已在其他地方退出、密码已更改或账户已停用。请重新登录。",
                  "You have been signed out: the sign-in expired, was ended elsewhere, the password changed or the "
                  "account was disabled. Please sign in again."))


def _account_sidebar(user: UserInfo) -> None:
    who = f"{user.display_name} · {role_name(user.role)}" + (f" · {user.team}" if user.team else "")
    st.sidebar.caption(escape_markdown(who))
    if st.sidebar.button(tr("退出登录", "Sign out"), key="sign_out", icon=":material/logout:"):
        sign_out()
        st.rerun()


def require_user(*roles: str) -> UserInfo:
    """The current user if they hold one of `roles` (default: any role); otherwise stop the page."""
    user, must_change = current_user(), False
    if user is not None:
        user, must_change = _still_allowed(user)
        if user is None:
            _ended_elsewhere()
    send_cookie_action()
    if user is None:
        _signed_out_screen()
        st.stop()
    _account_sidebar(user)
    if must_change and not _oidc():
        if change_password_form(user, forced=True):
            remember_sign_in(user)
            st.session_state[PASSWORD_CHANGED_KEY] = True
            st.rerun()
        st.stop()
    if st.session_state.pop(PASSWORD_CHANGED_KEY, False):
        # qa15 #11: the agent was moved on to the page without a word, unsure the new password had been kept.
        st.success(tr("密码已修改。以后请用新密码登录。", "Your password was changed. Sign in with the new one from now on."),
                   icon=":material/check_circle:")
    if roles and user.role not in roles:
        allowed = tr("、", ", ").join(role_name(role) for role in roles)
        st.error(tr(f"无权访问：此页面仅对{allowed}开放。如需访问，请联系管理员。",
                    f"No access: this page is for {allowed} only. Ask an administrator if you need it."),
                 icon=":material/block:")
        st.stop()
    return user
