"""A fill-in blank that asks for another name of the word beside it: 红利通知书（____） wanted 分红报告, and 小美, who
knew the rule, typed 红利通知书 (qa28 Q1). Such a blank tests no fact: the sentence names the thing and the blank asks
for its other name. Two words mean the same when the glossary (content/glossary.yaml) puts both in one group's terms.
Generated fill-ins leave such a blank out; a hand-written one is a content problem."""

from __future__ import annotations

import unicodedata
from typing import Iterable, Mapping, Sequence

# What may stand between a blank and the word beside it: brackets, quotes, a space or 、/ (红利通知书（____）,
# “____”（红利通知书）, 红利通知书/____).
_OPENERS = "（(“「【《"
_CLOSERS = "）)”」】》"
_BETWEEN = " 　、/"

Synonyms = Mapping[str, tuple[str, ...]]


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def synonyms_of(groups: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each glossary term (as compared) with the other terms of its groups: read once for a whole bank (a scan of
    every group for every blank made generating the bank a second slower)."""
    found: dict[str, list[str]] = {}
    for group in groups:
        terms = [t for t in dict.fromkeys(_plain(term) for term in group) if t]
        for term in terms:
            found.setdefault(term, []).extend(t for t in terms if t != term)
    return {term: tuple(others) for term, others in found.items()}


def synonym_beside(before: str, answer: str, after: str, synonyms: Synonyms) -> str:
    """The glossary term written right before or after a blank (`before` and `after` are the sentence either side of
    it) that means what the blank's `answer` means, or "" when there is none. `synonyms`: `synonyms_of` the glossary's
    groups of terms."""
    others = synonyms.get(_plain(answer))
    if not others:
        return ""
    left = _plain(before).rstrip(_OPENERS + _BETWEEN)
    right = _plain(after).lstrip(_CLOSERS + _BETWEEN).lstrip(_OPENERS)
    return next((term for term in others if left.endswith(term) or right.startswith(term)), "")
