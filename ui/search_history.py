"""The agent's last searches on 知识搜索, newest first, one click from running again (qa29 H2).

On a live call an agent who searched a minute ago had no way back to that question but typing it again. The list is
kept in the store per login (trainer/search_feedback/recent.py), so a reload or a dropped connection mid-shift keeps it
(ui54b): the last 12 hours' searches (a night shift keeps its list past midnight: `shift_start` says why), ten at
most, masked as the search log masks them, deleted at sign-out. The live-call page
reads the store once per browser session and user (the list is then held in `st.session_state`, as the page's every
run needs it) and writes only when a search moves to the top, in the background writer the search log uses: a slow or
broken database never delays an answer, and at worst the list starts empty. The session's copy is for one sign-in only
(the login and its server-side session): a different user signing in on the same browser reads their own list and the
previous user's copy is dropped; the same user signing in again after signing out reads the emptied list.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from trainer.clock import utcnow
from trainer.search_feedback.recent import LIMIT, PastSearch, recent_searches, record_recent, shift_start
from trainer.users.accounts import UserInfo
from ui.category_filter import ALL_CATEGORIES
from ui.display import shortened
from ui.i18n import tr
from ui.render import escape_markdown
from ui.resources import database
from ui.search_feedback import submit_write
from ui.session import SESSION_KEY

log = logging.getLogger(__name__)

HISTORY = "_search_history"  # ((login, sign-in), [PastSearch, …] newest first): read from the store once a sign-in
LABEL_CHARS = 40

__all__ = ["HISTORY", "LIMIT", "PastSearch", "past_searches", "remember", "show_recent"]


def _owner(user: UserInfo) -> tuple[str, int | None]:
    """Whose copy the session holds: the login and its sign-in (none with single sign-on or in tests)."""
    return user.login, st.session_state.get(SESSION_KEY)


def past_searches(user: UserInfo) -> list[PastSearch]:
    """This user's searches of the shift, newest first: from this session's copy, or the store on the session's first
    ask."""
    owner, searches = st.session_state.get(HISTORY, (None, []))
    if owner == _owner(user):
        return list(searches)
    try:
        searches = recent_searches(database(), user.id, shift_start(utcnow()))
    except Exception:  # the list is a convenience: a database that is down must not stop the live-call page
        log.exception("最近搜索: could not read the list")
        searches = []
    st.session_state[HISTORY] = (_owner(user), searches)
    return list(searches)


def remember(user: UserInfo, search: PastSearch) -> None:
    """Put `search` (masked) first (once: searched again, it moves up), keeping the newest `LIMIT`; the store follows
    in the background, only when the list changed (the page's every rerun of the same search writes nothing)."""
    search = PastSearch.masked(*search)
    if not search.query:
        return
    earlier = past_searches(user)
    if earlier[:1] == [search]:
        return
    st.session_state[HISTORY] = (_owner(user), [search, *(past for past in earlier if past != search)][:LIMIT])
    now = utcnow()  # the row is stamped by the clock the list is read by
    submit_write("a recent search", lambda db: record_recent(db, user.id, search, shift_start(now), now))


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
    shown = PastSearch.masked(*shown)
    earlier = [past for past in past_searches(user) if past != shown]
    if not earlier:
        return
    with container.expander(tr(f"最近搜索（{len(earlier)}）", f"Recent searches ({len(earlier)})"), icon=":material/history:"):
        for number, past in enumerate(earlier):
            st.button(_label(past, categories), key=f"search_again_{number}", on_click=_search_again,
                      args=(past, keys), type="tertiary", help=tr("再搜一次", "Search again"))
