"""An editor over the fixture content copy, with a real SQLite history."""

from __future__ import annotations

import shutil

import pytest

from kb import KnowledgeBase
from settings import Settings
from tests.conftest import REAL_CONTENT, SHARED_EMBEDDING_CACHE
from trainer.editing.editor import ContentEditor


@pytest.fixture
def editor(kb, db) -> ContentEditor:
    return ContentEditor(kb, db)


def answer_of(editor: ContentEditor, query: str) -> str | None:
    """The top search answer, as an agent on a call would see it."""
    hits = editor.kb.search(query, k=1)
    return hits[0].answer if hits else None


@pytest.fixture
def real_editor(tmp_path, encoder, db) -> ContentEditor:
    """An editor over a writable copy of the real content pack (its quoting quirks included)."""
    target = tmp_path / "real-content"
    shutil.copytree(REAL_CONTENT, target)
    settings = Settings.from_env({}).with_overrides(data_dir=tmp_path / "real-data", content_dir=target,
                                                    embedding_cache=SHARED_EMBEDDING_CACHE)
    return ContentEditor(KnowledgeBase.open(target, settings, encoder=encoder), db)
