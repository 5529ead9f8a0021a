"""`KnowledgeBase.search_regulations` and `KnowledgeBase.article` over the fixture library."""

import copy

import numpy as np
import pytest

from kb import ArticleHit, KnowledgeBase
from kb.regulations.gate import FEATURES, GATE, GateModel
from kb.regulations.gate_memory import GateMemory
from kb.regulations.search import RegulationSearcher, rankings_agree, term_fragments
from kb.scope import ScopeCheck
from kb.search import CANDIDATE_DEPTH, fused_scores
from kb.text import keyword_tokens


def test_article_by_id_or_short_name_and_any_spelling(kb: KnowledgeBase):
    hit = kb.article("L1-01", "第十六条")
    assert isinstance(hit, ArticleHit)
    assert (hit.document_id, hit.title, hit.article) == ("L1-01", "中华人民共和国保险法", "第十六条")
    assert "超过三十日不行使而消灭" in hit.text and hit.effective == "2015-04-24"
    assert kb.article("保险法", "第16条") == hit
    assert kb.article("重疾规范", "3.1.1.3").text.startswith("严重脑中风后遗症")
    assert kb.article("L1-01", "第二百条") is None
    assert kb.article("L9-99", "第一条") is None


def test_search_finds_the_article_that_answers(kb: KnowledgeBase):
    hits = kb.search_regulations("投保人没如实告知，保险公司的解除权多久不行使就消灭", k=3)
    assert hits and ("L1-01", "第十六条") in [(h.document_id, h.article) for h in hits]
    assert all(isinstance(h, ArticleHit) and h.score > 0 for h in hits)
    article = next(h for h in hits if (h.document_id, h.article) == ("L1-01", "第十六条"))
    assert any("解除权" in term or "消灭" in term for term in article.highlights)


def test_an_article_named_outright_comes_first_and_once(kb: KnowledgeBase):
    """An agent who types a citation gets that article first (meaning alone put 第三十二条 above it)."""
    for query in ("保险法第十六条", "《保险法》第16条"):
        hits = kb.search_regulations(query, k=4)
        assert (hits[0].document_id, hits[0].article, hits[0].score) == ("L1-01", "第十六条", 1.0)
        assert [(h.document_id, h.article) for h in hits].count(("L1-01", "第十六条")) == 1 and len(hits) <= 4
    assert kb.search_regulations("保险法第二百条", k=3) == [] or kb.search_regulations("保险法第二百条", k=3)[0].score < 1.0


def test_off_topic_question_gets_no_article(kb: KnowledgeBase):
    assert kb.search_regulations("明天天气怎么样") == []
    assert kb.search_regulations("") == []
    assert kb.search_regulations("推荐一家好吃的火锅店") == []


def test_faq_search_is_unchanged_by_the_library(kb: KnowledgeBase):
    hits = kb.search("宽限期多久")
    assert hits and hits[0].id == "lapse-grace-period"
    assert str(hits[0].sources[0]) == "《保险法》第三十六条" and hits[0].sources[0].document_id == "L1-01"



def test_a_question_close_to_an_out_of_scope_example_gets_no_article(kb: KnowledgeBase):
    question = "车险出了事故交强险怎么赔"
    live = kb._snapshot.regulation_searcher  # noqa: SLF001 - same index and glossary as the app
    scope = ScopeCheck((question,), kb.encoder.encode_queries([question]))
    gated = RegulationSearcher(live.index, kb.content.library, kb.encoder, live.glossary, scope=scope, faq=kb.index)
    without_examples = RegulationSearcher(live.index, kb.content.library, kb.encoder, live.glossary, 0.01)
    assert without_examples.search(question), "without the scope examples some article passes a low threshold"
    assert gated.search(question) == []
    assert gated.search(question, min_relevance=0.0), "the hit test (threshold 0) still lists articles"


def test_the_keyword_side_ranks_sentences_of_articles(kb: KnowledgeBase):
    """A question worded like one sentence of a long article finds that article by the sentence."""
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    assert len(live.sentences.docs) > live.index.size, "articles with several sentences are split"
    tokens = keyword_tokens("自合同成立之日起超过二年的，保险人不得解除合同")
    best = max(live._keyword_scores(tokens, 5).items(), key=lambda item: item[1][0])[0]  # noqa: SLF001
    assert live.index.entry_ids[best] == "L1-01 第十六条"


