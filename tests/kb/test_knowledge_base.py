"""KnowledgeBase beyond search: entries similar to one another (what quiz distractors are drawn from), the articles
shown under an answer, and batch searches that encode each question once."""

from __future__ import annotations

from kb import KnowledgeBase, Source
from kb.embeddings import Encoder
from settings import Settings
from tests.kb.test_embeddings import QueryCountingEncoder


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


def test_batch_searches_find_what_search_finds_and_remembered_queries_are_not_encoded_again(
        cold_settings: Settings, encoder: Encoder) -> None:
    counting = QueryCountingEncoder(encoder)
    kb = KnowledgeBase.open(cold_settings.content_dir, cold_settings, encoder=counting)
    questions = ["犹豫期退保能退多少钱", "宽限期过了没交保费怎么办"]
    assert kb.remember_queries(questions) == 2
    counting.queries.clear()
    batch = kb.batch_searcher()
    for question in questions:
        assert [h.id for h in batch.search(question, k=10)] == [h.id for h in kb.search(question, k=10)]
    assert all(q in counting.queries for q in questions), "the live search still encodes"
    counting.queries.clear()
    [batch.search(question, k=10) for question in questions]
    assert counting.queries == [], "the batch searcher remembered every question"
    reopened = KnowledgeBase.open(cold_settings.content_dir, cold_settings, encoder=counting)
    assert reopened.remember_queries(questions) == 0, "remembered vectors were saved for the next process"


def test_the_articles_under_an_answer_are_its_own_first_then_the_searchs_others(kb: KnowledgeBase) -> None:
    """qa23 G3, qa24 G2: 法规原文 under an answer opened on an article the answer does not cite."""
    own = (*kb.entry("claims-decision-deadline").sources,
           Source("人身保险业务基本服务规定", "第二十三条", document_id="L1-13"))
    searched = [(a.document_id, a.article) for a in kb.search_regulations("理赔要等多久", k=3)]
    assert searched[:2] == [("L1-01", "第二十三条"), ("L1-01", "第二十六条")], "the query needs the search to rank " \
        "an article the answer does not cite above one it does"
    articles = kb.answer_articles("理赔要等多久", own, k=3)
    assert [(a.document_id, a.article) for a in articles.cited] == [("L1-01", "第二十三条"), ("L1-13", "第二十三条")]
    assert [(a.document_id, a.article) for a in articles][:3] == [
        ("L1-01", "第二十三条"), ("L1-13", "第二十三条"), ("L1-01", "第二十六条")]
    assert len(articles.found) == 3 and not set(articles.cited) & set(articles.found)


def test_an_answers_own_article_is_shown_though_the_search_finds_none(kb: KnowledgeBase) -> None:
    assert kb.search_regulations("复效要什么条件", k=3) == []
    cited = kb.answer_articles("复效要什么条件", kb.entry("lapse-reinstatement").sources).cited
    assert [(a.document_id, a.article) for a in cited] == [("L1-01", "第三十七条")]
    outside = Source("健康保险管理办法", "第十五条")   # not in the fixture's library: no article to open
    assert kb.answer_articles("犹豫期有多长", (outside,)).cited == ()
