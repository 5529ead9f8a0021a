"""The search page's question in its address (?q=…), so a reload or a shared link shows the same answers.

A reload is a new browser session: the question box came back empty, mid-call, on a weak link
(qa15 #14). The address holds the question as the search log keeps it (`loggable_query`):
numbers long enough to identify a customer (phone, ID card, policy) are masked and at most the
searched length is kept, so neither the browser's history nor a pasted link carries them.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from trainer.search_feedback.store import loggable_query
from ui.category_filter import ALL_CATEGORIES

QUESTION, CATEGORY, REGULATIONS = "q", "category", "regulations"
_READ = "_search_address_read"  # this session has taken the address's question once


def take_from_address(query_key: str, category_key: str, regulations_key: str, categories: Collection[str]) -> None:
    """On a session's first visit to the page, fill the widgets from the address (a reload or a link).

    Later runs leave them alone: the box holds what the agent typed since, and the address follows it."""
    if st.session_state.get(_READ) and not _went_back_or_forward(query_key):
        return
    st.session_state[_READ] = True
    params = st.query_params
    question = params.get(QUESTION, "").strip()
    if not question:
        return
    st.session_state[query_key] = question
    category = params.get(CATEGORY)
    st.session_state[category_key] = category if category in categories else ALL_CATEGORIES
    st.session_state[regulations_key] = params.get(REGULATIONS) == "1"


def _went_back_or_forward(query_key: str) -> bool:
    """Whether this run is the browser's Back or Forward to an address holding another question than the box's.

    Each search is an entry in the browser's history (`show_in_address`); Back reruns the page with the earlier
    address, which the box used to ignore after the session's first run (qa29 H2: Back after a second search stayed
    on it). Only a history navigation counts: a click sent while the address was still being updated must never put
    an older question back in the box."""
    question = st.query_params.get(QUESTION, "").strip()
    return bool(question and history_navigation() and question != loggable_query(st.session_state.get(query_key, "")))


def history_navigation() -> bool:
    """Whether Streamlit marks this run as the browser's Back or Forward: an internal of Streamlit (checked on 1.67.0).

    Its public way, a widget's `bind="query-params"`, puts the widget's own value in the address, i.e. the question as
    typed, with the customer's numbers: the address must hold it masked (`loggable_query`), so it cannot be used. If the
    internal moves or goes, this says False: Back then leaves the box as it is (as before qa29 H2), and the page works."""
    try:  # imported here: a module Streamlit moves must not stop this page from importing
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
        return getattr(get_script_run_ctx(), "is_history_navigation", False) is True
    except Exception:  # an internal: any change of it must cost Back only, never the live-call page
        return False


def show_in_address(query: str, category: str | None, regulations_only: bool) -> None:
    """Put the search being shown into the address, all at once when it changed: each change is a message to the
    browser and an entry in its history (Back returns to the previous search), so one search is one entry."""
    wanted = {QUESTION: loggable_query(query)} if query.strip() else {}
    if wanted and category:
        wanted[CATEGORY] = category
    if wanted and regulations_only:
        wanted[REGULATIONS] = "1"
    params = st.query_params
    others = {name: value for name, value in params.to_dict().items() if name not in (QUESTION, CATEGORY, REGULATIONS)}
    if {**others, **wanted} != params.to_dict():
        params.from_dict({**others, **wanted})
