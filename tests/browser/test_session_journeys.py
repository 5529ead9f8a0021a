"""Language and sign-in across reloads and tabs."""

from __future__ import annotations


from tests.browser.conftest import signed_in

AGENT = "agent.wang"


def test_switching_to_english_and_back(open_context, accounts):
    page = signed_in(open_context, AGENT)
    page.pick_radio("English", step="switch language")
    assert "Search" in page.sidebar_text() and "Knowledge search" in page.main_text()
    assert "知识搜索" not in page.sidebar_text()
    page.pick_radio("中文", step="switch language")
    assert "知识搜索" in page.sidebar_text()


def test_signing_out_in_one_tab_signs_out_the_other_tabs(open_context, accounts):
    first = signed_in(open_context, AGENT)
    second = first.context.page()
    second.open("/quiz")
    assert "退出登录" in second.sidebar_text()
    first.click_button("退出登录")
    second.click_button("开始训练")
    assert "登录" in second.main_text() and "第 1 / " not in second.main_text()
