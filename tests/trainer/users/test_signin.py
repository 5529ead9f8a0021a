"""Sign-in rules on a real SQLite file, and the signed session tokens as plain functions."""

from __future__ import annotations

import os
import stat
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from settings import Settings
from trainer.users import signin as auth
from trainer.store.models import SignInEvent, utcnow
from trainer.users.accounts import create_user, disable_user, get_account, reset_password

PASSWORD = "Correct-horse-7"


@pytest.fixture
def auth_settings(tmp_path) -> Settings:
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data", max_login_failures=3,
                                                lockout_minutes=15)


@pytest.fixture
def agent(db):
    return create_user(db, "li.na", "李娜", "agent", password=PASSWORD)


def events(db) -> list[tuple[str, bool, str]]:
    with db.session() as session:
        return [(e.login, e.success, e.reason) for e in session.scalars(select(SignInEvent).order_by(SignInEvent.id))]


def test_right_password_signs_in_and_is_logged(db, auth_settings, agent):
    result = auth.authenticate(db, auth_settings, " LI.NA ", PASSWORD)
    assert result.ok and result.user == agent and not result.must_change_password
    assert events(db) == [("li.na", True, "ok")]


def test_wrong_password_and_unknown_login_are_refused_alike(db, auth_settings, agent):
    wrong = auth.authenticate(db, auth_settings, "li.na", "not-the-password")
    unknown = auth.authenticate(db, auth_settings, "nobody", PASSWORD)
    assert not wrong.ok and not unknown.ok
    assert wrong.message() == unknown.message()
    assert "not correct" in wrong.message()[1]
    assert events(db) == [("li.na", False, "wrong-password"), ("nobody", False, "unknown-login")]


def test_disabled_account_is_refused_even_with_the_right_password(db, auth_settings, agent):
    disable_user(db, "li.na")
    result = auth.authenticate(db, auth_settings, "li.na", PASSWORD)
    assert not result.ok and result.reason == auth.DISABLED
    assert "disabled" in result.message()[1]


def test_lockout_after_the_configured_failures(db, auth_settings, agent):
    for _ in range(2):
        assert auth.authenticate(db, auth_settings, "li.na", "bad-password").locked_until is None
    third = auth.authenticate(db, auth_settings, "li.na", "bad-password")
    assert third.locked_until is not None
    assert timedelta(minutes=14) < third.locked_until - utcnow() <= timedelta(minutes=15)
    assert auth.clock_time(third.locked_until, "Asia/Shanghai") in third.message("Asia/Shanghai")[0]
    shanghai = (third.locked_until + timedelta(hours=8)).strftime("%H:%M")  # UTC+8, no daylight saving
    assert shanghai in third.message("Asia/Shanghai")[1]

    while_locked = auth.authenticate(db, auth_settings, "li.na", PASSWORD)
    assert not while_locked.ok and while_locked.reason == auth.LOCKED
    assert "locked until" in while_locked.message()[1]

    later = utcnow() + timedelta(minutes=16)
    assert auth.authenticate(db, auth_settings, "li.na", PASSWORD, now=later).ok
    assert [reason for _, _, reason in events(db)] == [
        "wrong-password", "wrong-password", "wrong-password, now locked", "locked", "ok"]


def test_success_resets_the_failure_count(db, auth_settings, agent):
    auth.authenticate(db, auth_settings, "li.na", "bad-password")
    auth.authenticate(db, auth_settings, "li.na", "bad-password")
    assert auth.authenticate(db, auth_settings, "li.na", PASSWORD).ok
    auth.authenticate(db, auth_settings, "li.na", "bad-password")
    assert get_account(db, "li.na").locked_until is None


def test_account_without_password_cannot_sign_in(db, auth_settings):
    create_user(db, "new.agent", "新人", "agent")
    assert not auth.authenticate(db, auth_settings, "new.agent", "").ok


def test_reset_password_is_reported_as_must_change(db, auth_settings, agent):
    temporary = reset_password(db, "li.na")
    result = auth.authenticate(db, auth_settings, "li.na", temporary)
    assert result.ok and result.must_change_password


# ---- tokens ------------------------------------------------------------------------------

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
    auth.sign_out(db, agent)
    assert auth.restore_session(db, claims) is None
    assert auth.restore_session(db, signed_in_now()) == agent  # signing in again works

    claims = signed_in_now()
    reset_password(db, "li.na")
    assert auth.restore_session(db, claims) is None

    claims = signed_in_now()
    disable_user(db, "li.na")
    assert auth.restore_session(db, claims) is None
