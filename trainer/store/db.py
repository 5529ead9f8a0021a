"""Database engine and sessions; migrations are applied when the store opens.

SQLite (the default) runs in WAL mode with a busy timeout so several app sessions can read
and write at once; any other SQLAlchemy URL (PostgreSQL) is used as given.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# pg_advisory_xact_lock key of schema upgrades: any fixed 64-bit number the app uses for nothing else
# (content saves use trainer/editing/versions.py CONTENT_LOCK_KEY).
MIGRATION_LOCK_KEY = 0x5EA7_A1E3_19


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a 30 s busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is current).

    On PostgreSQL several app servers may start at once: the upgrade runs under a transaction-level
    advisory lock, so one server migrates while the others wait, then find the schema current
    (without it, two servers both create the same tables and one fails to start). SQLite is one
    server's file and needs no lock.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Released at commit; each statement after it (READ COMMITTED) sees the winner's schema.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The engine plus a session factory; create one per process and share it."""

    def __init__(self, url: str, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade_schema(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A new session; use it as a context manager and commit explicitly."""
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()
