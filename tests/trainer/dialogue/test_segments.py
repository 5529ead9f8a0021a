"""Cutting a reply into pieces: what a negation or hedge word belongs to."""

from __future__ import annotations

from trainer.dialogue.segments import Segment, clause_segments, comma_pieces


def test_comma_pieces_keep_a_short_negation_apart_where_clauses_join_it_to_the_next():
    text = "别急，由您决定。"
    assert [c.text for c in clause_segments(Segment(text, 0, len(text)))] == ["别急，由您决定。"]
    assert comma_pieces(text) == ["别急，", "由您决定。"]
    assert comma_pieces("不是逼您，最终由您决定。选哪个都行、您定") == ["不是逼您，", "最终由您决定。", "选哪个都行、", "您定"]
