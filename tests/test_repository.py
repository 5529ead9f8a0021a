"""What the repository tracks: no machine-local links that a checkout would turn into files."""

from __future__ import annotations

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
