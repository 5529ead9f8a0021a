"""A fill-in blank that asks for another name of the word beside it: 红利通知书（____） wanted 分红报告, and 小美, who
knew the rule, typed 红利通知书 (qa28 Q1). Such a blank tests no fact: the sentence names the thing and the blank asks
for its other name. Two words mean the same when the glossary (content/glossary.yaml) puts both in one group's terms.
Generated fill-ins leave such a blank out; a hand-written one is a content problem."""

from __future__ import annotations

import unicodedata
from typing import Iterable, Sequence

# What may stand between a blank and the word beside it: brackets, quotes, a space or 、/ (红利通知书（____）,
# “____”（红利通知书）, 红利通知书/____).
_OPENERS = "（(“「【《"
_CLOSERS = "）)”」】》"
_BETWEEN = " 　、/"


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def synonym_beside(before: str, answer: str, after: str, groups: Iterable[Sequence[str]]) -> str:
    """The glossary term written right before or after a blank (`before` and `after` are the sentence either side of
    it) that means what the blank's `answer` means, or "" when there is none. `groups`: each glossary group's terms."""
    left = _plain(before).rstrip(_OPENERS + _BETWEEN)
    right = _plain(after).lstrip(_CLOSERS + _BETWEEN).lstrip(_OPENERS)
    asked = _plain(answer)
    for group in groups:
        terms = [_plain(term) for term in group]
        if asked not in terms:
            continue
        for term in terms:
            if term != asked and term and (left.endswith(term) or right.startswith(term)):
                return term
    return ""
