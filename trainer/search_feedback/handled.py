"""Which missed-search groups the content has since been fixed for (qa14 #18).

A group stayed listed in 搜索反馈 after the instructor fixed it through 内容编辑 (the wording
added there as a variant): only 无需处理 or age took it off the list. A group counts as handled
when every one of its wordings is now a question or variant of an entry, did not find that entry
first when it was searched (so the content changed for it, not merely an answer disliked), and a
search run now finds that entry first. Only groups that pass the cheap checks are searched.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Sequence

from kb.content import Entry
from kb.wordings import wording_key
from trainer.search_feedback.grouping import MissGroup

TopHit = Callable[[str], str | None]  # the entry a search of the text finds first now (None: no answer)


def wording_owners(entries: Iterable[Entry]) -> dict[str, str]:
    """Each question's and variant's comparison key, to the id of the entry that holds it."""
    owners: dict[str, str] = {}
    for entry in entries:
        for text in (entry.question, *entry.variants):
            key = wording_key(text)
            if key:
                owners.setdefault(key, entry.id)
    return owners


def handled_by(group: MissGroup, owners: Mapping[str, str], top_hit: TopHit) -> tuple[str, ...]:
    """The entries the group's wordings now belong to and are found at, or () while it is open."""
    targets: dict[str, str] = {}
    for search in group.searches:
        owner = owners.get(wording_key(search.query))
        if owner is None or search.top_ids[:1] == (owner,):
            return ()
        targets[search.query] = owner
    for text in group.texts:
        owner = owners.get(wording_key(text))
        if owner is None or top_hit(text) != owner:
            return ()
    return tuple(sorted(set(targets.values())))


def split_handled(groups: Sequence[MissGroup], owners: Mapping[str, str], top_hit: TopHit
                  ) -> tuple[list[MissGroup], list[tuple[MissGroup, tuple[str, ...]]]]:
    """(groups still to work on, handled groups with the entries they were fixed in), order kept."""
    open_groups, handled = [], []
    for group in groups:
        fixed_in = handled_by(group, owners, top_hit)
        if fixed_in:
            handled.append((group, fixed_in))
        else:
            open_groups.append(group)
    return open_groups, handled
