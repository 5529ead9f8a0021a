"""The cookie routes (ui/session_cookie.py) called as plain ASGI endpoints, and the launcher wiring."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from starlette.requests import Request

from settings import Settings
from trainer.users import tokens as auth
from ui.session_cookie import COOKIE_NAME, SESSION_PATH, clear_session_cookie, routes, set_session_cookie

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def route_settings(monkeypatch, tmp_path) -> Settings:
    monkeypatch.setenv("AGENT_TRAINER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("AGENT_TRAINER_SESSION_HOURS", "8")
    monkeypatch.delenv("AGENT_TRAINER_SECRET_KEY", raising=False)
    return Settings.from_env()


def post(endpoint, body: bytes = b"", scheme: str = "http", headers: dict[str, str] | None = None):
    scope = {"type": "http", "method": "POST", "path": SESSION_PATH, "scheme": scheme, "query_string": b"",
             "server": ("localhost", 8501),
             "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return asyncio.run(endpoint(Request(scope, receive)))


def cookie_parts(response) -> tuple[str, set[str]]:
    name_value, *attributes = [part.strip() for part in response.headers["set-cookie"].split(";")]
    return name_value, {a.lower() for a in attributes}


def test_handoff_sets_a_signed_httponly_strict_cookie(route_settings):
    response = post(set_session_cookie, auth.handoff_token(route_settings, 42).encode())
    assert response.status_code == 204
    name_value, attributes = cookie_parts(response)
    name, value = name_value.split("=", 1)
    assert name == COOKIE_NAME
    assert {"httponly", "samesite=strict", "path=/", "max-age=28800"} <= attributes
    assert "secure" not in attributes
    assert auth.read_session(route_settings, value).user_id == 42


def test_cookie_is_secure_behind_an_https_proxy(route_settings):
    response = post(set_session_cookie, auth.handoff_token(route_settings, 42).encode(),
                    headers={"X-Forwarded-Proto": "https"})
    assert "secure" in cookie_parts(response)[1]


def test_bad_or_session_tokens_are_not_exchanged(route_settings):
    assert post(set_session_cookie, b"forged.token").status_code == 400
    session = auth.exchange_handoff(route_settings, auth.handoff_token(route_settings, 42))
    assert post(set_session_cookie, session.encode()).status_code == 400  # only handoffs are accepted
    assert "set-cookie" not in post(set_session_cookie, b"").headers


def test_sign_out_clears_the_cookie(route_settings):
    name_value, attributes = cookie_parts(post(clear_session_cookie))
    assert name_value in (f"{COOKIE_NAME}=", f'{COOKIE_NAME}=""') and "max-age=0" in attributes


def test_streamlit_run_serves_the_launcher_with_the_routes():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "serve.py")
    assert found.is_asgi_app and found.import_string == "serve:app"
    assert "streamlit run serve.py" in (ROOT / "Makefile").read_text()
    assert {route.path for route in routes()} == {"/api/session", "/api/sign-out"}
