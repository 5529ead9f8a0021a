"""ui53c in Chromium: the hit test's why-columns at 1366 × 768 (qa29 H1); an agent's last searches and Back (H2),
and the list kept through a reload (ui54b)."""

from __future__ import annotations

import re

from tests.browser.test_qa_journeys import OVERFLOWING_TABLES

# The right edge of each of the page's table headers and of the opened why-lines, against the window's width.
PAST_THE_RIGHT_EDGE = """() => [...document.querySelectorAll('[data-testid=stExpander] details[open] p')]
    .map(p => p.getBoundingClientRect().right).filter(right => right > window.innerWidth)"""


def test_the_hit_tests_why_columns_are_on_a_1366_screen_without_scrolling_the_table(laptop_pages):
    """钱老师 at 1366: ten columns, the last four (关键词覆盖 … 命中文本) past the right edge of the table (qa29 H1)."""
    _, page = laptop_pages
    page.open("/hit-test", step="open a page")
    page.type_and_enter("输入一个问题", "上个月卡里没钱没扣上，这期间出事了你们赔不赔", step="hit test question")
    page.page.locator("[data-testid=stDataFrame] .dvn-scroller").first.wait_for()
    assert not page.page.evaluate(OVERFLOWING_TABLES), "the hit table scrolls sideways at 1366 px"
    page.page.get_by_text("为什么命中：", exact=False).first.click()
    for word in ("关键词覆盖：", "命中的词：", "命中字段：", "命中文本："):
        page.expect_text(word)
    assert not page.page.evaluate(PAST_THE_RIGHT_EDGE), "a why-line runs past the window's right edge"


def test_an_agent_goes_back_to_an_earlier_search_from_the_list_and_with_back(agent_page):
    """老何 looked for the question he had searched a minute ago: none for agents; Back after a second search stayed
    on it (qa29 H2)."""
    page = agent_page
    page.open("/search", step="open a page")
    page.fill("客户问题", "冷静期是几天").click_button("搜索", step="search")
    first_answer(page, "犹豫期有多长")
    page.fill("客户问题", "宽限期多久").click_button("搜索", step="search")
    first_answer(page, "宽限期有多长")
    # The list is the login's of the day, in the store (ui54b): other journeys of agent.wang may have added to it.
    page.page.get_by_text(RECENT).first.click()
    page.click_button("冷静期是几天", step="search")
    first_answer(page, "犹豫期有多长")
    assert page.field("客户问题").input_value() == "冷静期是几天"

    page.act(page.page.go_back, step="search", what="the browser's Back")
    first_answer(page, "宽限期有多长")
    assert page.field("客户问题").input_value() == "宽限期多久", "Back returns to the previous search"

    page.reload(step="open a page")  # ui54b: a reload (or a dropped connection) emptied 最近搜索 mid-shift
    first_answer(page, "宽限期有多长")
    page.page.get_by_text(RECENT).first.click()
    page.click_button("冷静期是几天", step="search")
    first_answer(page, "犹豫期有多长")
    assert page.field("客户问题").input_value() == "冷静期是几天", "the list kept through the reload runs it again"


RECENT = re.compile(r"最近搜索（\d+）")


def first_answer(page, question: str) -> None:
    """Wait for the page's first answer to be the entry asking `question` (its words split by the highlights)."""
    page.page.locator("h4", has_text=question).first.wait_for(state="visible")
