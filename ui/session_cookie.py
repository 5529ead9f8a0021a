"""The sign-in cookie, all of it: its name, the two HTTP routes that set and clear it (served next
to Streamlit by serve.py), asking the browser to call them, and reading it back on a new page load.
What the cookie stands for — a server-side session — is kept in trainer/users/sessions.py.

A Streamlit script cannot set cookies: it talks to the browser over a websocket. So, right
after a sign-in, the page asks the browser to POST a one-time handoff code here; this route
answers with the session's secret in an HttpOnly, SameSite=Strict cookie, which JavaScript
cannot read. On every new page load (refresh, browser restart) Streamlit receives the cookie
with the websocket request and `session_from_cookie` looks it up.

The routes are reachable without signing in, so they trust nothing: a body longer than
MAX_BODY is refused by its Content-Length before reading and never read past the limit
otherwise; a request whose Origin is not this server (login CSRF from another site or another
port) is refused; a handoff code works once.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import streamlit as st
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from settings import Settings
from trainer.store.db import Database
from ui.resources import database, settings
from trainer.users.sessions import LiveSession, end_session_of_cookie, exchange_handoff, session_of_cookie, session_seconds

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


def same_origin(request: Request) -> bool:
    """Whether the request comes from a page of this very server (scheme-independent host:port match).

    Browsers send Origin with every POST made by fetch(); a page on another site or on another
    port of this host sends its own origin, and a request without one is not our page's."""
    origin = request.headers.get("origin", "")
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return bool(origin and host) and urlsplit(origin).netloc.lower() == host.lower()


async def read_limited(request: Request, limit: int = MAX_BODY) -> bytes | None:
    """The body if it is at most `limit` bytes, else None — read in chunks and abandoned past the limit."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _refused(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status, headers={"Cache-Control": "no-store"})


def _store() -> tuple[Settings, Database]:
    """The process's settings and database (the same cached engine the app's pages use)."""
    return settings(), database()


async def set_session_cookie(request: Request) -> Response:
    """Exchange a one-time handoff code (request body) for the session cookie."""
    if not same_origin(request):
        return _refused(403, "cross-origin sign-in refused")
    body = await read_limited(request)
    if body is None:
        return _refused(413, "request body too large")
    settings, db = _store()
    cookie = exchange_handoff(db, settings, body.decode("ascii", errors="replace").strip())
    if cookie is None:
        return _refused(400, "invalid, used or expired sign-in handoff")
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(COOKIE_NAME, cookie, max_age=int(session_seconds(settings)), path="/",
                        httponly=True, samesite="strict", secure=_secure(request))
    return response


async def clear_session_cookie(request: Request) -> Response:
    """End this browser's session and forget its cookie (same-origin requests only)."""
    if not same_origin(request):
        return _refused(403, "cross-origin sign-out refused")
    if await read_limited(request) is None:
        return _refused(413, "request body too large")
    settings, db = _store()
    end_session_of_cookie(db, settings, request.cookies.get(COOKIE_NAME))
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


def routes() -> list[Route]:
    return [Route(SESSION_PATH, set_session_cookie, methods=["POST"]),
            Route(SIGN_OUT_PATH, clear_session_cookie, methods=["POST"])]


# ---- inside the Streamlit script ------------------------------------------------------------

def session_from_cookie(settings: Settings, db: Database) -> LiveSession | None:
    """The live session of this browser's cookie, looked at once per browser session."""
    if st.session_state.get(_COOKIE_CHECKED):
        return None
    st.session_state[_COOKIE_CHECKED] = True
    return session_of_cookie(db, settings, st.context.cookies.get(COOKIE_NAME))


def keep_cookie(handoff: str) -> None:
    """Have the browser fetch the session cookie with this handoff code (sent by `send_cookie_action`)."""
    st.session_state[_COOKIE_CHECKED] = True
    st.session_state[_COOKIE_ACTION] = ("set", handoff)


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
