"""A line that says work is under way, shown at once and taken away when the work's output is drawn.

`st.spinner` appears only after half a second of *server* time, and a search takes 30 ms there:
on a weak link the seconds go into sending the answers, and the page said nothing meanwhile
(qa15 #15). A placeholder's text is sent first and its removal last, so the browser shows it
until the last of the output has arrived, whatever the link.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


@contextmanager
def shown_while(text: str, when: bool = True) -> Iterator[None]:
    """Show `text` (after an hourglass) above what the block draws, until the block has drawn it all.

    `when` False draws the block without the line (its empty place is kept, so the page keeps its shape)."""
    note = st.empty()
    if when:
        note.caption(f":material/hourglass_top: {text}")
    try:
        yield
    finally:
        note.empty()
