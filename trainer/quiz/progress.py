"""The progress store: quiz attempts, spaced-repetition states and the summaries built on them.

A small repository over the tables in trainer/store/models.py. Everything goes through SQLAlchemy,
so the same code serves the default SQLite file and a company's shared PostgreSQL. Callers
get plain frozen dataclasses back, never live ORM objects, so nothing lazy-loads later in
another thread or after the session closed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trainer.quiz.item_totals import count_answer
from trainer.store.db import Database
from trainer.clock import as_utc, utcnow
from trainer.store.models import QuizAttempt, ReviewState, User
from trainer.users.accounts import UserInfo

# How far back training days are read for streaks.
STREAK_LOOKBACK_DAYS = 400


@dataclass(frozen=True)
class Attempt:
    """One answer to one question, as recorded."""

    user_id: int
    item_id: str
    correct: bool
    entry_id: str = ""
    category: str = ""
    question_type: str = ""
    answer_given: str = ""
    seconds: float = 0.0
    session_id: str = ""
    answered_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class ReviewInfo:
    """A user's spaced-repetition state of one item."""

    user_id: int
    item_id: str
    card_json: str
    due: datetime
    entry_id: str = ""
    category: str = ""
    reps: int = 0
    lapses: int = 0
    last_review: datetime | None = None


@dataclass(frozen=True)
class CategoryMastery:
    """How a user stands in one category: items whose latest answer was right, and overall accuracy."""

    category: str
    items_seen: int
    items_known: int
    attempts: int
    correct: int

    @property
    def mastery(self) -> float:
        return share(self.items_known, self.items_seen)

    @property
    def accuracy(self) -> float:
        return share(self.correct, self.attempts)


@dataclass(frozen=True)
class SessionResult:
    """One training session as the agent remembers it: when, how many, how many right."""

    session_id: str
    started_at: datetime
    finished_at: datetime
    questions: int
    correct: int
    seconds: float

    @property
    def score(self) -> float:
        return share(self.correct, self.questions)


@dataclass(frozen=True)
class AgentSummary:
    """One agent's line in the instructor's team overview."""

    user: UserInfo
    attempts: int
    correct: int
    items_seen: int
    due_now: int
    streak: int
    last_active: datetime | None

    @property
    def accuracy(self) -> float:
        return share(self.correct, self.attempts)


def share(part: float, whole: float) -> float:
    """part / whole, or 0.0 when there is nothing to divide (no answers yet)."""
    return part / whole if whole else 0.0


def streak(days: Iterable[date], today: date) -> int:
    """Consecutive training days ending today (or yesterday: today's session may still come)."""
    trained = set(days)
    day = today if today in trained else today - timedelta(days=1)
    count = 0
    while day in trained:
        count += 1
        day -= timedelta(days=1)
    return count


def _attempt(row: QuizAttempt) -> Attempt:
    return Attempt(user_id=row.user_id, item_id=row.item_id, correct=row.correct, entry_id=row.entry_id,
                   category=row.category, question_type=row.question_type, answer_given=row.answer_given,
                   seconds=row.seconds, session_id=row.session_id, answered_at=as_utc(row.answered_at))


def _review(row: ReviewState) -> ReviewInfo:
    return ReviewInfo(user_id=row.user_id, item_id=row.item_id, card_json=row.card_json, due=as_utc(row.due),
                      entry_id=row.entry_id, category=row.category, reps=row.reps, lapses=row.lapses,
                      last_review=as_utc(row.last_review) if row.last_review else None)


