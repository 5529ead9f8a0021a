"""Everything the 团队概览 page shows for one choice of filters, in one call.

The page renders this; bench/team_console.py times this same call, so the benchmark measures
exactly the queries a filter change runs. The independent queries run side by side on the
engine's connection pool: each waits mostly in the database (SQLite and the PostgreSQL driver
release the GIL), so a filter change costs about the slowest query rather than their sum.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from trainer.insights.calls import (CallScore, ScenarioResult, ScenarioTrouble, WeekScore, best_and_latest,
                                    call_scores, weekly_scores, worst_scenarios)
from trainer.insights.periods import Period, local_day, week_start
from trainer.insights.withdrawals import Withdrawals, withdrawals_by, withdrawn_per_call
from trainer.insights.team import (AgentLine, Inactive, ItemResult, MasteryCell, WeekAccuracy, agent_lines, agents,
                                   first_answers, inactive_agents, last_activity, period_answers, weekly_accuracy)
from trainer.quiz.item_stats import ItemStats, item_statistics
from trainer.store.db import Database
from trainer.users.accounts import UserInfo


QUERY_THREADS = 4  # within the default pool of 5 connections


@dataclass(frozen=True)
class ConsoleFilter:
    team: str | None
    cohort: str | None
    period: Period
    idle_days: int = 3
    # The item analysis reads every agent's first answer to every item, all time: on request only.
    item_analysis: bool = False


@dataclass(frozen=True)
class Console:
    members: list[UserInfo]
    lines: list[AgentLine]
    idle: list[Inactive]
    mastery: list[MasteryCell]
    scenario_results: list[ScenarioResult]
    weekly_accuracy: list[WeekAccuracy]
    weekly_scores: list[WeekScore]
    weakest_items: list[ItemResult]
    item_stats: list[ItemStats] | None  # None: not requested
    worst_scenarios: list[ScenarioTrouble]
    calls: list[CallScore]
    # judgements instructors withdrew from the period's calls, whose stored scores are as judged then (ui53)
    withdrawn_by_agent: dict[int, Withdrawals] = field(default_factory=dict)
    withdrawn_by_scenario: dict[str, Withdrawals] = field(default_factory=dict)
    # the same beside 通话成绩's best and latest (per trainee and scenario) and 每周趋势's weekly mean (per local
    # Monday), and per call for the calls 薄弱情景 names (ui55)
    withdrawn_by_result: dict[tuple[int, str], Withdrawals] = field(default_factory=dict)
    withdrawn_by_week: dict[date, Withdrawals] = field(default_factory=dict)
    withdrawn_per_call: dict[int, int] = field(default_factory=dict)

    @property
    def withdrawn(self) -> Withdrawals:
        """Of all the period's calls (the headline's mean call score)."""
        return Withdrawals(sum(t.calls for t in self.withdrawn_by_agent.values()),
                           sum(t.judgements for t in self.withdrawn_by_agent.values()))


def team_console(db: Database, chosen: ConsoleFilter, tz: tzinfo, now: datetime) -> Console:
    """All of the console's figures for the chosen team, cohort and period."""
    members = agents(db, chosen.team, chosen.cohort)
    ids = [m.id for m in members]
    period = chosen.period
    with ThreadPoolExecutor(max_workers=QUERY_THREADS) as pool:
        answers_job = pool.submit(period_answers, db, ids, period, tz)
        weekly_job = pool.submit(weekly_accuracy, db, ids, period, tz)
        calls_job = pool.submit(call_scores, db, ids, period, tz)
        latest_job = pool.submit(last_activity, db, ids)
        first_job = pool.submit(first_answers, db, ids) if chosen.item_analysis else None
        calls = calls_job.result()
        withdrawn_job = pool.submit(withdrawn_per_call, db, calls)
        worst = worst_scenarios(db, calls)
        withdrawn = withdrawn_job.result()
        answers, latest = answers_job.result(), latest_job.result()
    grid = answers.mastery
    return Console(
        members=members,
        lines=agent_lines(members, grid, calls, latest),
        idle=inactive_agents(members, latest, now, tz, chosen.idle_days),
        mastery=grid,
        scenario_results=best_and_latest(calls),
        weekly_accuracy=weekly_job.result(),
        weekly_scores=weekly_scores(calls, period.weeks(), tz),
        weakest_items=answers.weakest,
        item_stats=item_statistics(first_job.result()) if first_job else None,
        worst_scenarios=worst,
        calls=calls,
        withdrawn_by_agent=withdrawals_by(calls, withdrawn, lambda call: call.user_id),
        withdrawn_by_scenario=withdrawals_by(calls, withdrawn, lambda call: call.scenario_id),
        withdrawn_by_result=withdrawals_by(calls, withdrawn, lambda call: (call.user_id, call.scenario_id)),
        withdrawn_by_week=withdrawals_by(calls, withdrawn, lambda call: week_start(local_day(call.finished_at, tz))),
        withdrawn_per_call=withdrawn,
    )
