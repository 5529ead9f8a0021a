"""Server-side sessions as plain functions: handoff once, expiry, forgery, and the events that end a session."""

from __future__ import annotations

from datetime import timedelta

import pytest

from settings import Settings
from trainer.clock import utcnow
from trainer.users import sessions
from trainer.users.accounts import change_password, create_user, disable_user, reset_password, update_user
from trainer.users.signin import sign_out

PASSWORD = "Correct-horse-7"


@pytest.fixture
def auth_settings(tmp_path) -> Settings:
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data")


@pytest.fixture
def agent(db):
    return create_user(db, "li.na", "李娜", "agent", password=PASSWORD)


def signed_in(db, settings, user, now=None) -> tuple[int, str]:
    started = sessions.start_session(db, settings, user.id, now=now)
    return started.id, sessions.exchange_handoff(db, settings, started.handoff, now=now)


def test_a_handoff_becomes_a_cookie_once_and_the_session_expires(db, auth_settings, agent):
    now = utcnow()
    started = sessions.start_session(db, auth_settings, agent.id, now=now)
    cookie = sessions.exchange_handoff(db, auth_settings, started.handoff, now=now + timedelta(seconds=5))
    assert cookie and sessions.session_of_cookie(db, auth_settings, cookie, now=now).user == agent
    assert sessions.exchange_handoff(db, auth_settings, started.handoff) is None  # single use
    hours = timedelta(hours=auth_settings.session_hours)
    assert sessions.check_session(db, started.id, now=now + hours - timedelta(seconds=1)) is not None
    assert sessions.check_session(db, started.id, now=now + hours + timedelta(seconds=1)) is None
    assert sessions.session_of_cookie(db, auth_settings, cookie, now=now + hours + timedelta(seconds=1)) is None


def test_a_handoff_expires_and_forged_or_foreign_cookies_are_rejected(db, auth_settings, agent):
    now = utcnow()
    late = sessions.start_session(db, auth_settings, agent.id, now=now)
    assert sessions.exchange_handoff(db, auth_settings, late.handoff,
                                     now=now + timedelta(seconds=sessions.HANDOFF_SECONDS + 1)) is None
    _, cookie = signed_in(db, auth_settings, agent)
    for forged in (cookie[:-1] + ("A" if cookie[-1] != "A" else "B"), "garbage", "", None, "x" * 10_000, late.handoff):
        assert sessions.session_of_cookie(db, auth_settings, forged) is None
    other = auth_settings.with_overrides(secret_key="another-secret")  # a new secret signs everybody out
    assert sessions.session_of_cookie(db, other, cookie) is None


def test_sessions_end_at_sign_out_disable_and_password_changes(db, auth_settings, agent):
    session_id, cookie = signed_in(db, auth_settings, agent)
    sign_out(db, agent)
    assert sessions.check_session(db, session_id) is None
    assert sessions.session_of_cookie(db, auth_settings, cookie) is None
    assert sessions.check_session(db, signed_in(db, auth_settings, agent)[0]) is not None  # signing in again works

    for end in (lambda: reset_password(db, "li.na"), lambda: disable_user(db, "li.na")):
        session_id, _ = signed_in(db, auth_settings, agent)
        end()
        assert sessions.check_session(db, session_id) is None


def test_a_password_change_ends_the_other_sessions_and_a_role_change_shows_at_once(db, auth_settings, agent):
    first, _ = signed_in(db, auth_settings, agent)
    update_user(db, "li.na", role="instructor")
    assert sessions.check_session(db, first).user.role == "instructor"
    change_password(db, "li.na", PASSWORD, "Another-horse-8")
    assert sessions.check_session(db, first) is None