class ProgressStore:
    """Reads and writes training progress; one per process is enough (it holds no state but the db)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ writing

    def record_attempt(self, attempt: Attempt, review: ReviewInfo | None = None) -> None:
        """Store an answer and, when given, the item's new review state, in one transaction."""
        def write(session: Session) -> None:
            session.add(QuizAttempt(
                user_id=attempt.user_id, item_id=attempt.item_id, entry_id=attempt.entry_id,
                category=attempt.category, question_type=attempt.question_type,
                answer_given=attempt.answer_given, correct=attempt.correct, seconds=attempt.seconds,
                session_id=attempt.session_id, answered_at=as_utc(attempt.answered_at)))
            count_answer(session, attempt.user_id, attempt.item_id, attempt.category, attempt.correct, attempt.answered_at)
            if review is not None:
                self._put_review(session, review)

        self._commit(write)

    def save_review_state(self, review: ReviewInfo) -> None:
        """Insert or replace one review state."""
        self._commit(lambda session: self._put_review(session, review))

    def _commit(self, write: Callable[[Session], None]) -> None:
        """Run `write` in a transaction; retry once if another session created the same review state first."""
        for retry in (False, True):
            with self.db.session() as session:
                write(session)
                try:
                    session.commit()
                    return
                except IntegrityError:
                    session.rollback()
                    if retry:
                        raise

    @staticmethod
    def _put_review(session: Session, review: ReviewInfo) -> None:
        row = session.scalar(select(ReviewState).where(
            ReviewState.user_id == review.user_id, ReviewState.item_id == review.item_id))
        if row is None:
            row = ReviewState(user_id=review.user_id, item_id=review.item_id)
            session.add(row)
        row.entry_id = review.entry_id
        row.category = review.category
        row.card_json = review.card_json
        row.due = as_utc(review.due)
        row.reps = review.reps
        row.lapses = review.lapses
        row.last_review = as_utc(review.last_review) if review.last_review else None

    # ------------------------------------------------------------------ one user

    def attempts(self, user_id: int, limit: int | None = None) -> list[Attempt]:
        """The user's answers, newest first."""
        query = (select(QuizAttempt).where(QuizAttempt.user_id == user_id)
                 .order_by(QuizAttempt.answered_at.desc(), QuizAttempt.id.desc()).limit(limit))
        with self.db.session() as session:
            return [_attempt(row) for row in session.scalars(query)]

    def latest_results(self, user_id: int) -> dict[str, Attempt]:
        """Each item's most recent answer by this user."""
        latest: dict[str, Attempt] = {}
        for attempt in self.attempts(user_id):
            latest.setdefault(attempt.item_id, attempt)
        return latest

    def review_state(self, user_id: int, item_id: str) -> ReviewInfo | None:
        with self.db.session() as session:
            row = session.scalar(select(ReviewState).where(
                ReviewState.user_id == user_id, ReviewState.item_id == item_id))
            return _review(row) if row else None

    def review_states(self, user_id: int) -> dict[str, ReviewInfo]:
        """All of the user's review states by item id."""
        with self.db.session() as session:
            rows = session.scalars(select(ReviewState).where(ReviewState.user_id == user_id))
            return {row.item_id: _review(row) for row in rows}

    def due_reviews(self, user_id: int, by: datetime, category: str | None = None) -> list[ReviewInfo]:
        """Review states due at or before `by`, most overdue first."""
        query = select(ReviewState).where(ReviewState.user_id == user_id, ReviewState.due <= as_utc(by))
        if category is not None:
            query = query.where(ReviewState.category == category)
        with self.db.session() as session:
            return [_review(row) for row in session.scalars(query.order_by(ReviewState.due, ReviewState.item_id))]

    def mastery_by_category(self, user_id: int) -> dict[str, CategoryMastery]:
        """Per category: items seen, items whose latest answer was right, attempts and right answers."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        latest = self.latest_results(user_id)
        for attempt in self.attempts(user_id):
            counts[attempt.category][0] += 1
            counts[attempt.category][1] += attempt.correct
        seen: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for attempt in latest.values():
            seen[attempt.category][0] += 1
            seen[attempt.category][1] += attempt.correct
        return {category: CategoryMastery(category, seen[category][0], seen[category][1], *counts[category])
                for category in sorted(counts)}

    def training_days(self, user_id: int, tz: tzinfo, since: datetime | None = None) -> list[date]:
        """Local calendar days on which the user answered at least one question, oldest first."""
        since = since or utcnow() - timedelta(days=STREAK_LOOKBACK_DAYS)
        return self._training_days([user_id], tz, since).get(user_id, [])

    def current_streak(self, user_id: int, now: datetime, tz: tzinfo) -> int:
        """Consecutive local days with training, up to today (or yesterday)."""
        days = self.training_days(user_id, tz, since=as_utc(now) - timedelta(days=STREAK_LOOKBACK_DAYS))
        return streak(days, as_utc(now).astimezone(tz).date())

    def _training_days(self, user_ids: list[int], tz: tzinfo, since: datetime) -> dict[int, list[date]]:
        query = (select(QuizAttempt.user_id, QuizAttempt.answered_at)
                 .where(QuizAttempt.user_id.in_(user_ids), QuizAttempt.answered_at >= as_utc(since)))
        days: dict[int, set[date]] = defaultdict(set)
        with self.db.session() as session:
            for user_id, answered_at in session.execute(query):
                days[user_id].add(as_utc(answered_at).astimezone(tz).date())
        return {user_id: sorted(found) for user_id, found in days.items()}

    def recent_sessions(self, user_id: int, limit: int = 10) -> list[SessionResult]:
        """The user's latest training sessions, newest first."""
        query = (select(QuizAttempt.session_id, func.min(QuizAttempt.answered_at), func.max(QuizAttempt.answered_at),
                        func.count(QuizAttempt.id), QuizAttempt.correct, func.sum(QuizAttempt.seconds))
                 .where(QuizAttempt.user_id == user_id)
                 .group_by(QuizAttempt.session_id, QuizAttempt.correct))
        merged: dict[str, list] = {}
        with self.db.session() as session:
            for session_id, first, last, count, correct, seconds in session.execute(query):
                first, last = as_utc(first), as_utc(last)
                row = merged.setdefault(session_id, [first, last, 0, 0, 0.0])
                row[0], row[1] = min(row[0], first), max(row[1], last)
                row[2] += count
                row[3] += count if correct else 0
                row[4] += float(seconds or 0.0)
        results = [SessionResult(sid, *values) for sid, values in merged.items()]
        return sorted(results, key=lambda r: r.finished_at, reverse=True)[:limit]

    # ------------------------------------------------------------------ teams

    def team_members(self, team: str | None = None) -> list[UserInfo]:
        """Users of a team (all users when `team` is None), by name."""
        query = select(User).where(User.disabled.is_(False)).order_by(User.display_name, User.id)
        if team is not None:
            query = query.where(User.team == team)
        with self.db.session() as session:
            return [UserInfo.of(user) for user in session.scalars(query)]

    def teams(self) -> list[str]:
        """Every team name in use."""
        with self.db.session() as session:
            return sorted(t for t in session.scalars(select(User.team).distinct()) if t is not None)

    def team_overview(self, members: list[UserInfo], now: datetime, tz: tzinfo) -> list[AgentSummary]:
        """Per agent: answers, accuracy, items seen, reviews due now, training streak, last activity."""
        ids = [m.id for m in members]
        if not ids:
            return []
        totals = (select(QuizAttempt.user_id, func.count(QuizAttempt.id), func.count(func.distinct(QuizAttempt.item_id)),
                         func.max(QuizAttempt.answered_at))
                  .where(QuizAttempt.user_id.in_(ids)).group_by(QuizAttempt.user_id))
        right = (select(QuizAttempt.user_id, func.count(QuizAttempt.id))
                 .where(QuizAttempt.user_id.in_(ids), QuizAttempt.correct.is_(True)).group_by(QuizAttempt.user_id))
        due = (select(ReviewState.user_id, func.count(ReviewState.id))
               .where(ReviewState.user_id.in_(ids), ReviewState.due <= as_utc(now)).group_by(ReviewState.user_id))
        with self.db.session() as session:
            total_rows = {row[0]: row[1:] for row in session.execute(totals)}
            right_rows = dict(session.execute(right).tuples().all())
            due_rows = dict(session.execute(due).tuples().all())
        days = self._training_days(ids, tz, as_utc(now) - timedelta(days=STREAK_LOOKBACK_DAYS))
        today = as_utc(now).astimezone(tz).date()
        summaries = []
        for member in members:
            attempts, items, last = total_rows.get(member.id, (0, 0, None))
            summaries.append(AgentSummary(
                user=member, attempts=attempts, correct=right_rows.get(member.id, 0), items_seen=items,
                due_now=due_rows.get(member.id, 0), streak=streak(days.get(member.id, []), today),
                last_active=as_utc(last) if last else None))
        return summaries

    def outcomes(self, user_ids: list[int] | None = None) -> list[tuple[int, str, bool]]:
        """(user, item, correct) of every answer, oldest first (input of the item statistics)."""
        query = select(QuizAttempt.user_id, QuizAttempt.item_id, QuizAttempt.correct)
        if user_ids is not None:
            query = query.where(QuizAttempt.user_id.in_(user_ids))
        with self.db.session() as session:
            return [tuple(row) for row in session.execute(query.order_by(QuizAttempt.answered_at, QuizAttempt.id))]
