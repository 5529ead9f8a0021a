"""The agent's last searches on 知识搜索, newest first, one click from running again (qa29 H2).

On a live call an agent who searched a minute ago had no way back to that question but typing it again. The history is
kept in this browser session's memory (`st.session_state`), not the database: it is wanted for this call and this
shift, it costs no database read on the live-call page's every run, and it holds the question as typed (the search log
and the address keep it masked). It is kept for one login only: a different user signing in on the same browser starts
with an empty list, and the previous user's list is dropped at that moment, so nobody's searches are ever shown to
anyone else. A reload is a new session and starts empty (the address brings back the current question only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import streamlit as st

from trainer.users.accounts import UserInfo
from ui.category_filter import ALL_CATEGORIES
from ui.display import shortened
from ui.i18n import tr
from ui.render import escape_markdown

HISTORY = "_search_history"  # (login, [PastSearch, …] newest first): one user's, this browser session only
LIMIT = 10
LABEL_CHARS = 40


class PastSearch(NamedTuple):
    query: str
    category: str | None  # None: all categories
    regulations_only: bool


def past_searches(user: UserInfo) -> list[PastSearch]:
    """This user's searches in this session, newest first; empty for anyone but the user who made them."""
    login, searches = st.session_state.get(HISTORY, ("", []))
    return list(searches) if login == user.login else []


def remember(user: UserInfo, search: PastSearch) -> None:
    """Put `search` first (once: searched again, it moves up), keeping the newest `LIMIT`."""
    if not search.query.strip():
        return
    earlier = [past for past in past_searches(user) if past != search]
    st.session_state[HISTORY] = (user.login, [search, *earlier][:LIMIT])


def _label(search: PastSearch, categories: Mapping[str, Any]) -> str:
    """The question (its beginning when long), and where it was searched when not everywhere."""
    words = shortened(search.query.strip(), LABEL_CHARS)
    category = categories.get(search.category or "")
    where = (tr("只搜法规原文", "regulations only") if search.regulations_only
             else tr(category.name, category.name_en) if category else "")
    return escape_markdown(f"{words} · {where}" if where else words)


def _search_again(search: PastSearch, keys: tuple[str, str, str]) -> None:
    """Fill the search box, the 分类 box and the toggle (a callback: runs before the page draws them)."""
    query_key, category_key, regulations_key = keys
    st.session_state[query_key] = search.query
    st.session_state[category_key] = search.category or ALL_CATEGORIES
    st.session_state[regulations_key] = search.regulations_only


def show_recent(container, user: UserInfo, shown: PastSearch, categories: Mapping[str, Any],
                keys: tuple[str, str, str]) -> None:
    """最近搜索 in `container`: the user's earlier searches (not the one on the page), newest first, each a button that
    runs it again. `categories` are kb's (id → Category); `keys` are the question's, the category's and the toggle's widget keys."""
    earlier = [past for past in past_searches(user) if past != shown]
    if not earlier:
        return
    with container.expander(tr(f"最近搜索（{len(earlier)}）", f"Recent searches ({len(earlier)})"), icon=":material/history:"):
        for number, past in enumerate(earlier):
            st.button(_label(past, categories), key=f"search_again_{number}", on_click=_search_again,
                      args=(past, keys), type="tertiary", help=tr("再搜一次", "Search again"))
