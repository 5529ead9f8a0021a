"""Saving finished practice calls (DialogueRecord), listing a trainee's calls and reading one back.

The progress pages list calls through trainer.insights.calls (scores only, no transcripts) and
open one call's full report with `get_dialogue_record`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from trainer.store.db import Database
from trainer.dialogue.scoring import Report
from trainer.clock import utcnow
from trainer.store.models import DialogueRecord


@dataclass(frozen=True)
class DialogueSummary:
    """A saved call, detached from the database session."""

    id: int
    user_id: int
    scenario_id: str
    mode: str
    outcome: str
    score: float
    subscores: dict[str, int]
    transcript: list[dict]
    findings: list[dict]
    started_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, record: DialogueRecord) -> "DialogueSummary":
        return cls(record.id, record.user_id, record.scenario_id, record.mode, record.outcome, record.score,
                   json.loads(record.subscores_json or "{}"), json.loads(record.transcript_json or "[]"),
                   json.loads(record.findings_json or "[]"), record.started_at, record.finished_at)


def save_dialogue(db: Database, user_id: int, scenario_id: str, mode: str, report: Report,
                  started_at: datetime | None = None) -> int:
    """Store one call's transcript, findings, score, sub-scores and outcome; returns the record id."""
    record = DialogueRecord(
        user_id=user_id,
        scenario_id=scenario_id,
        mode=mode,
        outcome=report.outcome,
        score=float(report.score),
        subscores_json=json.dumps(report.subscores, ensure_ascii=False),
        transcript_json=json.dumps([asdict(u) for u in report.transcript], ensure_ascii=False),
        findings_json=json.dumps([asdict(f) for f in report.findings], ensure_ascii=False),
        started_at=started_at or utcnow(),
        finished_at=utcnow(),
    )
    with db.session() as session:
        session.add(record)
        session.commit()
        return record.id


def list_dialogue_records(db: Database, user_id: int, limit: int = 20) -> list[DialogueSummary]:
    """A user's saved calls, newest first."""
    with db.session() as session:
        rows = session.scalars(
            select(DialogueRecord).where(DialogueRecord.user_id == user_id)
            .order_by(DialogueRecord.started_at.desc(), DialogueRecord.id.desc()).limit(limit)
        ).all()
        return [DialogueSummary.of(row) for row in rows]


def get_dialogue_record(db: Database, record_id: int) -> DialogueSummary | None:
    """One saved call with its transcript and findings, or None."""
    with db.session() as session:
        row = session.get(DialogueRecord, record_id)
        return DialogueSummary.of(row) if row else None
