"""The learned article re-ranker: its feature rows, its weights file, and the order it gives the searcher."""

import copy
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from kb import KnowledgeBase
from kb.regulations.rerank import FEATURES, WEIGHTS_FILE, ArticleSignals, article_features, load_reranker
from kb.rerank import Reranker


def _signals(fused: float, dense: float, document: str, cited: int | None = None, length: int = 100) -> ArticleSignals:
    return ArticleSignals(fused=fused, dense=dense, dense_rank=0, keyword=4.0, keyword_rank=1, cited_rank=cited,
                          coverage=0.5, sentence_coverage=0.5, length=length, document_id=document)


def test_feature_rows_compare_each_candidate_with_the_best():
    rows = article_features([_signals(0.2, 0.90, "L1-01", cited=0), _signals(0.1, 0.88, "L1-01"),
                             _signals(0.05, 0.89, "JI-2")])
    column = {name: rows[:, i] for i, name in enumerate(FEATURES)}
    assert rows.shape == (3, len(FEATURES))
    assert list(column["fused_vs_best"]) == [1.0, 0.5, 0.25]
    assert np.allclose(column["dense_vs_best"], [0.0, -0.02, -0.01])
    assert list(column["inverse_cited_rank"]) == [1.0, 0.0, 0.0], "only the first candidate is cited"
    assert list(column["document_first"]) == [1.0, 0.0, 1.0]
    assert np.allclose(column["document_share"], [2 / 3, 2 / 3, 1 / 3])
    assert article_features([]).shape == (0, len(FEATURES))


def test_the_closest_sentence_counts_against_the_best_candidates():
    rows = article_features([replace(_signals(0.2, 0.90, "L1-01"), closest_sentence=0.93),
                             replace(_signals(0.1, 0.88, "JI-2"), closest_sentence=0.95)])
    column = {name: rows[:, i] for i, name in enumerate(FEATURES)}
    assert np.allclose(column["closest_sentence"], [0.93, 0.95])
    assert np.allclose(column["closest_sentence_vs_best"], [-0.02, 0.0]), "the second has the closer sentence"


def test_the_shipped_weights_load_only_for_their_encoder_and_features(tmp_path: Path):
    stored = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert load_reranker(stored["model_id"]) is not None
    assert load_reranker("another-encoder") is None
    other = tmp_path / "weights.json"
    other.write_text(json.dumps({**stored, "features": stored["features"][:-1]}), encoding="utf-8")
    assert load_reranker(stored["model_id"], other) is None, "weights for other features are not used"
    assert load_reranker(stored["model_id"], tmp_path / "missing.json") is None


def test_the_reranker_orders_what_is_shown_and_the_gate_still_decides(kb: KnowledgeBase):
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    query = "投保人没如实告知，保险公司的解除权多久不行使就消灭"
    fused = live.without_reranker().search(query, k=20, min_relevance=0.0)
    shortest_first = copy.copy(live)
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("log_length")] = -1.0
    shortest_first.article_reranker = Reranker(weights, 1.0, 0.0, "test")
    reordered = shortest_first.search(query, k=20, min_relevance=0.0)
    assert sorted(len(h.text) for h in fused) == [len(h.text) for h in reordered]
    assert {(h.document_id, h.article) for h in reordered} == {(h.document_id, h.article) for h in fused}
    assert shortest_first.search("明天天气怎么样") == [], "the gate reads the fused order, before re-ranking"
