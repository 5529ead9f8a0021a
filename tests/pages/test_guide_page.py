"""使用指南 (qa15 #11): a new user finds where to start, for their role, in both languages, from the home page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from trainer.users.accounts import create_user
from ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]


def open_page(store, path: str, role: str, lang: str = "zh") -> AppTest:
    """The page through app.py, as in the browser (the menu, and links that resolve to registered pages)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["user"] = create_user(store, f"{role}-{lang}", "王芳", role, "外呼二组")
    at.session_state["lang"] = lang
    at.run()
    return at.switch_page(path).run() if path != "ui_pages/search.py" else at


def links(at: AppTest, where: str = "main") -> list[str]:
    """The pages linked from the page itself (or the sidebar menu), as their registered paths."""
    by_address = {name: spec.path for spec in PAGES for name in (spec.url_path, Path(spec.path).stem)}
    return [by_address.get(element.proto.page.strip("/"), element.proto.page)
            for element in getattr(at, where).get("page_link")]


@pytest.mark.parametrize("role, parts, not_parts", [
    ("agent", ["通话中查答案", "每日训练"], ["培训师", "管理员"]),
    ("instructor", ["培训师", "通话中查答案", "每日训练"], ["管理员"]),
    ("admin", ["管理员", "培训师", "通话中查答案", "每日训练"], []),
])
def test_each_role_reads_its_parts_own_work_first_with_three_first_steps(app_env, store, role, parts, not_parts):
    at = open_page(store, "ui_pages/guide.py", role)
    assert not at.exception
    assert at.title[0].value == "使用指南"
    assert [h.value for h in at.subheader] == parts
    steps = [m.value for m in at.markdown if m.value.startswith("1. ")]
    assert len(steps) == len(parts) and all("\n3. " in s and "\n4. " not in s for s in steps)
    allowed = {spec.path for spec in PAGES if role in spec.roles}
    assert links(at) and set(links(at)) <= allowed, "every page named is a link the user may open"
    assert not set(not_parts) & {h.value for h in at.subheader}


def test_the_guide_reads_in_english(app_env, store):
    at = open_page(store, "ui_pages/guide.py", "instructor", lang="en")
    assert at.title[0].value == "Guide"
    assert [h.value for h in at.subheader] == ["Instructors", "On a live call", "Daily training"]
    text = "\n".join([m.value for m in at.main.markdown] + [c.value for c in at.main.caption])
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), "no Chinese on the English guide"


def test_the_home_page_and_the_menu_lead_to_the_guide(app_env, store):
    home = open_page(store, "ui_pages/search.py", "agent")
    assert home.title[0].value == "知识搜索"
    assert "ui_pages/guide.py" in links(home), "the empty search page (the home page) links to the guide"
    assert "ui_pages/guide.py" in links(home, "sidebar"), "and so does the menu"
