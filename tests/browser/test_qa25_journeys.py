"""qa25 in Chromium: 阿强 on a phone-sized window (390 × 844) chose 模拟通话 in the sidebar, and the sidebar stayed
drawn over the practice page until he found its «."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, signed_in

PHONE = {"width": 390, "height": 844}
COLLAPSED = "() => document.querySelector('[data-testid=stSidebar]').getAttribute('data-collapsed') === '{}'"


def _choose_in_sidebar(page, name: str) -> None:
    """Choose the page `name` in the sidebar's menu, as a click on it does, and read the page once it is drawn."""
    link = page.page.locator("[data-testid=stSidebar]").get_by_role("link", name=name)
    page.act(link.click, what=f"choosing {name} in the sidebar", shows=f"[data-testid=stMain] h1:has-text('{name}')")


def test_on_a_phone_the_sidebar_closes_after_a_page_is_chosen_in_it(open_context, accounts):
    page = signed_in(open_context, "agent.wang")
    page.page.set_viewport_size(PHONE)
    page.open("/search", shows="[data-testid=stTextInput]")
    page.page.wait_for_function(COLLAPSED.format("true"))  # a phone opens on the page, the sidebar closed
    page.page.locator("[data-testid=stExpandSidebarButton]").click()
    page.page.wait_for_function(COLLAPSED.format("false"))
    _choose_in_sidebar(page, "模拟通话")
    page.page.wait_for_function(COLLAPSED.format("true"))
    expect(page.page.locator("[data-testid=stMain] h1").first).to_contain_text("模拟通话")


def test_on_a_laptop_the_sidebar_stays_open_after_a_page_is_chosen_in_it(open_context, accounts):
    page = signed_in(open_context, "agent.wang")
    page.page.set_viewport_size(LAPTOP)
    page.open("/search", shows="[data-testid=stTextInput]")
    _choose_in_sidebar(page, "模拟通话")
    _choose_in_sidebar(page, "我的进度")
    assert page.page.locator("[data-testid=stSidebar]").get_attribute("data-collapsed") == "false"
    expect(page.page.locator("[data-testid=stSidebar]").get_by_role("link", name="知识搜索")).to_be_visible()
