"""Safe file access for content: the one path check, atomic replacement, content hashes and a
cross-process lock.

Agents search the knowledge base during live calls, so a crash half-way through a save must
leave either the old file or the new one, never a torn one; and two instructors (possibly in
two app processes) must not interleave their compare-and-write.

Every file the editor reads, writes or deletes is named `<folder>/<id>.yaml` and goes through
`content_path`: the id must match the content schema's id pattern before any path is built,
and the resolved path must stay inside the content folder (a symlink pointing out is refused).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kb.content import ID_PATTERN

# The folders whose files the app edits (FAQ entries, quiz items, scenarios).
EDITABLE_FOLDERS = ("faq", "quizzes", "scenarios")
TEMP_SUFFIX = ".tmp"


class UnsafePath(ValueError):
    """A content file name that is not `<folder>/<id>.yaml` inside the content folder."""


def check_file_name(name: str) -> str:
    """`name` when it is `<editable folder>/<kebab-case id>.yaml`, else UnsafePath (before any path is built)."""
    folder, slash, file_name = (name or "").partition("/")
    stem = file_name[:-len(".yaml")] if file_name.endswith(".yaml") else ""
    if not slash or folder not in EDITABLE_FOLDERS or not ID_PATTERN.fullmatch(stem):
        raise UnsafePath(f"'{name[:200]}' is not a content file name: use {'|'.join(EDITABLE_FOLDERS)}/<id>.yaml, "
                         "where the id has lowercase letters, digits and single hyphens")
    return name


def content_path(root: Path, name: str) -> Path:
    """The path of content file `name` under `root`: checked name, resolved, inside the tree.

    The one place every read, write and delete of a content file gets its path from.
    """
    check_file_name(name)
    base = Path(root).resolve()
    path = base / name
    resolved = path.resolve()
    if resolved.parent != (base / name.split("/")[0]).resolve() or not resolved.is_relative_to(base):
        raise UnsafePath(f"'{name}' leads outside the content folder (a symbolic link?)")
    return path


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


def stage(path: Path, text: str | None) -> Path | None:
    """Write `text` to a fsynced temporary file next to `path` (None for a deletion: nothing to stage).

    The temporary file is named `.<name>.<random>.tmp`; `install` renames it over `path`.
    """
    if text is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def install(path: Path, staged: Path | None) -> None:
    """Rename a staged file over `path` (or delete `path` when nothing was staged), durably."""
    if staged is None:
        path.unlink(missing_ok=True)
    else:
        os.replace(staged, path)
    _fsync_folder(path.parent)


def discard(staged: Path | None) -> None:
    if staged is not None:
        staged.unlink(missing_ok=True)


def atomic_write(path: Path, text: str | None) -> None:
    """Replace `path` with `text` (or delete it for None) so readers see old or new, never half.

    The new text goes to a temporary file in the same folder, is flushed and fsynced, and
    then renamed over the original; any failure before the rename removes the temporary file
    and leaves the original untouched.
    """
    staged = stage(path, text)
    try:
        install(path, staged)
    except BaseException:
        discard(staged)
        raise


def leftover_temp_files(root: Path) -> list[Path]:
    """Temporary files of saves that never got to their rename (a crash before the commit)."""
    base = Path(root)
    return [p for folder in EDITABLE_FOLDERS for p in sorted((base / folder).glob(f".*.yaml.*{TEMP_SUFFIX}"))]


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

