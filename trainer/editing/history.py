"""Content history: who changed which file or entry when, as readable diffs.

Every saved edit is a `ContentChange` row holding the whole file before and after, so any
earlier version can be restored even after later edits to the same file.
"""

from __future__ import annotations

import difflib

from sqlalchemy import select

from trainer.store.db import Database
from trainer.store.models import ContentChange


def unified_diff(before: str | None, after: str | None, name: str) -> str:
    """A unified diff of one file ('' when nothing changed); a missing file diffs as empty."""
    lines = difflib.unified_diff((before or "").splitlines(keepends=True), (after or "").splitlines(keepends=True),
                                 fromfile=f"a/{name}" if before is not None else "/dev/null",
                                 tofile=f"b/{name}" if after is not None else "/dev/null")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def changes(db: Database, file: str | None = None, item_id: str | None = None,
            since_id: int = 0, limit: int = 200) -> list[ContentChange]:
    """Saved changes, newest first, optionally of one file or one entry/item, after `since_id`."""
    query = select(ContentChange).where(ContentChange.id > since_id).order_by(ContentChange.id.desc()).limit(limit)
    if file is not None:
        query = query.where(ContentChange.file == file)
    if item_id is not None:
        query = query.where(ContentChange.item_id == item_id)
    with db.session() as session:
        return list(session.scalars(query))


def change(db: Database, change_id: int) -> ContentChange | None:
    with db.session() as session:
        return session.get(ContentChange, change_id)


def latest_change_id(db: Database) -> int:
    """The newest change's id (0 when there is none): a form remembers it when it opens."""
    with db.session() as session:
        return session.scalar(select(ContentChange.id).order_by(ContentChange.id.desc()).limit(1)) or 0

