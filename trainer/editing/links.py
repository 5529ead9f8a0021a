"""Linked content: which quiz items and scenarios rely on an FAQ entry, and their review flags.

When an entry's facts change, every quiz item and scenario built on it may now be wrong. They
are flagged "review needed" until an instructor confirms them; an entry that others still
use cannot be deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kb.content import ContentSet, scenario_entry_refs
from kb.yaml_source import read_yaml
from trainer.store.db import Database
from trainer.clock import utcnow
from trainer.store.models import ReviewFlag

QUIZ, SCENARIO, CITATION = "quiz", "scenario", "citation"


@dataclass(frozen=True)
class Reference:
    """One piece of content that uses an FAQ entry."""

    kind: str  # quiz | scenario
    item_id: str
    entry_id: str
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind} '{self.item_id}' uses '{self.entry_id}'"


def scenario_references(root: Path) -> list[Reference]:
    """Every FAQ reference in the scenario files on disk (same reading as content validation)."""
    references = []
    for path in sorted((root / "scenarios").glob("*.yaml")):
        name = f"scenarios/{path.name}"
        data, problems = read_yaml(path, name)
        if problems:
            continue
        scenario_id = str(data.get("id") or path.stem) if isinstance(data, dict) else path.stem
        for line, entry_id in scenario_entry_refs(data):
            references.append(Reference(SCENARIO, scenario_id, entry_id, name, line))
    return references


def references_to(content: ContentSet, entry_ids: Iterable[str]) -> list[Reference]:
    """Quiz items and scenarios that use any of `entry_ids`, one row per use."""
    wanted = set(entry_ids)
    found = [Reference(QUIZ, item.id, item.entry, item.file, item.line)
             for item in content.quiz_items.values() if item.entry in wanted]
    found += [ref for ref in scenario_references(content.root) if ref.entry_id in wanted]
    return found


def citations_to(content: ContentSet, article_keys: Iterable[str]) -> list[Reference]:
    """FAQ entries citing any of these library articles ('L1-01 第十六条'): kind 'citation',
    item_id the entry, entry_id the article key."""
    wanted = set(article_keys)
    return [Reference(CITATION, entry.id, f"{source.document_id} {source.article}", entry.file, source.line or entry.line)
            for entry in content.entries.values() for source in entry.sources
            if source.document_id and f"{source.document_id} {source.article}" in wanted]


def flag_for_review(session: Session, references: Iterable[Reference], change_ids: dict[str, int]) -> int:
    """Open a review flag for each reference (unless one is already open); returns how many were opened.

    `change_ids` maps an entry id to the change that altered it.
    """
    opened = 0
    for ref in {(r.kind, r.item_id, r.entry_id): r for r in references}.values():
        already = session.scalar(select(ReviewFlag.id).where(
            ReviewFlag.kind == ref.kind, ReviewFlag.item_id == ref.item_id,
            ReviewFlag.entry_id == ref.entry_id, ReviewFlag.resolved_at.is_(None)))
        if already is None:
            session.add(ReviewFlag(kind=ref.kind, item_id=ref.item_id, entry_id=ref.entry_id,
                                   change_id=change_ids.get(ref.entry_id)))
            opened += 1
    return opened


def open_flags(db: Database, item_id: str | None = None) -> list[ReviewFlag]:
    """Review flags not yet confirmed, oldest first (optionally of one quiz item or scenario)."""
    query = select(ReviewFlag).where(ReviewFlag.resolved_at.is_(None)).order_by(ReviewFlag.id)
    if item_id is not None:
        query = query.where(ReviewFlag.item_id == item_id)
    with db.session() as session:
        return list(session.scalars(query))


def confirm_flag(db: Database, flag_id: int, reviewer: str) -> bool:
    """Mark one flag reviewed by `reviewer`; False if it was already confirmed or does not exist."""
    with db.session() as session:
        flag = session.get(ReviewFlag, flag_id)
        if flag is None or flag.resolved_at is not None:
            return False
        flag.resolved_by = reviewer
        flag.resolved_at = utcnow()
        session.commit()
        return True
