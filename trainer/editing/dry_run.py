"""The scenario editor's dry run: the drafted scenario plays its own model answers and the agent
turns of calls saved for it, and each replay's score and outcome are shown before saving.

A draft whose model answers no longer win the call, or that scores old calls very differently,
is caught here rather than by trainees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from trainer.clock import as_utc
from trainer.dialogue.factbook import FactBook
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.scoring import Report
from trainer.dialogue.session import DialogueSession
from trainer.store.db import Database
from trainer.store.models import DialogueRecord

SAVED_CALLS = 5  # newest saved calls replayed per dry run (each replay reads every reply)


@dataclass(frozen=True)
class SavedCall:
    id: int
    finished_at: datetime | None
    score: float
    replies: tuple[str, ...]
    outcome: str = ""


@dataclass(frozen=True)
class Replay:
    """One replay: the model answers (call_id None) or a saved call, with its old and new score."""

    call_id: int | None
    finished_at: datetime | None
    saved_score: float | None
    report: Report


def replay(scenario: Scenario, kb: FactBook, replies: list[str] | tuple[str, ...],
           judge: MeaningJudge | None = None, ended_by_agent: bool = False) -> Report:
    """The report of `replies` played in order against the scenario (stops where the call ends).

    `ended_by_agent`: the trainee ended the saved call after these replies, so a replay still open
    then ends the same way (it read 进行中, "in progress", for a call finished long ago)."""
    session = DialogueSession(scenario, kb, judge=judge)
    session.start()
    for text in replies:
        if session.done:
            break
        if text.strip():
            session.reply(text)
    if ended_by_agent:
        session.end_call()
    return session.report()


def saved_calls(db: Database, scenario_id: str, limit: int = SAVED_CALLS) -> list[SavedCall]:
    """The newest finished calls of the scenario, with the trainee's replies in order."""
    with db.session() as session:
        rows = session.scalars(select(DialogueRecord).where(DialogueRecord.scenario_id == scenario_id,
                                                            DialogueRecord.finished_at.is_not(None))
                               .order_by(DialogueRecord.finished_at.desc(), DialogueRecord.id.desc()).limit(limit)).all()
        calls = []
        for row in rows:
            try:
                turns = json.loads(row.transcript_json or "[]")
            except json.JSONDecodeError:
                continue
            replies = tuple(str(t.get("text", "")) for t in turns if isinstance(t, dict) and t.get("speaker") == "agent")
            if replies:
                calls.append(SavedCall(row.id, as_utc(row.finished_at), row.score, replies, row.outcome))
        return calls


def dry_run(scenario: Scenario, kb: FactBook, db: Database | None = None,
            judge: MeaningJudge | None = None, limit: int = SAVED_CALLS) -> list[Replay]:
    """The model answers' replay first, then the newest saved calls' (when `db` is given)."""
    replays = [Replay(None, None, None, replay(scenario, kb, scenario.model_answers, judge))]
    for call in saved_calls(db, scenario.id, limit) if db is not None else []:
        replays.append(Replay(call.id, call.finished_at, call.score,
                              replay(scenario, kb, call.replies, judge, ended_by_agent=call.outcome == "agent_ended")))
    return replays
