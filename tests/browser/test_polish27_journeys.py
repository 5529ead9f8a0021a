"""Defects left by polish25 that only a browser shows (polish27)."""

from __future__ import annotations

import re

# React Aria's live region: what a screen reader is told when a select box's list opens ("14 options available.").
ANNOUNCER = "[data-live-announcer]"
SKIP_LINK = "[data-testid=stSkipToContent]"


def announced_on_opening(page) -> str:
    """What a screen reader is told when the page's first select box (分类 on 知识搜索) first opens its list. Only a
    box whose list has not been opened on this page announces its options, so each read is on a freshly loaded page."""
    box = page.page.locator("[data-testid=stSelectbox]").first
    box.click()
    page.page.wait_for_function(f"(document.querySelector('{ANNOUNCER}')?.textContent || '').trim() !== ''")
    said = page.page.locator(ANNOUNCER).text_content().strip()
    page.page.keyboard.press("Escape")
    return said


def test_a_select_box_is_announced_in_the_language_of_the_ui(agent_page):
    """polish25 left: opening a select box on the Chinese UI told a screen reader "14 options available." — React
    Aria's announcement, which Streamlit draws in en-US whatever the page's language. It is said in the UI's language:
    React Aria's own zh-CN words on the Chinese UI, its English on the English UI."""
    page = agent_page
    page.open("/search", shows="[data-testid=stSelectbox]")
    said = announced_on_opening(page)
    assert re.fullmatch(r"有 \d+ 个选项可用。", said), said  # 全部分类 and the categories
    page.pick_radio("English", shows=f'{SKIP_LINK}[aria-label="Skip to main content"]')
    try:
        page.reload(shows="[data-testid=stSelectbox]")
        said = announced_on_opening(page)
        assert re.fullmatch(r"\d+ options available\.", said), said
    finally:
        page.pick_radio("中文", shows=f'{SKIP_LINK}[aria-label="跳到主要内容"]')
