"""Saving practice calls (DialogueRecord), listing a trainee's calls and reading one back.

A call in progress is saved after every turn (`open_call`, then `save_turn`): a row with no
`finished_at` and outcome `in_progress`. A page reload finds it (`unfinished_call`) and replays
the trainee's replies with the same seed — the record id — which rebuilds the same call, since
the engine is deterministic. What the words do not carry is saved beside them (`ResumeState`):
the "practise this again" focus, when the customer's current line was shown (the exam's reply
clock keeps running across a reload) and the exam's slow replies, noted again on replay.
The progress pages count finished calls only (trainer.insights.calls)
and open one call's full report with `get_dialogue_record`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Sequence

from sqlalchemy import select

from trainer.store.db import Database
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.scoring import Finding, Report, Utterance
from trainer.dialogue.step_wording import not_done_step, point_reworded, reworded, steps_not_done
from trainer.dialogue.wording import Worded, english
from trainer.clock import as_utc, utcnow
from trainer.store.models import DialogueRecord


@dataclass(frozen=True)
class ResumeState:
    """What a reload needs to carry on a call besides the trainee's words."""

    focus: str | None = None                 # the checkpoint "practise this again" works on
    line_at: datetime | None = None          # when the customer's current line was shown (exam clock)
    slow_replies: dict[int, float] = field(default_factory=dict)  # exam: turn → seconds the late reply took

    def to_json(self) -> str:
        return json.dumps({"focus": self.focus, "line_at": self.line_at.isoformat() if self.line_at else None,
                           "slow_replies": {str(turn): seconds for turn, seconds in self.slow_replies.items()}})

    @classmethod
    def from_json(cls, text: str | None) -> "ResumeState":
        """The saved state; an empty one for calls saved before it was kept."""
        data = json.loads(text) if text else {}
        line_at = data.get("line_at")
        return cls(data.get("focus"), as_utc(datetime.fromisoformat(line_at)) if line_at else None,
                   {int(turn): float(seconds) for turn, seconds in (data.get("slow_replies") or {}).items()})


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
    resume: ResumeState = field(default_factory=ResumeState)
    missed: list[str] = field(default_factory=list)  # what was still open, each a `Worded` when saved with its English
    # For each of `missed`, the id of the step it names as not done ("" for a question left open); None for a call
    # saved before the ids were stored (ui52), whose steps are known by their wording then.
    missed_steps: list[str] | None = None

    @classmethod
    def of(cls, record: DialogueRecord) -> "DialogueSummary":
        return cls(record.id, record.user_id, record.scenario_id, record.mode, record.outcome, record.score,
                   json.loads(record.subscores_json or "{}"), json.loads(record.transcript_json or "[]"),
                   json.loads(record.findings_json or "[]"), record.started_at, record.finished_at,
                   ResumeState.from_json(record.resume_json), *_read_missed(record.missed_json))


def _findings_json(report: Report) -> str:
    """The findings as stored, each advice with its English (`saved_advice` reads it back)."""
    return json.dumps([{**asdict(f), "advice_en": english(f.advice)} for f in report.findings], ensure_ascii=False)


def _missed_json(report: Report) -> str:
    """What is still open as stored: each point in Chinese with its English, and a step not done with its
    checkpoint's id, so that the call still knows the step once its wording has changed (ui52). The report lists
    the steps not done in `missed_checkpoints`' order, each once, before the questions left open."""
    ids, points = iter(report.missed_checkpoints), []
    for point in report.missed:
        step = next(ids, None) if not_done_step(str(point)) is not None else None
        points.append({"zh": str(point), "en": english(point), **({"step": step} if step else {})})
    return json.dumps(points, ensure_ascii=False)


def _read_missed(stored: str | None) -> tuple[list[str], list[str] | None]:
    """The stored open points back, each with its English (none on a call saved before they were stored), and
    the step each names as not done ("" for none; None when the call stored no step ids)."""
    points = json.loads(stored or "[]")
    steps = [str(m.get("step", "")) for m in points]
    stored_ids = any("step" in m for m in points) or not any(not_done_step(str(m.get("zh", ""))) for m in points)
    return ([Worded(str(m.get("zh", "")), str(m.get("en") or m.get("zh", ""))) for m in points],
            steps if stored_ids else None)


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
        findings_json=_findings_json(report),
        missed_json=_missed_json(report),
        started_at=started_at or utcnow(),
        finished_at=utcnow(),
    )
    with db.session() as session:
        session.add(record)
        session.commit()
        return record.id


def open_call(db: Database, user_id: int, scenario_id: str, mode: str) -> int:
    """A new call in progress for the user; its id is also the call's seed. An older unfinished
    call of the user is closed first as ended by the agent, so there is one call in progress at most."""
    with db.session() as session:
        for row in session.scalars(select(DialogueRecord).where(DialogueRecord.user_id == user_id,
                                                                DialogueRecord.finished_at.is_(None))):
            row.outcome, row.finished_at = "agent_ended", utcnow()
        record = DialogueRecord(user_id=user_id, scenario_id=scenario_id, mode=mode, outcome="in_progress",
                                started_at=utcnow(), finished_at=None)
        session.add(record)
        session.commit()
        return record.id


class CallMovedOn(RuntimeError):
    """The stored call has moved on since this copy of it was taken (another tab or window saved a turn):
    saving this copy would overwrite that turn."""


