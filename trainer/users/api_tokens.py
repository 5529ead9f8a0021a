"""API tokens for the search API: an admin creates and names one per agent desktop or CRM
integration, sees when each was last used, and revokes it.

A token is 32 random bytes shown once at creation; the store keeps only its SHA-256 (a random
token needs no slow hash: there is nothing to guess). Checking a token is one indexed read;
`last_used_at` is written at most once a minute per token, so a busy desktop does not turn
every search into a database write.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from trainer.clock import as_utc, utcnow
from trainer.errors import BilingualError
from trainer.store.db import Database
from trainer.store.models import ApiToken

TOKEN_PREFIX = "at_"  # recognisable in a CRM's configuration and in secret scanners
LAST_USE_RESOLUTION = timedelta(minutes=1)
MAX_NAME_CHARS = 64


class ApiTokenError(BilingualError):
    """A token that cannot be created or revoked, explained in both UI languages (the admin page and the CLI)."""


@dataclass(frozen=True)
class ApiTokenInfo:
    """What an admin sees of a token (never the token itself)."""

    id: int
    name: str
    created_by: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", errors="replace")).hexdigest()


def _info(row: ApiToken) -> ApiTokenInfo:
    return ApiTokenInfo(row.id, row.name, row.created_by, as_utc(row.created_at),
                        as_utc(row.last_used_at) if row.last_used_at else None,
                        as_utc(row.revoked_at) if row.revoked_at else None)


def create_api_token(db: Database, name: str, created_by: str = "") -> tuple[ApiTokenInfo, str]:
    """A new token named `name`: (what the admin sees, the token to hand to the integration once)."""
    name = " ".join((name or "").split())
    if not name:
        raise ApiTokenError("请为令牌命名（哪个坐席桌面或系统使用它）。",
                            "An API token needs a name (which desktop or integration uses it).")
    if len(name) > MAX_NAME_CHARS:
        raise ApiTokenError(f"令牌名称最多 {MAX_NAME_CHARS} 个字符。",
                            f"An API token's name is at most {MAX_NAME_CHARS} characters.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session() as session:
        row = ApiToken(name=name, token_hash=token_hash(token), created_by=created_by[:64], created_at=utcnow())
        session.add(row)
        session.commit()
        return _info(row), token


def list_api_tokens(db: Database) -> list[ApiTokenInfo]:
    """Every token, newest first, revoked ones included (their history stays readable)."""
    with db.session() as session:
        return [_info(row) for row in session.scalars(select(ApiToken).order_by(ApiToken.id.desc()))]


def revoke_api_token(db: Database, token_id: int) -> ApiTokenInfo:
    """Revoke a token from now on (already revoked: unchanged). ApiTokenError if there is no such token."""
    with db.session() as session:
        row = session.get(ApiToken, token_id)
        if row is None:
            raise ApiTokenError(f"没有编号为 {token_id} 的 API 令牌。", f"There is no API token number {token_id}.")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            session.commit()
        return _info(row)


def use_api_token(db: Database, token: str, now: datetime | None = None) -> ApiTokenInfo | None:
    """The active token this secret belongs to, noting its use; None for an unknown or revoked one."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    with db.session() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
        if row is None or row.revoked_at is not None:
            return None
        if row.last_used_at is None or now - as_utc(row.last_used_at) >= LAST_USE_RESOLUTION:
            row.last_used_at = now
            session.commit()
        return _info(row)
