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


def test_the_search_report_note_migration_keeps_every_verdict_given_before_it(db: Database) -> None:
    """qa28 F2: the reason with a 👎 / report is a new column of search_feedback; an old database's verdicts stay."""
    from sqlalchemy import text
    migrate(db, "0019_quiz_assignments", down=True)
    assert "note" not in {c["name"] for c in inspect(db.engine).get_columns("search_feedback")}
    with db.engine.begin() as connection:
        connection.execute(text("INSERT INTO search_log (id, search_key, query, category, results_json, no_answer, at) "
                                "VALUES (1, 'k1', '理赔多久', '', '[]', 0, '2026-12-07 10:00:00')"))
        connection.execute(text("INSERT INTO search_feedback (search_id, entry_id, verdict, right_entry_id, at) "
                                "VALUES (1, 'claims-who-can-apply', 'wrong', 'claims-decision-deadline', "
                                "'2026-12-07 10:01:00')"))
    migrate(db, "head")
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT entry_id, verdict, right_entry_id, note FROM search_feedback")).all()
    assert rows == [("claims-who-can-apply", "wrong", "claims-decision-deadline", None)]
    migrate(db, "0019_quiz_assignments", down=True)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM search_feedback")).scalar() == 1, "undone, the row stays"
    migrate(db, "head")
