"""Streamlit's own English drawn inside a multiselect's open list, on the Chinese UI (qa21)."""

from __future__ import annotations

from tests.browser.conftest import signed_in

# Streamlit 1.67's bulk-action option, as its Multiselect bundle draws it at the top of an open list of two or more.
BULK_OPTION = """words => {
    const option = document.createElement('div');
    option.setAttribute('role', 'option'); option.setAttribute('data-key', '__select_all__'); option.id = 'qa21-bulk';
    const shown = document.createElement('div'); shown.setAttribute('data-item-hl', ''); shown.textContent = words;
    option.appendChild(shown); document.body.appendChild(option);
}"""
SHOWN = "document.querySelector('#qa21-bulk [data-item-hl]').textContent"
# A part the observer names in the UI's language on either UI (a multiselect's opener, "展开选项" / "Open"), added after
# the option: once it is named in English, the observer has run over the page with the option on it.
PROBE = """() => { const box = document.createElement('div'); box.setAttribute('data-testid', 'stMultiSelect');
    box.id = 'qa21-probe'; box.innerHTML = '<span aria-label="展开选项"></span>'; document.body.appendChild(box); }"""
PROBE_NAMED = "document.querySelector('#qa21-probe span').getAttribute('aria-label') === 'Open'"


def test_a_multiselects_select_all_reads_chinese_on_the_chinese_ui(open_context, accounts):
    """qa21: 评判纠错's 这句话表现出的行为 and 作业布置's 指定坐席 opened on "Select all", and on "Select 2 matches" once a
    word was typed: English at the top of a Chinese list. The option is drawn by React, which keeps its text node and
    sets it again as the typed words change; it is reworded in place each time, and left in English on the English UI."""
    page = signed_in(open_context, "teacher.li")
    page.open("/assignments", shows="[data-testid=stMultiSelect]")
    page.page.evaluate(BULK_OPTION, "Select all")
    page.page.wait_for_function(f"{SHOWN} === '全选'")
    page.page.evaluate("document.querySelector('#qa21-bulk [data-item-hl]').firstChild.nodeValue = 'Select 2 matches'")
    page.page.wait_for_function(f"{SHOWN} === '选中这 2 个匹配项'")

    page.pick_radio("English", shows='[data-testid=stSkipToContent][aria-label="Skip to main content"]')
    try:
        page.page.evaluate("document.querySelector('#qa21-bulk').remove()")
        page.page.evaluate(BULK_OPTION, "Select all")
        page.page.evaluate(PROBE)
        page.page.wait_for_function(PROBE_NAMED)  # the observer has run on the addition (it waited 1 s for that)
        assert page.page.evaluate(SHOWN) == "Select all", "reworded on the English UI"
    finally:
        page.page.evaluate("document.querySelector('#qa21-probe')?.remove()")
        page.pick_radio("中文", shows='[data-testid=stSkipToContent][aria-label="跳到主要内容"]')
