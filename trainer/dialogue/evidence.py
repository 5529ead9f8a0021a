"""Evidence: the agent's exact words behind every judgement, and how to cut them out of a reply."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE_END = re.compile(r"[，,。！？!?；;\n]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class Evidence:
    """One observed behaviour: which, good or bad, the verbatim words, and what to do about it."""

    behaviour: str
    ok: bool
    quote: str
    advice: str
    better: str = ""
    entry: str = ""


def _span(text: str, start: int, end: int, boundary: re.Pattern) -> str:
    left = start
    while left > 0 and not boundary.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and not boundary.match(text[right]):
        right += 1
    if right < len(text):
        right += 1  # keep the punctuation mark: 吗？ reads better than 吗
    return text[left:right].strip() or text[start:end]


def clause_at(text: str, start: int, end: int) -> str:
    """The comma-delimited clause of `text` around [start, end): a short verbatim quote."""
    return _span(text, start, end, _CLAUSE_END)


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` around [start, end) (commas do not end it)."""
    return _span(text, start, end, _SENTENCE_END)


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`, punctuation included."""
    found = []
    for match in re.finditer(r"[^。！？!?；;\n]+[。！？!?；;]?", text):
        if match.group(0).strip():
            found.append((match.start(), match.end(), match.group(0)))
    return found


def first_sentence(text: str) -> str:
    """The reply's first sentence, a fair quote when a judgement is about the whole reply."""
    parts = sentences(text)
    return parts[0][2].strip() if parts else text.strip()
