"""One agent's progress: training calendar, due forecast, retention, missed items, today's goal.

An agent has a few thousand answers at most over the six-month programme, so rows are read
once and counted here in local days (the configured time zone), which keeps the rules in
one readable place. Team-wide aggregates are in trainer.insights.team.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import case, func, select

from trainer.insights.calls import CallScore, call_scores
from trainer.insights.periods import Period, day_start, local_day, week_start
from trainer.quiz.progress import share, streak
from trainer.store.db import Database
from trainer.store.models import QuizAttempt, ReviewState
from trainer.clock import as_utc

CALENDAR_DAYS = 182  # six months
FORECAST_DAYS = 30
# Practice calls an agent is expected to make each day (the outbound programme's default).
DAILY_CALL_GOAL = 1


@dataclass(frozen=True)
class DayActivity:
    day: date
    answers: int
    calls: int

    @property
    def total(self) -> int:
        return self.answers + self.calls


@dataclass(frozen=True)
class DueDay:
    day: date
    due: int  # reviews falling due that day (today also holds everything overdue)


@dataclass(frozen=True)
class WeekRetention:
    """Reviews (answers to items answered before) in one local week, and how many were right."""

    week: date
    reviews: int
    right: int

    @property
    def retention(self) -> float:
        return share(self.right, self.reviews)


@dataclass(frozen=True)
class MissedItem:
    item_id: str
    category: str
    attempts: int
    wrong: int
    latest_correct: bool
    last_answered: datetime


@dataclass(frozen=True)
class TodayGoal:
    """Today's work: reviews due today (done + still due) and the day's practice calls."""

    reviews_done: int
    reviews_left: int
    calls_goal: int
    calls_done: int
    assignments_goal: int = 0  # assignments due by today or done today (trainer.assignments.goal)
    assignments_done: int = 0

    @property
    def reviews_goal(self) -> int:
        return self.reviews_done + self.reviews_left

    @property
    def done_share(self) -> float:
        """Share of today's goal done, each call and each assignment weighing as much as one review."""
        goal = self.reviews_goal + self.calls_goal + self.assignments_goal
        done = self.reviews_done + min(self.calls_done, self.calls_goal) + min(self.assignments_done, self.assignments_goal)
        return 1.0 if not goal else done / goal


def _answers(db: Database, user_id: int, until: datetime | None = None) -> list[tuple[str, str, bool, datetime]]:
    """(item, category, correct, answered_at) of the user's answers, oldest first."""
    query = (select(QuizAttempt.item_id, QuizAttempt.category, QuizAttempt.correct, QuizAttempt.answered_at)
             .where(QuizAttempt.user_id == user_id))
    if until is not None:
        query = query.where(QuizAttempt.answered_at < until)
    with db.session() as session:
        rows = session.execute(query.order_by(QuizAttempt.answered_at, QuizAttempt.id)).all()
    return [(item, category, bool(correct), as_utc(at)) for item, category, correct, at in rows]


def activity_calendar(db: Database, user_id: int, period: Period, tz: tzinfo) -> list[DayActivity]:
    """Answers and finished calls per local day, every day of the period (zeros included)."""
    start, end = period.bounds(tz)
    with db.session() as session:
        answered = session.scalars(select(QuizAttempt.answered_at).where(
            QuizAttempt.user_id == user_id, QuizAttempt.answered_at >= start, QuizAttempt.answered_at < end)).all()
    answers = Counter(local_day(at, tz) for at in answered)
    calls = Counter(local_day(call.finished_at, tz) for call in call_scores(db, [user_id], period, tz))
    return [DayActivity(day, answers[day], calls[day]) for day in period.days()]


def training_streak(calendar: list[DayActivity], today: date) -> int:
    """Consecutive days with any training (answers or calls) up to today, or yesterday."""
    return streak((d.day for d in calendar if d.total), today)


