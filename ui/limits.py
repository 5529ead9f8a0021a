"""How much a person can type or upload in one box: every text input, text area, chat box and
uploader passes one of these, so no input reaches a parser unbounded (docs/security.md)."""

from __future__ import annotations

from kb.text import MAX_TYPED_CHARS
from trainer.dialogue.session import MAX_REPLY_CHARS
from trainer.users.passwords import MAX_LENGTH as PASSWORD_CHARS

LINE_CHARS = 500  # one-line boxes: filters, ids, quiz fill-in answers
TEXT_CHARS = 5_000  # one field of an FAQ entry or quiz item (the longest real answer is ~600)
QUESTION_CHARS = MAX_TYPED_CHARS  # search and hit-test questions (searched up to MAX_QUERY_CHARS)
REPLY_CHARS = MAX_REPLY_CHARS  # one reply in a practice call
UPLOAD_MB = 5  # spreadsheets, rosters, hit-test question lists

__all__ = ["LINE_CHARS", "TEXT_CHARS", "QUESTION_CHARS", "REPLY_CHARS", "PASSWORD_CHARS", "UPLOAD_MB"]
