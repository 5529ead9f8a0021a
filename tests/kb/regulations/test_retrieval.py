"""Regulation retrieval on the regulation dev set over the real library (issue #15).

Floors are the figures measured when the ranking and gate changed (docs/benchmarks.md), less
about one question's worth (the 4-bit encoder's vectors move slightly with how queries are
batched). The held-out half is reported, never tuned on; the targets (top-3 ≥ 0.90, negatives
refused ≥ 0.95) are not reached yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.regulations.evaluation import RegulationScores, load_regulation_dev_set, score

DEV_SET = Path(__file__).resolve().parents[1] / "regulation_queries.yaml"
# (expected sentence in the top 3 articles, negatives refused) as measured with the learned article
# re-ranker (fifth pass): tune 0.795 / 0.905, held-out 0.788 / 1.000.
FLOORS = {"tune": (0.78, 0.90), "held_out": (0.77, 0.95)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def half(request: pytest.FixtureRequest, real_kb: KnowledgeBase) -> tuple[str, RegulationScores]:
    dev = load_regulation_dev_set(DEV_SET).half(request.param)
    return request.param, score(lambda q: real_kb.search_regulations(q, k=3), dev)


def test_expected_sentence_is_in_the_top_three_articles(half: tuple[str, RegulationScores]) -> None:
    name, scores = half
    assert scores.top3 >= FLOORS[name][0], (name, scores.top3)


def test_out_of_scope_questions_get_no_article(half: tuple[str, RegulationScores]) -> None:
    name, scores = half
    assert scores.rejection >= FLOORS[name][1], (name, scores.rejection)