def test_gate_probability_follows_its_features():
    average = list(GATE.mean)
    assert len(average) == len(FEATURES)
    closer_to_scope = list(average)
    closer_to_scope[FEATURES.index("scope_cosine")] += 0.05
    closer_to_faq = list(average)
    closer_to_faq[FEATURES.index("faq_cosine")] += 0.05
    assert GATE.probability(closer_to_scope) < GATE.probability(average) < GATE.probability(closer_to_faq)
    assert GATE.probability([None] * len(FEATURES)) == GATE.probability(average)
    # rankings_agree's weight fell to about 0 once the re-ranker's best score was a signal (regs9): the
    # re-ranker reads both ranks. A closer sentence in the top articles still speaks for answering.
    closer_sentence = list(average)
    closer_sentence[FEATURES.index("top3_sentence_cosine")] += 0.05
    assert GATE.probability(closer_sentence) > GATE.probability(average), "the answering sentence is there"


def test_rankings_agree_counts_the_best_articles_of_both_rankings_among_those_shown():
    dense_best, keyword_best = {7: (0.91, 70)}, {3: (12.5, 31)}
    assert rankings_agree([7, 3, 5], dense_best, keyword_best) == 2.0
    assert rankings_agree([7, 4, 5], dense_best, keyword_best) == 1.0
    assert rankings_agree([1, 4, 5], dense_best, keyword_best) == 0.0
    assert rankings_agree([7, 4, 5], dense_best, {}) == 1.0, "no keyword match: only the dense side counts"


def test_articles_cited_by_the_nearest_faq_entries_are_a_ranking_of_their_own(kb: KnowledgeBase):
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    vector = kb.encoder.encode_queries(["宽限期多久"])[0]
    [(ranking, weight)] = live._extra_rankings(vector)  # noqa: SLF001
    cited = [live.index.entry_ids[i] for i in sorted(ranking, key=lambda i: -ranking[i][0])]
    assert weight > 0 and cited[0] == "L1-01 第三十六条", "the grace-period entry cites 保险法第三十六条"
    alone = RegulationSearcher(live.index, kb.content.library, kb.encoder, live.glossary)
    assert alone._extra_rankings(vector) == []  # noqa: SLF001 - without the FAQ there is nothing to cite


def test_the_gate_and_the_reranker_read_the_rankings_the_search_fused(kb: KnowledgeBase):
    """One search computes the dense, sentence-BM25 and citation rankings once; the gate and the re-ranker
    read those (what the benchmarks fit on is what the app decides with)."""
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    for query in ("投保人没如实告知，保险公司的解除权多久不行使就消灭", "推荐一家好吃的火锅店"):
        plan, vector, rankings, fused = live.scored(query)
        assert rankings.dense == live.index.dense_scores(vector, CANDIDATE_DEPTH)
        assert rankings.keyword == live._keyword_scores(plan.tokens, CANDIDATE_DEPTH)  # noqa: SLF001
        assert rankings.fused == fused_scores(rankings.dense, rankings.keyword, rankings.expanded, rankings.extra)
        scores = live.article_scores(plan, vector, fused, rankings)
        answered = live.gate.probability(live.gate_features(plan, vector, fused, rankings, rerank_scores=scores)) >= live.min_relevance
        expected = live.reranked(plan, vector, fused, rankings)[:3] if answered else []
        assert live.search(query, k=3) == expected
        assert live.search(query, k=20, min_relevance=0.0) == live.reranked(plan, vector, fused, rankings)
    assert live.scored("") is None


def test_the_gate_reads_the_closest_sentence_of_the_top_articles(kb: KnowledgeBase):
    """A long article's vector blurs the one sentence that answers; the gate also reads that sentence's cosine."""
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    assert live.sentence_units is not None and live.sentence_units.size > 0
    plan, vector, rankings, fused = live.scored("保险人在合同订立时已经知道投保人未如实告知的，还能解除合同吗")
    features = live.gate_features(plan, vector, fused, rankings)
    assert len(features) == len(FEATURES)
    assert "第十六条" in [h.article for h in fused[:3]], "a long article: six clauses on 如实告知"
    shown = [live.index.entry_ids.index(f"{h.document_id} {h.article}") for h in fused[:3]]
    article_best = max(float(live.index.dense.reconstruct(int(d)) @ vector) for i in shown for d in live.index.entry_docs(i))
    assert features[FEATURES.index("top3_sentence_cosine")] > article_best, "the sentence is closer than its article"
    without_units = RegulationSearcher(live.index, kb.content.library, kb.encoder, live.glossary)
    unknown = without_units.gate_features(plan, vector, fused, rankings)[FEATURES.index("top3_sentence_cosine")]
    assert unknown is None, "unknown: counts as average"


