"""A form's frame whose fields reach the server as they are filled: what a page draws instead of `st.form` around a
choice (a select box, a multiselect, a radio).

A form's values stay in the browser until it is submitted. Switching the language reruns the page without them, and
ui.i18n sets every choice widget again from the session state (the words of a choice change with the language: qa16),
which holds the form's last *submitted* choice: 用户管理's 角色 went back to 坐席, 内容编辑's 难度 to 1, 知识搜索's 分类 and
the report's 正确的条目 to their first option, while the text beside them was kept (polish30; 作业布置, polish29). Left
out of that reset, a choice the browser kept would have been words no option of the other language has (polish29's
mode radio: nothing checked). Here each field is an ordinary widget, in the session state as soon as it is set, kept
over a switch like any other; the submit is a button. `tests/ui/test_choice_boxes.py` fails on a choice in an st.form.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ui.i18n import tr

_CLEAR = "_live_form_clear:"  # + form key: the fields' values to set before the form is drawn next


@dataclass(frozen=True)
class LiveForm:
    """One drawn form: its buttons, and what `clear_on_next_run` puts back."""

    key: str
    defaults: Mapping[str, Any] = field(default_factory=dict)
    cleared: bool = False  # drawn with its defaults in this run, as `clear_on_next_run` asked: a click that arrives
    # with this run was made on the fields before they were emptied (the second click of a double click)

    def submit(self, label: str, name: str = "submit", **kwargs: Any) -> bool:
        """A submit button (key `<form key>-<name>`, unless `key=` is given): True on the run its click starts."""
        return st.button(label, key=kwargs.pop("key", f"{self.key}-{name}"), **kwargs)

    def clear_on_next_run(self) -> None:
        """Draw the fields with their `defaults` on the next run (st.form's clear_on_submit). Set through the session
        state before they are drawn, so the browser shows the empty fields too (a forgotten value is still shown, and
        sent back: qa18)."""
        st.session_state[_CLEAR + self.key] = dict(self.defaults)


@contextmanager
def live_form(key: str, defaults: Mapping[str, Any] | None = None, border: bool = True) -> Iterator[LiveForm]:
    """Draw a form's fields inside; `defaults` maps the keys of the fields `clear_on_next_run` empties to their empty
    values."""
    cleared = st.session_state.pop(_CLEAR + key, None)
    st.session_state.update(cleared or {})
    with st.container(border=border, key=key):
        yield LiveForm(key, dict(defaults or {}), cleared is not None)


def unsaved_changes(changed: bool, key: str) -> bool:
    """Near a draft's save button: while the draft differs from what is saved, say so, with a button that discards it;
    True on the run its click starts.

    A draft is kept over a visit to another page and a language switch (ui.widget_memory), so an instructor coming back
    finds it; but a field still being typed when a link is clicked can miss the server (the link's run and the field's
    value race in the browser: polish30), so the page says what it holds rather than leave the instructor to guess."""
    if not changed:
        return False
    note, discard = st.columns([4, 1], vertical_alignment="center")
    note.warning(tr("未保存的修改：保存并发布后才生效。", "Unsaved changes: they take effect once saved and published."),
                 icon=":material/edit_note:")
    return discard.button(tr("放弃修改", "Discard changes"), key=f"{key}-discard", width="stretch")
