"""What a user saw after polish29, in Chromium (polish30)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import signed_in

LATIN = re.compile("[A-Za-z]")
HIRED = "[data-testid=stDateInput] [role=spinbutton]"  # the open tab's: the other tab's date box is hidden


def test_an_unsent_role_and_hire_date_survive_a_language_switch(open_context, accounts):
    """用户管理's 添加用户 was an st.form: its unsent choices stayed in the browser, and a language switch set the 角色 box
    back to the last sent value (坐席) while the text beside it was kept (polish29 left it). The choice is kept, with the
    date and the text, and reads in English."""
    page = signed_in(open_context, "admin")
    page.open("/users", shows="[data-testid=stTabs]")
    page.kept_tab("添加用户")
    page.type_and_enter("姓名", "赵测试").type_and_enter("班组", "一组")
    page.choose("角色", "培训师")
    hired = page.page.locator(HIRED).filter(visible=True)
    hired.first.click()
    page.page.keyboard.type("20260302")
    expect(hired).to_have_text(["2026", "03", "02"])
    page.pick_radio("English", shows='[data-testid=stSkipToContent][aria-label="Skip to main content"]')
    try:
        page.kept_tab("Add a user")  # kept by its place since polish31: already open
        role = page.page.get_by_role("combobox", name="Role", exact=True).filter(visible=True).first
        expect(role).to_have_value("Instructor")  # on main: "Agent", the last value sent
        expect(hired).to_have_text(["2026", "03", "02"])
        assert page.page.get_by_label("Name", exact=True).filter(visible=True).first.input_value() == "赵测试"
    finally:
        page.pick_radio("中文", shows='[data-testid=stSkipToContent][aria-label="跳到主要内容"]')


def test_a_progress_bar_and_a_number_box_speak_chinese(instructor_page):
    """st.progress was read "progress" and a number box's steppers "Increment" / "Decrement" on the Chinese UI (the
    ui.i18n observer reworded other parts only: polish29 left them)."""
    page = instructor_page
    page.open("/progress", shows="[data-testid=stProgress]")
    page.page.wait_for_selector('[data-testid=stProgress] [aria-label="进度"], [data-testid=stProgress][aria-label="进度"]')
    page.open("/quiz", shows="[data-testid=stNumberInput]")
    page.page.wait_for_selector('[data-testid=stNumberInput] button[aria-label="增加"]')
    steppers = page.page.eval_on_selector_all("[data-testid=stNumberInput] button[aria-label]",
                                              "named => named.map(n => n.getAttribute('aria-label'))")
    assert steppers and not [n for n in steppers if LATIN.search(n)], steppers
