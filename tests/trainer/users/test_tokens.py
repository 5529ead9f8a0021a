"""Signed session tokens as plain functions: the secret, expiry, forgery, and the events that end a session."""

from __future__ import annotations

import os
import stat
import time

import pytest

from settings import Settings
from trainer.users import tokens as auth
from trainer.users.accounts import create_user, disable_user, reset_password
from trainer.users.signin import sign_out

PASSWORD = "Correct-horse-7"


@pytest.fixture
def auth_settings(tmp_path) -> Settings:
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data")


@pytest.fixture
def agent(db):
    return create_user(db, "li.na", "李娜", "agent", password=PASSWORD)


def test_generated_secret_is_private_and_stable(auth_settings):
    first = auth.secret_key(auth_settings)
    path = auth_settings.data_dir / auth.SECRET_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert auth.secret_key(auth_settings) == first and len(first) >= 64


def test_configured_secret_is_used_and_no_file_written(tmp_path):
    configured = Settings.from_env({"AGENT_TRAINER_SECRET_KEY": "s3cret", "AGENT_TRAINER_DATA_DIR": str(tmp_path)})
    assert auth.secret_key(configured) == b"s3cret"
    assert not (tmp_path / auth.SECRET_FILE).exists()


def test_handoff_becomes_a_session_token_that_expires(auth_settings):
    now = time.time()
    session = auth.exchange_handoff(auth_settings, auth.handoff_token(auth_settings, 7, now=now), now=now + 5)
    claims = auth.read_session(auth_settings, session, now=now + 60)
    assert claims.user_id == 7 and claims.issued_at == pytest.approx(now)
    hours = auth_settings.session_hours
    assert auth.read_session(auth_settings, session, now=now + hours * 3600 - 1) is not None
    assert auth.read_session(auth_settings, session, now=now + hours * 3600 + 1) is None


def test_tampered_foreign_or_misused_tokens_are_rejected(auth_settings, tmp_path):
    handoff = auth.handoff_token(auth_settings, 7)
    session = auth.exchange_handoff(auth_settings, handoff)
    body, signature = session.split(".")
    forged_body = auth._b64(b'{"uid":1,"iat":0,"exp":99999999999}')
    assert auth.read_session(auth_settings, f"{forged_body}.{signature}") is None
    assert auth.read_session(auth_settings, handoff) is None  # a handoff is not a session
    other = auth_settings.with_overrides(secret_key="another-secret")
    assert auth.read_session(other, session) is None
    assert auth.read_session(auth_settings, "garbage") is None and auth.read_session(auth_settings, None) is None
    assert auth.exchange_handoff(auth_settings, handoff, now=time.time() + auth.HANDOFF_SECONDS + 1) is None


def test_session_ends_at_sign_out_disable_and_password_reset(db, auth_settings, agent):
    def signed_in_now():
        return auth.read_session(auth_settings, auth.exchange_handoff(auth_settings, auth.handoff_token(auth_settings, agent.id)))

    claims = signed_in_now()
    assert auth.restore_session(db, claims) == agent
    sign_out(db, agent)
    assert auth.restore_session(db, claims) is None
    assert auth.restore_session(db, signed_in_now()) == agent  # signing in again works

    claims = signed_in_now()
    reset_password(db, "li.na")
    assert auth.restore_session(db, claims) is None

    claims = signed_in_now()
    disable_user(db, "li.na")
    assert auth.restore_session(db, claims) is None
