"""Several app servers starting at once on one PostgreSQL: exactly one runs the migrations, the
others wait for it and find the schema current — none fails on a half-made schema. Each server
is its own process (Alembic's context is per process), released together from a start line.
Skipped without the CI PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from tests.conftest import ROOT, postgres_url
from trainer.store.db import Database

SERVERS = 3
START = """
import sys, time
from pathlib import Path
from trainer.store.db import Database
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
Database(sys.argv[1]).dispose()
print("started", flush=True)
"""


@pytest.fixture
def empty_schema_url() -> str:
    """The CI PostgreSQL with a fresh, empty schema of its own (dropped afterwards)."""
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL test server (AGENT_TRAINER_TEST_DATABASE_URL is not set)")
    schema = f"start_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    parsed = make_url(url)
    yield parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_servers_starting_together_migrate_once_and_all_start(empty_schema_url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    servers = [subprocess.Popen([sys.executable, "-c", START, empty_schema_url, str(go)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(SERVERS)]
    go.touch()  # after every process is under way: they import, then all open the store at once
    results = [server.communicate(timeout=120) for server in servers]
    for server, (out, err) in zip(servers, results):
        assert server.returncode == 0 and "started" in out, err[-3000:]
    database = Database(empty_schema_url, migrate=False)
    try:
        assert {"users", "api_tokens", "alembic_version"} <= set(inspect(database.engine).get_table_names())
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        database.dispose()
