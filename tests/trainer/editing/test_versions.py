"""Several app servers on one PostgreSQL: a save on one server reaches every other within 5 s
(files and index), two servers saving the same entry give one win and one conflict, and a
server starting with stale files catches up. The file helpers are checked without a database."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from sqlalchemy import select, text

from kb import KnowledgeBase
from tests.conftest import postgres_url
from trainer.editing.editor import LOCK_FILE, ContentEditor
from trainer.editing.files import EditLock
from trainer.editing.versions import (ContentVersions, VersionPoller, content_files, files_hash, is_shared_database,
                                      shared_content_versions, write_files)
from trainer.store.db import Database
from trainer.store.models import ContentVersion

NEW_ANSWER = "犹豫期为二十日（测试用的新答案，按自然日计算）。"


def edit_answer(editor: ContentEditor, answer: str, draft=None, author: str = "li"):
    draft = draft or editor.open_item("entry", "cooling-off-length")
    return editor.save_item(draft, {**draft.fields, "answer": answer}, author)


def test_write_files_makes_the_folder_hold_exactly_the_version(content_dir):
    files = content_files(content_dir)
    assert "categories.yaml" in files and any(n.startswith("faq/") for n in files)
    changed = dict(files)
    name = next(n for n in files if n.startswith("faq/"))
    changed[name] = files[name].replace("犹豫期", "冷静期")
    removed = next(n for n in files if n.startswith("quizzes/"))
    del changed[removed]
    write_files(content_dir, changed)
    assert content_files(content_dir) == changed and files_hash(changed) != files_hash(files)


@pytest.mark.parametrize("name", ["../outside.yaml", "/etc/x.yaml", "faq/../../x.yaml", "faq/run.sh"])
def test_a_tampered_version_cannot_write_outside_the_content_folder(content_dir, name):
    with pytest.raises(ValueError, match="outside the content folder"):
        write_files(content_dir, {**content_files(content_dir), name: "x"})
    assert not (content_dir.parent / "outside.yaml").exists()


def test_sqlite_stays_single_server(db, kb):
    assert not is_shared_database(db)
    assert shared_content_versions(db, kb.settings.content_dir, EditLock(kb.settings.data_dir / LOCK_FILE)) is None
    assert ContentEditor(kb, db).versions is None


# ---- PostgreSQL -------------------------------------------------------------------------------

@pytest.fixture
def pg_url() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL test server (AGENT_TRAINER_TEST_DATABASE_URL is not set)")
    database = Database(url)
    with database.engine.begin() as connection:
        for table in ("content_versions", "review_flags", "content_changes"):
            connection.execute(text(f"DELETE FROM {table}"))
    database.dispose()
    return url


class Server:
    """One app server: its own content folder and data dir, its own engine, one shared database."""

    def __init__(self, name: str, tmp_path, settings, encoder, url: str) -> None:
        content = tmp_path / f"{name}-content"
        if not content.exists():
            shutil.copytree(settings.content_dir, content)
        self.settings = settings.with_overrides(content_dir=content, data_dir=tmp_path / f"{name}-data")
        self.db = Database(url)
        self.versions = shared_content_versions(self.db, content, EditLock(self.settings.data_dir / LOCK_FILE))
        self.kb = KnowledgeBase.open(content, self.settings, encoder=encoder)
        self.poller = VersionPoller(self.versions, self.kb.reload, 0.5).start()
        self.editor = ContentEditor(self.kb, self.db)

    def close(self) -> None:
        self.poller.stop()
        self.db.dispose()


@pytest.fixture
def servers(pg_url, tmp_path, settings, encoder):
    started = [Server(name, tmp_path, settings, encoder, pg_url) for name in ("a", "b")]
    yield started
    for server in started:
        server.close()


def answer_of(server: Server, query: str = "犹豫期多久") -> str:
    hits = server.kb.search(query, k=1)
    return hits[0].answer if hits else ""


def test_a_save_on_one_server_is_searchable_on_the_other_within_5_seconds(servers):
    a, b = servers
    assert edit_answer(a.editor, NEW_ANSWER).ok
    start = time.monotonic()
    while NEW_ANSWER.strip() not in answer_of(b) and time.monotonic() - start < 5:
        time.sleep(0.1)
    assert NEW_ANSWER.strip() in answer_of(b), "server b did not pick up server a's save within 5 s"
    assert content_files(b.settings.content_dir) == content_files(a.settings.content_dir)


def test_two_servers_saving_the_same_entry_one_wins_and_the_other_gets_a_conflict(servers):
    a, b = servers
    draft_a, draft_b = a.editor.open_item("entry", "cooling-off-length"), b.editor.open_item("entry", "cooling-off-length")
    b.poller.stop()  # b has not even polled yet: only the save's own catch-up protects a's edit
    assert edit_answer(a.editor, "甲老师的答案：15日。", draft_a, author="teacher-a").ok
    lost = edit_answer(b.editor, "乙老师的答案：20日。", draft_b, author="teacher-b")
    assert not lost.ok and lost.conflict is not None and "甲老师" in lost.conflict.their_diff
    with a.db.session() as session:
        latest = session.scalar(select(ContentVersion).order_by(ContentVersion.version.desc()).limit(1))
    published = "".join(json.loads(latest.files_json).values())
    assert "甲老师的答案" in published and "乙老师的答案" not in published and latest.author == "teacher-a"
    assert "甲老师的答案" in "".join(content_files(b.settings.content_dir).values())


def test_a_server_starting_with_stale_files_catches_up_before_loading(servers, tmp_path, settings, encoder, pg_url):
    a, _ = servers
    assert edit_answer(a.editor, NEW_ANSWER).ok
    late = Server("c", tmp_path, settings, encoder, pg_url)
    try:
        assert NEW_ANSWER.strip() in answer_of(late)
    finally:
        late.close()


def test_versions_record_who_and_what(servers):
    a, _ = servers
    before = ContentVersions(a.db, a.settings.content_dir, a.editor.lock).latest_number()
    assert edit_answer(a.editor, NEW_ANSWER, author="wang").ok
    latest = ContentVersions(a.db, a.settings.content_dir, a.editor.lock).latest()
    assert latest.version == before + 1 and latest.author == "wang"
    assert latest.content_hash == files_hash(content_files(a.settings.content_dir))