def test_the_gate_reads_the_rerankers_best_score(kb: KnowledgeBase):
    """How sure the re-ranker is that one fused candidate answers is a gate signal (regs9): the search computes
    the scores once, the gate reads their best, the re-ordering their order."""
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    assert live.article_reranker is not None
    plan, vector, rankings, fused = live.scored("投保人没如实告知，保险公司的解除权多久不行使就消灭")
    scores = live.article_scores(plan, vector, fused, rankings)
    assert scores is not None and len(scores) == len(fused)
    features = live.gate_features(plan, vector, fused, rankings, rerank_scores=scores)
    assert features[FEATURES.index("rerank_top")] == pytest.approx(float(scores.max()))
    assert live.reranked(plan, vector, fused, rankings, scores) == live.reranked(plan, vector, fused, rankings)
    assert live.without_reranker().article_scores(plan, vector, fused, rankings) is None
    assert live.gate_features(plan, vector, fused, rankings)[FEATURES.index("rerank_top")] is None, "unknown: average"
    surer = list(features)
    surer[FEATURES.index("rerank_top")] = 0.99
    doubtful = list(features)
    doubtful[FEATURES.index("rerank_top")] = 0.01
    assert GATE.probability(doubtful) < GATE.probability(features) < GATE.probability(surer)
    # The search itself hands the scores to the gate: a gate that reads only rerank_top answers as it says.
    only = [0.0] * len(FEATURES)
    only[FEATURES.index("rerank_top")] = 40.0
    reading = copy.copy(live)
    reading.gate = GateModel(mean=(0.0,) * len(FEATURES), scale=(1.0,) * len(FEATURES), weights=tuple(only),
                             bias=-40.0 * (float(scores.max()) - 0.01))
    assert reading.search("投保人没如实告知，保险公司的解除权多久不行使就消灭", k=3, min_relevance=0.5)
    reading.gate = GateModel(reading.gate.mean, reading.gate.scale, tuple(-w for w in only),
                             bias=40.0 * (float(scores.max()) - 0.01))
    assert not reading.search("投保人没如实告知，保险公司的解除权多久不行使就消灭", k=3, min_relevance=0.5)


def test_the_gate_remembers_what_the_training_writers_asked(kb: KnowledgeBase):
    """The best cosine with a training writer's question and with one of their negatives are gate signals
    (regs10): the search hands its query vector to the memory, and the gate answers as the memory says."""
    query = "投保人没如实告知，保险公司的解除权多久不行使就消灭"
    live = kb._snapshot.regulation_searcher  # noqa: SLF001
    assert live.memory is not None and live.memory.model_id == kb.encoder.model_id
    plan, vector, rankings, fused = live.scored(query)
    features = live.gate_features(plan, vector, fused, rankings)
    known = FEATURES.index("known_question_cosine"), FEATURES.index("known_negative_cosine")
    assert tuple(features[i] for i in known) == live.memory.closeness(vector)
    assert all(f is None for f in live.with_memory(None).gate_features(plan, vector, fused, rankings)[known[0]:]), \
        "unknown without a memory: counts as average"
    like_a_question, like_a_negative = list(features), list(features)
    like_a_question[known[0]], like_a_negative[known[1]] = 0.99, 0.99
    assert GATE.probability(like_a_negative) < GATE.probability(features) < GATE.probability(like_a_question)
    # A memory holding this very question as a negative refuses it; holding it as a question answers it.
    other = np.zeros_like(vector)
    other[0] = 1.0
    reading = live.with_memory(GateMemory.of([(vector, "w")], [(other, "w")], kb.encoder.model_id))
    reading.gate = GateModel(mean=(0.0,) * len(FEATURES), scale=(1.0,) * len(FEATURES),
                             weights=tuple(40.0 if i == known[0] else 0.0 for i in range(len(FEATURES))), bias=-38.0)
    assert reading.search(query, k=3, min_relevance=0.5)
    reading = reading.with_memory(GateMemory.of([(other, "w")], [(vector, "w")], kb.encoder.model_id))
    reading.gate = GateModel(reading.gate.mean, reading.gate.scale, reading.gate.weights, -38.0)
    assert not reading.search(query, k=3, min_relevance=0.5)


def test_a_three_character_terms_last_two_characters_are_no_match_of_their_own():
    """限期 of 宽限期 is another word in 限期改正; 宽限 is a term itself, and a piece the query also says alone stays."""
    terms = {"宽限期", "宽限", "犹豫期", "保险合同"}
    assert term_fragments("宽限期多久", terms) == {"限期"}
    assert term_fragments("宽限期和犹豫期", terms) == {"限期", "豫期"}
    assert term_fragments("宽限期过了，限期内还能交吗", terms) == set()
    assert term_fragments("保险合同什么时候成立", terms) == set()
