"""Product polish found by qa13 and qa18 that only a browser shows (polish22; nested addresses, polish23)."""

from __future__ import annotations


def answered_as_missing(page, address: str, words: str) -> None:
    """`address` opened: the app's own page saying so (`words`, with the address), not Streamlit's dialog."""
    page.open(address, step="open a page")
    assert page.page.get_by_role("dialog").count() == 0, page.shown()
    assert words in page.main_text() and address in page.main_text(), page.shown()


def test_a_wrong_address_is_answered_in_the_ui_language_not_with_streamlits_english_dialog(agent_page):
    """qa13 #9: /history (the page is /content-history) or a mistyped /foo showed Streamlit's English dialog "Page not
    found — The page that you have requested does not seem to exist. Running the app's main page." on the Chinese UI.
    polish22 left: /a/b showed a blank page (its files were looked for under /a/), and every wrong address cost two
    404s in the console (Streamlit's probes for its server under the address): the agent page fails on any of them."""
    page = agent_page
    for address in ("/history", "/a/b"):
        answered_as_missing(page, address, "找不到这个页面")
        page.click_link("回到首页", step="open a page")
        assert "知识搜索" in page.main_text()

    page.pick_radio("English", step="switch language")
    try:
        answered_as_missing(page, "/foo", "is no page of this app")
    finally:
        page.pick_radio("中文", step="switch language")
