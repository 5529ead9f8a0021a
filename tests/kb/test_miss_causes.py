"""bench.miss_causes: a TUNE miss is put down to the refusal or the ranking that lost it (search14a)."""

from __future__ import annotations

import pytest

from bench.miss_causes import cause


@pytest.mark.parametrize(("rank", "passes_threshold", "expected"), [
    (1, True, "gate"),         # the right entry was first, the relevance threshold passed: the gate refused
    (3, True, "gate"),
    (2, False, "threshold"),   # no candidate of the first three cleared the relevance threshold
    (4, True, "rank 4-10"),    # answered or not, the right entry was not among the first three
    (10, False, "rank 4-10"),
    (11, True, "rank 11-20"),
    (None, True, "not found"),  # not among the candidates the re-ranker ordered
])
def test_a_miss_is_put_down_to_what_lost_it(rank: int | None, passes_threshold: bool, expected: str) -> None:
    assert cause(rank, passes_threshold) == expected


def test_an_answer_that_left_the_right_entry_out_is_put_down_to_the_listing_floor() -> None:
    """Threshold and gate both let the query through, the right entry was third: its relevance kept it off the list."""
    assert cause(3, True, gate_answers=True) == "listing floor"
    assert cause(3, False, gate_answers=True) == "threshold"
    assert cause(5, True, gate_answers=True) == "rank 4-10"
