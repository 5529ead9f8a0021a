"""One wording, one entry: a question or variant written the same as another entry's is a problem.

A variant identical to another entry's question made search answer that question with the wrong
entry at relevance 1.00 (qa14 #10), and nothing said so when it was saved. "The same" ignores
what an agent's typing varies: spaces, punctuation and full/half width (and letter case).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from kb.text import normalize
from kb.yaml_source import Problem

FIELD_NAMES = {"question": ("question", "标准问"), "variants": ("variant", "相似问法")}


def wording_key(text: str) -> str:
    """`text` as compared: the search's normalisation (NFKC, lower case), without spaces or punctuation."""
    return "".join(c for c in normalize(text) if not c.isspace() and not unicodedata.category(c).startswith("P"))


@dataclass(frozen=True)
class Wording:
    """One question or variant of an entry, where it is written."""

    entry_id: str
    title: str  # the entry's question, as an instructor knows the entry
    title_en: str
    field: str  # "question" or "variants"
    text: str
    file: str
    line: int


def entry_wordings(entry_id: str, question: str, variants: Sequence[str], title_en: str, file: str,
                   first_line: int, lines: Sequence[str]) -> list[Wording]:
    """The entry's question and variants, each with the line from the entry's on that holds it.

    A text written twice in the entry is found at its second writing (the n-th occurrence, n
    counted over the entry's earlier wordings that contain it), so a repeat is reported where it is.
    """
    texts = [(f, t) for f, t in [("question", question)] + [("variants", v) for v in variants] if t]
    found = []
    for position, (field, text) in enumerate(texts):
        earlier = sum(t.count(text) for _, t in texts[:position])
        found.append(Wording(entry_id, question, title_en or question, field, text, file,
                             occurrence_line(lines, text, first_line, earlier)))
    return found


def occurrence_line(lines: Sequence[str], text: str, first_line: int, skip: int = 0) -> int:
    """The line (from `first_line` on) holding the occurrence of `text` after `skip` earlier ones."""
    seen = 0
    for number in range(first_line, len(lines) + 1):
        seen += lines[number - 1].count(text)
        if seen > skip:
            return number
    return first_line


def repeats(texts: Sequence[str], key: Callable[[str], str] = wording_key) -> list[tuple[int, int]]:
    """(position, position of the earlier text) for each text whose `key` an earlier text has."""
    first: dict[str, int] = {}
    found = []
    for position, text in enumerate(texts):
        folded = key(text)
        if not folded:
            continue
        if folded in first:
            found.append((position, first[folded]))
        else:
            first[folded] = position
    return found


def repeated_in_entry(wordings: Sequence[Wording]) -> list[Problem]:
    """A problem at each question or variant of one entry worded like an earlier one of the same entry."""
    problems = []
    for position, earlier in repeats([w.text for w in wordings]):
        wording, other = wordings[position], wordings[earlier]
        other_en, other_zh = FIELD_NAMES[other.field]
        problems.append(Problem(
            wording.file, wording.line, wording.entry_id, wording.field,
            f"'{wording.text}' repeats this entry's {other_en} '{other.text}' (ignoring spaces, punctuation and "
            "full/half width): keep it once",
            f"「{wording.text}」与本条目的{other_zh}「{other.text}」重复（忽略空格、标点和全半角）：只保留一个"))
    return problems


def duplicate_wordings(wordings: Iterable[Wording]) -> list[Problem]:
    """A problem at each wording that another entry also has, naming that entry (both sides are listed)."""
    by_key: dict[str, list[Wording]] = {}
    for wording in wordings:
        key = wording_key(wording.text)
        if key:
            by_key.setdefault(key, []).append(wording)
    problems = []
    for same in by_key.values():
        for wording in same:
            for other in same:
                if other.entry_id != wording.entry_id:
                    problems.append(_problem(wording, other))
                    break
    return problems


def _problem(wording: Wording, other: Wording) -> Problem:
    other_en, other_zh = FIELD_NAMES[other.field]
    return Problem(
        wording.file, wording.line, wording.entry_id, wording.field,
        f"'{wording.text}' is worded the same as the {other_en} of entry '{other.entry_id}' ({other.title_en}) "
        "(ignoring spaces, punctuation and full/half width): search may answer it with either entry; keep it in one",
        f"「{wording.text}」与条目 '{other.entry_id}'（{other.title}）的{other_zh}相同（忽略空格、标点和全半角）："
        "搜索它可能给出任一条目的答案，请只保留在一个条目里")
