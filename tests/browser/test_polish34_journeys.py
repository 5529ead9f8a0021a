"""polish34: Streamlit's own English on the Chinese UI of the instructors' pages (a multiselect's empty list), and the
instructor's and administrator's pages in English, read in Chromium as a user sees and a screen reader hears them."""

from __future__ import annotations

import re

from tests.browser.conftest import signed_in

CHINESE = re.compile(r"[\u4e00-\u9fff]")
# Every text a user sees or hears on a page: its lines, and the names, titles and placeholders of its parts.
SEEN_AND_HEARD = """() => {
  const said = document.body.innerText.split('\\n').map(line => ['text', line]);
  for (const part of document.querySelectorAll('[aria-label],[title],[placeholder],[aria-roledescription]'))
    for (const name of ['aria-label', 'title', 'placeholder', 'aria-roledescription'])
      if (part.getAttribute(name)) said.push([name, part.getAttribute(name)]);
  return said;
}"""


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


def chinese_seen(page, path: str) -> list[str]:
    """The texts of `path` (opened on the English UI) that hold Chinese, but for the names the test's data gave."""
    page.open(path, step="open a page")
    ours = ("系统管理员", "王坐席", "李老师", "一组")  # names and a team typed in Chinese: data, not the UI's words
    return [f"{path} {where}: {text}" for where, text in page.page.evaluate(SEEN_AND_HEARD)
            if CHINESE.search(text) and not any(name in text for name in ours) and text not in ("中文", "语言 / Language")]


def test_the_admin_and_instructor_pages_in_english_show_no_chinese_of_ours(open_context, accounts):
    page = signed_in(open_context, "admin")
    page.open("/account", step="open a page")
    page.pick_radio("English", step="switch")
    found = []
    try:
        for path in ("/users", "/api-tokens", "/team", "/assignments", "/agent", "/search-feedback",
                     "/judge-corrections", "/content-history", "/content-import-export", "/citations"):
            found += chinese_seen(page, path)
    finally:
        page.pick_radio("中文", step="switch")  # the choice is the account's: the other tests read Chinese
    assert not found, "\n".join(found)


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
