"""Two small HTTP routes that set and clear the sign-in cookie (served next to Streamlit by serve.py).

A Streamlit script cannot set cookies: it talks to the browser over a websocket. So, right
after a sign-in, the page asks the browser to POST a short-lived signed handoff token here;
this route answers with the session token in an HttpOnly, SameSite=Strict cookie, which
JavaScript cannot read. On every new page load (refresh, browser restart) Streamlit receives
the cookie with the websocket request and `ui.session` reads it from `st.context.cookies`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from settings import Settings
from trainer.users.signin import COOKIE_NAME, exchange_handoff, session_seconds

SESSION_PATH = "/api/session"
SIGN_OUT_PATH = "/api/sign-out"
MAX_BODY = 4096


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