def _carries_on(stored: list[dict], report: Report) -> bool:
    """`report` carries on the stored call: it holds every stored turn and the trainee's stored replies, in
    order, as its own first ones. Only the trainee's words are compared: the customer's lines are rebuilt on
    a reload, and a change to the engine may word them otherwise."""
    said = [u.text for u in report.transcript if u.speaker == "agent"]
    replies = [str(u.get("text", "")) for u in stored if u.get("speaker") == "agent"]
    return len(report.transcript) >= len(stored) and said[:len(replies)] == replies


def save_turn(db: Database, record_id: int, report: Report, resume: ResumeState | None = None) -> None:
    """The call as it stands after a turn (with `resume`, what a reload needs besides the words);
    finished (and counted on progress pages) once it has ended.

    Raises `CallMovedOn` for a copy of the call the stored one has moved on from: with the call open in
    two tabs, the second tab's turn silently replaced the first's (qa15). The page checks first; this
    check protects every caller, and a turn saved between the page's check and its save."""
    with db.session() as session:
        record = session.get(DialogueRecord, record_id)
        if record is None:
            raise ValueError(f"no practice call with id {record_id}")
        if not _carries_on(json.loads(record.transcript_json or "[]"), report):
            raise CallMovedOn(f"practice call {record_id} has moved on since this copy of it was taken")
        if resume is not None:
            record.resume_json = resume.to_json()
        record.outcome = report.outcome
        record.score = float(report.score)
        record.subscores_json = json.dumps(report.subscores, ensure_ascii=False)
        record.transcript_json = json.dumps([asdict(u) for u in report.transcript], ensure_ascii=False)
        record.findings_json = _findings_json(report)
        record.missed_json = _missed_json(report)
        if report.outcome != "in_progress" and record.finished_at is None:
            record.finished_at = utcnow()
        session.commit()


def unfinished_call(db: Database, user_id: int) -> DialogueSummary | None:
    """The user's call in progress (saved turn by turn, not ended), if there is one."""
    with db.session() as session:
        row = session.scalars(select(DialogueRecord).where(DialogueRecord.user_id == user_id,
                                                           DialogueRecord.finished_at.is_(None))
                              .order_by(DialogueRecord.id.desc()).limit(1)).first()
        return DialogueSummary.of(row) if row else None


def saved_report(call: DialogueSummary, model_answers: tuple[str, ...] | list[str] = (),
                 steps: Sequence[Checkpoint] = ()) -> Report:
    """A saved call as a `Report` (for the lessons of trainer.dialogue.lessons), its advice naming the scenario's
    `steps` as they are now (`saved_advice`), and what was still open when it was saved, the checkpoints missed read
    back from it (`steps_not_done`). What is not stored — the mood's causes — is left empty; the mood is read off the
    transcript."""
    transcript = [Utterance(str(u.get("speaker", "")), str(u.get("text", "")), int(u.get("mood", 0)), int(u.get("turn_index", 0)))
                  for u in call.transcript]
    findings = [Finding(int(f.get("turn_index", 0)), str(f.get("rubric", "")), bool(f.get("ok")), str(f.get("quote", "")),
                        saved_advice(f, steps), str(f.get("model_answer", ""))) for f in call.findings]
    moods = [u.mood for u in transcript if u.speaker == "customer"]
    by_id = {step.id: step for step in steps}
    ids = call.missed_steps or [""] * len(call.missed)
    missed = [point_reworded(point, by_id[step]) if step in by_id else point for point, step in zip(call.missed, ids)]
    stored = None if call.missed_steps is None else [step for step in call.missed_steps if step]
    return Report(round(call.score), dict(call.subscores), call.outcome, findings, list(model_answers), transcript, moods,
                  missed, missed_checkpoints=steps_not_done(call.missed, steps, stored))


def saved_advice(finding: dict, steps: Sequence[Checkpoint] = ()) -> str:
    """A stored finding's advice in both languages: advice naming a step of the scenario's `steps` worded again
    from that step as it is now (a call saved before the step had English named it in Chinese on the English
    page, polish25), else the English it was saved with (older calls: Chinese only)."""
    advice = str(finding.get("advice", ""))
    return (reworded(advice, steps) or (Worded(advice, str(finding["advice_en"])) if finding.get("advice_en")
                                         else advice))


def agent_replies(call: DialogueSummary) -> list[str]:
    """What the trainee said, in order: replayed to rebuild a call in progress."""
    return [u["text"] for u in call.transcript if u.get("speaker") == "agent"]


def list_dialogue_records(db: Database, user_id: int, limit: int = 20) -> list[DialogueSummary]:
    """A user's finished calls, newest first."""
    with db.session() as session:
        rows = session.scalars(
            select(DialogueRecord).where(DialogueRecord.user_id == user_id, DialogueRecord.finished_at.is_not(None))
            .order_by(DialogueRecord.started_at.desc(), DialogueRecord.id.desc()).limit(limit)
        ).all()
        return [DialogueSummary.of(row) for row in rows]


def get_dialogue_record(db: Database, record_id: int) -> DialogueSummary | None:
    """One saved call with its transcript and findings, or None."""
    with db.session() as session:
        row = session.get(DialogueRecord, record_id)
        return DialogueSummary.of(row) if row else None
