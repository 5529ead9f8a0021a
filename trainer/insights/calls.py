"""Practice-call results for progress pages: scores over time, best and latest per scenario,
and the faults behind the worst-handled scenarios (with the agents' own words)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from statistics import fmean

from sqlalchemy import select

from trainer.insights.periods import Period, local_day, week_start
from trainer.store.db import Database
from trainer.store.models import DialogueRecord
from trainer.clock import as_utc


@dataclass(frozen=True)
class CallScore:
    """One finished practice call, without its transcript."""

    id: int
    user_id: int
    scenario_id: str
    score: float
    outcome: str
    mode: str
    finished_at: datetime


@dataclass(frozen=True)
class ScenarioResult:
    """An agent's standing on one scenario: how often practised, best and latest score."""

    user_id: int
    scenario_id: str
    calls: int
    best: float
    latest: float
    latest_at: datetime


@dataclass(frozen=True)
class WeekScore:
    week: date
    calls: int
    mean_score: float


@dataclass(frozen=True)
class Quote:
    call_id: int
    user_id: int
    text: str


@dataclass(frozen=True)
class Fault:
    """A behaviour judged wrong, how many times, and recent examples of what was said."""

    rubric: str
    count: int
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class ScenarioTrouble:
    scenario_id: str
    calls: int
    mean_score: float
    faults: tuple[Fault, ...]


def call_scores(db: Database, user_ids: list[int], period: Period | None = None,
                tz: tzinfo | None = None) -> list[CallScore]:
    """The users' finished calls (in the period when given), oldest first."""
    if not user_ids:
        return []
    query = (select(DialogueRecord.id, DialogueRecord.user_id, DialogueRecord.scenario_id, DialogueRecord.score,
                    DialogueRecord.outcome, DialogueRecord.mode, DialogueRecord.finished_at)
             .where(DialogueRecord.user_id.in_(user_ids), DialogueRecord.finished_at.is_not(None)))
    if period is not None:
        start, end = period.bounds(tz)
        query = query.where(DialogueRecord.finished_at >= start, DialogueRecord.finished_at < end)
    with db.session() as session:
        rows = session.execute(query.order_by(DialogueRecord.finished_at, DialogueRecord.id)).all()
    return [CallScore(id_, user_id, scenario, float(score), outcome, mode, as_utc(finished))
            for id_, user_id, scenario, score, outcome, mode, finished in rows]


def best_and_latest(calls: list[CallScore]) -> list[ScenarioResult]:
    """Per (agent, scenario): number of calls, best and latest score; calls must be oldest first."""
    grouped: dict[tuple[int, str], list[CallScore]] = defaultdict(list)
    for call in calls:
        grouped[(call.user_id, call.scenario_id)].append(call)
    return [ScenarioResult(user_id, scenario, len(group), max(c.score for c in group), group[-1].score,
                           group[-1].finished_at)
            for (user_id, scenario), group in sorted(grouped.items())]


def weekly_scores(calls: list[CallScore], weeks: list[date], tz: tzinfo) -> list[WeekScore]:
    """Mean call score per local week; weeks without calls are left out (no line through zero)."""
    by_week: dict[date, list[float]] = defaultdict(list)
    for call in calls:
        by_week[week_start(local_day(call.finished_at, tz))].append(call.score)
    return [WeekScore(week, len(by_week[week]), round(fmean(by_week[week]), 1)) for week in weeks if by_week.get(week)]


def worst_scenarios(db: Database, calls: list[CallScore], limit: int = 5, faults: int = 3,
                    quotes: int = 2) -> list[ScenarioTrouble]:
    """The `limit` scenarios with the lowest mean score, each with its most frequent faults.

    Only the calls of those scenarios are read in full (findings), newest first, so the
    example quotes are recent ones.
    """
    scores: dict[str, list[float]] = defaultdict(list)
    for call in calls:
        scores[call.scenario_id].append(call.score)
    worst = sorted(scores, key=lambda s: (fmean(scores[s]), s))[:limit]
    if not worst:
        return []
    ids = [call.id for call in reversed(calls) if call.scenario_id in worst]  # newest first
    counts: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    with db.session() as session:
        for chunk in _chunks(ids, 5000):
            rows = session.execute(select(DialogueRecord.id, DialogueRecord.user_id, DialogueRecord.scenario_id,
                                          DialogueRecord.findings_json)
                                   .where(DialogueRecord.id.in_(chunk)).order_by(DialogueRecord.id.desc()))
            for call_id, user_id, scenario, findings_json in rows:
                for finding in json.loads(findings_json or "[]"):
                    if finding.get("ok", True):
                        continue
                    rubric = str(finding.get("rubric", ""))
                    counts[scenario][rubric] += 1
                    found = examples[(scenario, rubric)]
                    if len(found) < quotes and finding.get("quote"):
                        found.append(Quote(call_id, user_id, str(finding["quote"])))
    return [ScenarioTrouble(scenario, len(scores[scenario]), round(fmean(scores[scenario]), 1),
                            tuple(Fault(rubric, count, tuple(examples[(scenario, rubric)]))
                                  for rubric, count in sorted(counts[scenario].items(), key=lambda kv: (-kv[1], kv[0]))[:faults]))
            for scenario in worst]


def _chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[start:start + size] for start in range(0, len(values), size)]
