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


QUIZ_ENGLISH = ("    en:\n      prompt: What is the shortest cooling-off period?\n"
                "      options: [10 days, 15 days, 20 days, 30 days]\n      explanation: At least 15 days.\n")


def add_quiz_english(root) -> None:
    """Give the fixture's q-cooling-off-length-1 an English version (`en:`), as a translator would."""
    path = root / "quizzes" / "cooling-off.yaml"
    anchor = "    entry: cooling-off-length\n"
    path.write_text(path.read_text(encoding="utf-8").replace(anchor, anchor + QUIZ_ENGLISH), encoding="utf-8")
