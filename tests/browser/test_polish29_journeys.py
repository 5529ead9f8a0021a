"""What a user saw after polish28, in Chromium (polish29)."""

from __future__ import annotations

from tests.browser.conftest import signed_in

EXAM_ZH = "考试（无提示，每轮限时，结束后反馈）"
EXAM_EN = "Exam (no hints, timed replies, feedback at the end)"
CHECKED_MODE = ".st-key-assignment_mode label:has(input:checked)"


def test_choices_on_the_assignments_page_survive_a_language_switch(open_context, accounts):
    """作业布置's choices were in a form: a form's values stay in the browser until it is submitted, so switching the
    language drew the chosen agent and the mode again empty (polish28 left). The instructor's choices are kept, and
    the assignment made in English is the one chosen in Chinese."""
    page = signed_in(open_context, "teacher.li")
    page.open("/assignments", shows="[data-testid=stMultiSelect]")
    page.page.locator("[data-testid=stMultiSelect] input").first.focus()
    page.page.keyboard.press("ArrowDown")
    page.page.wait_for_selector("[role=option][data-focused=true]")
    agent = page.page.locator("[role=option][data-focused=true]").inner_text().strip()
    page.act(lambda: page.page.keyboard.press("Enter"), what="choosing an agent")
    page.page.keyboard.press("Escape")
    page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="移除{agent}"]')
    page.pick_radio(EXAM_ZH)
    assert page.page.locator(CHECKED_MODE).inner_text().strip() == EXAM_ZH

    page.pick_radio("English", shows='[data-testid=stSkipToContent][aria-label="Skip to main content"]')
    try:
        page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="Remove {agent}"]', timeout=20_000)
        assert page.page.locator(CHECKED_MODE).inner_text().strip() == EXAM_EN
        page.click_button("Assign", step="assign")
        page.expect_text(f"({agent}):")
        page.expect_text("(Exam).")
    finally:
        page.pick_radio("中文", shows='[data-testid=stSkipToContent][aria-label="跳到主要内容"]')
        for withdraw in range(page.main_text().count("撤销……")):  # leave 作业布置 as the other tests expect it
            page.page.get_by_role("button", name="撤销……").first.click()
            page.click_button("确认撤销")
