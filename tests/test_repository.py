"""What the repository tracks: no machine-local links that a checkout would turn into files."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tracked_symlinks() -> list[str]:
    listing = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [line.split("\t", 1)[1] for line in listing.splitlines() if line.startswith("120000 ")]


def test_no_symlink_is_tracked() -> None:
    """A worktree's `.venv -> /somewhere/.venv` link, once committed, replaces the real virtualenv
    of every checkout it is merged into (it happened twice)."""
    try:
        links = tracked_symlinks()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    assert links == []


def repeated_dict_keys(source: str) -> list[tuple[int, object]]:
    """(line, key) for every constant key written twice in one dict literal: Python keeps the last silently."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            found += [(node.lineno, key) for key in sorted({k for k in keys if keys.count(k) > 1}, key=repr)]
    return found


def test_repeated_dict_keys_are_found() -> None:
    assert repeated_dict_keys('X = {"a": 1, "b": 2,\n     "a": 3}\n') == [(1, "a")]
    assert repeated_dict_keys('X = {"a": 1, "b": 2}\n') == []


def test_no_dict_literal_repeats_a_key() -> None:
    """Two branches each adding a check under the same behaviour in the judge's CLEARS table merged into two keys,
    and the second silently replaced the first (stop 41: identity questions credited as clarifying again)."""
    sources = [p for folder in ("kb", "trainer", "ui", "ui_pages", "bench") for p in sorted((ROOT / folder).rglob("*.py"))]
    assert sources
    repeated = [f"{p.relative_to(ROOT)}:{line} {key!r}" for p in sources
                for line, key in repeated_dict_keys(p.read_text(encoding="utf-8"))]
    assert repeated == []
