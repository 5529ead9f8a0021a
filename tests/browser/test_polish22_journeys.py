"""Product polish found by qa13 and qa18 that only a browser shows (polish22)."""

from __future__ import annotations

import re

# Streamlit's browser code, opened at an address it does not know as a page, first looks for the server under it
# (`/history/_stcore/health`, `…/host-config`) and then at the root: two 404s in the console, as on main, that the
# user does not see (ui/page_addresses.py answers them for the pages' own addresses only).
PROBES = re.compile(r"404 \(Not Found\) \(http://[^/]+/(history|foo)/_stcore/(health|host-config)\)")


def test_a_wrong_address_is_answered_in_the_ui_language_not_with_streamlits_english_dialog(agent_page):
    """qa13 #9: /history (the page is /content-history) or a mistyped /foo showed Streamlit's English dialog "Page not
    found — The page that you have requested does not seem to exist. Running the app's main page." on the Chinese UI."""
    page = agent_page
    page.open("/history", step="open a page")
    assert page.page.get_by_role("dialog").count() == 0, page.shown()
    assert "找不到这个页面" in page.main_text() and "/history" in page.main_text(), page.shown()
    page.click_link("回到首页", step="open a page")
    assert "知识搜索" in page.main_text()

    page.pick_radio("English", step="switch language")
    try:
        page.open("/foo", step="open a page")
        assert page.page.get_by_role("dialog").count() == 0, page.shown()
        assert "/foo is no page of this app" in page.main_text(), page.shown()
    finally:
        page.pick_radio("中文", step="switch language")
        page.context.problems[:] = [p for p in page.context.problems if not PROBES.search(p)]
