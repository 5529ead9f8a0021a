"""The agent's last searches on 知识搜索 (qa29 H2), driven on the page as an agent on a call would (AppTest)."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from trainer.users.accounts import create_user
from ui.search_history import LIMIT

ROOT = Path(__file__).resolve().parents[2]


def search_page(store, login: str = "agent1") -> AppTest:
    at = AppTest.from_file(str(ROOT / "ui_pages" / "search.py"), default_timeout=90)
    at.session_state["user"] = create_user(store, login, "王小明", "agent", "一组")
    return at.run()


def search(at: AppTest, query: str) -> AppTest:
    at.text_input(key="search_query").input(query)
    return at.button[0].click().run()


def recent(at: AppTest) -> list[str]:
    """The labels under 最近搜索 (Recent searches), top first; [] when the page offers none."""
    return [b.label.replace("\\", "") for b in at.button if b.key and b.key.startswith("search_again_")]


def answers(at: AppTest) -> str:
    """The page's Markdown with the matched terms' highlight markup taken off: what the agent reads."""
    return re.sub(r":orange-background\[([^\]]*)\]", r"\1", "\n".join(m.value for m in at.markdown))


def test_an_earlier_search_is_a_click_away_newest_first_and_runs_again(app_env, store) -> None:
    """老何 looked for the question he had searched a minute ago: no 搜索记录 for agents (qa29 H2)."""
    at = search_page(store)
    assert not recent(at) and not [e for e in at.expander if "最近搜索" in e.label]
    for query in ("冷静期是几天", "宽限期多久", "保单贷款能借多少"):
        search(at, query)
    assert recent(at) == ["宽限期多久", "冷静期是几天"], "newest first; the search on the page is not listed"
    assert [e.label for e in at.expander if "最近搜索" in e.label] == ["最近搜索（2）"]

    next(b for b in at.button if b.key == "search_again_1").click().run()
    assert not at.exception
    assert at.text_input(key="search_query").value == "冷静期是几天"
    assert "犹豫期有多长" in answers(at), "the earlier question's answers are shown again"
    assert recent(at) == ["保单贷款能借多少", "宽限期多久"], "searched again, it moves to the top"


def test_the_list_keeps_the_last_ten_and_names_a_regulations_only_search(app_env, store) -> None:
    at = search_page(store)
    at.toggle(key="search_regulations_only").set_value(True)
    search(at, "保险法第十六条")
    at.toggle(key="search_regulations_only").set_value(False)
    for number in range(LIMIT + 2):
        search(at, f"宽限期多久{number}")
    assert len(recent(at)) == LIMIT and recent(at)[0] == f"宽限期多久{LIMIT}"  # the ten before the one on the page
    assert "保险法第十六条 · 只搜法规原文" not in recent(at), "the oldest fell off"

    at = search_page(store, "agent2")
    at.toggle(key="search_regulations_only").set_value(True)
    search(at, "保险法第十六条")
    at.toggle(key="search_regulations_only").set_value(False)
    search(at, "宽限期多久")
    assert recent(at) == ["保险法第十六条 · 只搜法规原文"]
    next(b for b in at.button if b.key == "search_again_0").click().run()
    assert at.toggle(key="search_regulations_only").value is True


def test_another_user_signed_in_on_the_same_browser_never_sees_the_first_ones_searches(app_env, store) -> None:
    at = search_page(store)
    search(at, "冷静期是几天")
    search(at, "宽限期多久")
    assert recent(at) == ["冷静期是几天"]
    at.session_state["user"] = create_user(store, "agent2", "李娜", "agent", "一组")
    at.text_input(key="search_query").input("")
    at.button[0].click().run()
    assert not recent(at), "agent2 is shown nothing of agent1's searches"
    search(at, "保单贷款能借多少")
    search(at, "宽限期多久")
    assert recent(at) == ["保单贷款能借多少"]
    assert "冷静期是几天" not in str(at.session_state["_search_history"]), "agent1's list is gone from the session"


def test_in_english_the_list_is_named_in_english(app_env, store) -> None:
    at = search_page(store)
    at.session_state["lang"] = "en"
    search(at, "冷静期是几天")
    search(at, "宽限期多久")
    assert [e.label for e in at.expander if "Recent" in e.label] == ["Recent searches (1)"]
