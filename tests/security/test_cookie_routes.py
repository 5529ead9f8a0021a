"""Finding 6 (Medium) and the login-CSRF finding: the unauthenticated cookie routes read at most
4 KB, refuse other origins, and take each handoff code once; sign-out ends the session server-side."""

from __future__ import annotations

import asyncio

import pytest
from starlette.requests import Request

from trainer.store.db import Database
from trainer.users import sessions
from trainer.users.accounts import create_user
from ui.session_cookie import COOKIE_NAME, MAX_BODY, SESSION_PATH, clear_session_cookie, set_session_cookie

SAME = {"origin": "http://localhost:8501", "host": "localhost:8501"}


@pytest.fixture
def routes_env(app_env, monkeypatch):
    return app_env


@pytest.fixture
def route_db(routes_env) -> Database:
    database = Database(routes_env.resolved_database_url)
    yield database
    database.dispose()


def call(endpoint, chunks, headers: dict[str, str]):
    """Call a route as uvicorn would, feeding the body chunk by chunk; returns (response, chunks read)."""
    read = []

    async def receive():
        chunk = next(chunks, None)
        read.append(chunk)
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    scope = {"type": "http", "method": "POST", "path": SESSION_PATH, "scheme": "http", "query_string": b"",
             "server": ("localhost", 8501), "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    return asyncio.run(endpoint(Request(scope, receive))), len(read)


def endless(size: int = 65_536):
    while True:
        yield b"A" * size


def a_handoff(env, db) -> str:
    user = create_user(db, "li.na", "李娜", "agent")
    return sessions.start_session(db, env, user.id).handoff


def test_a_huge_declared_body_is_refused_without_reading_it(routes_env):
    response, read = call(set_session_cookie, endless(), {**SAME, "content-length": str(200 * 2**20)})
    assert response.status_code == 413 and read == 0


def test_a_huge_chunked_body_is_abandoned_at_the_limit(routes_env):
    """The attack: four parallel 200 MB POSTs took the app from 331 MB to 1.3 GB."""
    response, read = call(set_session_cookie, endless(), dict(SAME))
    assert response.status_code == 413 and read * 65_536 <= MAX_BODY + 65_536


@pytest.mark.parametrize("origin", ["http://localhost:9999", "http://evil.example", "null", ""])
def test_a_sign_in_from_another_origin_or_port_is_refused(routes_env, route_db, origin):
    headers = {"host": "localhost:8501", **({"origin": origin} if origin else {})}
    response, _ = call(set_session_cookie, iter([a_handoff(routes_env, route_db).encode()]), headers)
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_a_handoff_code_works_once(routes_env, route_db):
    code = a_handoff(routes_env, route_db).encode()
    first, _ = call(set_session_cookie, iter([code]), dict(SAME))
    second, _ = call(set_session_cookie, iter([code]), dict(SAME))
    assert first.status_code == 204 and second.status_code == 400 and "set-cookie" not in second.headers


def test_sign_out_needs_the_same_origin_and_ends_the_session_server_side(routes_env, route_db):
    user = create_user(route_db, "li.na", "李娜", "agent")
    started = sessions.start_session(route_db, routes_env, user.id)
    cookie = sessions.exchange_handoff(route_db, routes_env, started.handoff)
    with_cookie = {"cookie": f"{COOKIE_NAME}={cookie}"}
    refused, _ = call(clear_session_cookie, iter([]), {"host": "localhost:8501", "origin": "http://evil.example", **with_cookie})
    assert refused.status_code == 403 and sessions.check_session(route_db, started.id) is not None
    done, _ = call(clear_session_cookie, iter([]), {**SAME, **with_cookie})
    assert done.status_code == 204 and sessions.check_session(route_db, started.id) is None
