"""Issue #19's deployment target, end to end: PostgreSQL and two app processes (serve.py, as
`make run` starts it) on loopback, each with its own content folder and data dir. An edit saved
on one server is answered by the search API of the other within 5 s; two saves of the same
entry through the two servers: one wins, one gets a conflict. Skipped without the CI PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.browser.serving import ANY_PORT, start_server, stop_server, streamlit_command
from tests.conftest import FIXTURE_CONTENT, ROOT, SHARED_EMBEDDING_CACHE, postgres_url
from trainer.store.db import Database
from trainer.users.api_tokens import create_api_token

NEW_ANSWER = "犹豫期为二十个自然日（两台服务器测试的新答案）。"
# The editor, as the 内容编辑 page runs it inside a server process: same module, same database.
SAVE = """
import sys, time
from pathlib import Path
from kb import KnowledgeBase
from settings import Settings
from trainer.editing.editor import ContentEditor
from trainer.store.db import Database
settings = Settings.from_env()
editor = ContentEditor(KnowledgeBase.open(settings.content_dir, settings), Database(settings.resolved_database_url))
draft = editor.open_item("entry", "cooling-off-length")
print("opened", flush=True)
while len(sys.argv) > 3 and not Path(sys.argv[3]).exists():  # an instructor still typing
    time.sleep(0.05)
result = editor.save_item(draft, {**draft.fields, "answer": sys.argv[1]}, sys.argv[2])
print("saved" if result.ok else "conflict" if result.conflict else f"refused {result}")
"""


class AppServer:
    def __init__(self, name: str, tmp_path: Path, url: str) -> None:
        self.content = tmp_path / f"{name}-content"
        shutil.copytree(FIXTURE_CONTENT, self.content)
        self.env = {**os.environ, "AGENT_TRAINER_DATABASE_URL": url, "AGENT_TRAINER_CONTENT_DIR": str(self.content),
                    "AGENT_TRAINER_DATA_DIR": str(tmp_path / f"{name}-data"),
                    "AGENT_TRAINER_EMBEDDING_CACHE_DIR": str(SHARED_EMBEDDING_CACHE),
                    "AGENT_TRAINER_CONTENT_POLL_SECONDS": "1"}
        self.log = tmp_path / f"{name}.log"
        # on a port the kernel picks, read back from the server's log: a port probed free here and bound seconds
        # later could be taken meanwhile by another pytest session's server (suite48)
        self.process, self.url = start_server(streamlit_command("serve.py", ANY_PORT), self.log, ROOT, self.env)

    def search(self, token: str, query: str = "犹豫期多久", timeout: float = 120) -> list[dict]:
        address = f"{self.url}/api/v1/search?" + urllib.parse.urlencode({"q": query, "k": 1})
        request = urllib.request.Request(address, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())["hits"]

    def wait_until_up(self, token: str, seconds: float = 240) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the app server exited: see {self.log}"
            try:
                self.search(token)  # the first search loads the knowledge base
                return
            except OSError:
                time.sleep(1)
        raise AssertionError(f"the app server did not answer within {seconds} s")

    def save(self, answer: str, author: str) -> str:
        return self.start_save(answer, author).finish()

    def start_save(self, answer: str, author: str, go: Path | None = None) -> "Save":
        """The editor opens the entry now and saves it once `go` exists (at once without it)."""
        args = [sys.executable, "-c", SAVE, answer, author] + ([str(go)] if go else [])
        return Save(subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True))

    def faq_text(self) -> str:
        return (self.content / "faq" / "cooling-off.yaml").read_text(encoding="utf-8")

    def stop(self) -> None:
        stop_server(self.process)


class Save:
    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process

    def wait_opened(self) -> None:
        line = self.process.stdout.readline()
        assert line.strip() == "opened", self.process.stderr.read()[-2000:]

    def finish(self) -> str:
        out, err = self.process.communicate(timeout=300)
        assert self.process.returncode == 0, err[-2000:]
        return out.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    """Started once for this file (each start loads the encoder and the index)."""
    tmp_path = tmp_path_factory.mktemp("two-servers")
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL test server (AGENT_TRAINER_TEST_DATABASE_URL is not set)")
    db = Database(url)
    with db.engine.begin() as connection:
        for table in ("content_versions", "review_flags", "content_changes", "api_tokens"):
            connection.execute(text(f"DELETE FROM {table}"))
    token = create_api_token(db, "two-server test")[1]
    db.dispose()
    servers = [AppServer(name, tmp_path, url) for name in ("a", "b")]
    try:
        for server in servers:
            server.wait_until_up(token)
        yield servers, token
    finally:
        for server in servers:
            server.stop()


def test_an_edit_saved_on_one_server_is_found_by_the_api_of_the_other_within_5_s(two_servers):
    (a, b), token = two_servers
    assert a.save(NEW_ANSWER, "teacher-a") == "saved"
    saved = time.monotonic()
    while time.monotonic() - saved < 5 and NEW_ANSWER not in (b.search(token) or [{}])[0].get("answer", ""):
        time.sleep(0.2)
    assert NEW_ANSWER in b.search(token)[0]["answer"], "server b did not answer with server a's edit within 5 s"
    # Both servers then answer from the same content version.
    assert a.search(token)[0]["answer"] == b.search(token)[0]["answer"]


def test_the_same_entry_saved_through_both_servers_one_wins_one_conflicts(two_servers, tmp_path):
    (a, b), token = two_servers
    go = tmp_path / "go"
    late = b.start_save("乙老师的答案：犹豫期二十日。", "teacher-b", go)
    late.wait_opened()  # b's instructor opened the entry before a's save
    assert a.save("甲老师的答案：犹豫期十五日。", "teacher-a") == "saved"
    go.touch()
    assert late.finish() == "conflict"
    time.sleep(3)  # past the poll interval: both folders hold the winner's text, the loser's nowhere
    for server in (a, b):
        assert "甲老师的答案" in server.faq_text() and "乙老师的答案" not in server.faq_text()
    assert "甲老师的答案" in b.search(token)[0]["answer"]
