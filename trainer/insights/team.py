"""The instructors' team console: who keeps up and what the team gets wrong, per period.

Built for a team of a few hundred agents with six months of history (about half a million
answers): aggregates over answers read the covering index of quiz_attempts (user_id,
answered_at, correct, category, item_id) or the tallies kept with each answer
(trainer/quiz/item_totals.py: per agent and item, per agent and UTC hour). Weeks are summed
range by range (a UNION ALL of one sum per local week, from the hourly tallies) rather than
bucketed row by row. bench/team_console.py checks the time on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from sqlalchemy import Select, and_, case, func, literal, select, union_all

from trainer.insights.calls import CallScore
from trainer.insights.periods import Period, local_day, week_bounds
from trainer.quiz.progress import share
from trainer.store.db import Database
from trainer.quiz.item_totals import hour_start
from trainer.store.models import DialogueRecord, QuizAttempt, QuizHourTotal, QuizItemTotal, User
from trainer.clock import as_utc
from trainer.users.accounts import UserInfo

_RIGHT = func.sum(case((QuizAttempt.correct.is_(True), 1), else_=0))


@dataclass(frozen=True)
class MasteryCell:
    """Answers of one agent in one category in the period, and how many were right."""

    user_id: int
    category: str
    answers: int
    right: int

    @property
    def accuracy(self) -> float:
        return share(self.right, self.answers)


@dataclass(frozen=True)
class WeekAccuracy:
    week: date
    answers: int
    right: int

    @property
    def accuracy(self) -> float:
        return share(self.right, self.answers)


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    category: str
    answers: int
    right: int
    agents: int

    @property
    def accuracy(self) -> float:
        return share(self.right, self.answers)


@dataclass(frozen=True)
class Inactive:
    agent: UserInfo
    last_active: datetime | None
    idle_days: int | None  # None: never trained


def agents(db: Database, team: str | None = None, cohort: str | None = None) -> list[UserInfo]:
    """Enabled agents, of one team and/or one hire month ('YYYY-MM') when given, by name."""
    query = select(User).where(User.role == "agent", User.disabled.is_(False))
    if team is not None:
        query = query.where(User.team == team)
    if cohort:
        first = date.fromisoformat(f"{cohort}-01")
        following = (first + timedelta(days=32)).replace(day=1)
        query = query.where(User.hire_date >= first, User.hire_date < following)
    with db.session() as session:
        found = [UserInfo.of(user) for user in session.scalars(query)]
    return sorted(found, key=lambda u: (u.display_name, u.id))  # the same order on every database


def cohorts(db: Database) -> list[str]:
    """Hire months ('YYYY-MM') of enabled agents, newest first."""
    with db.session() as session:
        dates = session.scalars(select(User.hire_date).where(
            User.role == "agent", User.disabled.is_(False), User.hire_date.is_not(None)).distinct()).all()
    return sorted({day.strftime("%Y-%m") for day in dates}, reverse=True)


class ItemCount(NamedTuple):
    """One agent's answers to one item in the period. A named tuple, not a frozen dataclass: the
    six-month console builds ~60,000 of them, and a dataclass's __init__ was most of that time."""

    user_id: int
    item_id: str
    category: str
    answers: int
    right: int


def item_counts(db: Database, user_ids: list[int], period: Period, tz: tzinfo) -> list[ItemCount]:
    """Answers and right answers per agent and item in the period (period_answers folds the same
    counts per agent and category and per item in SQL, which is what the console reads).

    SQLite groups by sorting, which is most of a long period's time (six months, all teams: half a
    million answers). So on SQLite, when most of the agents' answers fall inside the period, it is
    read as their all-time totals minus the answers outside it (item_counts_from_totals).
    PostgreSQL groups with a hash table and was measured no faster that way, so it groups directly."""
    return _item_counts(db, _item_counts_query(db, user_ids, period, tz)) if user_ids else []


def item_counts_grouped(db: Database, user_ids: list[int], period: Period, tz: tzinfo) -> list[ItemCount]:
    """item_counts by grouping the period's answers."""
    return _item_counts(db, _grouped_query(user_ids, period, tz))


