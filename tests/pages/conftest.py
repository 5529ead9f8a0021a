"""Fixtures shared by the page tests."""

from __future__ import annotations

import pytest

from trainer.store.db import Database


@pytest.fixture
def store(app_env) -> Database:
    """The database the pages under test use (same file as ui.resources.database())."""
    database = Database(app_env.resolved_database_url)
    yield database
    database.dispose()
