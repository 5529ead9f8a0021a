"""使用指南's steps for an agent on a call name what the search page shows (ui/guide.py)."""

from __future__ import annotations

from ui.guide import LIVE_CALL


def test_the_copy_step_names_the_button_under_the_script_not_a_code_box() -> None:
    """qa23: the guide said 点代码框右上角复制 / "the button at the box's top right"; the 话术 is plain words in a box
    with 复制话术 / Copy the script under it since polish33 (qa22 G1), and no code box has a corner button."""
    zh, en = LIVE_CALL.first_steps[1]
    assert "“复制话术”" in zh and "代码框" not in zh and "右上角" not in zh
    assert "“Copy the script”" in en and "top right" not in en


def test_the_search_page_says_how_to_read_an_article_a_customer_quotes() -> None:
    """qa29: 老何, 15 years on the line, had a customer quoting 保险法 wrongly (犹豫期是一个月); the guide never said the
    search page reads the regulations' own text (只搜法规原文), nor that an article is found by its law and number."""
    [(page, (zh, en))] = LIVE_CALL.pages
    assert page == "ui_pages/search.py"
    assert "“只搜法规原文”" in zh and "保险法第十五条" in zh
    assert "“Regulations only”" in en and "article's number" in en
