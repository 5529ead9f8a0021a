"""Widget values that survive a visit to another page.

Streamlit forgets a widget's value as soon as a run of the app does not draw it, so opening
another page and coming back used to clear the editor's filters, its pick and its unsaved
fields, and the hit test's question. `keep(key)` is used as the widget's key: each run notes
the value the widget has now, and a run that finds the widget forgotten puts the noted value back.
"""

from __future__ import annotations

import streamlit as st

_MEMORY = "_kept_widget_values"


def keep(key: str) -> str:
    """`key`, with the widget's last value restored if Streamlit dropped it on another page."""
    memory: dict[str, object] = st.session_state.setdefault(_MEMORY, {})
    if key in st.session_state:
        memory[key] = st.session_state[key]
    elif key in memory:
        st.session_state[key] = memory[key]
    return key


def forget(prefix: str) -> None:
    """Drop the noted values of widgets whose key starts with `prefix` (e.g. a closed draft's fields)."""
    memory: dict[str, object] = st.session_state.get(_MEMORY, {})
    for key in [k for k in memory if k.startswith(prefix)]:
        del memory[key]
