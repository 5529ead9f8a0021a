"""Simplified Chinese first, English on request: every UI string is written as tr(zh, en).

Keeping both languages side by side at the call site means a page can never show a key
instead of a sentence, and no shared catalogue has to be edited by every feature.
"""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"zh": "中文", "en": "English"}


def language() -> str:
    """The current session's language ('zh' or 'en')."""
    if "lang" not in st.session_state:
        from ui.resources import settings

        st.session_state["lang"] = settings().language if settings().language in LANGUAGES else "zh"
    return st.session_state["lang"]


def tr(zh: str, en: str) -> str:
    """The string for the current language."""
    return en if language() == "en" else zh


def language_switch() -> None:
    """A sidebar control to switch the UI language."""
    current = language()
    choice = st.sidebar.radio("语言 / Language", list(LANGUAGES), index=list(LANGUAGES).index(current),
                              format_func=LANGUAGES.get, horizontal=True, key="lang_choice")
    if choice != current:
        st.session_state["lang"] = choice
        st.rerun()
