"""Team console benchmark: 200 agents, 6 months of history, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.team_console                          # SQLite in data/bench/
    .venv/bin/python -m bench.team_console --postgres postgresql+psycopg://user@host/db
    .venv/bin/python -m bench.team_console --without-indexes        # the same, before migration 0002's indexes

Fills a database once (kept and reused; --regenerate to refill) with 200 agents in 10 teams
hired over 6 months, ≥ 500,000 quiz answers and ≥ 20,000 practice calls with findings and
transcripts, then times what the pages run (trainer.insights.console.team_console and the
filter lists), in a fresh engine as after an app start:
- first render: the default view (all teams, the last 8 weeks), and all 6 months;
- filter changes: one team, one hire month, the period widened to 6 months, narrowed to 4 weeks;
- one agent's 我的进度 queries.
Targets: first render ≤ 2 s, filter change ≤ 1 s. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, text

from trainer.insights.agent import activity_calendar, due_forecast, todays_goal, weekly_retention
from trainer.insights.calls import call_scores
from trainer.insights.console import ConsoleFilter, team_console
from trainer.insights.periods import Period, day_start, local_day
from trainer.insights.team import cohorts
from trainer.quiz.item_totals import rebuild as rebuild_answer_totals
from trainer.quiz.progress import ProgressStore
from trainer.store.db import Database
from trainer.store.models import DialogueRecord, QuizAttempt, ReviewState, User

ROOT = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Asia/Shanghai")
AGENTS, TEAMS, DAYS, CATEGORIES, ITEMS, SCENARIOS = 200, 10, 182, 14, 300, 25
MIN_ANSWERS, MIN_CALLS = 500_000, 20_000
FIRST_RENDER_TARGET, FILTER_TARGET = 2.0, 1.0
INDEXES = {  # migration 0002's indexes, to time without them (--without-indexes) and put them back
    "ix_quiz_attempts_user_time_cover": "quiz_attempts (user_id, answered_at, correct, category, item_id)",
    "ix_dialogue_sessions_user_finished": "dialogue_sessions (user_id, finished_at)",
}
RUBRICS = ("empathy", "apology", "explanation", "answer", "next_step", "closing", "absolute_promise", "rude",
           "blame", "jargon", "wrong_fact", "ignored_question", "vague")
QUOTES = ("这个我保证能赔", "您自己没看条款", "这是规定我也没办法", "等保期过了就好", "非常理解您的心情",
          "我帮您登记一下，三个工作日内回电", "犹豫期是十五天", "您说的情况我记下了")


# ---- filling ---------------------------------------------------------------------------------

def fill(db: Database, today: date, seed: int = 7) -> tuple[int, int]:
    """Agents, answers, review states and calls up to `today`; returns (answers, calls)."""
    rng = random.Random(seed)
    start = today - timedelta(days=DAYS - 1)
    items = [(f"q-{n:03d}", f"cat-{n % CATEGORIES:02d}", rng.uniform(-0.25, 0.15)) for n in range(ITEMS)]
    with db.engine.begin() as connection:
        connection.execute(insert(User.__table__), [{
            "login": f"agent-{n:03d}", "display_name": f"坐席{n:03d}", "role": "agent", "team": f"外呼{n % TEAMS + 1}组",
            "password_hash": None, "must_change_password": False, "disabled": False, "failed_sign_ins": 0,
            "created_at": datetime.now(timezone.utc), "hire_date": start + timedelta(days=(n * 7) % 150),
        } for n in range(AGENTS)])
        ids = list(connection.execute(select(User.id).order_by(User.id)).scalars())
    answers, calls, states = [], [], {}
    for user_id in ids:
        ability, diligence = rng.uniform(0.55, 0.9), rng.uniform(0.6, 0.95)
        for offset in range(DAYS):
            if rng.random() > diligence:
                continue
            day_start_utc = day_start(start + timedelta(days=offset), TZ)
            moment = day_start_utc + timedelta(hours=rng.uniform(8, 20))
            session = f"{user_id}-{offset}"
            for _ in range(rng.randint(14, 24)):
                item, category, difficulty = rng.choice(items)
                correct = rng.random() < ability + difficulty
                moment += timedelta(seconds=rng.uniform(10, 60))
                answers.append({"user_id": user_id, "item_id": item, "entry_id": item, "category": category,
                                "question_type": "single", "answer_given": "A", "correct": correct,
                                "seconds": 20.0, "session_id": session, "answered_at": moment})
                states[(user_id, item)] = (category, moment + timedelta(days=rng.randint(1, 40)), moment)
            if rng.random() < 0.8:
                calls.append(_call(rng, user_id, moment + timedelta(minutes=5), ability))
    _bulk(db, QuizAttempt.__table__, answers)
    _bulk(db, ReviewState.__table__, [{"user_id": u, "item_id": i, "entry_id": i, "category": c, "card_json": "{}",
                                        "due": due, "reps": 2, "lapses": 0, "last_review": last}
                                       for (u, i), (c, due, last) in states.items()])
    _bulk(db, DialogueRecord.__table__, calls)
    with db.engine.begin() as connection:
        rebuild_answer_totals(connection)  # the bulk load bypasses record_attempt, which keeps them
    _analyze(db)
    return len(answers), len(calls)


def _call(rng: random.Random, user_id: int, moment: datetime, ability: float) -> dict:
    scenario = f"scenario-{rng.randrange(SCENARIOS):02d}"
    findings = [{"turn_index": turn, "rubric": rng.choice(RUBRICS), "ok": rng.random() < ability,
                 "quote": rng.choice(QUOTES), "advice": "先共情，再说明条款。", "model_answer": ""}
                for turn in range(1, rng.randint(4, 8))]
    transcript = [{"speaker": speaker, "text": rng.choice(QUOTES), "mood": 50, "turn_index": turn}
                  for turn in range(1, 6) for speaker in ("customer", "agent")]
    return {"user_id": user_id, "scenario_id": scenario, "mode": "training", "outcome": "resolved",
            "score": round(100 * ability * rng.uniform(0.6, 1.1), 1), "subscores_json": "{}",
            "transcript_json": json.dumps(transcript, ensure_ascii=False),
            "findings_json": json.dumps(findings, ensure_ascii=False),
            "started_at": moment - timedelta(minutes=6), "finished_at": moment}


def _bulk(db: Database, table, rows: list[dict]) -> None:
    """Insert many rows: COPY on PostgreSQL, batched executemany on SQLite."""
    if not rows:
        return
    columns = list(rows[0])
    if db.engine.dialect.name == "postgresql":
        raw = db.engine.raw_connection()
        try:
            with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
            raw.commit()
        finally:
            raw.close()
        return
    with db.engine.begin() as connection:
        for first in range(0, len(rows), 50_000):
            connection.execute(insert(table), rows[first:first + 50_000])


def _analyze(db: Database) -> None:
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def counts(db: Database) -> tuple[int, int]:
    with db.session() as session:
        return (session.scalar(select(func.count()).select_from(QuizAttempt)) or 0,
                session.scalar(select(func.count()).select_from(DialogueRecord)) or 0)


def wipe(db: Database) -> None:
    with db.engine.begin() as connection:
        for table in ("call_comments", "quiz_item_totals", "quiz_hour_totals", "quiz_attempts", "review_states", "dialogue_sessions", "sign_in_events", "users"):
            connection.execute(text(f"DELETE FROM {table}"))


# ---- timing ----------------------------------------------------------------------------------

CPU_SECONDS: list[float] = []  # this process's CPU time of each timed call (SQLite work runs in-process)


def timed(action) -> float:
    """Wall-clock seconds of `action()`; its CPU seconds go to CPU_SECONDS (a figure the machine's load does not inflate)."""
    started, cpu = time.perf_counter(), time.process_time()
    action()
    CPU_SECONDS.append(time.process_time() - cpu)
    return time.perf_counter() - started


def first_render(db: Database, chosen: ConsoleFilter, now: datetime) -> None:
    ProgressStore(db).teams()
    cohorts(db)
    team_console(db, chosen, TZ, now)


def agent_page(db: Database, user_id: int, now: datetime) -> None:
    today = local_day(now, TZ)
    six_months = Period.ending(today, DAYS)
    store = ProgressStore(db)
    activity_calendar(db, user_id, six_months, TZ)
    due_forecast(db, user_id, now, TZ)
    weekly_retention(db, user_id, six_months, TZ)
    store.mastery_by_category(user_id)
    store.recent_sessions(user_id)
    todays_goal(db, user_id, now, TZ)
    call_scores(db, [user_id])


def run(url: str, regenerate: bool, without_indexes: bool, repeat: int) -> None:
    now = datetime.now(timezone.utc)
    today = local_day(now, TZ)
    db = Database(url)
    answers, calls = counts(db)
    if regenerate or answers < MIN_ANSWERS or calls < MIN_CALLS:
        wipe(db)
        started = time.perf_counter()
        answers, calls = fill(db, today)
        print(f"filled in {time.perf_counter() - started:.0f} s")
    assert answers >= MIN_ANSWERS and calls >= MIN_CALLS, (answers, calls)
    print(f"{db.engine.dialect.name}: {AGENTS} agents, {answers:,} answers, {calls:,} calls")
    if without_indexes:
        with db.engine.begin() as connection:
            for name in INDEXES:
                connection.execute(text(f"DROP INDEX IF EXISTS {name}"))
    db.dispose()
    try:
        eight_weeks = Period.ending(today, 56)
        six_months = Period.ending(today, DAYS)
        fresh = Database(url, migrate=False)  # a new engine, as after an app start
        first = timed(lambda: first_render(fresh, ConsoleFilter(None, None, eight_weeks), now))
        first_wide = timed(lambda: first_render(fresh, ConsoleFilter(None, None, six_months), now))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"first render, all teams, 8 weeks: {first:.2f} s (cpu {CPU_SECONDS[-2]:.2f}); "
              f"all 6 months: {first_wide:.2f} s (cpu {CPU_SECONDS[-1]:.2f}) "
              f"(target ≤ {FIRST_RENDER_TARGET:.0f} s: {'meets' if max(first, first_wide) <= FIRST_RENDER_TARGET else 'MISSES'})")
        cohort = cohorts(fresh)[2]
        changes = {
            "one team (8 weeks)": ConsoleFilter("外呼3组", None, eight_weeks),
            f"hire month {cohort}": ConsoleFilter(None, cohort, eight_weeks),
            "all teams, 6 months": ConsoleFilter(None, None, six_months),
            "all teams, 4 weeks": ConsoleFilter(None, None, Period.ending(today, 28)),
        }
        worst = 0.0
        for label, chosen in changes.items():
            times = [timed(lambda: team_console(fresh, chosen, TZ, now)) for _ in range(repeat)]
            worst = max(worst, max(times))
            print(f"filter change, {label}: median {statistics.median(times):.2f} s, worst {max(times):.2f} s "
                  f"(cpu median {statistics.median(CPU_SECONDS[-repeat:]):.2f} s)")
        print(f"filter change worst {worst:.2f} s (target ≤ {FILTER_TARGET:.0f} s: "
              f"{'meets' if worst <= FILTER_TARGET else 'MISSES'})")
        agent_id = fresh.session().scalar(select(User.id).order_by(User.id).limit(1))
        times = [timed(lambda: agent_page(fresh, agent_id, now)) for _ in range(repeat)]
        print(f"one agent's 我的进度 queries: median {statistics.median(times):.2f} s "
              f"(cpu median {statistics.median(CPU_SECONDS[-repeat:]):.2f} s)")
        fresh.dispose()
    finally:
        if without_indexes:
            again = Database(url, migrate=False)
            with again.engine.begin() as connection:
                for name, target in INDEXES.items():
                    connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
            _analyze(again)
            again.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", default=str(ROOT / "data" / "bench" / "team_console.db"),
                        help="SQLite file (default data/bench/team_console.db)")
    parser.add_argument("--postgres", help="a PostgreSQL URL to benchmark instead (its tables are emptied and refilled)")
    parser.add_argument("--regenerate", action="store_true", help="refill the database even if it holds the data")
    parser.add_argument("--without-indexes", action="store_true", help="time without migration 0002's indexes")
    parser.add_argument("--repeat", type=int, default=3, help="timings per filter change (default 3)")
    args = parser.parse_args()
    url = args.postgres or f"sqlite:///{args.sqlite}"
    run(url, args.regenerate, args.without_indexes, args.repeat)


if __name__ == "__main__":
    main()
