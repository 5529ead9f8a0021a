"""ui51 in Chromium: a page shared by many tests is signed in again when another test has ended its account's
sessions (ui50's two journeys failed after the rest of tests/browser on the sign-in form, stop 49)."""

from __future__ import annotations

from tests.browser.conftest import signed_in
from tests.browser.driver import sidebar

MAIN = "[data-testid=stMainBlockContainer]"


def test_a_shared_page_opens_signed_in_after_its_account_signed_out_elsewhere(agent_page, open_context, accounts):
    """A sign-out ends every session of the account: the shared agent page, opened next, showed the sign-in form."""
    agent_page.open("/search", shows=sidebar("button", "退出登录"))
    elsewhere = signed_in(open_context, "agent.wang")
    elsewhere.click_button("退出登录")
    elsewhere.expect_text("登录名")
    agent_page.open("/quiz", shows=f"{MAIN} h1")
    assert not agent_page.asks_to_sign_in(), agent_page.shown()
    assert "今日训练" in agent_page.main_text() and "退出登录" in agent_page.sidebar_text()
