"""Language and sign-in across reloads and tabs."""

from __future__ import annotations

import re

from tests.browser.conftest import signed_in
from tests.browser.driver import sidebar

AGENT = "agent.wang"


def test_switching_to_english_and_back(open_context, accounts):
    page = signed_in(open_context, AGENT)
    page.pick_radio("English", step="switch language", shows=sidebar("link", "Search"))
    assert "Search" in page.sidebar_text() and "Knowledge search" in page.main_text()
    assert "知识搜索" not in page.sidebar_text()
    page.reload(step="open a page", shows=sidebar("link", "Search"))  # the choice is the user's, kept in the store (defect 10)
    assert "Knowledge search" in page.main_text() and "知识搜索" not in page.sidebar_text()
    page.pick_radio("中文", step="switch language", shows=sidebar("link", "知识搜索"))
    assert "知识搜索" in page.sidebar_text()


def test_signing_out_in_one_tab_signs_out_the_other_tabs(open_context, accounts):
    first = signed_in(open_context, AGENT)
    second = first.context.page()
    second.open("/quiz", shows=sidebar("button", "退出登录"))  # a second tab's sidebar: read once drawn (polish25)
    assert "退出登录" in second.sidebar_text()
    first.click_button("退出登录")
    # the quiz page starts a round, or resumes the one the agent left open in an earlier journey
    any_quiz_button = second.page.get_by_role("button", name=re.compile("^(开始训练|提交答案|下一题|查看结果)$"))
    second.act(any_quiz_button.filter(visible=True).first.click)
    assert "登录" in second.main_text() and "第 1 / " not in second.main_text()
