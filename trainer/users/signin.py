"""Sign-in: password checks with a temporary lockout, the audit trail, and signed session tokens.

Every attempt is written to `sign_in_events`. After `settings.max_login_failures` wrong
passwords in a row an account is locked for `settings.lockout_minutes`; while locked, even the
right password is refused, so guessing is slowed down to a few tries per lockout period.

A signed-in browser keeps a session token in an HttpOnly cookie. Tokens are HMAC-SHA256
signed with the secret from the settings (or one generated once into the data directory), carry
the user id, the time of sign-in and an expiry, and stop working when the account is disabled
or the user signs out or gets a new password (see `trainer.users.accounts.SESSION_ENDING_EVENTS`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from settings import Settings
from trainer.store.db import Database
from trainer.store.models import SignInEvent, User, utcnow
from trainer.users.passwords import burn_time, hash_password, needs_rehash, verify_password
from trainer.users.accounts import (SESSION_ENDING_EVENTS, SIGNED_OUT, AccountError, UserInfo, as_utc, normalize_login,
                           record_event)

COOKIE_NAME = "agent_trainer_session"
SECRET_FILE = "secret_key"
HANDOFF_SECONDS = 120

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

    def message(self, timezone_name: str | None = None) -> tuple[str, str]:
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


# ---- session tokens ------------------------------------------------------------------------

@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    issued_at: float  # unix seconds: when the user signed in
    expires_at: float


def secret_key(settings: Settings) -> bytes:
    """The signing secret: from the settings, else a random one created once in the data dir (0600)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.data_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it a moment ago
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    value = path.read_text().strip()
    if not value:
        raise RuntimeError(f"The secret key file {path} is empty; delete it to have a new one generated.")
    return value.encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: bytes, purpose: str, body: str) -> str:
    return _b64(hmac.new(key, f"{purpose}.{body}".encode(), hashlib.sha256).digest())


def issue_token(settings: Settings, purpose: str, user_id: int, issued_at: float, lifetime_seconds: float) -> str:
    """A signed token for `purpose` ("session" or "handoff"); a token of one purpose never passes as the other."""
    claims = {"uid": user_id, "iat": issued_at, "exp": issued_at + lifetime_seconds}
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{body}.{_signature(secret_key(settings), purpose, body)}"


def read_token(settings: Settings, purpose: str, token: str | None, now: float | None = None) -> TokenClaims | None:
    """The claims of a genuine, unexpired token of this purpose; None for anything else."""
    if not token or token.count(".") != 1:
        return None
    body, signature = token.split(".")
    if not hmac.compare_digest(signature, _signature(secret_key(settings), purpose, body)):
        return None
    try:
        data = json.loads(_unb64(body))
        claims = TokenClaims(int(data["uid"]), float(data["iat"]), float(data["exp"]))
    except (ValueError, KeyError, TypeError):
        return None
    return claims if claims.expires_at > (time.time() if now is None else now) else None


def handoff_token(settings: Settings, user_id: int, now: float | None = None) -> str:
    """A short-lived token the browser exchanges for the session cookie right after sign-in."""
    return issue_token(settings, "handoff", user_id, time.time() if now is None else now, HANDOFF_SECONDS)


def exchange_handoff(settings: Settings, token: str | None, now: float | None = None) -> str | None:
    """The session token for a valid handoff token (same user and sign-in time), else None."""
    claims = read_token(settings, "handoff", token, now)
    if claims is None:
        return None
    return issue_token(settings, "session", claims.user_id, claims.issued_at, session_seconds(settings))


def session_seconds(settings: Settings) -> float:
    return settings.session_hours * 3600


def read_session(settings: Settings, token: str | None, now: float | None = None) -> TokenClaims | None:
    return read_token(settings, "session", token, now)


def restore_session(db: Database, claims: TokenClaims) -> UserInfo | None:
    """The user of a verified session token, unless disabled or signed out since it was issued."""
    with db.session() as session:
        user = session.get(User, claims.user_id)
        if user is None or user.disabled:
            return None
        ended = session.scalar(select(func.max(SignInEvent.at)).where(
            SignInEvent.user_id == user.id, SignInEvent.reason.in_(SESSION_ENDING_EVENTS)))
        if ended is not None and as_utc(ended).timestamp() >= claims.issued_at:
            return None
        return UserInfo.of(user)


def must_change_password(db: Database, user_id: int) -> bool:
    """Whether this user still has to replace a temporary password before using the app."""
    with db.session() as session:
        user = session.get(User, user_id)
        return bool(user and user.must_change_password)


def clock_time(moment: datetime, timezone_name: str | None = None) -> str:
    """HH:MM of `moment` in the company's timezone (settings.timezone), else the server's."""
    zone = ZoneInfo(timezone_name) if timezone_name else None
    return moment.astimezone(zone).strftime("%H:%M")


def locked_until_now(moment: datetime | None, now: datetime | None = None) -> bool:
    """Whether a `locked_until` time is still in the future."""
    moment = as_utc(moment)
    return moment is not None and moment > (now or datetime.now(timezone.utc))
