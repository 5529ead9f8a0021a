"""Defects found by a QA pass, walked through as an agent or instructor would meet them."""

from __future__ import annotations

from tests.browser.conftest import signed_in

INSTRUCTOR = "teacher.li"
CHECKED_RADIO = "[data-testid=stRadio] label:has(input:checked)"


def _checked_language(page) -> str:
    return page.page.locator(CHECKED_RADIO).first.inner_text().strip()


def test_the_language_switch_works_after_signing_out_and_in_again(open_context, accounts):
    page = signed_in(open_context, INSTRUCTOR)
    page.pick_radio("English", step="switch language")
    page.click_button("Sign out")
    page.pick_radio("中文", step="switch language")  # the sign-in screen in Chinese
    page.sign_in(INSTRUCTOR, accounts[INSTRUCTOR])
    page.expect_text("Sign out")
    assert _checked_language(page) == "English", "the switch shows the user's own language"
    page.pick_radio("中文", step="switch language")
    assert "退出登录" in page.sidebar_text(), "picking the other language switches"
    assert _checked_language(page) == "中文"
