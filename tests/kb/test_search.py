"""Search behaviour an agent on a call relies on (fixture content, real encoder)."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.text import MAX_QUERY_CHARS


def top_id(kb: KnowledgeBase, query: str, **kwargs) -> str | None:
    hits = kb.search(query, **kwargs)
    return hits[0].id if hits else None


def test_canonical_question_finds_its_entry(kb: KnowledgeBase) -> None:
    hit = kb.search("犹豫期有多长？")[0]
    assert hit.id == "cooling-off-length"
    assert "15日" in hit.answer and hit.script and hit.sources[0].doc == "健康保险管理办法"
    assert 0 < hit.score <= 1


def test_colloquial_variant(kb: KnowledgeBase) -> None:
    assert top_id(kb, "保费晚交几天没事吧") == "lapse-grace-period"


def test_glossary_synonym_finds_the_formal_term(kb: KnowledgeBase) -> None:
    assert top_id(kb, "反悔期多少天") == "cooling-off-length"


def test_each_entry_is_returned_once(kb: KnowledgeBase) -> None:
    ids = [h.id for h in kb.search("犹豫期", k=10)]
    assert len(ids) == len(set(ids))


def test_category_filter(kb: KnowledgeBase) -> None:
    hits = kb.search("多久", k=10, category="claims", min_relevance=0.0)
    assert hits and {h.category for h in hits} == {"claims"}
    assert top_id(kb, "犹豫期多少天", category="lapse", min_relevance=0.0) in {"lapse-grace-period", "lapse-reinstatement"}


@pytest.mark.parametrize("query", ["明天天气怎么样", "红烧肉怎么做才好吃", "Python列表怎么去重", "在吗"])
def test_off_topic_gets_no_answer(kb: KnowledgeBase, query: str) -> None:
    assert kb.search(query) == []


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_returns_nothing(kb: KnowledgeBase, query: str) -> None:
    assert kb.search(query) == []


def test_pasted_paragraph_is_cut_and_still_searched(kb: KnowledgeBase) -> None:
    paragraph = "客户来电说他想问一下犹豫期有多长。" + "他说了很多与问题无关的话。" * 40
    assert len(paragraph) > MAX_QUERY_CHARS
    assert top_id(kb, paragraph, min_relevance=0.0) == "cooling-off-length"


@pytest.mark.parametrize("query", ["宽限期有６０天吗", "猶豫期有多長", "理赔😡要等多久", "\u200b\ufeff犹豫期", "<script>alert(1)</script>"])
def test_any_unicode_is_handled(kb: KnowledgeBase, query: str) -> None:
    kb.search(query)


def test_full_width_digits_match_ascii(kb: KnowledgeBase) -> None:
    assert top_id(kb, "宽限期６０日") == top_id(kb, "宽限期60日") == "lapse-grace-period"


def test_highlights_are_terms_from_the_query_found_in_the_answer(kb: KnowledgeBase) -> None:
    hit = kb.search("理赔申请多久能有结果")[0]
    assert hit.id == "claims-decision-deadline"
    assert any("理赔申请" in term for term in hit.highlights)
    assert all(term in hit.question + hit.answer for term in hit.highlights)


def test_hit_explains_its_match(kb: KnowledgeBase) -> None:
    hit = kb.search("冷静期是几天")[0]
    assert hit.matched_field == "variant" and hit.matched_text == "冷静期是几天"
    assert hit.dense_score > 0.9


def test_english_query_reaches_the_english_text(kb: KnowledgeBase) -> None:
    assert top_id(kb, "How long is the cooling-off period?") == "cooling-off-length"


def test_entry_and_entries(kb: KnowledgeBase) -> None:
    assert kb.entry("claims-decline-notice").question == "拒赔的话会通知我吗？"
    assert {e.id for e in kb.entries("lapse")} == {"lapse-grace-period", "lapse-reinstatement"}
    with pytest.raises(KeyError):
        kb.entry("no-such-entry")


def test_shown_score_is_the_order(kb: KnowledgeBase) -> None:
    for query in ("犹豫期", "理赔多久", "保费晚交几天没事吧"):
        scores = [h.score for h in kb.search(query, k=10, min_relevance=0.0)]
        assert scores == sorted(scores, reverse=True)


def test_equal_scores_are_broken_by_meaning_then_words_then_id() -> None:
    from kb.search import Hit, order_key

    def hit(entry_id: str, score: float, dense: float, keyword: float) -> Hit:
        return Hit(entry_id, "", "", "", "c", score, (), (), dense_score=dense, keyword_score=keyword)
    hits = [hit("b", 0.8, 0.90, 1.0), hit("a", 0.8, 0.90, 1.0), hit("c", 0.8, 0.91, 0.0), hit("d", 0.8, 0.90, 2.0)]
    assert [h.id for h in sorted(hits, key=order_key)] == ["c", "d", "a", "b"]


def test_scope_check_refuses_a_query_closer_to_an_out_of_scope_example() -> None:
    import numpy as np

    from kb.scope import ScopeCheck
    scope = ScopeCheck(("车险怎么报案",), np.array([[1.0, 0.0]], dtype=np.float32))
    assert scope.out_of_scope(np.array([0.9, 0.1], dtype=np.float32), best_in_scope=0.85)
    assert not scope.out_of_scope(np.array([0.5, 0.5], dtype=np.float32), best_in_scope=0.85)
    assert not ScopeCheck((), np.zeros((0, 2))).out_of_scope(np.array([1.0, 0.0]), best_in_scope=0.1)


def test_scope_word_odds_tell_the_near_domains_words_from_the_faqs() -> None:
    """search16b: a query in the examples' words scores above 0, one in the FAQ's words below, unknown words 0."""
    import numpy as np

    from kb.scope import ScopeCheck
    scope = ScopeCheck(("社保断缴怎么补", "养老金什么时候发"), np.eye(2, dtype=np.float32))
    in_faq = {"保单": 40, "复效": 10}.get
    odds = lambda *terms: scope.word_odds(terms, lambda t: in_faq(t) or 0, documents=100)  # noqa: E731
    assert odds("社保", "养老") > 0 > odds("保单", "复效")
    assert odds("社保", "保单") < odds("社保")
    assert odds("电影") == 0.0 == ScopeCheck((), np.zeros((0, 2))).word_odds(("社保",), lambda t: 0, 100)


def test_scope_near_count_counts_examples_as_close_as_the_faq() -> None:
    import numpy as np

    from kb.scope import ScopeCheck
    scope = ScopeCheck(("甲", "乙", "丙"), np.array([[1.0, 0.0], [0.995, 0.1], [0.0, 1.0]], dtype=np.float32))
    query = np.array([1.0, 0.0], dtype=np.float32)
    assert scope.near_count(query, best_in_scope=1.0) == 2
    assert scope.near_count(query, best_in_scope=1.2) == 0


def test_an_answered_query_also_lists_hits_just_under_the_threshold(kb: KnowledgeBase) -> None:
    from kb.search import GATE_DEPTH, LIST_MARGIN
    threshold = kb.settings.min_relevance
    listed_near = []
    for query in ("犹豫期", "理赔多久", "保费晚交几天没事吧"):
        hits = kb.search(query, k=10)
        assert any(h.relevance >= threshold for h in hits[:GATE_DEPTH])
        assert all(h.relevance >= threshold - LIST_MARGIN for h in hits)
        listed_near += [h.id for h in hits if h.relevance < threshold]
    assert listed_near, "a near miss of an answered query should be listed"
    assert kb.search("明天天气怎么样", k=10) == []


def test_a_hit_shown_under_the_threshold_is_marked_so_its_relevance_is_not_read_as_the_answers(
        kb: KnowledgeBase) -> None:
    """search36 (stop 35): an answer shown from the listing or near-threshold path read "relevance 0.126" on the hit
    test; a hit the threshold alone would not show is marked, and the search page shows no number beside it."""
    threshold = kb.settings.min_relevance
    hits = [h for query in ("犹豫期", "理赔多久", "保费晚交几天没事吧") for h in kb.search(query, k=10)]
    assert any(h.under_threshold for h in hits) and any(not h.under_threshold for h in hits)
    assert all(h.under_threshold == (h.relevance < threshold) for h in hits)
    assert not any(h.under_threshold for h in kb.search("理赔多久", k=10, min_relevance=0.0)), "the hit test's list"


def _listed(kb: KnowledgeBase, relevance_under_threshold: dict[str, float], question: str | None = None) -> list[str]:
    """The ids the listing rule alone shows of candidates this far under (negative: over) the threshold, in order,
    for `question` (None: no question, read as Chinese)."""
    import copy

    from kb.search import Glossary, Hit, plan_query
    searcher = copy.copy(kb._snapshot.searcher)  # noqa: SLF001 - this test's copy only
    searcher.reranker = searcher.reranker or object()  # near misses are listed only with a re-ranker
    threshold = kb.settings.min_relevance
    candidates = [Hit(entry_id, "", "", "", "claims", 0.5, (), (), relevance=threshold - under)
                  for entry_id, under in relevance_under_threshold.items()]
    plan = plan_query(question, Glossary([])) if question else None
    return [h.id for h in searcher._accepted(candidates, threshold, plan, None, None)]  # noqa: SLF001


def test_an_answered_querys_first_choice_six_hundredths_under_the_threshold_is_listed(kb: KnowledgeBase) -> None:
    """search14a: with the learned gate deciding, TUNE questions whose right entry the re-ranker put first at
    relevance 0.52-0.54 were answered with the others only (LIST_MARGIN 0.04); 0.06 lists it."""
    # "far" stood 0.07 under the threshold until search21b widened the margin to 0.10 (next test).
    assert _listed(kb, {"first-choice": 0.055, "clears": -0.02, "far": 0.12}) == ["first-choice", "clears"]
    assert _listed(kb, {"first-choice": 0.055, "far": 0.12}) == []  # none clears it


def test_an_answered_querys_right_entry_a_tenth_under_the_threshold_is_listed(kb: KnowledgeBase) -> None:
    """search21b: on TUNE (22 writers) the right entry of 8 answered questions stood 0.06-0.10 under the threshold
    and was not listed (退的钱是给我还是给我老婆 showed the cooling-off refund account alone); LIST_MARGIN 0.10 lists it."""
    assert _listed(kb, {"right": 0.09, "clears": -0.02, "far": 0.12}) == ["right", "clears"]
    assert _listed(kb, {"right": 0.09, "clears": -0.02}, "退的钱给我还是给我老婆") == ["right", "clears"]
    # English questions keep 0.06 (at 0.10 en-tune lost three questions at rank 1).
    assert _listed(kb, {"near": 0.09, "clears": -0.02}, "who gets the refund if I cancel") == ["clears"]


def test_a_learned_gate_when_on_decides_in_place_of_the_scope_margin_and_the_threshold_still_applies(
        kb: KnowledgeBase) -> None:
    import copy

    from kb.faq_gate import FEATURES
    from kb.gate_model import GateModel
    searcher = copy.copy(kb._snapshot.searcher)  # noqa: SLF001 - this test's copy only
    searcher.memory = None  # the gate under test decides (with the memory a Chinese query goes to MEMORY_GATE)
    hits, features = searcher.gate_inputs("犹豫期有多长？")
    assert hits and len(features) == len(FEATURES)
    width = len(FEATURES)
    searcher.answer_gate = GateModel((0.0,) * width, (1.0,) * width, (0.0,) * width, bias=-50.0)  # refuses all
    assert searcher.search("犹豫期有多长？") == []
    assert searcher.search("犹豫期有多长？", min_relevance=0.0)[0].id == "cooling-off-length", "the hit test skips it"
    searcher.answer_gate = GateModel((0.0,) * width, (1.0,) * width, (0.0,) * width, bias=50.0)  # answers all
    shown = searcher.search("犹豫期有多长？", k=10)
    assert shown[0].id == "cooling-off-length"
    threshold = kb.settings.min_relevance
    assert all(h.relevance >= threshold - 0.04 for h in shown[1:]), "only near misses are listed after the first"
    assert searcher.search("明天天气怎么样", k=10) == [], "the relevance threshold still refuses what nothing matches"


@pytest.mark.parametrize("query", ["' OR 1=1 --", "1=1", "95519", "???", "or and the"])
def test_a_query_without_words_gets_no_answer(kb, query) -> None:
    """QA 2026-12-04: "' OR 1=1 --" was answered with an underwriting entry at 0.62."""
    assert kb.search(query) == [] and kb.search_regulations(query) == []


def test_words_decide_not_symbols() -> None:
    from kb.text import has_words
    assert has_words("宽限期多久") and has_words("how long is the grace period") and has_words("60岁")
    assert not has_words("' OR 1=1 --") and not has_words("12345") and not has_words("…？！") and not has_words("a")


def test_occurrences_finds_every_start_overlapping_included() -> None:
    from kb.text import occurrences
    assert occurrences("保险法司法解释三与保险法", "保险法") == [0, 9]
    assert occurrences("啊啊啊", "啊啊") == [0, 1] and occurrences("abc", "") == [] and occurrences("abc", "x") == []


def test_a_chinese_query_is_matched_without_the_english_texts(kb: KnowledgeBase) -> None:
    """English texts serve English queries; matched across languages they drew wrong entries up for
    Chinese ones (lead, stop 28). An English query still reaches them, and so does a mostly-English one
    holding a Chinese term (ensearch17's `english_mixed`)."""
    for query in ("犹豫期多长", "冷静期 cooling-off 多久"):
        candidates, signals, _ = kb._snapshot.searcher.candidate_signals(query)
        assert candidates and all(not hit.matched_field.startswith("en_") for hit in candidates)
        assert all(not field.startswith("en_") for s in signals for field in s.field_cosines), query
    for query in ("How long is the cooling-off period?", "How long is the cooling-off period 犹豫期?"):
        hits, signals, _ = kb._snapshot.searcher.candidate_signals(query)
        assert any(field.startswith("en_") for s in signals for field in s.field_cosines), query
    assert kb.search("How long is the cooling-off period?")[0].matched_field.startswith("en_")


def test_an_index_view_without_english_never_returns_an_english_document(kb: KnowledgeBase) -> None:
    index = kb._snapshot.searcher.index  # noqa: SLF001
    view = index.without_fields("en_")
    english = {i for i, field in enumerate(index.doc_fields) if field.startswith("en_")}
    assert english and view.without_fields("en_").size == index.size
    vector = kb._snapshot.searcher.encoder.encode_queries(["How long is the cooling-off period?"])[0]
    assert english & {doc for _, doc in index.dense_scores(vector, len(index.docs)).values()}
    assert not english & {doc for _, doc in view.dense_scores(vector, len(index.docs)).values()}
    assert not english & {doc for _, doc in view.keyword_scores(["cooling", "off", "period"]).values()}
    assert not english & {int(d) for e in range(view.size) for d in view.entry_docs(e)}
    assert index.without_fields("no_such_field_") is index


def test_a_query_word_counts_as_found_in_a_text_that_says_its_glossary_synonym() -> None:
    """search47: the regulation search credits 保单失效 in a law that writes 合同效力中止 (group lapse); a synonym that is
    part of the query's term (失效 of 保单失效) credits nothing — 许可证失效 says nothing about a policy."""
    from kb.content import GlossaryGroup
    from kb.search import Glossary, keyword_coverage, plan_query, synonym_credited
    from kb.text import keyword_tokens
    glossary = Glossary([GlossaryGroup("lapse", ("效力中止", "失效", "保单失效", "合同中止"))])
    plan = plan_query("保单失效了还能复活吗", glossary)
    law = "合同效力依照本法第三十六条规定中止的，经协商并达成协议，合同效力恢复。但是，自合同效力中止之日起满二年"
    assert synonym_credited(plan, law) == {"保单", "单失", "失效"}
    assert keyword_coverage(plan, set(keyword_tokens(law)), credited=synonym_credited(plan, law)) == pytest.approx(0.6)
    assert keyword_coverage(plan, set(keyword_tokens(law))) == 0.0  # as the FAQ search reads it: unchanged
    licence = "分支机构经营保险业务许可证自被批准撤销之日起自动失效"
    assert synonym_credited(plan, licence) == frozenset()