def item_counts_from_totals(db: Database, user_ids: list[int], period: Period, tz: tzinfo) -> list[ItemCount]:
    """item_counts as the agents' all-time totals per item (quiz_item_totals, already grouped) minus
    their answers outside the period: the same counts, with only the answers outside grouped."""
    return _item_counts(db, _totals_query(user_ids, period, tz))


def _item_counts(db: Database, query: Select) -> list[ItemCount]:
    with db.session() as session:
        return [ItemCount(user_id, item, category, int(answers), int(right or 0))
                for user_id, item, category, answers, right in session.execute(query)]


def _item_counts_query(db: Database, user_ids: list[int], period: Period, tz: tzinfo) -> Select:
    """(user_id, item_id, category, answers, right_answers) per agent and item in the period, by
    the cheaper of the two ways on this database (see item_counts)."""
    if db.engine.dialect.name == "sqlite":
        start, end = period.bounds(tz)
        with db.session() as session:
            inside = sum(int(answers or 0) for _, answers, _ in session.execute(union_all(*_answer_sums(user_ids, start, end, 0))))
            total = session.scalar(select(func.sum(QuizItemTotal.answers))
                                   .where(QuizItemTotal.user_id.in_(user_ids))) or 0
        if inside > total - inside:
            return _totals_query(user_ids, period, tz)
    return _grouped_query(user_ids, period, tz)


def _grouped_query(user_ids: list[int], period: Period, tz: tzinfo) -> Select:
    start, end = period.bounds(tz)
    return (select(QuizAttempt.user_id, QuizAttempt.item_id, func.coalesce(func.max(QuizAttempt.category), "").label("category"),
                   func.count().label("answers"), _RIGHT.label("right_answers"))
            .where(QuizAttempt.user_id.in_(user_ids), QuizAttempt.answered_at >= start, QuizAttempt.answered_at < end)
            .group_by(QuizAttempt.user_id, QuizAttempt.item_id))


def _totals_query(user_ids: list[int], period: Period, tz: tzinfo) -> Select:
    """The subtraction and the fold per agent and item happen in SQL: done in Python they were most
    of the six-month console's time (60,000 tallies built, then folded)."""
    start, end = period.bounds(tz)
    # Two ranges, not one OR: each is a seek in the covering index, so only the answers outside are
    # read (with an OR, SQLite reads every answer of the agents and filters them).
    before, after = ([select(QuizAttempt.user_id, QuizAttempt.item_id, func.coalesce(QuizAttempt.category, "").label("category"),
                             QuizAttempt.correct).where(QuizAttempt.user_id.in_(user_ids), condition)
                      for condition in (QuizAttempt.answered_at < start, QuizAttempt.answered_at >= end)])
    rows = union_all(before, after).subquery()
    outside = (select(rows.c.user_id, rows.c.item_id, rows.c.category, func.count().label("answers"),
                      func.sum(case((rows.c.correct.is_(True), 1), else_=0)).label("right_answers"))
               .group_by(rows.c.user_id, rows.c.item_id, rows.c.category)).subquery()
    answers = QuizItemTotal.answers - func.coalesce(outside.c.answers, 0)
    right = QuizItemTotal.right_answers - func.coalesce(outside.c.right_answers, 0)
    remaining = (select(QuizItemTotal.user_id, QuizItemTotal.item_id, QuizItemTotal.category,
                        answers.label("answers"), right.label("right_answers"))
                 .outerjoin(outside, and_(outside.c.user_id == QuizItemTotal.user_id,
                                          outside.c.item_id == QuizItemTotal.item_id,
                                          outside.c.category == QuizItemTotal.category))
                 .where(QuizItemTotal.user_id.in_(user_ids))).subquery()
    # Named by the greatest category still answered in the period, as max(category) over the answers does.
    return (select(remaining.c.user_id, remaining.c.item_id, func.max(remaining.c.category).label("category"),
                   func.sum(remaining.c.answers).label("answers"), func.sum(remaining.c.right_answers).label("right_answers"))
            .where(remaining.c.answers > 0)
            .group_by(remaining.c.user_id, remaining.c.item_id))


