"""What a user saw after polish28, in Chromium (polish29)."""

from __future__ import annotations

import re

from tests.browser.conftest import signed_in

EXAM_ZH = "考试（无提示，每轮限时，结束后反馈）"
EXAM_EN = "Exam (no hints, timed replies, feedback at the end)"
CHECKED_MODE = ".st-key-assignment_mode label:has(input:checked)"


LATIN = re.compile("[A-Za-z]")


def spoken(page, selector: str) -> list[str]:
    return page.page.eval_on_selector_all(selector, "named => named.map(n => n.getAttribute('aria-label'))")


def streamlit_parts_speak_chinese(page) -> None:
    """On the Chinese 作业布置 with an assignment listed: the names Streamlit gives its own parts — the data table's
    toolbar ("Download as CSV", "Fullscreen" …), the date box's segments ("year, 截止日期") and its calendar ("Choose
    date", "Previous month"), the sidebar — are Chinese (polish28 left them English)."""
    page.page.locator("[data-testid=stExpander] summary").first.evaluate("summary => summary.click()")
    page.page.wait_for_selector("[data-testid=stDataFrame]")
    page.page.locator("[data-testid=stDataFrame]").first.hover()
    page.page.wait_for_selector('[data-testid=stElementToolbar] [aria-label="下载为 CSV"]')
    toolbar = spoken(page, "[data-testid=stElementToolbar] [aria-label]")
    assert {"显示或隐藏列", "下载为 CSV", "搜索", "全屏"} <= set(toolbar), toolbar
    date = spoken(page, "[data-testid=stDateInput] [aria-label]")
    assert {"年，截止日期", "月，截止日期", "日，截止日期", "选择日期"} <= set(date), date
    page.page.locator("[data-testid=stDateInput] button").first.evaluate("button => button.click()")
    page.page.wait_for_selector('[role=dialog] [aria-label="下个月"]')
    calendar = spoken(page, "[role=dialog] [aria-label], [role=dialog][aria-label]")
    assert {"上个月", "下个月"} <= set(calendar) and not [n for n in calendar if LATIN.search(n)], calendar
    page.page.keyboard.press("Escape")
    sidebar = spoken(page, "section[data-testid=stSidebar][aria-label], [data-testid=stSidebarCollapseButton] [aria-label]")
    assert sidebar and not [n for n in sidebar if LATIN.search(n)], sidebar


def test_choices_on_the_assignments_page_survive_a_language_switch(open_context, accounts):
    """作业布置's choices were in a form: a form's values stay in the browser until it is submitted, so switching the
    language drew the chosen agent and the mode again empty (polish28 left). The instructor's choices are kept, and
    the assignment made in English is the one chosen in Chinese."""
    page = signed_in(open_context, "teacher.li")
    page.open("/assignments", shows="[data-testid=stMultiSelect]")
    page.choose("情景", "效力中止通知", exact=False)  # none is chosen until the instructor picks one (polish32)
    page.page.locator("[data-testid=stMultiSelect] input").first.focus()
    page.page.keyboard.press("ArrowDown")
    page.page.wait_for_selector("[role=option][data-focused=true]")
    agent = page.page.locator("[role=option][data-focused=true]").inner_text().strip()
    # chosen as a user does, not through act(): on main, inside the form, a choice started no run (nothing was sent)
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Escape")
    page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="移除{agent}"]')
    page.page.locator(".st-key-assignment_mode label").filter(has_text=EXAM_ZH).click()
    page.page.wait_for_function(f"document.querySelector('{CHECKED_MODE}')?.innerText.trim() === {EXAM_ZH!r}")

    page.pick_radio("English", shows='[data-testid=stSkipToContent][aria-label="Skip to main content"]')
    try:
        page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="Remove {agent}"]')
        assert page.page.locator(CHECKED_MODE).inner_text().strip() == EXAM_EN
        page.click_button("Assign", step="assign")
        page.expect_text(f"({agent}):")
        page.expect_text("(Exam), due ")
    finally:
        page.pick_radio("中文", shows='[data-testid=stSkipToContent][aria-label="跳到主要内容"]')
    try:
        streamlit_parts_speak_chinese(page)
    finally:  # leave 作业布置 as the other tests expect it: nothing assigned by THIS test (an earlier test's may stay)
        made = page.page.get_by_text(f"（{agent}） · 考试").first
        made.locator("xpath=ancestor::*[.//*[@data-testid='stPopover']][1]//*[@data-testid='stPopover']//button"
                     ).first.evaluate("button => button.click()")
        page.click_button("确认撤销", step="withdraw")
        page.page.get_by_text(f"（{agent}） · 考试").first.wait_for(state="detached")
