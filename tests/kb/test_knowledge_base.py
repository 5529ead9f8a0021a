"""KnowledgeBase beyond search: entries similar to one another (what quiz distractors are drawn from)."""

from __future__ import annotations

from kb import KnowledgeBase


def test_similar_entries_are_the_other_entries_nearest_first(kb: KnowledgeBase) -> None:
    similar = kb.similar_entries(depth=3)
    assert set(similar) == {entry.id for entry in kb.entries()}
    for entry_id, others in similar.items():
        assert entry_id not in others and len(set(others)) == 3
    assert similar["cooling-off-refund"][0] == "cooling-off-length"
    assert similar["claims-decline-notice"][0] == "claims-decision-deadline"


def test_entries_at_or_above_max_cosine_are_left_out(kb: KnowledgeBase) -> None:
    assert all(len(others) == 6 for others in kb.similar_entries(depth=10).values())
    assert all(others == [] for others in kb.similar_entries(depth=10, max_cosine=-1.0).values())
