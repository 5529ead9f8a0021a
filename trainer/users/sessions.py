"""Server-side sessions: one row per browser sign-in, checked on every page run.

The browser's HttpOnly cookie holds a random secret; the database holds only its keyed hash
(HMAC with the settings' secret key, so changing the key signs everybody out and a copy of
the database gives no usable cookie). A Streamlit tab keeps the row id in its server-side
session state and asks `check_session` on every rerun, so signing out (anywhere), disabling
the account, changing or resetting its password and expiry end every open tab at its next click.

Right after sign-in the page asks the browser to POST a one-time handoff code to
/api/session; `exchange_handoff` turns it into the cookie secret exactly once (a second use,
or one after HANDOFF_SECONDS, gets nothing).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from settings import Settings
from trainer.clock import as_utc, utcnow
from trainer.store.db import Database
from trainer.store.models import AuthSession, User
from trainer.users.accounts import UserInfo, end_sessions
from trainer.users.tokens import secret_key

HANDOFF_SECONDS = 120
MAX_SECRET_CHARS = 200  # a cookie or handoff longer than this is not ours


@dataclass(frozen=True)
class NewSession:
    """A session just started: its row id (kept by the tab) and the handoff code (sent to the browser once)."""

    id: int
    handoff: str


@dataclass(frozen=True)
class LiveSession:
    """What a page run needs to know about its session, read fresh from the store."""

    id: int
    user: UserInfo
    must_change_password: bool


def _keyed_hash(settings: Settings, purpose: str, secret: str) -> str:
    return hmac.new(secret_key(settings), f"{purpose}:{secret}".encode(), hashlib.sha256).hexdigest()


def session_seconds(settings: Settings) -> float:
    return settings.session_hours * 3600


def start_session(db: Database, settings: Settings, user_id: int, now: datetime | None = None) -> NewSession:
    """A new session for `user_id`, lasting settings.session_hours."""
    now = now or utcnow()
    handoff = secrets.token_urlsafe(32)
    with db.session() as session:
        row = AuthSession(user_id=user_id, created_at=now, expires_at=now + timedelta(seconds=session_seconds(settings)),
                          handoff_hash=_keyed_hash(settings, "handoff", handoff),
                          handoff_expires=now + timedelta(seconds=HANDOFF_SECONDS))
        session.add(row)
        session.commit()
        return NewSession(row.id, handoff)


def exchange_handoff(db: Database, settings: Settings, handoff: str | None, now: datetime | None = None) -> str | None:
    """The cookie secret for a valid, unused, unexpired handoff code (then used up); else None.

    One UPDATE decides, so two requests racing with the same code cannot both win."""
    if not handoff or len(handoff) > MAX_SECRET_CHARS:
        return None
    now = now or utcnow()
    cookie = secrets.token_urlsafe(32)
    with db.session() as session:
        won = session.execute(
            update(AuthSession)
            .where(AuthSession.handoff_hash == _keyed_hash(settings, "handoff", handoff),
                   AuthSession.handoff_expires > now, AuthSession.revoked_at.is_(None), AuthSession.expires_at > now)
            .values(handoff_hash=None, handoff_expires=None, cookie_hash=_keyed_hash(settings, "cookie", cookie)))
        session.commit()
    return cookie if won.rowcount == 1 else None


def _live(session, row: AuthSession | None, now: datetime) -> LiveSession | None:
    if row is None or row.revoked_at is not None or as_utc(row.expires_at) <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        return None
    return LiveSession(row.id, UserInfo.of(user), bool(user.must_change_password))


def check_session(db: Database, session_id: int, now: datetime | None = None) -> LiveSession | None:
    """The session and its user as they are now; None once it was ended, expired or the user disabled."""
    with db.session() as session:
        return _live(session, session.get(AuthSession, session_id), now or utcnow())


def session_of_cookie(db: Database, settings: Settings, cookie: str | None, now: datetime | None = None) -> LiveSession | None:
    """The live session a browser's cookie belongs to, or None (forged, ended, expired)."""
    if not cookie or len(cookie) > MAX_SECRET_CHARS:
        return None
    with db.session() as session:
        row = session.scalar(select(AuthSession).where(AuthSession.cookie_hash == _keyed_hash(settings, "cookie", cookie)))
        return _live(session, row, now or utcnow())


def end_session_of_cookie(db: Database, settings: Settings, cookie: str | None) -> None:
    """End the one session this cookie belongs to (the sign-out route, which sees the cookie)."""
    if not cookie or len(cookie) > MAX_SECRET_CHARS:
        return
    with db.session() as session:
        session.execute(update(AuthSession).where(AuthSession.cookie_hash == _keyed_hash(settings, "cookie", cookie),
                                                  AuthSession.revoked_at.is_(None)).values(revoked_at=utcnow()))
        session.commit()


def end_all_sessions(db: Database, user_id: int) -> None:
    """End every session of a user (sign-out: a shared call-centre PC is safe afterwards)."""
    with db.session() as session:
        end_sessions(session, user_id)
        session.commit()
