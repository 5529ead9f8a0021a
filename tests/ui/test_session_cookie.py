"""The cookie routes (ui/session_cookie.py) called as plain ASGI endpoints, and the launcher wiring."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from starlette.requests import Request

from settings import Settings
from trainer.store.db import Database
from trainer.users import sessions
from trainer.users.accounts import create_user
from ui.session_cookie import COOKIE_NAME, SESSION_PATH, clear_session_cookie, routes, set_session_cookie

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def route_settings(monkeypatch, tmp_path) -> Settings:
    import streamlit as st

    monkeypatch.setenv("AGENT_TRAINER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("AGENT_TRAINER_SESSION_HOURS", "8")
    monkeypatch.delenv("AGENT_TRAINER_SECRET_KEY", raising=False)
    monkeypatch.delenv("AGENT_TRAINER_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    yield Settings.from_env()
    st.cache_resource.clear()


@pytest.fixture
def route_db(route_settings) -> Database:
    database = Database(route_settings.resolved_database_url)
    yield database
    database.dispose()


def handoff(route_settings, route_db) -> str:
    user = create_user(route_db, f"u{id(object())}", "用户", "agent")
    return sessions.start_session(route_db, route_settings, user.id).handoff


SAME_ORIGIN = {"Origin": "http://localhost:8501", "Host": "localhost:8501"}


def post(endpoint, body: bytes = b"", scheme: str = "http", headers: dict[str, str] | None = None):
    headers = {**SAME_ORIGIN, **(headers or {})}
    scope = {"type": "http", "method": "POST", "path": SESSION_PATH, "scheme": scheme, "query_string": b"",
             "server": ("localhost", 8501),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return asyncio.run(endpoint(Request(scope, receive)))


def cookie_parts(response) -> tuple[str, set[str]]:
    name_value, *attributes = [part.strip() for part in response.headers["set-cookie"].split(";")]
    return name_value, {a.lower() for a in attributes}


def test_handoff_sets_a_signed_httponly_strict_cookie(route_settings, route_db):
    response = post(set_session_cookie, handoff(route_settings, route_db).encode())
    assert response.status_code == 204
    name_value, attributes = cookie_parts(response)
    name, value = name_value.split("=", 1)
    assert name == COOKIE_NAME
    assert {"httponly", "samesite=strict", "path=/", "max-age=28800"} <= attributes
    assert "secure" not in attributes
    assert sessions.session_of_cookie(route_db, route_settings, value) is not None


def test_cookie_is_secure_behind_an_https_proxy(route_settings, route_db):
    response = post(set_session_cookie, handoff(route_settings, route_db).encode(),
                    headers={"X-Forwarded-Proto": "https"})
    assert "secure" in cookie_parts(response)[1]


def test_bad_or_session_tokens_are_not_exchanged(route_settings, route_db):
    assert post(set_session_cookie, b"forged.token").status_code == 400
    cookie = sessions.exchange_handoff(route_db, route_settings, handoff(route_settings, route_db))
    assert post(set_session_cookie, cookie.encode()).status_code == 400  # only handoffs are accepted
    assert "set-cookie" not in post(set_session_cookie, b"").headers


def test_sign_out_clears_the_cookie(route_settings, route_db):
    name_value, attributes = cookie_parts(post(clear_session_cookie))
    assert name_value in (f"{COOKIE_NAME}=", f'{COOKIE_NAME}=""') and "max-age=0" in attributes


def test_streamlit_run_serves_the_launcher_with_the_routes():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "serve.py")
    assert found.is_asgi_app and found.import_string == "serve:app"
    assert "streamlit run serve.py" in (ROOT / "Makefile").read_text()
    assert {route.path for route in routes()} == {"/api/session", "/api/sign-out"}
