"""Instructors' comments on practice calls; the agent reads them on the call's report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from trainer.errors import BilingualError
from trainer.store.db import Database
from trainer.store.models import CallComment, DialogueRecord, User
from trainer.clock import as_utc
from trainer.users.accounts import UserInfo

MAX_COMMENT_CHARS = 2000


class CommentError(BilingualError):
    """A comment that cannot be saved, explained in both UI languages."""


@dataclass(frozen=True)
class Comment:
    id: int
    dialogue_id: int
    author_name: str
    text: str
    created_at: datetime


def add_comment(db: Database, dialogue_id: int, author: UserInfo, text: str) -> Comment:
    """Save a comment on a call; blank or over-long text and unknown calls are refused."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise CommentError("评语不能为空。", "The comment is empty.")
    if len(cleaned) > MAX_COMMENT_CHARS:
        raise CommentError(f"评语过长（{len(cleaned)} 字），最多 {MAX_COMMENT_CHARS} 字。",
                           f"The comment is too long ({len(cleaned)} characters; at most {MAX_COMMENT_CHARS}).")
    with db.session() as session:
        if session.get(DialogueRecord, dialogue_id) is None:
            raise CommentError("找不到这次通话记录。", "That call record does not exist.")
        row = CallComment(dialogue_id=dialogue_id, author_id=author.id, text=cleaned)
        session.add(row)
        session.commit()
        return Comment(row.id, dialogue_id, author.display_name, cleaned, as_utc(row.created_at))


def comments_for(db: Database, dialogue_ids: list[int]) -> dict[int, list[Comment]]:
    """The comments on each of the calls, oldest first (calls without comments are absent)."""
    if not dialogue_ids:
        return {}
    query = (select(CallComment, User.display_name).join(User, User.id == CallComment.author_id)
             .where(CallComment.dialogue_id.in_(dialogue_ids)).order_by(CallComment.created_at, CallComment.id))
    found: dict[int, list[Comment]] = defaultdict(list)
    with db.session() as session:
        for row, author in session.execute(query):
            found[row.dialogue_id].append(Comment(row.id, row.dialogue_id, author, row.text, as_utc(row.created_at)))
    return dict(found)