def due_forecast(db: Database, user_id: int, now: datetime, tz: tzinfo, days: int = FORECAST_DAYS) -> list[DueDay]:
    """Reviews falling due on each of the next `days` local days; overdue ones count for today."""
    today = local_day(now, tz)
    end = day_start(today + timedelta(days=days), tz)
    with db.session() as session:
        dues = session.scalars(select(ReviewState.due).where(ReviewState.user_id == user_id, ReviewState.due < end)).all()
    counts = Counter(max(local_day(due, tz), today) for due in dues)
    return [DueDay(today + timedelta(days=n), counts[today + timedelta(days=n)]) for n in range(days)]


def weekly_retention(db: Database, user_id: int, period: Period, tz: tzinfo) -> list[WeekRetention]:
    """Share right on review per local week of the period (weeks without reviews left out).

    A review is any answer to an item the agent had answered before, at any earlier time;
    first answers measure learning, not retention, and are not counted.
    """
    start, end = period.bounds(tz)
    seen: set[str] = set()
    per_week: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for item, _category, correct, at in _answers(db, user_id, until=end):
        if item in seen and at >= start:
            counts = per_week[week_start(local_day(at, tz))]
            counts[0] += 1
            counts[1] += correct
        seen.add(item)
    return [WeekRetention(week, *per_week[week]) for week in period.weeks() if week in per_week]


def missed_items(db: Database, user_id: int, limit: int = 10, min_wrong: int = 2) -> list[MissedItem]:
    """Items the agent keeps getting wrong: at least `min_wrong` wrong answers, most wrong first."""
    query = (select(QuizAttempt.item_id, func.max(QuizAttempt.category), func.count(QuizAttempt.id),
                    func.sum(case((QuizAttempt.correct.is_(False), 1), else_=0)), func.max(QuizAttempt.answered_at))
             .where(QuizAttempt.user_id == user_id).group_by(QuizAttempt.item_id))
    with db.session() as session:
        rows = [row for row in session.execute(query) if (row[3] or 0) >= min_wrong]
        latest = {}
        if rows:
            last = session.execute(select(QuizAttempt.item_id, QuizAttempt.correct, QuizAttempt.answered_at)
                                   .where(QuizAttempt.user_id == user_id,
                                          QuizAttempt.item_id.in_([row[0] for row in rows]))
                                   .order_by(QuizAttempt.answered_at, QuizAttempt.id))
            latest = {item: bool(correct) for item, correct, _at in last}
    items = [MissedItem(item, category or "", attempts, int(wrong), latest[item], as_utc(last_at))
             for item, category, attempts, wrong, last_at in rows]
    return sorted(items, key=lambda m: (-m.wrong, m.latest_correct, -m.last_answered.timestamp(), m.item_id))[:limit]


def todays_goal(db: Database, user_id: int, now: datetime, tz: tzinfo, call_goal: int = DAILY_CALL_GOAL) -> TodayGoal:
    """Reviews done today, reviews still due by tonight, and today's practice calls."""
    today = local_day(now, tz)
    start, end = Period(today, today).bounds(tz)
    answers = _answers(db, user_id, until=end)
    before_today = {item for item, _c, _ok, at in answers if at < start}
    reviewed_today = {item for item, _c, _ok, at in answers if at >= start and item in before_today}
    with db.session() as session:
        left = session.scalar(select(func.count(ReviewState.id)).where(
            ReviewState.user_id == user_id, ReviewState.due < end)) or 0
    calls = call_scores(db, [user_id], Period(today, today), tz)
    return TodayGoal(len(reviewed_today), left, call_goal, len(calls))


def calls_by_scenario(calls: list[CallScore]) -> dict[str, list[CallScore]]:
    """An agent's calls grouped by scenario, each group oldest first, most practised scenario first."""
    grouped: dict[str, list[CallScore]] = defaultdict(list)
    for call in calls:
        grouped[call.scenario_id].append(call)
    return dict(sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])))
