"""The content editor pages through AppTest: an instructor's edit is searchable at once; agents are kept out."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from trainer.db import Database
from trainer.users import UserInfo, create_user

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


@pytest.fixture
def store(app_env):
    database = Database(app_env.resolved_database_url)
    yield database
    database.dispose()


@pytest.fixture
def instructor(store) -> UserInfo:
    return create_user(store, "teacher-li", "李老师", role="instructor", team="培训部")


def page(path: str, user: UserInfo) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    return at.run()


def texts(at: AppTest) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.success, *at.error, *at.warning, *at.code])


def test_instructor_edits_an_answer_and_search_returns_it(app_env, instructor):
    new_answer = "犹豫期以合同约定为准，本产品为20日（编辑器测试）。"
    at = page("pages/editor.py", instructor)
    assert not at.exception
    at.selectbox(key="editor_pick_entry").select("cooling-off-length").run()
    at.text_area(key="entry-2-answer").input(new_answer)
    at.button(key="editor_save").click().run()
    assert not at.exception
    assert at.success and "已保存" in at.success[0].value, texts(at)
    assert new_answer in (app_env.content_dir / "faq" / "cooling-off.yaml").read_text(encoding="utf-8")

    search = page("pages/search.py", instructor)
    search.text_input(key="search_query").input("犹豫期有多长")
    next(b for b in search.button if b.label == "搜索").click().run()
    assert new_answer in texts(search)


def test_invalid_answer_is_refused_next_to_the_field(app_env, instructor):
    before = (app_env.content_dir / "faq" / "cooling-off.yaml").read_bytes()
    at = page("pages/editor.py", instructor)
    at.selectbox(key="editor_pick_entry").select("cooling-off-refund").run()
    at.text_area(key="entry-2-answer").input("")
    at.button(key="editor_save").click().run()
    assert not at.exception
    assert any("is empty" in e.value for e in at.error), texts(at)
    assert (app_env.content_dir / "faq" / "cooling-off.yaml").read_bytes() == before


@pytest.mark.parametrize("path", ["pages/editor.py", "pages/hit_test.py", "pages/scenario_editor.py",
                                  "pages/history.py", "pages/content_io.py"])
def test_an_agent_cannot_open_the_editor_pages(app_env, store, path):
    agent = create_user(store, "agent-wang", "王坐席", role="agent")
    at = page(path, agent)
    assert any("无权访问" in e.value for e in at.error)
    assert not at.text_area and not at.form
