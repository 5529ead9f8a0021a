"""The migrations build exactly the tables the models describe, and the newest one can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from trainer.store.db import MIGRATIONS_DIR, Database
from trainer.store.models import Base


def test_the_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_search_log_migration_downgrades_and_upgrades_again(db: Database) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003_judge_corrections")
    assert "search_log" not in inspect(db.engine).get_table_names()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert {"search_log", "search_feedback"} <= set(inspect(db.engine).get_table_names())


def test_the_user_language_migration_downgrades_and_upgrades_again(db: Database) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_server_sessions")
    assert "quiz_runs" not in inspect(db.engine).get_table_names()
    assert "language" not in {c["name"] for c in inspect(db.engine).get_columns("users")}
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert "quiz_runs" in inspect(db.engine).get_table_names()
    assert "language" in {c["name"] for c in inspect(db.engine).get_columns("users")}
