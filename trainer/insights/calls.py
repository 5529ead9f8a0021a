"""Practice-call results for progress pages: scores over time, best and latest per scenario,
and the faults behind the worst-handled scenarios (with the agents' own words) and the steps their calls missed."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from statistics import fmean
from typing import NamedTuple

from sqlalchemy import select

from trainer.dialogue.corrections import MISSED_STEP, Correction, missed_step, verdict_kept
from trainer.dialogue.step_wording import not_done_step
from trainer.insights.periods import Period, week_bounds
from trainer.store.db import Database
from trainer.store.models import DialogueRecord, JudgeCorrection
from trainer.clock import as_utc


# Faults of a badly handled scenario are counted on its newest calls, this many at most.
FAULT_SAMPLE = 200


class CallScore(NamedTuple):
    """One finished practice call, without its transcript. A named tuple, not a frozen dataclass:
    the six-month console builds ~22,000 of them, and a dataclass's __init__ was a third of that."""

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
    contested: bool = False  # the trainee marked it judged wrong; it waits in 评判纠错


@dataclass(frozen=True)
class Fault:
    """A behaviour judged wrong, how many times, and recent examples of what was said."""

    rubric: str
    count: int
    quotes: tuple[Quote, ...]
    contested: int = 0  # of `count`, how many the trainees contested and no instructor has reviewed yet


@dataclass(frozen=True)
class MissedStep:
    """A checkpoint of the scenario its calls left undone, how many of them, and the newest of those calls. A
    missed step is no finding, yet it costs most of a call's points (qa26 T1: 回应客户的不满, 19 of 27)."""

    step_id: str      # "" when only calls saved before the ids were stored missed it
    description: str  # the step's Chinese description, as the newest of those calls named it
    count: int
    calls: tuple[Quote, ...]  # no words were said: each quote's text is ""


@dataclass(frozen=True)
class ScenarioTrouble:
    scenario_id: str
    calls: int
    mean_score: float
    faults: tuple[Fault, ...]  # counted on the newest FAULT_SAMPLE calls
    missed: tuple[MissedStep, ...] = ()  # likewise, most often missed first


def _call_filter(query, user_ids: list[int], period: Period | None, tz: tzinfo | None):
    query = query.where(DialogueRecord.user_id.in_(user_ids), DialogueRecord.finished_at.is_not(None))
    if period is not None:
        start, end = period.bounds(tz)
        query = query.where(DialogueRecord.finished_at >= start, DialogueRecord.finished_at < end)
    return query


def call_scores(db: Database, user_ids: list[int], period: Period | None = None,
                tz: tzinfo | None = None) -> list[CallScore]:
    """The users' finished calls (in the period when given), oldest first."""
    if not user_ids:
        return []
    query = _call_filter(select(DialogueRecord.id, DialogueRecord.user_id, DialogueRecord.scenario_id,
                                DialogueRecord.score, DialogueRecord.outcome, DialogueRecord.mode,
                                DialogueRecord.finished_at), user_ids, period, tz)
    with db.session() as session:
        rows = session.execute(query.order_by(DialogueRecord.finished_at, DialogueRecord.id)).all()
    return [CallScore(id_, user_id, scenario, float(score), outcome, mode, as_utc(finished))
            for id_, user_id, scenario, score, outcome, mode, finished in rows]


def best_and_latest(calls: list[CallScore]) -> list[ScenarioResult]:
    """Per (agent, scenario): number of calls, best and latest score; calls must be oldest first."""
    found: dict[tuple[int, str], list] = {}
    for call in calls:
        entry = found.get((call.user_id, call.scenario_id))
        if entry is None:
            found[(call.user_id, call.scenario_id)] = [1, call.score, call.score, call.finished_at]
        else:
            entry[0] += 1
            entry[1] = max(entry[1], call.score)
            entry[2], entry[3] = call.score, call.finished_at
    return [ScenarioResult(user_id, scenario, *values) for (user_id, scenario), values in sorted(found.items())]


def weekly_scores(calls: list[CallScore], weeks: list[date], tz: tzinfo) -> list[WeekScore]:
    """Mean call score per local week; weeks without calls are left out (no line through zero)."""
    if not weeks:
        return []
    edges = [week_bounds(monday, tz)[1] for monday in weeks]  # each week's end, as UTC instants
    by_week: dict[int, list[float]] = defaultdict(list)
    for call in calls:
        by_week[bisect_right(edges, call.finished_at)].append(call.score)
    return [WeekScore(weeks[index], len(by_week[index]), round(fmean(by_week[index]), 1))
            for index in range(len(weeks)) if by_week.get(index)]


