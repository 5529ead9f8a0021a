"""Regulation retrieval on the regulation dev set over the real library (issue #15).

Floors are the figures measured when the ranking and gate changed (docs/benchmarks.md), less
about one question's worth (the 4-bit encoder's vectors move slightly with how queries are
batched). The held-out half is reported, never tuned on; the targets (top-3 ≥ 0.90, negatives
refused ≥ 0.95) are not reached yet.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.regulations.evaluation import RegulationScores, load_regulation_dev_set, score, training_sets, writer_of

DEV_SET = Path(__file__).resolve().parents[1] / "regulation_queries.yaml"
# (expected sentence in the top 3 articles, negatives refused) as measured on regs10 with the gate remembering the
# training writers' questions and negatives, refitted after content12: tune 0.874 / 0.952, held-out 0.920 / 1.000
# (before content12: 0.874 / 0.952, 0.912 / 0.952; regs9: 0.850 / 0.952, 0.847 / 0.952; regs7: 0.811 / 0.952,
# 0.825 / 1.000).
FLOORS = {"tune": (0.86, 0.90), "held_out": (0.91, 0.95)}
# Share of the training-only negatives the gate refuses, each writer's negatives by a gate that does not remember
# that writer (the app's gate remembers them all, and would refuse them in sample): w-compliance's (company
# internals, product figures) 0.592 on regs7, 0.583 on regs9; all 168 with w-newagent's: 0.679 on regs9 (a gate
# without memory), 0.780 on regs10; all 233 with w-claims': 0.845 on regs10, 0.858 refitted after content12 — the
# dev set's negatives do not show this weakness (docs/benchmarks.md).
TRAINING_NEGATIVES_REFUSED = 0.84


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


def test_most_training_negatives_get_no_article(real_kb: KnowledgeBase) -> None:
    live = real_kb._snapshot.regulation_searcher.with_encoder(real_kb._queries)  # noqa: SLF001 - memory per writer
    refused, negatives = 0, 0
    for path in training_sets(DEV_SET.parent):
        writer = writer_of(path)
        unseen = live.with_memory(live.memory.without(writer))
        texts = load_regulation_dev_set(DEV_SET, path).training_only().negatives
        refused += sum(1 for text in texts if not unseen.search(text, k=3))
        negatives += len(texts)
    assert negatives >= 230
    assert refused / negatives >= TRAINING_NEGATIVES_REFUSED, refused / negatives


def test_a_typo_of_an_article_term_finds_what_the_term_finds(real_kb: KnowledgeBase) -> None:
    """宽线期 is no word: the regulation search reads it as 宽限期, a glossary term the articles use (search14b)."""
    searcher = real_kb._snapshot.regulation_searcher  # noqa: SLF001 - the app's searcher
    key = [(hit.document_id, hit.article) for hit in searcher.search("宽线期多久", k=3)]
    assert key and key == [(hit.document_id, hit.article) for hit in searcher.search("宽限期多久", k=3)]
    uncorrected = copy.copy(searcher)
    uncorrected.rewriters = []
    assert [(hit.document_id, hit.article) for hit in uncorrected.search("宽线期多久", k=3)][:1] != key[:1]


@pytest.mark.parametrize("question", ["重疾赔完了保险还有效吗", "俺舅说赔过一回保险就没了", "工友话佢买嘅保险系假嘅",
                                      "那个有余期是多少天"])
def test_customers_words_are_not_read_as_article_terms(real_kb: KnowledgeBase, question: str) -> None:
    """The narrow corrector on a customer's words (search16c): 赔完 is not 赔款, 说赔 not 索赔, 买嘅保 not 核保,
    and 有余期 is 犹豫期, not 有续期."""
    rewrite = real_kb._snapshot.regulation_searcher.rewriters[0].rewrite(question)  # noqa: SLF001 - the app's
    assert [term for _, term in rewrite.changes] in ([], ["犹豫期"])


@pytest.mark.parametrize("query", ["宽限期多久", "宽限期有多久"])
def test_grace_period_question_shows_the_grace_period_article(real_kb: KnowledgeBase, query: str) -> None:
    """保险法第三十六条 (the grace period the FAQ entries cite) never says 宽限期, so only the citation ranking finds
    it; it fused to rank 21, one past the candidates the re-ranker scores, and the section showed articles that
    match 限期 (限期改正) instead (docs/benchmarks.md, polish21 item 7, regsearch23)."""
    hits = real_kb.search_regulations(query, k=3)
    assert ("L1-01", "第三十六条") in [(hit.document_id, hit.article) for hit in hits], hits
    assert not any("限期" in hit.highlights for hit in hits), "限期改正 is not the query's 宽限期"


def test_a_lapse_said_in_a_callers_words_finds_the_laws_article_on_suspended_cover(real_kb: KnowledgeBase) -> None:
    """qa21 S5: 保单失效了还能复活吗 expanded 信息披露管理办法第十五条 (a switch's losses "因退保或保单失效而产生") first, and
    保险法第三十七条 — 合同效力中止 … 合同效力恢复, the answer — second at relevance 0.28. 失效 is the glossary's synonym of
    效力中止 (group lapse): the regulation search now counts it as the query's word there (search47)."""
    hits = real_kb.search_regulations("保单失效了还能复活吗", k=3)
    assert [(hit.document_id, hit.article) for hit in hits][:1] == [("L1-01", "第三十七条")]
    assert hits[0].score >= 0.5  # shown as relevant, not at 0.28
    said = real_kb.search_regulations("保单效力中止了还能复活吗", k=3)  # the law's own word: first as before
    assert [(hit.document_id, hit.article) for hit in said][:1] == [("L1-01", "第三十七条")]
