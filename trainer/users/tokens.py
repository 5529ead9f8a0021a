"""Signed session tokens: what a signed-in browser keeps in its cookie (ui/session_cookie.py).

A token carries the user id, the time of sign-in and an expiry, signed with the secret from
the settings (or one generated once into the data directory). It stops working when the
account is disabled, or the user signs out or gets a new password after it was issued
(`trainer.users.accounts.SESSION_ENDING_EVENTS`). A short-lived "handoff" token of the same
kind lets the browser fetch the HttpOnly session cookie right after sign-in.
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
from pathlib import Path

from sqlalchemy import func, select

from settings import Settings
from trainer.clock import as_utc
from trainer.store.db import Database
from trainer.store.models import SignInEvent, User
from trainer.users.accounts import SESSION_ENDING_EVENTS, UserInfo

SECRET_FILE = "secret_key"
HANDOFF_SECONDS = 120


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
