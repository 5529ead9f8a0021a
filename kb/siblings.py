"""Sibling entries: two FAQ entries that answer the same question in different circumstances.

犹豫期内撤单 and 犹豫期后退保 both answer "who may cancel" or "whom the money goes to"; a customer who does not say
how long ago the policy was bought asks both, and the agent needs both in view. Content declares the pairs
(`siblings` on an entry, kb.schema); when search shows one of them first, the other, if it is listed at all, is
kept within the top three (search22a; docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from kb.content import Entry

# The place (0-based) a sibling is moved up to: third, so that the second hit keeps its place and R@1 cannot move
# (measured on TUNE: third and second gave the same top-three count; third moves fewer hits).
SIBLING_PLACE = 2


class _Shown(Protocol):
    id: str


H = TypeVar("H", bound=_Shown)


def sibling_map(entries: Iterable[Entry]) -> dict[str, tuple[str, ...]]:
    """Each entry's siblings, both ways: a pair declared on one entry holds for the other too."""
    found: dict[str, list[str]] = {}
    for entry in entries:
        for sibling in entry.siblings:
            for a, b in ((entry.id, sibling), (sibling, entry.id)):
                if b not in found.setdefault(a, []):
                    found[a].append(b)
    return {entry_id: tuple(siblings) for entry_id, siblings in found.items()}


def with_sibling(hits: Sequence[H], siblings: Mapping[str, Sequence[str]], place: int = SIBLING_PLACE) -> list[H]:
    """`hits` with the first hit's best-listed sibling moved up to `place`, unless one already stands above it.

    Only a sibling already among `hits` moves (nothing under the listing floor is shown), and only up."""
    hits = list(hits)
    if not hits or not siblings:
        return hits
    ids = [hit.id for hit in hits]
    wanted = siblings.get(ids[0], ())
    if not wanted or any(hit_id in wanted for hit_id in ids[1:place + 1]):
        return hits
    below = next((i for i, hit_id in enumerate(ids) if i > place and hit_id in wanted), None)
    if below is None:
        return hits
    hits.insert(place, hits.pop(below))
    return hits
