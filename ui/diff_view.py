"""A content change's unified diff as the history shows it: long lines wrapped, changed characters marked.

`st.code` drew the diff on one unwrapped line per line, so an answer's long line ran off the right edge, and a
change of one figure (60 → 600) was marked by its two whole lines only: the reader had to find the 0 (qa18).
Here a run of removed lines followed by a run of added lines is read pair by pair (the n-th removed line with the
n-th added line), and the characters that differ between the two are marked inside the line too.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass
from typing import Literal

import streamlit as st

Kind = Literal["header", "hunk", "same", "removed", "added"]


@dataclass(frozen=True)
class DiffLine:
    """One line of the diff: its kind, and its text as (words, changed inside the line) pieces."""

    kind: Kind
    pieces: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(words for words, _ in self.pieces)


def _kind(line: str) -> Kind:
    if line.startswith(("--- ", "+++ ")):
        return "header"
    if line.startswith("@@"):
        return "hunk"
    return {"-": "removed", "+": "added"}.get(line[:1], "same")  # type: ignore[return-value]


def _marked(old: str, new: str) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
    """The removed and the added line cut into pieces, those that differ between the two marked; lines too unlike to
    be one line edited (under half the same) are left whole: marking nearly every character says nothing."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.5:
        return ((old, False),), ((new, False),)
    before: list[tuple[str, bool]] = []
    after: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if old[i1:i2]:
            before.append((old[i1:i2], tag != "equal"))
        if new[j1:j2]:
            after.append((new[j1:j2], tag != "equal"))
    return tuple(before), tuple(after)


def diff_lines(diff: str) -> list[DiffLine]:
    """The diff's lines; in each run of removed lines followed by added lines, paired lines mark what changed inside."""
    lines = diff.splitlines()
    shown: list[DiffLine] = []
    i = 0
    while i < len(lines):
        if _kind(lines[i]) != "removed":
            shown.append(DiffLine(_kind(lines[i]), ((lines[i], False),)))
            i += 1
            continue
        removed_end = i
        while removed_end < len(lines) and _kind(lines[removed_end]) == "removed":
            removed_end += 1
        added_end = removed_end
        while added_end < len(lines) and _kind(lines[added_end]) == "added":
            added_end += 1
        removed, added = lines[i:removed_end], lines[removed_end:added_end]
        pairs = min(len(removed), len(added))
        marked = [_marked(old[1:], new[1:]) for old, new in zip(removed, added)]
        shown += [DiffLine("removed", (("-", False), *m[0])) for m in marked]
        shown += [DiffLine("removed", ((line, False),)) for line in removed[pairs:]]
        shown += [DiffLine("added", (("+", False), *m[1])) for m in marked]
        shown += [DiffLine("added", ((line, False),)) for line in added[pairs:]]
        i = added_end
    return shown


_LINE_STYLE = {"header": "color: #808495", "hunk": "color: #1c83e1", "same": "",
               "removed": "background: rgba(255, 43, 43, 0.12)", "added": "background: rgba(33, 195, 84, 0.14)"}
_MARK_STYLE = {"removed": "background: rgba(255, 43, 43, 0.4); text-decoration: none; font-weight: 600",
               "added": "background: rgba(33, 195, 84, 0.45); text-decoration: none; font-weight: 600"}
_MARK_TAG = {"removed": "del", "added": "ins"}


def diff_html(diff: str) -> str:
    """The diff as HTML: monospace lines that wrap at the column's edge, changed characters in a stronger colour."""
    rows = []
    for line in diff_lines(diff):
        cells = "".join(f'<{_MARK_TAG[line.kind]} style="{_MARK_STYLE[line.kind]}">{html.escape(words)}</{_MARK_TAG[line.kind]}>'
                        if changed else html.escape(words) for words, changed in line.pieces)
        rows.append(f'<div style="{_LINE_STYLE[line.kind]}">{cells or "&nbsp;"}</div>')
    return ('<div data-testid="content-diff" style="font-family: \'Source Code Pro\', monospace; font-size: 0.85rem; '
            'white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; padding: 0.75rem; '
            'border-radius: 0.5rem; background: rgba(151, 166, 195, 0.1)">' + "".join(rows) + "</div>")


def show_diff(diff: str) -> None:
    """Draw a change's diff (see the module's docstring)."""
    st.html(diff_html(diff))
