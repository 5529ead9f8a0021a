"""Sign-in: password checks with lockouts, the audit trail, and signing out.

Every attempt is written to `sign_in_events`. The rules (docs/security.md):

- **Account lockout.** After `settings.max_login_failures` wrong passwords in a row
  (`admin_max_login_failures` for administrators) the account is locked for
  `settings.lockout_minutes`; each further lockout in a row doubles that (at most
  MAX_LOCKOUT), except for administrators, whose lockout never grows. The attempt is counted
  in the database *before* the slow password check, by one atomic UPDATE that also refuses a
  locked account, so parallel attempts cannot slip past the limit.
- **Address limit.** After `settings.address_max_failures` failures in a row from one network
  address, that address is refused for a lockout period (doubling the same way), whatever
  logins it tries.
- **Getting back in.** An administrator unlocks an account in the app (`unlock_account`);
  the command line gives a one-time unlock code (`issue_unlock_code`) that lets an account's
  owner sign in with the right password despite a lockout — so an attacker who keeps failing
  cannot keep the last administrator out.
- **No oracle.** Locked, disabled, unknown and wrong-password attempts all spend one password
  verification and get the same words.

What a signed-in browser keeps (a server-side session) is in trainer/users/sessions.py.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from settings import Settings
from trainer.clock import as_utc, clock_time, utcnow
from trainer.search_feedback.recent import forget_recent
from trainer.store.db import Database
from trainer.store.models import AddressFailures, User
from trainer.users.accounts import SIGNED_OUT, AccountError, UserInfo, normalize_login, record_event
from trainer.users.passwords import MAX_LENGTH, burn_time, hash_password, needs_rehash, verify_password

OK, WRONG_PASSWORD, UNKNOWN_LOGIN, NO_PASSWORD, DISABLED, LOCKED, ADDRESS_LOCKED = (
    "ok", "wrong-password", "unknown-login", "no-password", "disabled", "locked", "address-locked")
UNLOCKED = "unlocked"
MAX_LOCKOUT = timedelta(hours=24)
UNLOCK_CODE_HOURS = 24


@dataclass(frozen=True)
class SignInResult:
    """The outcome of one attempt; `user` is set only when it succeeded. `reason` and
    `locked_until` are for the audit trail and tests, never shown to the person signing in."""

    reason: str
    user: UserInfo | None = None
    must_change_password: bool = False
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.user is not None

    def message(self, timezone_name: str = "UTC") -> tuple[str, str]:
        """What to tell the person, as (Chinese, English): the same words for every refusal, so
        nobody learns whether a login exists, is locked or is disabled."""
        if self.ok:
            return "登录成功。", "Signed in."
        return ("登录名或密码不正确，或账户暂时无法登录。多次失败后需等待一段时间；如需帮助请联系管理员。",
                "The login or the password is not correct, or the account cannot sign in right now. After several "
                "failures you must wait a while; ask an administrator if you need help.")


def _backoff(settings: Settings, lockouts: int, grows: bool = True) -> timedelta:
    """How long the `lockouts`-th lockout in a row lasts: doubling, at most MAX_LOCKOUT."""
    base = timedelta(minutes=settings.lockout_minutes)
    return min(base * (2 ** max(lockouts - 1, 0)) if grows else base, MAX_LOCKOUT)


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def authenticate(db: Database, settings: Settings, login: str, password: str, now: datetime | None = None,
                 address: str | None = None, unlock_code: str = "") -> SignInResult:
    """Check a login and password, apply the lockout rules and log the attempt."""
    now = now or utcnow()
    try:
        login = normalize_login(login)
    except AccountError:
        login = (login or "").strip().lower()[:64]
    address = (address or "")[:64]
    if address and _address_locked(db, address, now):
        burn_time()
        return _logged(db, login, None, SignInResult(ADDRESS_LOCKED))
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == login))
        user_id = user.id if user else None
        passes_lock = user is not None and _unlock_code_ok(user, unlock_code, now)
        reserved = user is not None and _reserve_attempt(session, settings, user, now, passes_lock)
        session.commit()
    if user is None:
        burn_time()
        result = SignInResult(UNKNOWN_LOGIN)
    elif not reserved:
        burn_time()
        with db.session() as session:
            result = SignInResult(LOCKED, locked_until=as_utc(session.get(User, user_id).locked_until))
    else:
        result = _verify(db, settings, user_id, password, now, passes_lock)
    if address:
        _count_address(db, settings, address, result.ok, now)
    return _logged(db, login, user_id, result)


def _logged(db: Database, login: str, user_id: int | None, result: SignInResult) -> SignInResult:
    with db.session() as session:
        record_event(session, login or "?", user_id, result.ok, _logged_reason(result))
        session.commit()
    return result


def _limit(settings: Settings, user: User) -> int:
    return settings.admin_max_login_failures if user.role == "admin" else settings.max_login_failures


def _reserve_attempt(session: Session, settings: Settings, user: User, now: datetime, passes_lock: bool) -> bool:
    """Count this attempt before checking the password; False when the account is locked.

    One UPDATE both checks the lock and takes a slot below the limit, so of any number of
    parallel attempts at most `limit` reach the password check."""
    not_locked = or_(User.locked_until.is_(None), User.locked_until <= now)
    below_limit = User.failed_sign_ins < _limit(settings, user)
    condition = [User.id == user.id] + ([] if passes_lock else [not_locked, below_limit])
    taken = session.execute(update(User).where(*condition).values(failed_sign_ins=User.failed_sign_ins + 1)
                            .execution_options(synchronize_session=False))
    return taken.rowcount == 1


def _verify(db: Database, settings: Settings, user_id: int, password: str, now: datetime, passes_lock: bool) -> SignInResult:
    with db.session() as session:
        user = session.get(User, user_id)
        stored = user.password_hash
    right = len(password or "") <= MAX_LENGTH and verify_password(stored, password or "")
    if not right and len(password or "") > MAX_LENGTH:
        burn_time()
    with db.session() as session:
        user = session.get(User, user_id)
        if not right:
            result = _failed(settings, user, now, NO_PASSWORD if not stored else WRONG_PASSWORD)
        elif user.disabled:
            result = SignInResult(DISABLED)
        else:
            user.failed_sign_ins, user.locked_until, user.lockouts = 0, None, 0
            if passes_lock:
                user.unlock_code_hash, user.unlock_code_expires = None, None
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            result = SignInResult(OK, UserInfo.of(user), must_change_password=bool(user.must_change_password))
        session.commit()
        return result


def _failed(settings: Settings, user: User, now: datetime, reason: str) -> SignInResult:
    """The reserved slot stays counted; reaching the limit locks the account (back-off grows)."""
    if user.failed_sign_ins >= _limit(settings, user):
        user.lockouts = (user.lockouts or 0) + 1
        user.failed_sign_ins = 0
        user.locked_until = now + _backoff(settings, user.lockouts, grows=user.role != "admin")
        return SignInResult(reason, locked_until=user.locked_until)
    return SignInResult(reason)


def _logged_reason(result: SignInResult) -> str:
    if result.reason != LOCKED and result.locked_until is not None:
        return f"{result.reason}, now locked"
    return result.reason


# ---- per-address limit -----------------------------------------------------------------------

def _address_locked(db: Database, address: str, now: datetime) -> bool:
    with db.session() as session:
        row = session.get(AddressFailures, address)
        return row is not None and row.locked_until is not None and as_utc(row.locked_until) > now


def _count_address(db: Database, settings: Settings, address: str, success: bool, now: datetime) -> None:
    """Count a failure from `address` atomically (or clear its count after a success)."""
    with db.session() as session:
        if success:
            session.execute(update(AddressFailures).where(AddressFailures.address == address)
                            .values(failures=0, lockouts=0, locked_until=None))
            session.commit()
            return
        counted = session.execute(update(AddressFailures).where(AddressFailures.address == address)
                                  .values(failures=AddressFailures.failures + 1))
        if counted.rowcount == 0:
            session.add(AddressFailures(address=address, failures=1, lockouts=0))
            try:
                session.commit()
            except IntegrityError:  # another attempt from the same address created it first
                session.rollback()
                session.execute(update(AddressFailures).where(AddressFailures.address == address)
                                .values(failures=AddressFailures.failures + 1))
        row = session.get(AddressFailures, address)
        session.refresh(row)
        if row.failures >= settings.address_max_failures:
            row.lockouts += 1
            row.failures = 0
            row.locked_until = now + _backoff(settings, row.lockouts)
        session.commit()


# ---- getting back in -------------------------------------------------------------------------

def unlock_account(db: Database, login: str, by: str) -> UserInfo:
    """Lift an account's lockout now (an administrator, in the app); recorded in the audit trail."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == normalize_login(login)))
        if user is None:
            raise AccountError(f"没有登录名为“{login}”的用户。", f"There is no user with the login '{login}'.")
        user.failed_sign_ins, user.locked_until, user.lockouts = 0, None, 0
        record_event(session, user.login, user.id, True, f"{UNLOCKED} by {by}")
        session.commit()
        return UserInfo.of(user)


