"""A new FAQ entry whose question search already answers with another entry.

陈老师 saved 一个月扣了两次保费，多扣的钱怎么退？ as a new entry while `lapse-double-deduction` already answered it; the
thin new entry then outranked the curated one and split the hits (qa22 I1). Before a new entry is saved, its question
and variants are searched as an agent would search them (the hit test's search: the live index), and each other entry
that search puts first, as an answer at a high relevance, is named with the wording that found it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kb.search import Hit
from trainer.editing.hit_test import SearchFn

# As sure as the search page's own relevance reads "this is the answer": qa22's case was 0.875 and 0.75 by the hit
# test, the first of which is the one that mattered (the draft's own question finding the existing entry).
NEAR_RELEVANCE = 0.8


@dataclass(frozen=True)
class AlreadyFound:
    """An existing entry that one of the draft's wordings already finds first."""

    hit: Hit
    wording: str


def already_found(search: SearchFn, wordings: Iterable[str], own_id: str = "",
                  min_relevance: float = NEAR_RELEVANCE) -> list[AlreadyFound]:
    """Each other entry search answers one of `wordings` with (first, not a near miss, relevance ≥ `min_relevance`),
    once, by the wording that found it most surely; the surest first."""
    best: dict[str, AlreadyFound] = {}
    for wording in dict.fromkeys(w.strip() for w in wordings if w and w.strip()):
        hits = search(wording)
        if not hits:
            continue
        first = hits[0]
        if first.id == own_id or first.under_threshold or first.relevance < min_relevance:
            continue
        if first.id not in best or first.relevance > best[first.id].hit.relevance:
            best[first.id] = AlreadyFound(first, wording)
    return sorted(best.values(), key=lambda found: -found.hit.relevance)
