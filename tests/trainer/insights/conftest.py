"""Helpers to record answers, calls and review states at local Beijing times on the test store."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from trainer.quiz.progress import Attempt, ProgressStore, ReviewInfo
from trainer.store.db import Database
from trainer.store.models import DialogueRecord

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    """A UTC instant from a Beijing wall-clock time written 'YYYY-MM-DD HH:MM'."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI).astimezone(timezone.utc)


def answer(db: Database, user_id: int, item: str, correct: bool, when: str, category: str = "lapse") -> None:
    ProgressStore(db).record_attempt(Attempt(user_id=user_id, item_id=item, correct=correct, category=category,
                                             session_id=when[:10], seconds=30, answered_at=local(when)))


def due(db: Database, user_id: int, item: str, when: str) -> None:
    ProgressStore(db).save_review_state(ReviewInfo(user_id, item, "{}", local(when)))


def call(db: Database, user_id: int, scenario: str, score: float, when: str, findings: list[dict] | None = None,
         missed: list[dict] | None = None) -> int:
    with db.session() as session:
        record = DialogueRecord(user_id=user_id, scenario_id=scenario, outcome="resolved", score=score,
                                findings_json=json.dumps(findings or [], ensure_ascii=False),
                                missed_json=None if missed is None else json.dumps(missed, ensure_ascii=False),
                                transcript_json=json.dumps([{"speaker": "agent", "text": "您好", "mood": 40,
                                                             "turn_index": 1}], ensure_ascii=False),
                                started_at=local(when), finished_at=local(when))
        session.add(record)
        session.commit()
        return record.id
