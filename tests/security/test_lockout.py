"""Finding 5 (Medium) and the enumeration finding: lockout counts atomically, per address too, backs
off, can be lifted in the app and by an unlock code, and tells nobody which refusal it was."""

from __future__ import annotations

import io
import threading
from datetime import timedelta

import pytest

from settings import Settings
from trainer.clock import utcnow
from trainer.users import passwords, signin
from trainer.users.accounts import create_user, disable_user, get_account
from trainer.users.cli import main as cli
from tests.security.conftest import page

PASSWORD = "Correct-horse-7"


@pytest.fixture
def auth_settings(tmp_path) -> Settings:
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data", max_login_failures=5,
                                                admin_max_login_failures=10, address_max_failures=20,
                                                lockout_minutes=15)


@pytest.fixture
def agent(db):
    return create_user(db, "li.na", "李娜", "agent", password=PASSWORD)


@pytest.fixture
def admin(db):
    return create_user(db, "admin", "管理员", "admin", password=PASSWORD)


@pytest.fixture
def verifications(monkeypatch) -> list[int]:
    """Counts every argon2 verification, real or spent on purpose (burn_time)."""
    calls: list[int] = []
    real = passwords.verify_password

    def counted(stored, password):
        calls.append(1)
        return real(stored, password)

    monkeypatch.setattr(passwords, "verify_password", counted)
    monkeypatch.setattr(signin, "verify_password", counted)
    return calls


def test_thirty_parallel_attempts_check_at_most_the_limit_of_passwords(db, auth_settings, agent, monkeypatch):
    """The attack: 30 parallel tries checked 18 wrong passwords and accepted the right one."""
    real = passwords.verify_password
    checked: list[str] = []
    monkeypatch.setattr(signin, "verify_password", lambda stored, pw: checked.append(pw) or real(stored, pw))
    attempts = [f"wrong-{i}" for i in range(29)] + [PASSWORD]
    start = threading.Barrier(len(attempts))
    results = []

    def attempt(password: str) -> None:
        start.wait()
        results.append(signin.authenticate(db, auth_settings, "li.na", password))

    threads = [threading.Thread(target=attempt, args=(p,)) for p in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checked) <= auth_settings.max_login_failures
    assert sum(r.ok for r in results) <= 1 and (PASSWORD in checked or not any(r.ok for r in results))


def test_one_address_is_refused_after_its_limit_whatever_logins_it_tries(db, auth_settings, agent, admin):
    for i in range(auth_settings.address_max_failures):
        signin.authenticate(db, auth_settings, f"guess-{i}", "x" * 9, address="203.0.113.9")
    refused = signin.authenticate(db, auth_settings, "li.na", PASSWORD, address="203.0.113.9")
    assert not refused.ok and refused.reason == signin.ADDRESS_LOCKED
    assert signin.authenticate(db, auth_settings, "li.na", PASSWORD, address="198.51.100.7").ok


def lock(db, settings, login: str, now, failures: int) -> signin.SignInResult:
    for _ in range(failures):
        result = signin.authenticate(db, settings, login, "wrong-password", now=now)
    return result


def test_lockouts_in_a_row_back_off_exponentially_for_agents(db, auth_settings, agent):
    now = utcnow()
    first = lock(db, auth_settings, "li.na", now, 5).locked_until - now
    later = now + first + timedelta(seconds=1)
    second = lock(db, auth_settings, "li.na", later, 5).locked_until - later
    assert first == timedelta(minutes=15) and second == timedelta(minutes=30)


def test_an_administrator_has_its_own_limit_and_its_lockout_never_grows(db, auth_settings, admin):
    now = utcnow()
    assert lock(db, auth_settings, "admin", now, 9).locked_until is None  # agents would be locked after 5
    first = lock(db, auth_settings, "admin", now, 1).locked_until - now
    later = now + first + timedelta(seconds=1)
    second = lock(db, auth_settings, "admin", later, 10).locked_until - later
    assert first == second == timedelta(minutes=15)


def test_the_command_line_unlock_code_lets_the_admin_in_despite_an_attacker(db, auth_settings, admin):
    out = io.StringIO()
    lock(db, auth_settings, "admin", utcnow(), 10)
    assert cli(["unlock", "--login", "admin"], out=out, settings=auth_settings.with_overrides(
        database_url=db.url)) == 0
    code = out.getvalue().strip().split()[-1]
    lock(db, auth_settings, "admin", utcnow(), 10)  # the attacker locks it again at once
    assert not signin.authenticate(db, auth_settings, "admin", PASSWORD).ok
    assert not signin.authenticate(db, auth_settings, "admin", "wrong-password", unlock_code=code).ok
    assert signin.authenticate(db, auth_settings, "admin", PASSWORD, unlock_code=code).ok
    lock(db, auth_settings, "admin", utcnow(), 10)
    assert not signin.authenticate(db, auth_settings, "admin", PASSWORD, unlock_code=code).ok  # used up


def test_an_admin_unlocks_an_account_in_the_app(app_env, store):
    admin = create_user(store, "admin", "管理员", "admin", password=PASSWORD)
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)
    lock(store, app_env, "li.na", utcnow(), app_env.max_login_failures)
    assert get_account(store, "li.na").locked_until is not None
    at = page("ui_pages/admin.py", admin)
    at.selectbox(key="admin_account").select("li.na").run()
    at.button(key="admin_unlock").click().run()
    assert not at.exception
    assert get_account(store, "li.na").locked_until is None
    assert signin.authenticate(store, app_env, "li.na", PASSWORD).ok


def test_locked_disabled_unknown_and_wrong_get_the_same_words_and_the_same_work(db, auth_settings, agent,
                                                                                  verifications):
    create_user(db, "gone", "离职", "agent", password=PASSWORD)
    disable_user(db, "gone")
    create_user(db, "locked", "锁定", "agent", password=PASSWORD)
    lock(db, auth_settings, "locked", utcnow(), 5)
    outcomes = {}
    for name, login, password in (("wrong", "li.na", "wrong-password"), ("unknown", "nobody", PASSWORD),
                                  ("disabled", "gone", PASSWORD), ("locked", "locked", PASSWORD),
                                  ("huge", "li.na", "x" * 1_000_000)):
        verifications.clear()
        result = signin.authenticate(db, auth_settings, login, password)
        outcomes[name] = (result.ok, result.message(), len(verifications))
    assert len(set(outcomes.values())) == 1, outcomes
    assert outcomes["wrong"][2] == 1  # exactly one argon2 verification each: no timing oracle
