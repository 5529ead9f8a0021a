"""Safe file writes for content: atomic replacement, content hashes and a cross-process lock.

Agents search the knowledge base during live calls, so a crash half-way through a save must
leave either the old file or the new one, never a torn one; and two instructors (possibly in
two app processes) must not interleave their compare-and-write.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def text_hash(text: str | None) -> str | None:
    """sha256 of a file's text as stored (UTF-8), None for a file that does not exist.

    Same digest as `ContentSet.file_hashes`, so a form's base hash can come from either.
    """
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str | None:
    """A content file's text, None when it does not exist."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (the directory entry), where the platform allows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str | None) -> None:
    """Replace `path` with `text` (or delete it for None) so readers see old or new, never half.

    The new text goes to a temporary file in the same folder, is flushed and fsynced, and
    then renamed over the original; any failure before the rename removes the temporary file
    and leaves the original untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        path.unlink(missing_ok=True)
        _fsync_folder(path.parent)
        return
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


class EditLock:
    """An exclusive lock around compare-and-write, shared by threads and app processes.

    fcntl.flock on a lock file in the data dir serialises separate processes; each holder
    opens its own descriptor, so threads of one process exclude each other too.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def held(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

