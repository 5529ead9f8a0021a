"""An editor over the fixture content copy, with a real SQLite history."""

from __future__ import annotations

import pytest

from trainer.editing.editor import ContentEditor


@pytest.fixture
def editor(kb, db) -> ContentEditor:
    return ContentEditor(kb, db)


def answer_of(editor: ContentEditor, query: str) -> str | None:
    """The top search answer, as an agent on a call would see it."""
    hits = editor.kb.search(query, k=1)
    return hits[0].answer if hits else None
