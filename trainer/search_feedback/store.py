"""The search log in the store: record a search and a verdict on it, read the misses of a period.

Functions here may raise (a database that is down); the page reaches them only through
`trainer.search_feedback.writer.LogWriter`, which keeps failures away from the agent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import delete, or_, select, update

from trainer.clock import as_utc, utcnow
from trainer.store.db import Database
from trainer.store.models import LOGGED_QUERY_CHARS, SearchFeedback, SearchLog, User

UP, DOWN, WRONG = "up", "down", "wrong"
VERDICTS = (UP, DOWN, WRONG)
NEGATIVE = (DOWN, WRONG)
RESULTS_KEPT = 5  # the answers the page shows
# A number as typed: digit groups joined by a space, a hyphen or a dot (138 1234 5678, 110105 19491231 002X,
# P2019-0012-3456), with an ID card's closing X.
_NUMBER = re.compile(r"\d+(?:[ \-－.·]\d+)*(?:[Xx](?![A-Za-z]))?")
_GROUP_SEPARATOR = re.compile(r"[ \-－.·]")
# A phone, ID-card or policy number a customer read out, never kept: a run of this many digits…
LONG_RUN = 7
# …or groups holding this many digits in all; fewer is a date (2024-03-02) or a span (2023-2024), kept.
GROUPED_DIGITS = 9


def _masked(number: str) -> str:
    """`number` with its digits (and an ID card's X) as #, when it is long enough to identify someone."""
    groups = _GROUP_SEPARATOR.split(number)
    digits = sum(ch.isdigit() for ch in number)
    if max(len(g.rstrip("Xx")) for g in groups) >= LONG_RUN or digits >= GROUPED_DIGITS:
        return re.sub(r"[\dXx]", "#", number)
    return number


def loggable_query(query: str) -> str:
    """The query as it is kept: trimmed, numbers that could identify a customer masked (also when typed in
    groups: qa15 found 138 1234 5678 and 110105 19491231 002X logged readable, and shown to instructors on
    搜索反馈), at most LOGGED_QUERY_CHARS characters."""
    return _NUMBER.sub(lambda m: _masked(m.group()), " ".join((query or "").split()))[:LOGGED_QUERY_CHARS]


# The longest reason kept with a 👎 or a report: a sentence, as the page's box takes it.
NOTE_CHARS = 200


@dataclass(frozen=True)
class Verdict:
    entry_id: str  # "" when the search had no answer
    verdict: str
    right_entry_id: str | None
    note: str = ""  # the agent's short reason, "" when none was given


@dataclass(frozen=True)
class LoggedSearch:
    """One logged search with who asked and the latest verdict on each answer."""

    id: int
    query: str
    category: str
    results: tuple[tuple[str, float], ...]
    no_answer: bool
    at: datetime
    user_id: int | None
    user_name: str
    user_team: str
    user_role: str
    verdicts: tuple[Verdict, ...] = ()
    dismissed: bool = False  # an instructor marked it as needing no fix (无需处理)

    @property
    def top_ids(self) -> tuple[str, ...]:
        return tuple(entry_id for entry_id, _ in self.results)

    @property
    def reason(self) -> str:
        """Why it counts as a miss: 'no_answer', 'wrong' (reported), 'down' (👎) or '' (not a miss)."""
        if self.no_answer:
            return "no_answer"
        found = {v.verdict for v in self.verdicts}
        return WRONG if WRONG in found else DOWN if DOWN in found else ""

    @property
    def notes(self) -> tuple[str, ...]:
        """The reasons the asker gave with a 👎 or a report (qa28 F2), in the order given."""
        return tuple(v.note for v in self.verdicts if v.note and v.verdict in NEGATIVE)

    @property
    def suggested_entry(self) -> str | None:
        """The entry the agent said was right, else an answer they gave 👍."""
        picked = [v.right_entry_id for v in self.verdicts if v.right_entry_id]
        liked = [v.entry_id for v in self.verdicts if v.verdict == UP and v.entry_id]
        return (picked or liked or [None])[0]


def record_search(db: Database, search_key: str, user_id: int | None, query: str, category: str | None,
                  results: Sequence[tuple[str, float]], at: datetime | None = None) -> None:
    """Store one search; `results` are (entry id, relevance) best first, empty for "no reliable answer"."""
    kept = [[entry_id, round(float(score), 4)] for entry_id, score in list(results)[:RESULTS_KEPT]]
    with db.session() as session:
        session.add(SearchLog(search_key=search_key, user_id=user_id, query=loggable_query(query),
                              category=category or "", results_json=json.dumps(kept, ensure_ascii=False),
                              no_answer=not kept, at=at or utcnow()))
        session.commit()


def record_verdict(db: Database, search_key: str, user_id: int | None, entry_id: str | None, verdict: str | None,
                   right_entry_id: str | None = None, note: str | None = None) -> bool:
    """Set (or, with verdict None, withdraw) the asker's verdict on one answer, with their optional short reason
    (`note`, trimmed to NOTE_CHARS; numbers that could identify a customer masked as in a query); False if the search
    is unknown.

    Only the person who searched can judge their search.
    """
    note = loggable_query(note or "")[:NOTE_CHARS] or None
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}")
    with db.session() as session:
        search = session.scalar(select(SearchLog).where(SearchLog.search_key == search_key))
        if search is None or search.user_id != user_id:
            return False
        row = session.scalar(select(SearchFeedback).where(SearchFeedback.search_id == search.id,
                                                          SearchFeedback.entry_id == (entry_id or "")))
        if verdict is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(SearchFeedback(search_id=search.id, entry_id=entry_id or "", verdict=verdict,
                                       right_entry_id=right_entry_id or None, at=utcnow(), note=note))
        else:
            row.verdict, row.right_entry_id, row.at = verdict, right_entry_id or None, utcnow()
            row.note = note or row.note  # a report sent without a reason keeps the one given with the 👎
        session.commit()
        return True


