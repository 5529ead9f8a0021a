"""ui52 in Chromium: a page shared by many tests is handed over signed in, also when another test ended its account's
sessions while the page still showed it signed in, and signs in again on the form in either language (ui51's
leftovers)."""

from __future__ import annotations

from tests.browser.conftest import signed_in
from tests.browser.driver import sidebar

MAIN = "[data-testid=stMainBlockContainer]"
SIGN_IN_FORM = f"{MAIN} input[type=password]"


def _sign_out_elsewhere(open_context, login: str) -> None:
    """`login` signs out in another browser: every session of the account ends."""
    elsewhere = signed_in(open_context, login)
    elsewhere.click_button("退出登录")
    elsewhere.expect_text("登录名")


def test_a_shared_page_handed_over_after_a_sign_out_elsewhere_takes_a_click(_signed_in_pages, open_context):
    """The shared page still showed 知识搜索 signed in; the next test's first step was a click (a search), not a page
    load, and it drew the sign-in form: the hand-over signed in again only when the page already showed the form."""
    page = _signed_in_pages("agent.wang")
    page.open("/search", shows=sidebar("button", "退出登录"))
    _sign_out_elsewhere(open_context, "agent.wang")
    page = _signed_in_pages("agent.wang")  # the next test's hand-over
    page.fill("客户问题", "犹豫期有多少天").click_button("搜索", step="search")
    assert not page.asks_to_sign_in(), page.shown()
    assert "退出登录" in page.sidebar_text()


def test_a_shared_page_signs_in_again_on_the_english_form(_signed_in_pages, open_context):
    """A session that ends while in English draws the sign-in form in English (Login, Password, Sign in): the shared
    page signed in again by the Chinese labels alone and waited out the action timeout on it."""
    page = _signed_in_pages("teacher.li")
    page.open("/", shows=sidebar("button", "退出登录"))
    _sign_out_elsewhere(open_context, "teacher.li")
    page.pick_radio("English", shows=SIGN_IN_FORM)  # a run of the ended session: the sign-in form, in English
    assert page.asks_to_sign_in() and "Password" in page.main_text(), page.shown()
    try:
        page = _signed_in_pages("teacher.li")  # the next test's hand-over
        assert not page.asks_to_sign_in(), page.shown()
        assert "Sign out" in page.sidebar_text()
    finally:
        # the account's language as the other tests expect (and, where the sign-in failed, its failure left to say)
        page.pick_radio("中文", shows=None if page.asks_to_sign_in() else sidebar("button", "退出登录"))
