"""The server settings in .streamlit/config.toml that the app's speed depends on, read the way
`streamlit run` reads them (from the directory `make run` starts in)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_config(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    yield config
    monkeypatch.undo()
    config.get_config_options(force_reparse=True)


def test_no_full_garbage_collection_after_every_script_run(project_config) -> None:
    # Each full collection walks the ~450,000 objects of the knowledge base, encoder and judge
    # while holding the GIL, delaying the end of every page run in the browser (docs/benchmarks.md).
    assert project_config.get_option("runner.postScriptGC") is False
    assert project_config.get_where_defined("runner.postScriptGC") == str(ROOT / ".streamlit" / "config.toml")


def test_no_pages_folder_beside_the_entry_script() -> None:
    # Streamlit treats a `pages/` folder beside the main script as a version-1 multipage app until a
    # session runs app.py's st.navigation: a new server's first session that opened /search ran the page
    # alone, with Streamlit's English list of the files as its menu (qa16 #10). The pages live in ui_pages/.
    assert not (ROOT / "pages").exists()
    assert (ROOT / "ui_pages" / "search.py").exists()