@dataclass(frozen=True)
class PeriodAnswers:
    """The console's two folds of the period's answers per agent and item."""

    mastery: list[MasteryCell]  # answers and right answers per agent and category
    weakest: list[ItemResult]  # the items answered right least often (with at least min_answers answers)


def period_answers(db: Database, user_ids: list[int], period: Period, tz: tzinfo, limit: int = 10,
                   min_answers: int = 5) -> PeriodAnswers:
    """The mastery grid and the weakest items of item_counts, folded in SQL: a few thousand rows reach
    Python instead of one per agent and item (60,000 on the six-month console, which cost more to
    build and fold than SQLite took to count them). One statement, so the counts are made once."""
    if not user_ids:
        return PeriodAnswers([], [])
    counts = _item_counts_query(db, user_ids, period, tz).cte("counts")
    by_agent = (select(literal(0).label("kind"), counts.c.user_id, literal("").label("item_id"), counts.c.category,
                       func.sum(counts.c.answers), func.sum(counts.c.right_answers), func.count())
                .group_by(counts.c.user_id, counts.c.category))
    # An item is named by its category for the lowest agent id (an item moved to another category keeps one name).
    by_item = (select(literal(1).label("kind"), func.min(counts.c.user_id), counts.c.item_id, counts.c.category,
                      func.sum(counts.c.answers), func.sum(counts.c.right_answers), func.count())
               .group_by(counts.c.item_id, counts.c.category))
    cells: list[MasteryCell] = []
    items: dict[str, list] = {}
    with db.session() as session:
        for kind, user_id, item_id, category, answers, right, rows in session.execute(union_all(by_agent, by_item)):
            if kind == 0:
                cells.append(MasteryCell(user_id, category, int(answers), int(right or 0)))
                continue
            item = items.setdefault(item_id, [user_id, category, 0, 0, 0])
            if user_id < item[0]:
                item[0], item[1] = user_id, category
            item[2] += int(answers)
            item[3] += int(right or 0)
            item[4] += rows
    cells.sort(key=lambda cell: (cell.user_id, cell.category))
    return PeriodAnswers(cells, _weakest({item_id: values[1:] for item_id, values in items.items()}, limit, min_answers))


def weekly_accuracy(db: Database, user_ids: list[int], period: Period, tz: tzinfo) -> list[WeekAccuracy]:
    """The agents' answers and share right per local week of the period (weeks without answers left out)."""
    if not user_ids:
        return []
    first, end = period.bounds(tz)
    weeks = period.weeks()
    parts = []
    for index, monday in enumerate(weeks):
        low, high = week_bounds(monday, tz)
        parts += _answer_sums(user_ids, max(low, first), min(high, end), index)
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    with db.session() as session:
        for index, answers, right in session.execute(union_all(*parts)):
            found[index][0] += int(answers or 0)
            found[index][1] += int(right or 0)
    return [WeekAccuracy(weeks[index], *found[index]) for index in sorted(found) if found[index][0]]


def _answer_sums(user_ids: list[int], start: datetime, end: datetime, label: int) -> list[Select]:
    """Rows (label, answers, right) that add up to the agents' answers in [start, end): the whole UTC
    hours from quiz_hour_totals, the minutes before the first and after the last whole hour (none
    in a whole-hour time zone such as Beijing's) from the answers themselves."""
    first_hour = hour_start(start) + (timedelta(hours=1) if hour_start(start) < start else timedelta(0))
    last_hour = hour_start(end)
    if first_hour >= last_hour:
        edges = [(start, end)]
        hours = None
    else:
        edges = [(low, high) for low, high in ((start, first_hour), (last_hour, end)) if low < high]
        hours = (select(literal(label).label("label"), func.sum(QuizHourTotal.answers).label("answers"),
                        func.sum(QuizHourTotal.right_answers).label("right"))
                 .where(QuizHourTotal.user_id.in_(user_ids), QuizHourTotal.hour_start >= first_hour,
                        QuizHourTotal.hour_start < last_hour))
    raw = [select(literal(label).label("label"), func.count().label("answers"), _RIGHT.label("right"))
           .where(QuizAttempt.user_id.in_(user_ids), QuizAttempt.answered_at >= low, QuizAttempt.answered_at < high)
           for low, high in edges]
    return raw + ([hours] if hours is not None else [])


