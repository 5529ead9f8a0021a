"""Classical item analysis of quiz questions, so instructors can find badly written ones.

Facility is the share of agents who got an item right. Discrimination compares the upper
and lower 27 % of agents (ranked by their overall share of right answers): a good item is
answered right more often by the stronger group. An item that strong agents miss more than
weak ones usually has a wrong key, an ambiguous prompt or a second defensible answer.

Only each agent's first answer to an item counts: later answers are spaced-repetition
practice and would make every item look easy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

GROUP_SHARE = 0.27
# An item needs at least this many answers from each group before it can be flagged.
MIN_PER_GROUP = 2


@dataclass(frozen=True)
class ItemStats:
    item_id: str
    answers: int
    facility: float
    discrimination: float | None  # upper minus lower group's share right; None: too few answers
    upper_answers: int
    lower_answers: int

    @property
    def flagged(self) -> bool:
        """Strong agents miss this item more often than weak ones."""
        return self.discrimination is not None and self.discrimination < 0


def first_answers(outcomes: Iterable[tuple[int, str, bool]]) -> dict[tuple[int, str], bool]:
    """Each (user, item)'s first answer from oldest-first (user, item, correct) rows."""
    first: dict[tuple[int, str], bool] = {}
    for user_id, item_id, correct in outcomes:
        first.setdefault((user_id, item_id), bool(correct))
    return first


def ability_groups(first: dict[tuple[int, str], bool]) -> tuple[set[int], set[int]]:
    """The upper and lower 27 % of users by share of right first answers (at least one user each)."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for (user_id, _item), correct in first.items():
        totals[user_id][0] += correct
        totals[user_id][1] += 1
    ranked = sorted(totals, key=lambda u: (totals[u][0] / totals[u][1], u))
    if len(ranked) < 2:
        return set(), set()
    size = max(1, round(len(ranked) * GROUP_SHARE))
    size = min(size, len(ranked) // 2)
    return set(ranked[-size:]), set(ranked[:size])


def item_statistics(outcomes: Iterable[tuple[int, str, bool]], min_per_group: int = MIN_PER_GROUP) -> list[ItemStats]:
    """Facility and discrimination per item, flagged items first, then hardest first."""
    first = first_answers(outcomes)
    upper, lower = ability_groups(first)
    per_item: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"all": [0, 0], "upper": [0, 0], "lower": [0, 0]})
    for (user_id, item_id), correct in first.items():
        groups = ["all"] + (["upper"] if user_id in upper else []) + (["lower"] if user_id in lower else [])
        for group in groups:
            per_item[item_id][group][0] += correct
            per_item[item_id][group][1] += 1
    stats = []
    for item_id, counts in per_item.items():
        (right, total), (up_right, up_n), (low_right, low_n) = counts["all"], counts["upper"], counts["lower"]
        discrimination = None
        if up_n >= min_per_group and low_n >= min_per_group:
            discrimination = round(up_right / up_n - low_right / low_n, 3)
        stats.append(ItemStats(item_id, total, round(right / total, 3), discrimination, up_n, low_n))
    return sorted(stats, key=lambda s: (not s.flagged, s.facility, s.item_id))
