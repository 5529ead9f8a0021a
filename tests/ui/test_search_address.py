"""Back and Forward on 知识搜索 rest on one internal of Streamlit (`is_history_navigation`, checked on 1.67.0): if it
moves or goes, the page must keep working, Back only no longer bringing the earlier question back (ui54b)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

from streamlit.runtime.scriptrunner_utils import script_run_context
from streamlit.testing.v1 import AppTest

from trainer.users.accounts import create_user
from ui.search_address import history_navigation

ROOT = Path(__file__).resolve().parents[2]
CONTEXT_MODULE = "streamlit.runtime.scriptrunner_utils.script_run_context"


class WithoutHistoryFlag:
    """A run's context as a Streamlit without `is_history_navigation` would hand it out."""

    def __init__(self, context) -> None:
        self._context = context

    def __getattr__(self, name: str):
        if name == "is_history_navigation":
            raise AttributeError(name)
        return getattr(self._context, name)


def test_the_internal_is_read_where_it_is_and_its_absence_reads_as_no_history_navigation(monkeypatch) -> None:
    monkeypatch.setattr(script_run_context, "get_script_run_ctx", lambda *args, **kwargs: SimpleNamespace(
        is_history_navigation=True))
    assert history_navigation() is True, "Streamlit 1.67.0 marks Back and Forward so"
    monkeypatch.setattr(script_run_context, "get_script_run_ctx", lambda *args, **kwargs: SimpleNamespace())
    assert history_navigation() is False, "the attribute gone"
    monkeypatch.setattr(script_run_context, "get_script_run_ctx", lambda *args, **kwargs: None)
    assert history_navigation() is False, "no run (a script, a test)"
    monkeypatch.setitem(sys.modules, CONTEXT_MODULE, None)  # the module moved: importing it fails
    assert history_navigation() is False


def test_without_the_internal_the_page_searches_and_follows_in_the_address(app_env, store, monkeypatch) -> None:
    real = script_run_context.get_script_run_ctx
    monkeypatch.setattr(script_run_context, "get_script_run_ctx",
                        lambda *args, **kwargs: (lambda context: context and WithoutHistoryFlag(context))(real(*args, **kwargs)))
    at = AppTest.from_file(str(ROOT / "ui_pages" / "search.py"), default_timeout=90)
    at.session_state["user"] = create_user(store, "agent1", "王小明", "agent", "一组")
    at.run()
    for query in ("冷静期是几天", "宽限期多久"):
        at.text_input(key="search_query").input(query)
        at.button[0].click().run()
    assert not at.exception
    shown = re.sub(r":orange-background\[([^\]]*)\]", r"\1", "\n".join(m.value for m in at.markdown))
    assert at.query_params == {"q": "宽限期多久"} and "#### 1. 宽限期有多长？" in shown
