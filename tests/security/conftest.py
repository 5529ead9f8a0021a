"""Fixtures for the attack regressions of issue #18: an editor over a fixture copy, and pages as a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from trainer.editing.editor import ContentEditor
from trainer.users.accounts import UserInfo, create_user

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


@pytest.fixture
def editor(kb, db) -> ContentEditor:
    return ContentEditor(kb, db)


@pytest.fixture
def instructor(store) -> UserInfo:
    return create_user(store, "teacher-li", "李老师", role="instructor", team="培训部")


def page(path: str, user: UserInfo | None = None) -> AppTest:
    """Run one page as `user` (None: nobody signed in)."""
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    if user is not None:
        at.session_state["user"] = user
    return at.run()


def shown(at: AppTest) -> str:
    """Everything the page says in text elements."""
    return "\n".join(str(e.value) for e in [*at.markdown, *at.success, *at.error, *at.warning, *at.info, *at.code,
                                            *at.caption])
