"""The address a browser asked for, read to answer a wrong one in the UI's language (ui/missing_page.py)."""

from __future__ import annotations

from ui.missing_page import requested_address


def test_the_page_address_is_read_from_the_browsers_url_under_the_apps_base_path():
    assert requested_address("http://localhost:8501/history", "") == "history"
    assert requested_address("http://localhost:8501/", "") == ""
    assert requested_address(None, "") == ""
    assert requested_address("https://host/trainer/foo/", "/trainer") == "foo"  # behind a reverse proxy's prefix
    assert requested_address("https://host/trainer", "trainer") == ""
    assert requested_address("http://localhost:8501/%E5%8E%86%E5%8F%B2", "") == "历史"  # read as typed
    assert requested_address("http://localhost:8501/a/b", "") == "a/b"