def issue_unlock_code(db: Database, login: str, now: datetime | None = None) -> str:
    """Lift the lockout and return a one-time code (valid UNLOCK_CODE_HOURS) that lets the
    account sign in with its right password even if it gets locked again meanwhile."""
    now = now or utcnow()
    code = secrets.token_hex(8)
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == normalize_login(login)))
        if user is None:
            raise AccountError(f"没有登录名为“{login}”的用户。", f"There is no user with the login '{login}'.")
        user.failed_sign_ins, user.locked_until, user.lockouts = 0, None, 0
        user.unlock_code_hash = _code_hash(code)
        user.unlock_code_expires = now + timedelta(hours=UNLOCK_CODE_HOURS)
        record_event(session, user.login, user.id, True, f"{UNLOCKED} by command line")
        session.commit()
    return code


def _unlock_code_ok(user: User, code: str, now: datetime) -> bool:
    if not code or not user.unlock_code_hash or len(code) > 64:
        return False
    expires = as_utc(user.unlock_code_expires)
    return expires is not None and expires > now and hmac.compare_digest(user.unlock_code_hash, _code_hash(code))


# ---- signing out -----------------------------------------------------------------------------

def sign_out(db: Database, user: UserInfo) -> None:
    """End every session of `user` (recorded; the server-side sessions end in the same step) and forget their
    最近搜索: whoever signs in next on that desk starts with none, and the list is not kept past the shift."""
    with db.session() as session:
        record_event(session, user.login, user.id, True, SIGNED_OUT)
        forget_recent(session, user.id)
        session.commit()


def locked_until_now(moment: datetime | None, now: datetime | None = None) -> bool:
    """Whether a `locked_until` time is still in the future."""
    moment = as_utc(moment)
    return moment is not None and moment > (now or utcnow())


__all__ = ["authenticate", "clock_time", "issue_unlock_code", "locked_until_now", "sign_out", "unlock_account",
           "SignInResult"]
