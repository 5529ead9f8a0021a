"""bench.faq_gate's figures decide as the app does: the near-threshold rule (search18a) included (search21a).

Rows are written for this test: (set, label, right ids, [(id, relevance)], features, writer, English).
"""

from __future__ import annotations

import numpy as np

from bench.faq_gate import shown_by
from kb.faq_gate import FEATURES, NEAR_COSINE

THRESHOLD = 0.58


def row(relevance: float, top_cosine: float = NEAR_COSINE + 0.01, english: bool = False) -> tuple:
    features = [0.0] * len(FEATURES)
    features[FEATURES.index("top_cosine")] = top_cosine
    return ("tune", 1, ("a",), [("a", relevance), ("b", relevance - 0.1)], features, "w-x.yaml", english)


def test_a_chinese_question_just_under_the_threshold_is_answered_when_the_gate_is_sure() -> None:
    data = [row(0.55)]
    assert shown_by(data, np.array([True]), THRESHOLD, np.array([0.9])) == [["a", "b"]]


def test_the_near_rule_needs_a_sure_gate_a_close_faq_and_a_chinese_query() -> None:
    data = [row(0.55), row(0.55, top_cosine=NEAR_COSINE - 0.02), row(0.55, english=True), row(0.45)]
    assert shown_by(data, np.ones(4, bool), THRESHOLD, np.array([0.5, 0.9, 0.9, 0.9])) == [[], [], [], []]


def test_a_question_over_the_threshold_follows_the_gate_alone() -> None:
    data = [row(0.7), row(0.7)]
    assert shown_by(data, np.array([True, False]), THRESHOLD, np.array([0.9, 0.9])) == [["a", "b"], []]
