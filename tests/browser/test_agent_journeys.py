"""An agent's day in the browser: search on a call, a quiz question, a short practice call,
a reload, and the pages that are not theirs."""

from __future__ import annotations

import pytest

from tests.browser.conftest import signed_in
from ui.pages import PAGES

AGENT = "agent.wang"


def test_search_shows_answer_and_script_and_copies_the_script(accounts, open_context):
    page = signed_in(open_context, AGENT)
    assert "知识搜索" in page.main_text()
    for query in ("宽限期多久", "客户说不是本人签字怎么办", "犹豫期退保能退多少钱"):
        page.fill("客户问题", query).click_button("搜索", step="search")
    page.fill("客户问题", "宽限期多久").click_button("搜索", step="search")
    main = page.main_text()
    assert "宽限期" in main and "话术（可复制）" in main and "依据" in main
    script = page.page.locator("[data-testid=stCode]").first
    script.hover()
    script.locator("button").first.click()
    copied = page.page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.strip() in script.inner_text()


def test_an_off_topic_question_gets_no_answer_rather_than_a_guess(accounts, open_context):
    page = signed_in(open_context, AGENT)
    page.fill("客户问题", "今天北京天气怎么样").click_button("搜索", step="search")
    assert "没有可靠的答案" in page.main_text()


def test_the_search_page_opens_at_its_own_address(accounts, open_context):
    page = signed_in(open_context, AGENT)
    page.open("/search", step="open a page")
    assert "知识搜索" in page.main_text() and "Page not found" not in page.page.content()


@pytest.mark.parametrize("spec", [p for p in PAGES if "agent" not in p.roles], ids=lambda p: p.url_path)
def test_an_agent_is_refused_on_instructor_and_admin_addresses(accounts, open_context, spec):
    page = signed_in(open_context, AGENT)
    page.open(f"/{spec.url_path}")
    assert "无权访问" in page.main_text()
