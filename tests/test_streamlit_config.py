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
