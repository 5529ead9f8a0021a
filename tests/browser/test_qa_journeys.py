"""Defects found by a QA pass, walked through as an agent or instructor would meet them."""

from __future__ import annotations

from tests.browser.driver import sidebar
from tests.browser.conftest import LAPTOP, signed_in

INSTRUCTOR = "teacher.li"
CHECKED_RADIO = "[data-testid=stRadio] label:has(input:checked)"


def _checked_language(page) -> str:
    return page.page.locator(CHECKED_RADIO).first.inner_text().strip()


def test_the_language_switch_works_after_signing_out_and_in_again(open_context, accounts):
    page = signed_in(open_context, INSTRUCTOR)
    # A fresh load first: the first click on the switch right after signing in timed out in 2 of 6
    # runs on a loaded machine (the language was applied; the driver saw no finished run).
    page.reload(step="open a page")
    page.pick_radio("English", step="switch language")
    page.click_button("Sign out")
    page.pick_radio("中文", step="switch language")  # the sign-in screen in Chinese
    page.sign_in(INSTRUCTOR, accounts[INSTRUCTOR])
    page.expect_text("Sign out")
    assert _checked_language(page) == "English", "the switch shows the user's own language"
    page.pick_radio("中文", step="switch language", shows=sidebar("button", "退出登录"))
    assert "退出登录" in page.sidebar_text(), "picking the other language switches"
    assert _checked_language(page) == "中文"


def test_cited_articles_are_whole_buttons_and_open_a_dialog_in_the_ui_language(open_context, accounts):
    page = signed_in(open_context, INSTRUCTOR)
    if _checked_language(page) != "中文":
        page.pick_radio("中文", step="switch language")
    page.type_and_enter("客户问题", "为客户办理查询或变更前，为什么要核验身份？一般核验哪些信息？", step="search")
    buttons = page.page.locator("[data-testid=stMainBlockContainer] button").filter(has_text="《").filter(visible=True)
    assert buttons.count() >= 4
    # A title cut with "…" is laid out in full and clipped: its text is wider than its button.
    cut = buttons.evaluate_all("els => els.filter(e => { const r = document.createRange(); r.selectNodeContents(e);"
                               " return r.getBoundingClientRect().width > e.getBoundingClientRect().width + 1; })"
                               ".map(e => e.innerText)")
    assert not cut, f"article titles cut short: {cut}"
    page.pick_radio("English", step="switch language")
    page.act(buttons.first.click, step="open an article")
    dialog = page.page.get_by_role("dialog")
    dialog.wait_for(state="visible")
    assert "Regulation text" in dialog.inner_text() and "法规原文" not in dialog.inner_text()
    page.page.keyboard.press("Escape")
    page.pick_radio("中文", step="switch language")


def test_an_empty_search_says_what_to_type(agent_page):
    page = agent_page
    page.open("/search", step="open a page")
    page.field("客户问题").fill("")
    page.click_button("搜索", step="search")
    assert "请先输入客户的问题" in page.main_text()


OVERFLOWING_TABLES = """() => [...document.querySelectorAll('[data-testid=stDataFrame] .dvn-scroller')]
    .filter(s => s.scrollWidth > s.clientWidth + 1).map(s => [s.scrollWidth, s.clientWidth])"""

# Every expander open and each table in it laid out (its scroller has a width): what a user reads once opened.
TABLES_OPENED = """() => { const opened = [...document.querySelectorAll('[data-testid=stExpander] details')];
    return opened.length > 0 && opened.every(d => d.open && [...d.querySelectorAll('[data-testid=stDataFrame]')]
        .every(t => (t.querySelector('.dvn-scroller')?.clientWidth || 0) > 0)); }"""


def _opened_at_1366_in_each_language(page, path: str):
    """Open `path` at 1366 px in Chinese, then in English, yielding each language; back to Chinese at the end."""
    page.page.set_viewport_size(LAPTOP)
    for language in ("中文", "English"):
        if _checked_language(page) != language:
            page.pick_radio(language, step="switch language")
        page.open(path, step="open a page")
        yield language
    page.pick_radio("中文", step="switch language")


def test_search_feedback_tables_fit_a_1366_screen_in_both_languages(laptop_pages):
    """The 9-column group table and the wording table (with three entry ids) ran past the right edge:
    最近 (latest) was cut off at 1366 px."""
    agent, page = laptop_pages
    agent.fill("客户问题", "宽限期到底有几天啊").click_button("搜索", step="search")
    agent.act(agent.page.get_by_role("radio", name="没帮助").first.click, step="rate an answer")
    agent.expect_text("已评价：没帮助")
    for language in _opened_at_1366_in_each_language(page, "/search-feedback"):
        page.page.locator("[data-testid=stDataFrame] .dvn-scroller").nth(1).wait_for()
        assert not page.page.evaluate(OVERFLOWING_TABLES), f"a table scrolls sideways at 1366 px ({language})"


