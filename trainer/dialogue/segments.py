"""Cutting a reply into the pieces the classifier reads, each with its place in the reply.

A reply usually carries several behaviours ("您别急，我先核实一下身份，……"), so the judge
reads it sentence by sentence (and whole, for replies of several sentences); a finding quotes
the sentence, narrowed to the clause that carries it where the clause alone is clear enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;…~～]*")
_CLAUSE = re.compile(r"[^，,、。！？!?；;\n]+[，,、。！？!?；;…~～]*")
# What a negation or hedge word reaches: a clause, and a trailing-off "…" ends one too — "有的年份也可能
# 一分都没有…我这么说您听得明白吗？" asks plainly whether she understood (judge18: a nervous agent's 可能 before
# the … turned the check).
_SCOPE = re.compile(r"[^，,、。！？!?；;\n…]+[，,、。！？!?；;…~～]*")
MIN_CLAUSE_CHARS = 4


@dataclass(frozen=True)
class Segment:
    """A verbatim piece of a reply: text[start:end] == text of the reply at that place."""

    text: str
    start: int
    end: int


def _pieces(pattern: re.Pattern, text: str, offset: int = 0) -> list[Segment]:
    found = []
    for match in pattern.finditer(text):
        piece = match.group(0)
        stripped = piece.strip()
        if stripped:
            start = offset + match.start() + (len(piece) - len(piece.lstrip()))
            found.append(Segment(stripped, start, start + len(stripped)))
    return found


def sentence_segments(text: str) -> list[Segment]:
    """The reply's sentences, punctuation kept."""
    return _pieces(_SENTENCE, text)


def comma_pieces(text: str) -> list[str]:
    """Every comma-delimited piece of the text, short ones kept apart (`clause_segments` joins them to
    the next): what a negation or hedge word belongs to ("别急，由您决定" holds no negated decision)."""
    return [piece.text for piece in _pieces(_SCOPE, text)]


def clause_segments(sentence: Segment) -> list[Segment]:
    """The comma-delimited clauses of one sentence; short ones (嗯，好的，) join the next."""
    raw = _pieces(_CLAUSE, sentence.text, sentence.start)
    merged: list[Segment] = []
    pending: Segment | None = None
    for clause in raw:
        if pending is not None:
            clause = Segment(pending.text + clause.text if pending.end == clause.start else clause.text,
                             pending.start if pending.end == clause.start else clause.start, clause.end)
            pending = None
        if len(clause.text.rstrip("，,、。！？!?；;…~～")) < MIN_CLAUSE_CHARS:
            pending = clause
            continue
        merged.append(clause)
    if pending is not None:
        if merged and merged[-1].end == pending.start:
            last = merged.pop()
            merged.append(Segment(last.text + pending.text, last.start, pending.end))
        else:
            merged.append(pending)
    return merged


def reading_units(text: str) -> list[Segment]:
    """What the classifier scores: each sentence, plus the whole reply when it has several."""
    sentences = sentence_segments(text)
    if len(sentences) > 1:
        whole = text.strip()
        start = text.find(whole)
        sentences.append(Segment(whole, start, start + len(whole)))
    return sentences
