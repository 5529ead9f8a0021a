"""Product polish found by qa13 and qa18 that only a browser shows (polish22)."""

from __future__ import annotations


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


def test_a_nested_wrong_address_is_answered_too_with_nothing_missing_in_the_console(agent_page):
    """polish22 left: /a/b showed a blank page (its files were looked for under /a/), and a wrong address cost two 404s
    in the console (Streamlit's probes for its server under the address): the agent page fails on any console error."""
    page = agent_page
    page.open("/a/b", step="open a page")
    assert page.page.get_by_role("dialog").count() == 0, page.shown()
    assert "找不到这个页面" in page.main_text() and "/a/b" in page.main_text(), page.shown()
    page.click_link("回到首页", step="open a page")
    assert "知识搜索" in page.main_text()