def _weakest(totals: dict[str, list], limit: int, min_answers: int) -> list[ItemResult]:
    """Per item [category, answers, right, agents] → the `limit` least often right."""
    items = [ItemResult(item_id, category, answers, right, agents)
             for item_id, (category, answers, right, agents) in totals.items() if answers >= min_answers]
    return sorted(items, key=lambda i: (i.accuracy, -i.answers, i.item_id))[:limit]


def first_answers(db: Database, user_ids: list[int]) -> list[tuple[int, str, bool]]:
    """(agent, item, correct) of each agent's first answer to each item (input of item_statistics)."""
    if not user_ids:
        return []
    first = (select(QuizAttempt.user_id, QuizAttempt.item_id, func.min(QuizAttempt.answered_at).label("at"))
             .where(QuizAttempt.user_id.in_(user_ids))
             .group_by(QuizAttempt.user_id, QuizAttempt.item_id).subquery())
    query = (select(QuizAttempt.user_id, QuizAttempt.item_id, QuizAttempt.correct)
             .join(first, and_(QuizAttempt.user_id == first.c.user_id, QuizAttempt.item_id == first.c.item_id,
                               QuizAttempt.answered_at == first.c.at)))
    with db.session() as session:
        return [(user_id, item, bool(correct)) for user_id, item, correct in session.execute(query)]


def last_activity(db: Database, user_ids: list[int]) -> dict[int, datetime]:
    """Each agent's latest answer or finished call (agents who never trained are absent).

    One max() per agent, correlated: each is a single seek to the end of the agent's range in the
    (user, time) indexes, where grouping all agents' answers read every one of them (half a
    million on the six-month console)."""
    if not user_ids:
        return {}
    answered = select(func.max(QuizAttempt.answered_at)).where(QuizAttempt.user_id == User.id).scalar_subquery()
    called = select(func.max(DialogueRecord.finished_at)).where(DialogueRecord.user_id == User.id).scalar_subquery()
    latest: dict[int, datetime] = {}
    with db.session() as session:
        for user_id, *moments in session.execute(select(User.id, answered, called).where(User.id.in_(user_ids))):
            found = [as_utc(moment) for moment in moments if moment is not None]
            if found:
                latest[user_id] = max(found)
    return latest


def inactive_agents(members: list[UserInfo], latest: dict[int, datetime], now: datetime, tz: tzinfo,
                    days: int) -> list[Inactive]:
    """Agents with no training on the last `days` local days (today included); never-trained first."""
    today = local_day(now, tz)
    found = []
    for member in members:
        last = latest.get(member.id)
        idle = None if last is None else (today - local_day(last, tz)).days
        if idle is None or idle >= days:
            found.append(Inactive(member, last, idle))
    return sorted(found, key=lambda i: (i.idle_days is not None, -(i.idle_days or 0), i.agent.display_name))


@dataclass(frozen=True)
class AgentLine:
    """One agent's line in the console's table: the period's answers and calls, last training."""

    agent: UserInfo
    answers: int
    right: int
    calls: int
    mean_score: float | None
    last_active: datetime | None

    @property
    def accuracy(self) -> float:
        return share(self.right, self.answers)


def agent_lines(members: list[UserInfo], grid: list[MasteryCell], calls: list[CallScore],
                latest: dict[int, datetime]) -> list[AgentLine]:
    """Fold the period's mastery grid and calls into one line per agent (no further queries)."""
    answers: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for cell in grid:
        answers[cell.user_id][0] += cell.answers
        answers[cell.user_id][1] += cell.right
    scores: dict[int, list[float]] = defaultdict(list)
    for call in calls:
        scores[call.user_id].append(call.score)
    return [AgentLine(m, *answers[m.id], len(scores[m.id]),
                      round(sum(scores[m.id]) / len(scores[m.id]), 1) if scores[m.id] else None, latest.get(m.id))
            for m in members]
