"""polish36 in Chromium: qa25 P2 — 阿强 on a phone (390 × 844) read the call report's 总分, 结束方式 and five sub-scores
one per row, two screens before 下次这样做."""

from __future__ import annotations

from tests.browser.conftest import LAPTOP, signed_in

PHONE = {"width": 390, "height": 844}
# The report's score metrics: how many rows they take, and where 下次这样做's heading starts (page scrolled to its top).
PLACES = """() => {
  for (const scrolled of document.querySelectorAll('*')) if (scrolled.scrollTop) scrolled.scrollTop = 0;
  window.scrollTo(0, 0);
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  const metrics = [...main.querySelectorAll('[data-testid=stMetric]')].map(m => Math.round(m.getBoundingClientRect().top));
  const heading = [...main.querySelectorAll('h4')].find(h => h.textContent.includes('下次这样做'));
  return {metrics: metrics, rows: new Set(metrics).size, lessons: Math.round(heading.getBoundingClientRect().top)};
}"""


def _report(page, size: dict[str, int]) -> dict:
    """End a one-line practice call in a window of `size` and say where its report's scores and lessons are."""
    page.page.set_viewport_size(size)
    page.open("/practice", shows="[data-testid=stMain] h1")
    page.click_button("开始通话")
    box = page.page.get_by_placeholder("输入您对客户说的话")
    box.fill("您好，我是客服小王，请问有什么可以帮您？")
    page.act(lambda: box.press("Enter"))
    page.click_button("结束通话")
    page.act(page.page.get_by_role("button", name="确定结束", exact=True).click, what="ending the call",
             shows="[data-testid=stMain] h4:has-text('下次这样做')")
    return page.page.evaluate(PLACES)


def test_on_a_phone_the_reports_scores_take_a_few_rows_and_the_lessons_come_on_the_second_screen(open_context, accounts):
    """qa25 P2: at 390 × 844 the total, how the call ended and five sub-scores stood one per row (six metric rows on
    main), and 下次这样做 started ~1,570 px down (~1,200 after). On a narrow window they are two or three to a row; a laptop keeps one row of
    five sub-scores under the total and the ending."""
    page = signed_in(open_context, "agent.wang")
    phone = _report(page, PHONE)
    assert len(phone["metrics"]) == 6, phone  # 总分 and the five sub-scores (结束方式 is a caption and bold words)
    assert phone["rows"] <= 3, f"the report's scores take {phone['rows']} rows at 390 × 844: {phone}"
    assert phone["lessons"] < 2 * PHONE["height"], f"下次这样做 starts {phone['lessons']} px down at 390 × 844: {phone}"
    page.click_button("换个情景")
    laptop = _report(page, LAPTOP)
    assert laptop["rows"] == 2, laptop  # the total on one row, the five sub-scores on the next, as before
