"""The migrations build exactly the tables the models describe, and the newest one can be undone."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tests.trainer.store.migrating import migrate
from trainer.store.db import Database
from trainer.store.models import Base


def test_the_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_search_log_migration_downgrades_and_upgrades_again(db: Database) -> None:
    migrate(db, "0003_judge_corrections", down=True)
    assert "search_log" not in inspect(db.engine).get_table_names()
    migrate(db, "head")
    assert {"search_log", "search_feedback"} <= set(inspect(db.engine).get_table_names())


def test_the_user_language_migration_downgrades_and_upgrades_again(db: Database) -> None:
    migrate(db, "0004_server_sessions", down=True)
    assert "quiz_runs" not in inspect(db.engine).get_table_names()
    assert "language" not in {c["name"] for c in inspect(db.engine).get_columns("users")}
    migrate(db, "head")
    assert "quiz_runs" in inspect(db.engine).get_table_names()
    assert "language" in {c["name"] for c in inspect(db.engine).get_columns("users")}
