"""An agent's last searches of the day on 知识搜索 (最近搜索), kept in the store per user.

qa29 H2 kept them in the browser session's memory, which a reload or a dropped websocket (common on a call-centre
desktop) emptied mid-shift. Here they are rows: masked as the search log masks a question (`loggable_query`: an ID,
phone or policy number a customer read out is never kept, nor shown back), at most `LIMIT` a user, the shift's only
(`since` is the caller's `shift_start`), and deleted when the user signs out (`forget_recent`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from trainer.clock import utcnow
from trainer.search_feedback.store import loggable_query
from trainer.store.db import Database
from trainer.store.models import RecentSearch

LIMIT = 10
SHIFT = timedelta(hours=12)


def shift_start(now: datetime) -> datetime:
    """Where an agent's 最近搜索 begins: `SHIFT` (12 h) before `now`, not local midnight nor the sign-in.

    ui54b kept today's searches (the calendar day): an agent on a night shift found the list empty after midnight,
    mid-call. A shift has no record of its own to key on, so the choice is between a window and the sign-in. Since
    the sign-in was not taken: a sign-in lasts `session_hours` (12 h by default) and is renewed mid-shift when it
    lapses or the agent signs in at another desk, which would empty the list in the middle of the shift again, and
    with single sign-on there is no sign-in of ours to read. Twelve hours hold a whole shift with its overtime and
    are gone before the same agent's next day (a day shift's searches are 14 h old or more by the next morning's);
    the next person at a shared desk never sees them either way, as signing out deletes the list at once."""
    return now - SHIFT


class PastSearch(NamedTuple):
    query: str
    category: str | None  # None: all categories
    regulations_only: bool

    @classmethod
    def masked(cls, query: str, category: str | None, regulations_only: bool) -> PastSearch:
        """The search as it is kept and shown: the question as the search log keeps it."""
        return cls(loggable_query(query), category or None, bool(regulations_only))


def recent_searches(db: Database, user_id: int, since: datetime) -> list[PastSearch]:
    """The user's searches since `since`, newest first, at most `LIMIT`."""
    with db.session() as session:
        rows = session.execute(select(RecentSearch.query, RecentSearch.category, RecentSearch.regulations_only)
                               .where(RecentSearch.user_id == user_id, RecentSearch.at >= since)
                               .order_by(RecentSearch.at.desc(), RecentSearch.id.desc()).limit(LIMIT)).all()
    return [PastSearch(query, category or None, regulations_only) for query, category, regulations_only in rows]


def record_recent(db: Database, user_id: int, search: PastSearch, since: datetime, now: datetime | None = None) -> None:
    """Put `search` (masked) first in the user's list, once, and drop what is older than `since` or past `LIMIT`."""
    search = PastSearch.masked(*search)
    if not search.query:
        return
    with db.session() as session:
        mine = RecentSearch.user_id == user_id
        session.execute(delete(RecentSearch).where(mine, RecentSearch.query == search.query,
                                                   RecentSearch.category == (search.category or ""),
                                                   RecentSearch.regulations_only == search.regulations_only))
        session.execute(delete(RecentSearch).where(mine, RecentSearch.at < since))
        session.add(RecentSearch(user_id=user_id, query=search.query, category=search.category or "",
                                 regulations_only=search.regulations_only, at=now or utcnow()))
        session.flush()
        kept = select(RecentSearch.id).where(mine).order_by(RecentSearch.at.desc(), RecentSearch.id.desc()).limit(LIMIT)
        session.execute(delete(RecentSearch).where(mine, RecentSearch.id.not_in(kept.scalar_subquery())))
        session.commit()


def forget_recent(session: Session, user_id: int) -> None:
    """Delete the user's list, in the caller's transaction (sign-out)."""
    session.execute(delete(RecentSearch).where(RecentSearch.user_id == user_id))
