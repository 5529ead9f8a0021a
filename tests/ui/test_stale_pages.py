"""An install upgraded from before the pages moved to ui_pages/ keeps a stale pages/ folder beside app.py (polish21)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from ui.stale_pages import ignore_stale_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_streamlit_flag():
    PagesManager.uses_pages_directory = None  # what a new server process starts with
    yield
    PagesManager.uses_pages_directory = None


def test_a_stale_pages_folder_is_ignored_and_named_to_delete(tmp_path: Path, fresh_streamlit_flag,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text("", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "search.py").write_text("import streamlit as st\nst.title('old search')\n", encoding="utf-8")
    notice = ignore_stale_pages(tmp_path)
    PagesManager(str(tmp_path / "app.py"))
    assert PagesManager.uses_pages_directory is False, "Streamlit would run the old pages/search.py at /search"
    assert notice is not None and f"rm -rf {tmp_path / 'pages'}" in notice and "ui_pages" in notice
    assert notice in capsys.readouterr().err


def test_without_the_folder_nothing_is_said(tmp_path: Path, fresh_streamlit_flag,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert ignore_stale_pages(tmp_path) is None and capsys.readouterr().err == ""


def test_the_server_ignores_it_before_any_session() -> None:
    """serve.py (what `make run` serves) sets it on import, before a first session could run a stale page."""
    probe = "import serve\nfrom streamlit.runtime.pages_manager import PagesManager\nprint(PagesManager.uses_pages_directory)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
