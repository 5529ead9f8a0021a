"""The sign-in cookie, all of it: its name, the two HTTP routes that set and clear it (served next
to Streamlit by serve.py), asking the browser to call them, and reading it back on a new page load.
What the cookie carries — a signed session token — is made and checked in trainer/users/tokens.py.

A Streamlit script cannot set cookies: it talks to the browser over a websocket. So, right
after a sign-in, the page asks the browser to POST a short-lived signed handoff token here;
this route answers with the session token in an HttpOnly, SameSite=Strict cookie, which
JavaScript cannot read. On every new page load (refresh, browser restart) Streamlit receives
the cookie with the websocket request and `restore_from_cookie` reads it from `st.context.cookies`.
"""

from __future__ import annotations

import json

import streamlit as st
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from settings import Settings
from trainer.store.db import Database
from trainer.users.accounts import UserInfo
from trainer.users.tokens import exchange_handoff, handoff_token, read_session, restore_session, session_seconds

COOKIE_NAME = "agent_trainer_session"
SESSION_PATH = "/api/session"
SIGN_OUT_PATH = "/api/sign-out"
MAX_BODY = 4096
# session_state keys: whether this browser session's cookie was read, and the pending browser call
_COOKIE_CHECKED = "_auth_cookie_checked"
_COOKIE_ACTION = "_auth_cookie_action"


def _secure(request: Request) -> bool:
    """Mark the cookie Secure when the browser reached us over HTTPS (directly or via a proxy)."""
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"


async def set_session_cookie(request: Request) -> Response:
    """Exchange a handoff token (request body) for the session cookie."""
    body = (await request.body())[:MAX_BODY].decode("ascii", errors="replace").strip()
    settings = Settings.from_env()
    token = exchange_handoff(settings, body)
    if token is None:
        return PlainTextResponse("invalid or expired sign-in handoff", status_code=400)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(COOKIE_NAME, token, max_age=int(session_seconds(settings)), path="/",
                        httponly=True, samesite="strict", secure=_secure(request))
    return response


async def clear_session_cookie(request: Request) -> Response:
    """Forget the session cookie in this browser (the sign-out itself is recorded by the app)."""
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


def routes() -> list[Route]:
    return [Route(SESSION_PATH, set_session_cookie, methods=["POST"]),
            Route(SIGN_OUT_PATH, clear_session_cookie, methods=["POST"])]


# ---- inside the Streamlit script ------------------------------------------------------------

def restore_from_cookie(settings: Settings, db: Database) -> UserInfo | None:
    """The user of a valid session cookie, looked at once per browser session."""
    if st.session_state.get(_COOKIE_CHECKED):
        return None
    st.session_state[_COOKIE_CHECKED] = True
    claims = read_session(settings, st.context.cookies.get(COOKIE_NAME))
    return restore_session(db, claims) if claims else None


def keep_cookie(settings: Settings, user: UserInfo) -> None:
    """Have the browser fetch the session cookie for `user` (sent by `send_cookie_action`)."""
    st.session_state[_COOKIE_CHECKED] = True
    st.session_state[_COOKIE_ACTION] = ("set", handoff_token(settings, user.id))


def forget_cookie() -> None:
    """Have the browser drop the session cookie (sent by `send_cookie_action`)."""
    st.session_state[_COOKIE_CHECKED] = True
    st.session_state[_COOKIE_ACTION] = ("clear", "")


def cookie_checked() -> None:
    """Do not read the cookie in this browser session any more (a sign-out with single sign-on)."""
    st.session_state[_COOKIE_CHECKED] = True


def send_cookie_action() -> None:
    """Ask the browser (once) to call the cookie route that sets or clears the HttpOnly cookie.

    require_user() does this on every run; a page that calls remember_sign_in() and carries on
    (without st.rerun) calls it itself."""
    action = st.session_state.pop(_COOKIE_ACTION, None)
    if action is None:
        return
    kind, token = action
    path = SESSION_PATH if kind == "set" else SIGN_OUT_PATH
    st.html(f"<script>fetch({json.dumps(path)}, {{method: 'POST', credentials: 'same-origin', "
            f"headers: {{'Content-Type': 'text/plain'}}, body: {json.dumps(token)}}});</script>",
            unsafe_allow_javascript=True)