def test_the_citation_table_fits_a_1366_screen(laptop_pages):
    """演练场景 (the scenarios citing an article) was past the right edge of 引用检查 at 1366 px."""
    _, page = laptop_pages
    page.open("/citations", step="open a page")
    page.page.locator("[data-testid=stDataFrame] .dvn-scroller").first.wait_for()
    assert not page.page.evaluate(OVERFLOWING_TABLES)


REPLY_BOX = "输入您对客户说的话"
REPLY_TEXTAREA = ".st-key-practice_input textarea"


def _start_a_call(page) -> None:
    """模拟通话 opened and a call started (a call left open by an earlier test ended first)."""
    page.click_link("模拟通话", step="open a page")
    if not page.page.get_by_role("button", name="开始通话").count():
        page.click_button("结束通话", step="practice turn").click_button("确定结束", step="practice report")
        page.click_button("换个情景")
    page.click_button("开始通话", step="practice start")


def _end_a_short_call(page) -> None:
    """One line said, then the call ended early: 坐席结束通话（未解决）, the longest outcome name."""
    _start_a_call(page)
    box = page.page.get_by_placeholder(REPLY_BOX)
    box.fill("您好，我是客服小王，请问有什么可以帮您？")
    page.act(lambda: box.press("Enter"), step="practice turn")
    page.click_button("结束通话", step="practice turn")
    page.click_button("确定结束", step="practice report")
    page.click_button("换个情景")


def test_enter_sends_a_practice_line_and_an_unsent_line_is_kept_over_a_visit_to_search(open_context, accounts):
    """An unsent line was lost when the trainee looked something up mid-call (qa12 #12); polish15's
    text area kept it but Enter no longer sent. Now Enter sends, and a line typed but not sent is
    back in the box after 知识搜索, sent with Enter; a line once sent does not come back."""
    page = signed_in(open_context, "agent.wang")
    _start_a_call(page)
    messages = page.page.locator("[data-testid=stChatMessage]")
    box = page.page.get_by_placeholder(REPLY_BOX)
    said = messages.count()
    box.fill("您好，我是客服小王，请问有什么可以帮您？")
    page.act(lambda: box.press("Enter"), step="practice turn")
    assert messages.count() >= said + 2, "Enter sends the line and the customer answers"
    said = messages.count()
    draft = "非常理解您的心情，我先帮您核实一下保单信息。"
    page.page.get_by_placeholder(REPLY_BOX).press_sequentially(draft)
    page.click_link("知识搜索", step="open a page")
    page.fill("客户问题", "犹豫期多久").click_button("搜索", step="search")
    page.click_link("模拟通话", step="open a page")
    box = page.page.get_by_placeholder(REPLY_BOX)
    page.page.wait_for_function(f"() => document.querySelector({REPLY_TEXTAREA!r})?.value === {draft!r}")
    assert messages.count() == said, "kept, not sent"
    page.act(lambda: box.press("Enter"), step="practice turn")
    assert messages.count() >= said + 2 and draft in page.main_text()
    assert box.input_value() == ""
    page.click_link("知识搜索", step="open a page")
    page.page.evaluate("window.__agentTrainerDraftName = null")  # named again by the box's script (ui/reply_draft.py)
    page.click_link("模拟通话", step="open a page")
    # Read once the box is drawn and its script has run for this turn (it waited 1 s: a put-back that late passed).
    # The script puts back only what it keeps under the turn's name, so nothing kept there is nothing put back later.
    page.page.wait_for_function(f"() => window.__agentTrainerDraftName && document.querySelector({REPLY_TEXTAREA!r})")
    assert page.page.get_by_placeholder(REPLY_BOX).input_value() == "", "a line sent is not put back"
    assert not page.page.evaluate("sessionStorage.getItem(window.__agentTrainerDraftName)"), "kept, to be put back"


def test_the_agent_detail_tables_fit_a_1366_screen_in_both_languages(laptop_pages):
    """The practice-calls table of 坐席详情 was 907 px wide in 904 at 1366 px (qa12 #13); the data
    tables under the charts are opened and measured too."""
    agent, page = laptop_pages
    _end_a_short_call(agent)
    for language in _opened_at_1366_in_each_language(page, "/agent?agent=agent.wang"):
        page.page.locator("[data-testid=stDataFrame] .dvn-scroller").first.wait_for()
        # each closed one opened (an open one clicked would close, its table then unmeasured); by element, as the set
        # of closed ones shrinks with each click
        for summary in page.page.locator("[data-testid=stExpander] details:not([open]) summary").element_handles():
            summary.click()
        page.page.wait_for_function(TABLES_OPENED)  # measured once laid out (a 1 s wait: unopened tables measure 0)
        widths = page.page.evaluate(OVERFLOWING_TABLES)
        assert not widths, f"a table scrolls sideways at 1366 px ({language}): {widths}"
