"""Sign-in: password checks with a temporary lockout, the audit trail, and signing out.

Every attempt is written to `sign_in_events`. After `settings.max_login_failures` wrong
passwords in a row an account is locked for `settings.lockout_minutes`; while locked, even the
right password is refused, so guessing is slowed down to a few tries per lockout period.

What a signed-in browser keeps (a signed session token) is in trainer/users/tokens.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from settings import Settings
from trainer.clock import as_utc, clock_time, utcnow
from trainer.store.db import Database
from trainer.store.models import User
from trainer.users.accounts import SIGNED_OUT, AccountError, UserInfo, normalize_login, record_event
from trainer.users.passwords import burn_time, hash_password, needs_rehash, verify_password

OK, WRONG_PASSWORD, UNKNOWN_LOGIN, NO_PASSWORD, DISABLED, LOCKED = (
    "ok", "wrong-password", "unknown-login", "no-password", "disabled", "locked")


@dataclass(frozen=True)
class SignInResult:
    """The outcome of one attempt; `user` is set only when it succeeded."""

    reason: str
    user: UserInfo | None = None
    must_change_password: bool = False
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.user is not None

    def message(self, timezone_name: str = "UTC") -> tuple[str, str]:
        """What to tell the person, as (Chinese, English); never says whether a login exists."""
        if self.ok:
            return "登录成功。", "Signed in."
        if self.locked_until is not None:
            until = clock_time(self.locked_until, timezone_name)
            return (f"登录失败次数过多，账户已临时锁定，请于 {until} 后再试，或联系管理员。",
                    f"Too many failed sign-ins: the account is locked until {until}. Try again then, or ask an administrator.")
        if self.reason == DISABLED:
            return "此账户已停用，请联系管理员。", "This account is disabled. Please contact an administrator."
        return "登录名或密码不正确。", "The login or the password is not correct."


def authenticate(db: Database, settings: Settings, login: str, password: str,
                 now: datetime | None = None) -> SignInResult:
    """Check a login and password, apply the lockout rules and log the attempt."""
    now = now or utcnow()
    try:
        login = normalize_login(login)
    except AccountError:
        login = (login or "").strip().lower()
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == login))
        result = _check(session, settings, user, password, now)
        record_event(session, login or "?", user.id if user else None, result.ok, _logged_reason(result))
        session.commit()
        return result


def _check(session, settings: Settings, user: User | None, password: str, now: datetime) -> SignInResult:
    if user is None:
        burn_time()
        return SignInResult(UNKNOWN_LOGIN)
    locked_until = as_utc(user.locked_until)
    if locked_until is not None and locked_until > now:
        return SignInResult(LOCKED, locked_until=locked_until)
    if not verify_password(user.password_hash, password):
        return _count_failure(session, settings, user, now, NO_PASSWORD if not user.password_hash else WRONG_PASSWORD)
    if user.disabled:
        return SignInResult(DISABLED)
    user.failed_sign_ins, user.locked_until = 0, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return SignInResult(OK, UserInfo.of(user), must_change_password=bool(user.must_change_password))


def _count_failure(session, settings: Settings, user: User, now: datetime, reason: str) -> SignInResult:
    """One more failure, counted in the database itself so parallel attempts all count."""
    user.failed_sign_ins = User.failed_sign_ins + 1
    session.flush()
    session.refresh(user, ["failed_sign_ins"])
    if 0 < settings.max_login_failures <= user.failed_sign_ins:
        user.failed_sign_ins = 0
        user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
        return SignInResult(reason, locked_until=user.locked_until)
    return SignInResult(reason)


def _logged_reason(result: SignInResult) -> str:
    if result.reason != LOCKED and result.locked_until is not None:
        return f"{result.reason}, now locked"
    return result.reason


def sign_out(db: Database, user: UserInfo) -> None:
    """End every session of `user` issued until now (their cookies stop working)."""
    with db.session() as session:
        record_event(session, user.login, user.id, True, SIGNED_OUT)
        session.commit()


def locked_until_now(moment: datetime | None, now: datetime | None = None) -> bool:
    """Whether a `locked_until` time is still in the future."""
    moment = as_utc(moment)
    return moment is not None and moment > (now or utcnow())
