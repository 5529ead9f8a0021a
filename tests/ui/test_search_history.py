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


# ---- kept in the store: a reload keeps the list, masked, read once a sign-in, gone at sign-out (ui54b) -------------

def flushed() -> None:
    """The background writer has written what the page handed it (the list is written there, as the search log)."""
    from ui.resources import search_log_writer

    assert search_log_writer().flush()


def reloaded(at: AppTest) -> AppTest:
    """The same user's browser after a reload or a dropped connection: a new session, signed in again by the cookie,
    at the same address."""
    flushed()
    again = AppTest.from_file(str(ROOT / "ui_pages" / "search.py"), default_timeout=90)
    again.session_state["user"] = at.session_state["user"]
    again.query_params.update(at.query_params)
    return again.run()


def first_answer(at: AppTest) -> str:
    """The heading of the answer at the top (the one the agent reads from)."""
    return next(line for line in answers(at).splitlines() if line.startswith("#### 1."))


def test_a_reload_mid_shift_keeps_the_last_searches(app_env, store) -> None:
    """A reload (or a dropped websocket) on a call-centre desktop emptied 最近搜索 mid-shift."""
    at = search_page(store)
    for query in ("冷静期是几天", "宽限期多久", "保单贷款能借多少"):
        search(at, query)
    after = reloaded(at)
    assert not after.exception and after.text_input(key="search_query").value == "保单贷款能借多少"
    assert recent(after) == ["宽限期多久", "冷静期是几天"]
    next(b for b in after.button if b.key == "search_again_1").click().run()
    assert "犹豫期有多长" in answers(after) and recent(after) == ["保单贷款能借多少", "宽限期多久"]
    again = reloaded(after)
    assert again.text_input(key="search_query").value == "冷静期是几天"
    assert recent(again) == ["保单贷款能借多少", "宽限期多久"], "the search run again moved up, in the store too"


def test_the_list_is_read_from_the_store_once_a_session_not_on_every_run(app_env, store, monkeypatch) -> None:
    import ui.search_history

    reads = []
    real = ui.search_history.recent_searches
    monkeypatch.setattr(ui.search_history, "recent_searches", lambda *args: reads.append(args) or real(*args))
    at = search_page(store)
    for query in ("冷静期是几天", "宽限期多久", "保单贷款能借多少"):
        search(at, query)
    at.run().run()  # reruns of the page (a click anywhere, a 👍)
    assert len(reads) == 1 and recent(at) == ["宽限期多久", "冷静期是几天"]
    reloaded(at)
    assert len(reads) == 2, "a reload is a new session: one read"


def test_a_store_that_is_down_leaves_the_list_empty_and_the_answers_shown(app_env, store, monkeypatch) -> None:
    import ui.search_history

    def down(*args):
        raise OSError("database is down")

    monkeypatch.setattr(ui.search_history, "recent_searches", down)
    at = search(search_page(store), "冷静期是几天")
    assert not at.exception and "犹豫期有多长" in answers(at)
    assert recent(search(at, "宽限期多久")) == ["冷静期是几天"], "the session's own list still works"


def test_a_customers_number_is_masked_in_the_list_and_the_masked_question_finds_the_same_answer(app_env, store) -> None:
    """The search log and the address mask an ID or phone number a customer read out; 最近搜索 showed it as typed and
    kept it in memory. The masked question is what runs again: numbers do not rank entries (docs/benchmarks.md ui54b)."""
    at = search_page(store)
    search(at, "客户手机13812345678 问冷静期是几天")
    typed_answer = first_answer(at)
    search(at, "宽限期多久")
    assert recent(at) == ["客户手机########### 问冷静期是几天"]
    assert "13812345678" not in str(at.session_state["_search_history"])
    next(b for b in at.button if b.key == "search_again_0").click().run()
    assert at.text_input(key="search_query").value == "客户手机########### 问冷静期是几天"
    assert first_answer(at) == typed_answer == "#### 1. 犹豫期有多长？", "the masked question's answer is the typed one's"
    flushed()
    from trainer.store.models import RecentSearch
    from sqlalchemy import select
    with store.session() as session:
        assert not any(ch.isdigit() for ch in "".join(session.scalars(select(RecentSearch.query))))


def test_after_signing_out_the_same_agent_signing_in_again_starts_with_an_empty_list(app_env, store) -> None:
    from trainer.users.sessions import start_session

    at = AppTest.from_file(str(ROOT / "ui_pages" / "search.py"), default_timeout=90)
    user = create_user(store, "agent1", "王小明", "agent", "一组")
    at.session_state["user"] = user
    at.session_state["_auth_session_id"] = start_session(store, app_env, user.id).id
    search(at.run(), "冷静期是几天")
    search(at, "宽限期多久")
    assert recent(at) == ["冷静期是几天"]
    at.sidebar.button(key="sign_out").click().run()
    at.session_state["user"] = user  # signed in again on the same browser
    at.session_state["_auth_session_id"] = start_session(store, app_env, user.id).id
    at.run()
    assert not at.exception and not recent(at)
    assert not recent(reloaded(at)), "nor after a reload: the store's list went at sign-out"


def test_a_night_shift_keeps_its_list_past_midnight_and_the_next_shift_starts_empty(app_env, store,
                                                                                   monkeypatch) -> None:
    """ui54b kept today's searches: 老何 on the night shift searched at 23:30, reloaded at 00:40 on a call and found
    最近搜索 empty. The list is the last 12 hours' (trainer.search_feedback.recent.shift_start says why): past midnight
    it is there; by his next night (or the day shift after his) it is gone."""
    from datetime import datetime, timedelta, timezone

    import ui.search_history

    start = datetime(2026, 12, 8, 15, 30, tzinfo=timezone.utc)  # 23:30 in Shanghai
    clock = [start]
    monkeypatch.setattr(ui.search_history, "utcnow", lambda: clock[0])
    at = search_page(store)
    for query in ("冷静期是几天", "宽限期多久"):
        search(at, query)
    clock[0] = start + timedelta(hours=1, minutes=10)  # 00:40, the next calendar day
    after = reloaded(at)
    assert not after.exception and recent(after) == ["冷静期是几天"], "the night shift's search survives midnight"
    for query in ("保单贷款能借多少", "退保能退多少钱"):
        search(after, query)
    assert recent(after) == ["保单贷款能借多少", "宽限期多久", "冷静期是几天"]
    clock[0] = start + timedelta(hours=12, minutes=1)  # 11:31: the 23:30 searches are over 12 hours old
    assert recent(reloaded(after)) == ["保单贷款能借多少"], "the shift's searches since 00:40 only"