def worst_scenarios(db: Database, calls: list[CallScore], limit: int = 5, faults: int = 3, quotes: int = 2,
                    sample: int = FAULT_SAMPLE) -> list[ScenarioTrouble]:
    """The `limit` scenarios with the lowest mean score among `calls`, each with its most frequent faults and
    the `faults` steps its calls missed most often.

    Both are counted on each scenario's `sample` newest calls (their findings and still-open points are the
    only call data read again), so the quotes are recent and the cost stays flat as history grows.
    """
    by_scenario: dict[str, list[CallScore]] = defaultdict(list)
    for call in calls:
        by_scenario[call.scenario_id].append(call)
    worst = sorted(by_scenario, key=lambda s: (fmean(c.score for c in by_scenario[s]), s))[:limit]
    newest = sorted((c for s in worst for c in by_scenario[s][-sample:]),
                    key=lambda c: (c.finished_at, c.id), reverse=True)
    counts: dict[str, Counter] = defaultdict(Counter)
    contested: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[Quote]] = defaultdict(list)
    ids = [c.id for c in newest]
    with db.session() as session:
        stored = {call_id: (found, missed) for call_id, found, missed in session.execute(
            select(DialogueRecord.id, DialogueRecord.findings_json, DialogueRecord.missed_json)
            .where(DialogueRecord.id.in_(ids))).tuples().all()} if newest else {}
        objections = _objections(session, ids)
        done = _steps_done(session, ids)
    findings = {call_id: found for call_id, (found, _) in stored.items()}
    missed = _missed_steps(newest, {call_id: points for call_id, (_, points) in stored.items()}, quotes, done)
    for call in newest:
        for finding in json.loads(findings.get(call.id) or "[]"):
            if finding.get("ok", True):
                continue
            rubric = str(finding.get("rubric", ""))
            status = objections.get((call.id, finding.get("turn_index"), rubric))
            if status == "accepted":  # an instructor agreed the judge was wrong: no fault
                continue
            counts[call.scenario_id][rubric] += 1
            contested[call.scenario_id][rubric] += status == "open"
            found = examples[(call.scenario_id, rubric)]
            if len(found) < quotes and finding.get("quote"):
                found.append(Quote(call.id, call.user_id, str(finding["quote"]), status == "open"))
    return [ScenarioTrouble(scenario, len(by_scenario[scenario]), round(fmean(c.score for c in by_scenario[scenario]), 1),
                            tuple(Fault(rubric, count, tuple(examples[(scenario, rubric)]), contested[scenario][rubric])
                                  for rubric, count in sorted(counts[scenario].items(), key=lambda kv: (-kv[1], kv[0]))[:faults]),
                            tuple(sorted(missed.get(scenario, ()), key=lambda m: -m.count)[:faults]))
            for scenario in worst]


def _missed_steps(newest: list[CallScore], stored: dict[int, str | None], quotes: int,
                  done: set[tuple[int, str]] = frozenset()) -> dict[str, list[MissedStep]]:
    """Per scenario, the steps `newest` (newest first) left undone, read from each call's stored still-open points:
    by the step's id where a call stored it (ui52), so an older call's step by its wording counts with it. A step an
    instructor accepted as done after all (`done`: (call, step id or wording)) is left out, as its call's report
    leaves it out (ui52's note)."""
    points = [(call, str(point.get("step", "")), description) for call in newest
              for point in json.loads(stored.get(call.id) or "[]")
              if (description := not_done_step(str(point.get("zh", "")))) is not None]
    points = [(call, step_id, description) for call, step_id, description in points
              if not {(call.id, step_id), (call.id, description)} & done]
    ids = {(call.scenario_id, description): step_id for call, step_id, description in reversed(points) if step_id}
    found: dict[str, dict[str, list]] = defaultdict(dict)
    for call, step_id, description in points:
        step_id = step_id or ids.get((call.scenario_id, description), "")
        entry = found[call.scenario_id].setdefault(step_id or description, [step_id, description, 0, []])
        entry[2] += 1
        if len(entry[3]) < quotes:
            entry[3].append(Quote(call.id, call.user_id, ""))
    return {scenario: [MissedStep(step_id, description, count, tuple(refs))
                       for step_id, description, count, refs in steps.values()]
            for scenario, steps in found.items()}


def _steps_done(session, call_ids: list[int]) -> set[tuple[int, str]]:
    """The steps of these calls an instructor accepted as done after all (要点其实做到了), each as (call, step id) when
    the acceptance recorded it and (call, the step's wording) always."""
    if not call_ids:
        return set()
    rows = session.scalars(select(JudgeCorrection).where(JudgeCorrection.dialogue_id.in_(call_ids),
                                                         JudgeCorrection.status == "accepted",
                                                         JudgeCorrection.quote.startswith(MISSED_STEP))).all()
    accepted = [Correction.of(row) for row in rows]
    return ({(c.dialogue_id, missed_step(c)) for c in accepted}
            | {(c.dialogue_id, c.step_id) for c in accepted if c.step_id})


def _objections(session, call_ids: list[int]) -> dict[tuple[int, int, str], str]:
    """The trainees' "judged wrong" marks on findings of these calls, by (call, turn, behaviour): open (waiting in
    评判纠错) or accepted (the judge was wrong). A rejected one leaves the finding as it was, so it is not read; nor is
    an accepted one whose relabel kept the verdict (qa27 W1: Ms. Wang accepted 阿杰's 可别磨叽了 with `rude` among the
    labels, and the fault she kept vanished from 薄弱情景)."""
    if not call_ids:
        return {}
    rows = session.scalars(select(JudgeCorrection).where(JudgeCorrection.dialogue_id.in_(call_ids),
                                                         JudgeCorrection.status.in_(("open", "accepted")))).all()
    return {(row.dialogue_id, row.turn_index, row.behaviour): row.status for row in rows
            if not verdict_kept(Correction.of(row))}
