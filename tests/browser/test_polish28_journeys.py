"""What a screen reader is told by a select box and a multiselect, in the UI's language (polish28)."""

from __future__ import annotations

import re

from tests.browser.conftest import signed_in

ANNOUNCED = "[data-live-announcer] [role=log] > div"  # React Aria's live region: each announcement a div
# React Aria says which option has the focus and which was chosen only on Apple's systems (isAppleDevice), as VoiceOver
# needs it; the page is told it runs on a Mac so that those announcements are made and heard here too.
ON_A_MAC = """Object.defineProperty(Navigator.prototype, "platform", {get: () => "MacIntel"});
Object.defineProperty(Navigator.prototype, "userAgentData", {get: () => undefined});"""
# a widget's help icon is a tooltip target; a data table's toolbar is one too, and shows on 作业布置 once a test of the run
# has set an assignment (stop 42's run): its names are checked by test_polish29_journeys
NAMED = ("[data-testid=stSelectbox] [aria-label], [data-testid=stMultiSelect] [aria-label], "
         "[data-testid=stTooltipHoverTarget]:not([data-testid=stElementToolbar] *) [aria-label]")


def announced(page, words: str) -> list[str]:
    """The live region's announcements once one of them is `words` (a regular expression); each is kept for seconds,
    then removed, and React Aria adds them a moment after the change they tell of."""
    page.page.wait_for_function(f"[...document.querySelectorAll('{ANNOUNCED}')].some(s => new RegExp({words!r}).test(s.textContent))")
    return page.page.eval_on_selector_all(ANNOUNCED, "said => said.map(s => s.textContent)")


def names(page, within: str) -> list[str]:
    """The spoken names (aria-label) of a widget's parts."""
    return page.page.eval_on_selector_all(within, "named => named.map(n => n.getAttribute('aria-label'))")


def open_with_keyboard(page, box: str) -> None:
    """Focus the page's first `box` and open its list with the down arrow, as a screen-reader user does."""
    page.page.locator(f"[data-testid={box}] input").first.focus()
    page.page.keyboard.press("ArrowDown")


def test_a_select_box_and_a_multiselect_speak_chinese_on_the_chinese_ui(open_context, accounts):
    """polish27 reworded a select box's "14 options available." by its English pattern; the multiselect was never
    checked, and the boxes' parts kept their English names ("Open", a tag's "Remove 王坐席", "Clear all", "Help for
    指定坐席"). Every announcement and name is Chinese — an English wording the page does not know (a Streamlit upgrade's)
    said by what it is about — and English again after switching to English."""
    page = signed_in(open_context, "teacher.li")
    page.context.context.add_init_script(ON_A_MAC)
    page.open("/search", shows="[data-testid=stSelectbox]")
    assert "展开选项" in names(page, "[data-testid=stSelectbox] [aria-label]")
    open_with_keyboard(page, "stSelectbox")
    announced(page, r"^有 \d+ 个选项可用。$")  # as polish27's test, with the focused option's name beside it
    page.page.keyboard.press("ArrowDown")  # the next option has the focus: its name is said
    focused = page.page.locator("[role=option][data-focused=true]").inner_text().strip()
    announced(page, f"^{re.escape(focused)}$")
    page.page.keyboard.press("Enter")
    said = announced(page, f"^{re.escape(focused)}, 已选择$")
    assert not [s for s in said if re.search("[A-Za-z]", s)], said

    page.open("/assignments", shows="[data-testid=stMultiSelect]")
    open_with_keyboard(page, "stMultiSelect")
    announced(page, r"^有 \d+ 个选项可用。$")
    page.page.keyboard.press("ArrowDown")
    agent = page.page.locator("[role=option][data-focused=true]").inner_text().strip()
    page.page.keyboard.press("Enter")
    page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="移除{agent}"]')
    spoken = names(page, NAMED)
    assert {"展开选项", "已选的值", f"移除{agent}", "全部清除", "指定坐席的说明"} <= set(spoken), spoken
    assert not [s for s in spoken if re.search("[A-Za-z]", s)], spoken
    # an announcement in an English wording the page does not know is said by what it is about
    page.page.evaluate(f"""() => {{ const log = document.querySelector('[data-live-announcer] [role=log]');
        for (const words of ['7 results found.', 'Option {agent} was picked']) {{
            const said = document.createElement('div'); said.textContent = words; log.appendChild(said); }} }}""")
    said = announced(page, "^有 7 个选项可用。$")
    page.page.wait_for_function(f"[...document.querySelectorAll('{ANNOUNCED}')].every(s => !/[A-Za-z]/.test(s.textContent))")
    said = page.page.eval_on_selector_all(ANNOUNCED, "said => said.map(s => s.textContent)")
    assert said[-2:] == ["有 7 个选项可用。", agent], said

    page.pick_radio("English", shows='[data-testid=stSkipToContent][aria-label="Skip to main content"]')
    try:
        page.page.wait_for_selector('[data-testid=stMultiSelect] [aria-label="Open"]')
        # the choice is kept over the switch (polish29: no longer in a form)
        page.page.wait_for_selector(f'[data-testid=stMultiSelect] [aria-label="Remove {agent}"]')
        spoken = names(page, NAMED)
        assert {"Open", "Selected values", f"Remove {agent}", "Clear all", "Help for Agents"} <= set(spoken), spoken
        assert not [s for s in spoken if re.search("[\u4e00-\u9fff]", s.replace(agent, ""))], spoken
    finally:
        page.pick_radio("中文", shows='[data-testid=stSkipToContent][aria-label="跳到主要内容"]')
