"""The "all" boxes stay on 全部… after a rerun, in Chinese, with no clear "×" (ui/choice_box.py says why)."""

from __future__ import annotations

import pytest

from tests.pages.test_progress_pages import page
from trainer.users.accounts import create_user

BOXES = [("ui_pages/editor.py", "instructor", "editor_tag", "全部标签"),
         ("ui_pages/quiz.py", "agent", "quiz_category", "全部分类"),
         ("ui_pages/citations.py", "instructor", "citations_document", "全部"),
         ("ui_pages/team.py", "admin", "cohort_pick", "全部"),
         ("ui_pages/team.py", "admin", "team_pick", "全部团队")]


@pytest.mark.parametrize(("path", "role", "key", "words"), BOXES)
def test_an_all_box_keeps_its_words_after_a_rerun(app_env, store, path, role, key, words) -> None:
    """On main each of these read Streamlit's "Choose an option" (or 全部标签 as a placeholder, with a "×") from the
    page's second run on: its "all" was the option None, which Streamlit takes for nothing chosen."""
    user = create_user(store, "user-1", "用户", role=role, team=None)
    at = page(path, user).run()
    assert not at.exception, at.exception
    box = at.selectbox(key=key)
    assert box.proto.HasField("default"), f"{key}: drawn with nothing chosen, a clear × and its placeholder"
    assert box.format_func(box.value) == words and box.proto.placeholder == words


def test_a_new_item_is_created_in_a_category_named_in_chinese(app_env, store) -> None:
    """新建到分类 had no placeholder: drawn with nothing chosen it read Streamlit's "Choose an option"."""
    user = create_user(store, "teacher", "李老师", role="instructor")
    at = page("ui_pages/editor.py", user)
    at.selectbox(key="editor_pick_entry").set_value("").run()
    assert at.selectbox(key="editor_new_category").proto.placeholder == "选择分类"


def test_practice_filters_keep_their_words_after_a_rerun(app_env, store) -> None:
    from tests.pages.test_practice import practice_page

    at = practice_page(app_env, store, "新坐席").run()
    for key, words in (("practice_kind", "全部类型"), ("practice_level", "全部难度")):
        box = at.selectbox(key=key)
        assert box.proto.HasField("default") and box.format_func(box.value) == words, key


def test_the_tags_are_named_in_chinese_on_the_chinese_ui(app_env, store) -> None:
    """The 标签 box listed the content's tags as written (callback, inbound, outbound …): English on the Chinese UI."""
    user = create_user(store, "teacher", "李老师", role="instructor")
    box = page("ui_pages/editor.py", user).selectbox(key="editor_tag")
    assert "外呼（outbound）" in box.options and "来电（inbound）" in box.options, box.options
    assert "outbound" in page("ui_pages/editor.py", user, lang="en").selectbox(key="editor_tag").options
