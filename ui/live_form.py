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
_EMPTIED = "_live_form_emptied:"  # + form key: True when the last run that drew the whole form drew it emptied
_SENT = "_live_form_sent:"  # + form key: the fields' values as they were sent with the click that emptied them


@dataclass(frozen=True)
class LiveForm:
    """One drawn form: its buttons, and what `clear_on_next_run` puts back."""

    key: str
    defaults: Mapping[str, Any] = field(default_factory=dict)
    emptied: bool = False  # drawn with its defaults in this run, as `clear_on_next_run` asked
    refilled: bool = False  # emptied by the last run that drew it, and the browser sent the fields back as they were
    # sent with the click that emptied them (new values, typed or chosen quickly after, are a new submission)

    @property
    def sent_before_emptied(self) -> bool:
        """A click arriving in this run was made on the fields as they were before the last `clear_on_next_run`
        emptied them: the second click of a double click (see `live_form`)."""
        return self.emptied or self.refilled

    def submit(self, label: str, name: str = "submit", **kwargs: Any) -> bool:
        """A submit button (key `<form key>-<name>`, unless `key=` is given): True on the run its click starts —
        never for a click `sent_before_emptied`, which the first click has done; one that came back with the fields
        filled empties them again (a rerun)."""
        clicked = st.button(label, key=kwargs.pop("key", f"{self.key}-{name}"), **kwargs)
        if clicked and self.refilled:
            self.clear_on_next_run()
            st.rerun()
        return clicked and not self.sent_before_emptied

    def clear_on_next_run(self) -> None:
        """Draw the fields with their `defaults` on the next run (st.form's clear_on_submit). Set through the session
        state before they are drawn, so the browser shows the empty fields too (a forgotten value is still shown, and
        sent back: qa18)."""
        st.session_state[_CLEAR + self.key] = dict(self.defaults)
        st.session_state[_SENT + self.key] = {name: st.session_state.get(name) for name in self.defaults}


@contextmanager
def live_form(key: str, defaults: Mapping[str, Any] | None = None, border: bool = True) -> Iterator[LiveForm]:
    """Draw a form's fields inside; `defaults` maps the keys of the fields `clear_on_next_run` empties to their empty
    values.

    A double click on a submit that empties the form sends its second click with the fields as the browser still shows
    them, filled. That click reaches the server either with the run that empties the form, or — when the first run
    took longer than the gap between the clicks — with the run after it, the fields set back to exactly what the first
    click sent. Both are `sent_before_emptied`, and `submit` ignores them (fields typed or chosen anew are a new
    submission). A newer click stops a run where it is: the clear is done only once the form has been drawn to its
    end, so a run stopped inside the form leaves it to the next (stop 46's CI: the second click came back with the
    fields filled, and assigned the work again)."""
    defaults = dict(defaults or {})
    pending = st.session_state.get(_CLEAR + key)
    if pending is not None:
        st.session_state.update(pending)
    sent = st.session_state.get(_SENT + key, {})
    refilled = (pending is None and bool(st.session_state.get(_EMPTIED + key)) and sent != defaults
                and all(st.session_state.get(name) == value for name, value in sent.items()))
    with st.container(border=border, key=key):
        yield LiveForm(key, defaults, emptied=pending is not None, refilled=refilled)
    if pending is not None and st.session_state.get(_CLEAR + key) is pending:
        del st.session_state[_CLEAR + key]
    st.session_state[_EMPTIED + key] = pending is not None and _CLEAR + key not in st.session_state


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
