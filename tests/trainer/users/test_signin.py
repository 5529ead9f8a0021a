"""Sign-in rules on a real SQLite file: lockout, audit trail, temporary passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from settings import Settings
from trainer.users import signin as auth
from trainer.clock import clock_time, utcnow
from trainer.store.models import SignInEvent
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
    # the same words as a wrong password: the right password must not reveal the account state (#18)
    assert result.message() == auth.authenticate(db, auth_settings, "li.na", "not-the-password").message()


def test_lockout_after_the_configured_failures(db, auth_settings, agent):
    for _ in range(2):
        assert auth.authenticate(db, auth_settings, "li.na", "bad-password").locked_until is None
    third = auth.authenticate(db, auth_settings, "li.na", "bad-password")
    assert third.locked_until is not None
    assert timedelta(minutes=14) < third.locked_until - utcnow() <= timedelta(minutes=15)
    # the lock time is for the audit trail and the admin page; the person sees the same words as any refusal (#18)
    assert clock_time(third.locked_until, "Asia/Shanghai") not in third.message("Asia/Shanghai")[0]

    while_locked = auth.authenticate(db, auth_settings, "li.na", PASSWORD)
    assert not while_locked.ok and while_locked.reason == auth.LOCKED
    assert while_locked.message() == auth.SignInResult(auth.WRONG_PASSWORD).message()

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
