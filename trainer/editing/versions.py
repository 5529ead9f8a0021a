"""Several app servers on one PostgreSQL: published content versions in the database.

Each server keeps the content in its own folder (its own disk), as with one server. What makes
them one truth is the `content_versions` table: every save publishes the whole content set as a
new version (number, hash, author, time, the files' texts), and every server polls for a newer
version every few seconds, writes its files atomically and swaps its index (KnowledgeBase.reload
builds the new snapshot beside the old one, so searches never see half an index).

Saves on different servers exclude each other with a PostgreSQL advisory lock taken together
with the local file lock; under it the saving server first catches up with the newest version,
so the editor's usual compare-and-write sees another server's save as a conflict, exactly as it
sees another instructor's on the same server. SQLite (one server) uses none of this.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from trainer.clock import utcnow
from trainer.editing.files import EditLock, TEMP_SUFFIX, atomic_write, read_text
from trainer.store.db import Database
from trainer.store.models import ContentVersion

log = logging.getLogger(__name__)

# pg_advisory_lock key of content saves: any fixed 64-bit number the app uses for nothing else.
CONTENT_LOCK_KEY = 0x5EA7_C0DE_19
CONTENT_SUFFIXES = (".yaml", ".md")


def is_shared_database(db: Database) -> bool:
    """Whether several app servers can share this database (PostgreSQL), so content is versioned in it."""
    return make_url(db.url).get_backend_name() == "postgresql"


def content_files(root: Path) -> dict[str, str]:
    """Every content file under `root` by relative name (YAML and Markdown; no hidden or temporary files)."""
    root = Path(root)
    files = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if (path.is_file() and path.suffix in CONTENT_SUFFIXES and not name.endswith(TEMP_SUFFIX)
                and not any(part.startswith(".") for part in name.split("/"))):
            files[name] = path.read_text(encoding="utf-8")
    return files


def files_hash(files: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{hashlib.sha256(files[name].encode('utf-8')).hexdigest()}\n".encode())
    return digest.hexdigest()


def _safe_path(root: Path, name: str) -> Path:
    """`root/name`, refusing names that would leave the content folder (a tampered row)."""
    base = root.resolve()
    path = (base / name).resolve()
    if ".." in name.split("/") or name.startswith("/") or not path.is_relative_to(base) or \
            not name.endswith(CONTENT_SUFFIXES):
        raise ValueError(f"content version names a file outside the content folder: {name[:200]!r}")
    return path


def write_files(root: Path, files: dict[str, str]) -> None:
    """Make the content folder hold exactly `files`: each written atomically, files not in it removed."""
    root = Path(root)
    paths = {name: _safe_path(root, name) for name in files}
    for name, path in paths.items():
        if read_text(path) != files[name]:
            atomic_write(path, files[name])
    for name in set(content_files(root)) - set(files):
        atomic_write(root / name, None)


class ContentVersions:
    """The published versions of one shared database, as seen from one server's content folder."""

    def __init__(self, db: Database, root: Path, lock: EditLock) -> None:
        self.db = db
        self.root = Path(root)
        self.local_lock = lock  # this server's file lock: a sync never interleaves with a local save
        self.applied_version = 0  # the newest version this server's folder holds

    @contextmanager
    def save_lock(self) -> Iterator[None]:
        """Held around a save: this server's file lock, then the database-wide advisory lock."""
        with self.local_lock.held(), self.db.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": CONTENT_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": CONTENT_LOCK_KEY})
                connection.commit()

    def latest(self) -> ContentVersion | None:
        with self.db.session() as session:
            return session.scalar(select(ContentVersion).order_by(ContentVersion.version.desc()).limit(1))

    def latest_number(self) -> int:
        with self.db.session() as session:
            return session.scalar(select(func.max(ContentVersion.version))) or 0

    def catch_up(self) -> bool:
        """Write the newest published version into the folder if it is newer than ours (caller holds a lock).

        True when files changed. With no version published yet, the folder becomes version 1.
        """
        latest = self.latest()
        if latest is None:
            self.publish("")  # the first server to start publishes what it has
            return False
        if latest.version <= self.applied_version:
            return False
        files = json.loads(latest.files_json)
        changed = files_hash(content_files(self.root)) != latest.content_hash
        if changed:
            write_files(self.root, files)
            log.info("content version %d (by %s) written into %s", latest.version, latest.author, self.root)
        self.applied_version = latest.version
        return changed

    def publish(self, author: str) -> int:
        """Record the folder's content as the next version (caller holds the save lock); its number."""
        files = content_files(self.root)
        digest = files_hash(files)
        with self.db.session() as session:
            latest = session.scalar(select(ContentVersion).order_by(ContentVersion.version.desc()).limit(1))
            if latest is not None and latest.content_hash == digest:
                self.applied_version = latest.version
                return latest.version
            number = (latest.version if latest else 0) + 1
            session.add(ContentVersion(version=number, content_hash=digest, files_json=json.dumps(files, ensure_ascii=False),
                                       author=author[:64], created_at=utcnow()))
            session.commit()
        self.applied_version = number
        return number

    def sync(self, reload: Callable[[], object]) -> bool:
        """One poll: catch up with a newer version and reload the index; True when content changed."""
        if self.latest_number() <= self.applied_version:
            return False
        with self.save_lock():
            changed = self.catch_up()
        if changed:
            reload()
        return changed


class VersionPoller:
    """A daemon thread that calls `ContentVersions.sync` every `seconds` (one per server process)."""

    def __init__(self, versions: ContentVersions, reload: Callable[[], object], seconds: float) -> None:
        self.versions, self.reload, self.seconds = versions, reload, seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="content-versions", daemon=True)

    def start(self) -> "VersionPoller":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            try:
                self.versions.sync(self.reload)
            except Exception:  # a database blip: keep serving the last version, try again next time
                log.exception("content versions: could not check for a newer version")


def shared_content_versions(db: Database, root: Path, lock: EditLock) -> ContentVersions | None:
    """At a server's start: with PostgreSQL, the folder caught up with the newest published version
    (or published as the first one); None with SQLite, where the folder alone is the truth."""
    if not is_shared_database(db):
        return None
    versions = ContentVersions(db, root, lock)
    with versions.save_lock():
        versions.catch_up()
    return versions
