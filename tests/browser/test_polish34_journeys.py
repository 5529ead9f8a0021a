"""polish34: Streamlit's own English on the Chinese UI of the instructors' pages (a multiselect's empty list, an empty
date box, an upload box), read in Chromium as a user sees and a screen reader hears them.

polish34's walk of the staff pages in English (no Chinese of ours) is not kept as a test: it passed on main, and in the
whole browser suite it read the other tests' data (a practice call's transcript, a searched question) as the UI's."""

from __future__ import annotations

from tests.browser.conftest import signed_in


def test_a_multiselect_with_no_match_says_so_in_chinese(instructor_page):
    """作业布置's 指定坐席 typed with a word no agent's name has: the list said Streamlit's "No results" in English."""
    page = instructor_page
    page.open("/assignments", step="open a page")
    page.page.get_by_role("combobox", name="指定坐席").filter(visible=True).first.click()
    page.page.keyboard.type("zzz")
    listbox = page.page.locator("[data-testid=stMultiSelectDropdown] [role=listbox][data-empty=true]").first
    listbox.wait_for(state="visible")
    words = listbox.locator("[role=option] span").first.evaluate(
        "e => getComputedStyle(e, '::after').content + '|' + getComputedStyle(e).fontSize")
    assert words == '"没有匹配的选项"|0px', words  # the English words drawn at size 0, the Chinese after them
    closer = page.page.locator("[data-testid=stMultiSelectDropdown] button[aria-label]").first
    page.page.wait_for_function("e => e.getAttribute('aria-label') === '关闭'", arg=closer.element_handle())
    page.page.keyboard.press("Escape")


def test_an_empty_date_box_and_an_upload_box_say_their_parts_in_chinese(open_context, accounts):
    """用户管理's 入职日期 showed "yyyy/mm/dd" and each part was said "Empty"; 导入名单's upload box, "file upload"."""
    page = signed_in(open_context, "admin")
    page.open("/users", step="open a page")
    page.kept_tab("添加用户")
    parts = page.page.get_by_role("group", name="入职日期（可不填）").get_by_role("spinbutton")
    parts.first.wait_for()
    page.page.wait_for_function("""() => [...document.querySelectorAll('[data-testid=stDateInput] [role=spinbutton]')]
        .every(part => !/[a-z]/i.test(part.textContent + part.getAttribute('aria-valuetext')))""")
    said = [(part.inner_text(), part.get_attribute("aria-valuetext")) for part in parts.all()]
    assert said == [("年", "空"), ("月", "空"), ("日", "空")], said
    page.kept_tab("导入名单")
    upload = page.page.locator("[data-testid=stFileUploaderDropzone] input[type=file]").first
    page.page.wait_for_function("e => e.getAttribute('aria-label') === '上传文件'", arg=upload.element_handle())