def purge_searches(db: Database, before: datetime) -> int:
    """Delete searches older than `before` with their feedback (the retention period); how many went."""
    old = select(SearchLog.id).where(SearchLog.at < before)
    with db.session() as session:
        session.execute(delete(SearchFeedback).where(SearchFeedback.search_id.in_(old)))
        removed = session.execute(delete(SearchLog).where(SearchLog.at < before)).rowcount
        session.commit()
    return removed


def dismiss_searches(db: Database, search_ids: Iterable[int], user_id: int | None) -> int:
    """Mark missed searches as needing no fix (an instructor's call); how many were still open."""
    ids = list(search_ids)
    dismissed = 0
    with db.session() as session:
        for start in range(0, len(ids), 500):  # keep each IN list short for every backend
            dismissed += session.execute(
                update(SearchLog).where(SearchLog.id.in_(ids[start:start + 500]), SearchLog.dismissed_at.is_(None))
                .values(dismissed_at=utcnow(), dismissed_by=user_id)).rowcount
        session.commit()
    return dismissed


def searches(db: Database, since: datetime, misses_only: bool = False, limit: int = 5000,
             dismissed_too: bool = False) -> list[LoggedSearch]:
    """Searches since `since`, newest first; with `misses_only`, those with no answer or a 👎/report that no
    instructor has dismissed, and with `dismissed_too` the dismissed ones as well (`LoggedSearch.dismissed`):
    搜索反馈 counts them as handled rather than dropping them from its figures (qa16 #14)."""
    negative = select(SearchFeedback.search_id).where(SearchFeedback.verdict.in_(NEGATIVE))
    statement = (select(SearchLog, User).outerjoin(User, User.id == SearchLog.user_id)
                 .where(SearchLog.at >= since).order_by(SearchLog.at.desc(), SearchLog.id.desc()).limit(limit))
    if misses_only:
        statement = statement.where(or_(SearchLog.no_answer.is_(True), SearchLog.id.in_(negative)))
        if not dismissed_too:
            statement = statement.where(SearchLog.dismissed_at.is_(None))
    with db.session() as session:
        rows = session.execute(statement).all()
        verdicts = _verdicts_of(session, [log.id for log, _ in rows])
    return [_logged(log, user, verdicts.get(log.id, ())) for log, user in rows]


def _verdicts_of(session, search_ids: Iterable[int]) -> dict[int, tuple[Verdict, ...]]:
    ids = list(search_ids)
    found: dict[int, list[Verdict]] = {}
    for start in range(0, len(ids), 500):  # keep each IN list short for every backend
        rows = session.scalars(select(SearchFeedback).where(SearchFeedback.search_id.in_(ids[start:start + 500]))
                               .order_by(SearchFeedback.id))
        for row in rows:
            found.setdefault(row.search_id, []).append(Verdict(row.entry_id, row.verdict, row.right_entry_id,
                                                               row.note or ""))
    return {key: tuple(value) for key, value in found.items()}


def _logged(log: SearchLog, user: User | None, verdicts: tuple[Verdict, ...]) -> LoggedSearch:
    results = tuple((str(entry_id), float(score)) for entry_id, score in json.loads(log.results_json or "[]"))
    return LoggedSearch(log.id, log.query, log.category, results, bool(log.no_answer), as_utc(log.at), log.user_id,
                        user.display_name if user else "", user.team if user else "", user.role if user else "",
                        verdicts, log.dismissed_at is not None)
