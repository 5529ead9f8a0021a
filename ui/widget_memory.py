"""Widget values that survive a visit to another page.

Streamlit forgets a widget's value as soon as a run of the app does not draw it, so opening
another page and coming back used to clear the editor's filters, its pick and its unsaved
fields, and the hit test's question. `keep(key)` is used as the widget's key: each run notes
the value the widget has now, and a run that finds the widget forgotten puts the noted value back.
`kept(key)` also notes the value in the widget's `on_change`: a value typed and left just as the
instructor clicks another page's link reaches the server with that page's run, where the page that
drew the widget (and its `keep`) never runs, and the widget is dropped at its end (polish15; polish31).
Streamlit runs widget callbacks first, whichever page runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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


def note(key: str) -> None:
    """Note the widget's value now (an `on_change` callback: runs before whichever page the run draws)."""
    if key in st.session_state:
        st.session_state.setdefault(_MEMORY, {})[key] = st.session_state[key]


def kept(key: str, valid: Callable[[Any], bool] | None = None) -> dict[str, Any]:
    """A widget's `key` and `on_change` (as `**kept(key)`): its value kept over a visit to another page, also when
    the value arrives with the other page's run. A kept value `valid` refuses (an option gone meanwhile: a scenario
    deleted, an agent moved to another team, a due date now past) is dropped, and the widget drawn with its default:
    Streamlit stops the page on a value that is no option or out of range."""
    keep(key)
    if valid is not None and key in st.session_state and not valid(st.session_state[key]):
        del st.session_state[key]
        st.session_state.get(_MEMORY, {}).pop(key, None)
    return {"key": key, "on_change": note, "args": (key,)}


def forget(prefix: str) -> None:
    """Drop the noted values of widgets whose key starts with `prefix` (e.g. a closed draft's fields)."""
    memory: dict[str, object] = st.session_state.get(_MEMORY, {})
    for key in [k for k in memory if k.startswith(prefix)]:
        del memory[key]


def redraw_choice(key: str, options: Sequence[object], words: Sequence[str]) -> None:
    """Before drawing the select box `key` whose option list changes under it (a queue that shrinks as it is worked):
    make the browser show, and send back, the new words.

    Streamlit (1.67) keeps a select box's choice in the browser as the words it showed. After a group of 搜索反馈 was
    handled, the box still read the handled group's question above the next group's page, and the next click sent
    those words back as the value: `'>' not supported between instances of 'str' and 'int'` (qa17). A value set
    through the session state is written out with the current words; a value that is no option any more is read
    as the option now showing its words, else the first."""
    drawn_key = f"_choice_words:{key}"
    if key in st.session_state:
        value = st.session_state[key]
        if value not in options:
            st.session_state[key] = options[list(words).index(value)] if value in words else (options[0] if options else None)
        elif st.session_state.get(drawn_key) != list(words):
            st.session_state[key] = value
    st.session_state[drawn_key] = list(words)


def empty_on_next_run(key: str) -> None:
    """Ask for the text box `key` to be drawn empty on the next run (`emptied` applies it before the box is drawn).

    Forgetting the box's value is not enough: the browser keeps showing the words, and sends them back with the
    next click (qa18: a trainee's second 判断有误 filed the first one's reason against another finding)."""
    st.session_state[f"_empty:{key}"] = True


def emptied(key: str) -> str:
    """`key`, with the box's value set to "" if `empty_on_next_run(key)` asked for it: a value set through the session
    state is written out to the browser."""
    if st.session_state.pop(f"_empty:{key}", False):
        st.session_state[key] = ""
    return key


def kept_tabs(names: Sequence[str], key: str) -> Sequence[Any]:
    """st.tabs whose open tab is kept by its place, not its name: over a language switch, a visit to another page, and
    a run that draws the tabs anew.

    Streamlit draws a tab list anew, on its first tab, when its names change (a language switch: 用户管理 went from
    添加用户 back to 账户列表, 情景编辑 from YAML back to 表单; polish30), and a `key` alone does not keep it: the open tab is
    its name, which the other language does not have. Here choosing a tab notes its place (a run, as any widget's
    change), and the list is drawn opened there — a new list in each language (its names are in its key)."""
    place_key, widget_key = f"_open_tab:{key}", f"{key}:" + "|".join(names)

    def note_place() -> None:
        if st.session_state.get(widget_key) in names:
            st.session_state[place_key] = list(names).index(st.session_state[widget_key])

    place = min(st.session_state.get(place_key, 0), len(names) - 1)
    return st.tabs(names, key=widget_key, default=names[place], on_change=note_place)
