"""User records of the progress store (sign-in itself lives in the accounts feature)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db import Database
from trainer.models import User


@dataclass(frozen=True)
class UserInfo:
    """A detached, read-only view of a user, safe to keep in a browser session."""

    id: int
    login: str
    display_name: str
    role: str
    team: str

    @classmethod
    def of(cls, user: User) -> "UserInfo":
        return cls(user.id, user.login, user.display_name, user.role, user.team)


def login_from_name(name: str) -> str:
    """A login derived from a display name (lower case, spaces folded)."""
    return re.sub(r"\s+", "-", name.strip().lower())[:64]


def get_or_create_by_name(db: Database, name: str, role: str = "agent", team: str = "") -> UserInfo:
    """The user called `name`, created on first use (the temporary name-only sign-in)."""
    login = login_from_name(name)
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == login))
        if user is None:
            user = User(login=login, display_name=name.strip(), role=role, team=team)
            session.add(user)
            session.commit()
        return UserInfo.of(user)
