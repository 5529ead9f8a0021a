"""An instructor in the browser: edit an entry and find it in search, try a draft in the hit
test and come back to it, export and re-import the content, assign work with an impatient
second click."""

from __future__ import annotations

import re


ENTRY = "lapse-grace-period-length"
ADDED = "如您还有其他疑问，欢迎随时来电。"


def test_a_draft_survives_the_hit_test_round_trip_and_the_saved_edit_is_searchable(instructor_page, tmp_path):
    page = instructor_page
    page.open("/editor", step="open a page")
    page.type_and_enter("包含文字", "宽限期有多长")
    page.choose(re.compile("^选择"), ENTRY, exact=False)
    edited = page.field("话术").input_value().rstrip() + ADDED
    # left as a user leaves it before the button: a click while the box has the focus races its update (a live form)
    page.type_and_leave("话术", edited)
    page.click_button("先在命中测试中试用")
    page.click_link("命中测试", step="open a page")
    assert "正在对比草稿" in page.main_text()
    page.type_and_enter("输入一个问题", "宽限期几天", step="hit test question")
    assert page.page.locator("[data-testid=stDataFrame]").count() == 2, "live content and draft side by side"

    page.click_link("内容编辑", step="open a page")
    assert page.field("话术").input_value() == edited, "the draft is still there"
    page.click_button("保存并发布", step="editor save")
    page.expect_text("已保存并发布")

    page.click_link("知识搜索", step="open a page")
    page.fill("客户问题", "宽限期有多长").click_button("搜索", step="search")
    assert ADDED in page.main_text()


def test_the_hit_test_question_is_kept_when_coming_back(instructor_page):
    page = instructor_page
    page.click_link("命中测试", step="open a page")
    page.type_and_enter("输入一个问题", "犹豫期多少天", step="hit test question")
    page.click_link("修改历史", step="open a page")
    page.click_link("命中测试", step="open a page")
    assert page.field("输入一个问题").input_value() == "犹豫期多少天"


def test_re_importing_an_unchanged_export_changes_nothing(instructor_page, tmp_path):
    page = instructor_page
    page.click_link("导入导出", step="open a page")
    exported = page.download_file("CSV 知识库", tmp_path / "faq.csv")
    page.upload(exported, step="import dry run")
    main = page.main_text()
    assert not page.page.get_by_role("button", name=re.compile("确认导入")).count(), main
    page.click_link("修改历史", step="open a page")
    assert "import: 0 new, 0 changed" not in page.main_text()


def test_the_batch_hit_test_shows_progress_and_can_be_cancelled(instructor_page, tmp_path):
    """On an uploaded list of 100 dev-set questions (the page's other source): the same progress and
    cancel as the whole dev set's 1,102 searches, without their minute (which once ran past the
    action timeout on a busy machine)."""
    from trainer.editing.hit_test import DEV_SET_DIR, dev_set

    questions = tmp_path / "questions.txt"
    questions.write_text("".join(f"{q.text}\t{' '.join(q.ids)}\n" for q in dev_set(DEV_SET_DIR)[0][:100]), encoding="utf-8")
    page = instructor_page
    page.click_link("命中测试", step="open a page")
    page.pick_radio("上传问题列表")
    page.upload(questions, step="upload a question list")
    run = page.page.get_by_role("button", name="运行", exact=True)
    page.act(run.click, step="batch hit test")
    assert re.search(r"已检索 (\d+) / \1", page.main_text()), "progress reaches done/total"
    assert re.search(r"问题数\s+100\s", page.main_text()), "the uploaded list's questions, not the dev set's"
    assert "问题数" in page.main_text()
    run.click()
    page.expect_text("已检索")
    page.click_button("取消")
    page.expect_text("批量测试已取消")
    page.pick_radio("检索开发集")  # the shared instructor page leaves the hit test as it found it


def test_clicking_assign_twice_gives_the_team_one_assignment_due_in_a_week(instructor_page):
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from trainer.clock import utcnow

    page = instructor_page
    page.open("/assignments", step="open a page")
    due = (utcnow().astimezone(ZoneInfo("Asia/Shanghai")) + timedelta(days=7)).strftime("%Y-%m-%d")
    assert page.page.locator("[data-testid=stDateInput] input").first.input_value() == due, "a week ahead, not today"
    page.choose("情景", "效力中止通知", exact=False)  # none is chosen until the instructor picks one (polish32)
    assign = page.page.get_by_role("button", name="布置", exact=True).filter(visible=True).first
    def twice() -> None:  # an impatient second click while the first submission is still running
        assign.click()
        page.page.wait_for_timeout(150)
        assign.click()

    page.act(twice, step="assign (clicked twice)")
    page.expect_text("已布置给一组")
    assert page.main_text().count("截止 ") == 1, page.main_text()  # one assignment listed, not two


def test_the_upload_box_speaks_chinese_on_the_chinese_ui(instructor_page):
    """Streamlit draws "Upload" and "5MB per file • XLSX, CSV" in English; ui/uploads.py replaces them."""
    page = instructor_page
    page.click_link("导入导出", step="open a page")
    box = page.page.locator('.st-key-import_file [data-testid="stFileUploaderDropzone"]')
    box.wait_for(state="visible")
    shown = box.evaluate("""box => {
        const label = box.querySelector('button [data-testid="stMarkdownContainer"] p');
        const limit = box.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] > div');
        const size = el => parseFloat(getComputedStyle(el).fontSize);
        return {button: getComputedStyle(label, '::after').content, button_english: size(label),
                limit: getComputedStyle(limit, '::after').content,
                limit_english: size(limit.querySelector('span'))};
    }""")
    assert shown["button"] == '"上传文件"' and shown["button_english"] == 0, shown
    assert "单个文件不超过 5 MB · XLSX、CSV" in shown["limit"] and shown["limit_english"] == 0, shown
