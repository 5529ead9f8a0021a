"""Move a test database to a given migration revision, as `alembic downgrade/upgrade` would."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from trainer.store.db import MIGRATIONS_DIR, Database


def migrate(db: Database, revision: str, *, down: bool = False) -> None:
    """Upgrade `db` to `revision` ("head" for the newest), or downgrade to it with `down=True`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
