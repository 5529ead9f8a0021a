"""Defects found by QA pass qa14 (a day-3 agent, an agent on a live call, an instructor), walked through in
the browser where only a browser shows them."""

from __future__ import annotations


def shown_empty_list(page, box) -> str:
    """What the open list of select box `box` says after typing a word none of its options contains."""
    box.click()
    page.page.keyboard.type("zzz")
    listbox = page.page.locator("[data-testid=stSelectboxVirtualDropdown] [role=listbox][data-empty=true]").first
    listbox.wait_for(state="visible")
    option = listbox.locator("[role=option] span").first
    words = option.evaluate("e => getComputedStyle(e, '::after').content + '|' + getComputedStyle(e).fontSize")
    page.page.keyboard.press("Escape")
    return words


def test_a_select_box_with_no_match_says_so_in_chinese(agent_page):
    """Typing in a select box (分类, or 正确的条目 when reporting a wrong answer) a word no option contains
    showed Streamlit's "No results", in English on the Chinese UI."""
    page = agent_page
    page.open("/search", step="open a page")
    content, size = shown_empty_list(page, page.page.locator("[data-testid=stSelectbox]").first).split("|")
    assert content == '"没有匹配的选项"' and size == "0px", (content, size)  # the English words drawn at size 0
