"""polish35: what qa24 found at a laptop's width, walked through in Chromium."""

from __future__ import annotations

from tests.browser.conftest import LAPTOP
from tests.browser.test_qa_journeys import OVERFLOWING_TABLES, _end_a_short_call

SMALL_LAPTOP = {"width": 1280, "height": 800}


def test_my_progress_shows_each_calls_report_link_at_1280_px(laptop_pages):
    """qa24 T9: at 1280 × 800 the calls table of 我的进度 scrolled sideways and its 报告 column read 查看报…"""
    agent, _ = laptop_pages
    _end_a_short_call(agent)
    agent.page.set_viewport_size(SMALL_LAPTOP)
    try:
        agent.open("/progress", step="open a page")
        agent.page.locator("[data-testid=stDataFrame] .dvn-scroller").first.wait_for()
        # The link column is the table's last: drawn on a canvas, it is in view when the table does not scroll.
        widths = agent.page.evaluate(OVERFLOWING_TABLES)
        assert not widths, f"a table of 我的进度 scrolls sideways at 1280 px: {widths}"
    finally:
        agent.page.set_viewport_size(LAPTOP)
