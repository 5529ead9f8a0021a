"""A distractor that echoes the question as much as the right option does, swapped in for the farthest one.

The strongest tell left in generated choice items (docs/benchmarks.md "quiz48", "quiz49") is the right option
opening *most* with the question's words: 犹豫期内怎么申请撤单？ beside one option opening 犹豫期内… and three that
open elsewhere. Where one language's tell fires, the farthest distractor is swapped for the nearest safe candidate
that echoes the question at least as much, so the opening no longer picks the right one. A swapped-in distractor
is nearer the question's topic and may be right too, so generation offers one only where a content reviewer read
it as wrong (content/distractor_reviews.yaml, `may_swap_in`); the right option, and so every item's answer, stays.
"""

from __future__ import annotations

from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
# How much an option opens with the question's words, in one language (0.0 … 1.0).
Echo = Callable[[T], float]


def opens_most(right: T, distractors: Sequence[T], echo: Echo) -> bool:
    """Whether the right option echoes the question more than every distractor (that language's tell fires)."""
    return bool(distractors) and all(echo(right) > echo(d) for d in distractors)


def echo_swapped(right: T, distractors: Sequence[T], candidates: Sequence[T], echoes: Sequence[Echo],
                 safe: Callable[[T, T, Sequence[T]], bool], may_swap_in: Callable[[T], bool]) -> list[T]:
    """`distractors` (nearest first) with, for each language in `echoes` whose tell fires, the farthest one not yet
    swapped replaced by the nearest candidate that echoes the question at least as much as the right option, is
    `safe` beside the others and `may_swap_in`; a swap that would make another language's tell fire is not made."""
    chosen = list(distractors)
    swapped: list[T] = []
    for echo in echoes:
        if not opens_most(right, chosen, echo):
            continue
        place = max((i for i, d in enumerate(chosen) if d not in swapped), default=None)
        if place is None:
            break
        rest = chosen[:place] + chosen[place + 1:]
        least = echo(right)
        for candidate in candidates:
            if candidate in chosen or not may_swap_in(candidate) or echo(candidate) < least:
                continue
            trial = [*chosen[:place], candidate, *chosen[place + 1:]]
            if safe(right, candidate, rest) and not any(
                    opens_most(right, trial, other) and not opens_most(right, chosen, other) for other in echoes):
                chosen = trial
                swapped.append(candidate)
                break
    return chosen
