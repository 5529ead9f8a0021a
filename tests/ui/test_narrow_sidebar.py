"""When the sidebar of a narrow window is told to close: after a run draws another page, not on the first page of a
session nor on a rerun of the same page (the close itself, in Chromium: tests/browser/test_qa25_journeys.py)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _closings(at: AppTest, page: str) -> int:
    at.session_state["page_to_draw"] = page
    at.run()
    return sum("stSidebarCollapseButton" in h.proto.body for h in at.sidebar.get("html"))


def test_the_sidebar_is_closed_after_another_page_only() -> None:
    def app() -> None:
        import streamlit as st

        from ui.narrow_sidebar import close_after_page_change
        close_after_page_change(st.session_state.get("page_to_draw", "search"))

    at = AppTest.from_function(app, default_timeout=30)
    assert _closings(at, "search") == 0  # the first page of a session: as the window opened it
    assert _closings(at, "search") == 0  # a rerun of the same page (a widget used)
    assert _closings(at, "practice") == 1  # a page chosen in the menu
    assert _closings(at, "practice") == 0
