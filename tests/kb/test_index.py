"""Index caching, incremental re-embedding, approximate index above the size limit, atomic swap."""

from __future__ import annotations

import threading
from pathlib import Path

from kb import KnowledgeBase, index as index_module
from kb.embeddings import Encoder
from settings import Settings
from tests.kb.test_embeddings import CountingEncoder


def test_second_open_reuses_the_cached_index_without_encoding(cold_settings: Settings, encoder: Encoder) -> None:
    settings = cold_settings
    counting = CountingEncoder(encoder)
    first = KnowledgeBase.open(settings.content_dir, settings, encoder=counting)
    assert counting.encoded, "the first open embeds the content"
    counting.encoded.clear()
    second = KnowledgeBase.open(settings.content_dir, settings, encoder=counting)
    assert counting.encoded == []
    assert second.index.key == first.index.key
    assert [h.id for h in second.search("宽限期多久")] == [h.id for h in first.search("宽限期多久")]


def test_editing_one_entry_re_embeds_only_its_texts(cold_settings: Settings, encoder: Encoder) -> None:
    settings = cold_settings
    counting = CountingEncoder(encoder)
    kb = KnowledgeBase.open(settings.content_dir, settings, encoder=counting)
    counting.encoded.clear()
    path = settings.content_dir / "faq" / "lapse.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("缓交期几天", "保费晚了几天交可以吗"), encoding="utf-8")
    assert kb.reload() == []
    assert counting.encoded == ["保费晚了几天交可以吗"]
    assert kb.search("保费晚了几天交可以吗")[0].id == "lapse-grace-period"


def test_invalid_edit_keeps_serving_the_last_good_content(kb: KnowledgeBase, settings: Settings) -> None:
    path = settings.content_dir / "faq" / "lapse.yaml"
    path.write_text("entries: [", encoding="utf-8")
    problems = kb.reload()
    assert problems and problems[0].file == "faq/lapse.yaml"
    assert kb.last_errors == problems
    assert kb.search("宽限期多久")[0].id == "lapse-grace-period"


def test_large_collections_use_an_approximate_index(monkeypatch, settings: Settings, encoder: Encoder) -> None:
    monkeypatch.setattr(index_module, "FLAT_INDEX_LIMIT", 5)
    kb = KnowledgeBase.open(settings.content_dir, settings.with_overrides(data_dir=settings.data_dir / "hnsw"), encoder=encoder)
    assert "HNSW" in type(kb.index.dense).__name__
    assert kb.search("犹豫期多少天")[0].id == "cooling-off-length"
    # A Chinese query's view of an approximate index hides the English texts too (its own search parameters).
    view = kb.index.without_fields("en_")
    english = {i for i, field in enumerate(kb.index.doc_fields) if field.startswith("en_")}
    vector = encoder.encode_queries(["How long is the cooling-off period?"])[0]
    assert english & {doc for _, doc in kb.index.dense_scores(vector, len(kb.index.docs)).values()}
    assert not english & {doc for _, doc in view.dense_scores(vector, len(kb.index.docs)).values()}


def test_searches_during_rebuilds_never_fail_or_come_back_empty(kb: KnowledgeBase, settings: Settings) -> None:
    errors: list[BaseException] = []
    empty: list[str] = []
    stop = threading.Event()

    def searching() -> None:
        while not stop.is_set():
            try:
                if not kb.search("犹豫期多少天"):
                    empty.append("犹豫期多少天")
            except BaseException as err:  # noqa: BLE001 - any error is a failure here
                errors.append(err)

    threads = [threading.Thread(target=searching) for _ in range(3)]
    for thread in threads:
        thread.start()
    path = settings.content_dir / "faq" / "claims.yaml"
    original = path.read_text(encoding="utf-8")
    for round_number in range(4):
        path.write_text(original.replace("理赔要等多久", f"理赔要等多久{round_number}"), encoding="utf-8")
        assert kb.reload() == []
    stop.set()
    for thread in threads:
        thread.join()
    assert errors == [] and empty == []


def test_cached_index_on_disk_is_written_atomically(kb: KnowledgeBase, settings: Settings) -> None:
    folders = [p for p in Path(settings.index_dir).iterdir()]
    regulations = kb._snapshot.regulation_searcher  # noqa: SLF001 - its sentences and sentence units are cached too
    assert sorted(p.name for p in folders if not p.name.startswith(".")) == sorted(
        [kb.index.key, kb.regulation_index.key, regulations.sentences.key, regulations.sentence_units.key])
    assert not any(p.name.startswith(".") for p in folders), "no temporary folder is left behind"


def test_bounded_keyword_ranking_keeps_the_best_entries_in_order(kb: KnowledgeBase) -> None:
    from kb.text import keyword_tokens

    tokens = keyword_tokens("保险公司多久理赔，犹豫期和宽限期有多长")
    full = kb.index.keyword_scores(tokens)
    top = kb.index.keyword_scores(tokens, depth=3)
    best_three = sorted(full, key=lambda e: full[e][0], reverse=True)[:3]
    assert list(top) == best_three
    assert all(top[e] == full[e] for e in top)


def test_each_entry_knows_its_documents(kb: KnowledgeBase) -> None:
    for number, entry_id in enumerate(kb.index.entry_ids):
        docs = kb.index.entry_docs(number)
        assert len(docs) and {kb.index.docs[d].entry_id for d in docs} == {entry_id}
    assert sum(len(kb.index.entry_docs(n)) for n in range(kb.index.size)) == len(kb.index.docs)


def test_a_keyword_only_collection_embeds_nothing_and_is_cached(tmp_path: Path) -> None:
    from kb.embeddings import EmbeddingCache
    from kb.index import IndexedDoc, open_collection
    from kb.text import keyword_tokens

    class RefusingEncoder:
        model_id, dim = "refuses", 8

        def encode(self, texts):
            raise AssertionError("a keyword-only collection must not embed")

        encode_queries = encode

    cache = EmbeddingCache(RefusingEncoder(), None)
    docs = [IndexedDoc("L1-01 第三十六条", "sentence", "宽限期为六十日。"),
            IndexedDoc("L1-01 第三十六条", "sentence", "逾期未支付的，合同效力中止。"),
            IndexedDoc("L1-13 第八条", "sentence", "犹豫期不少于十五日。")]
    first = open_collection(docs, cache, tmp_path, vectors=False)
    second = open_collection(docs, cache, tmp_path, vectors=False)
    assert (tmp_path / first.key).is_dir() and second.key == first.key
    assert second.entry_ids == ["L1-01 第三十六条", "L1-13 第八条"]
    assert list(second.keyword_scores(keyword_tokens("合同效力中止"))) == [0]


def test_summed_postings_give_bm25s_scores_exactly(real_kb: KnowledgeBase) -> None:
    """The faster BM25 sum is the same float32 arithmetic as bm25s (a story's 90 tokens, repeats included)."""
    import numpy as np
    from kb.text import keyword_tokens

    index = real_kb.index
    postings = index_module.Postings.of(index.bm25)
    assert postings is not None
    story = "我妈七十多了去年在银行买了个保险，说是理财，停交一年多了现在想续上，还能复效吗？要补交多少钱，利息怎么算"
    tokens = [t for t in keyword_tokens(story) + keyword_tokens("复效 效力中止") if t in index.bm25.vocab_dict]
    ids = [index.bm25.vocab_dict[t] for t in tokens]
    assert len(ids) > 50 and len(set(ids)) < len(ids)
    assert np.array_equal(postings.scores(ids), index.bm25.get_scores(tokens))
    hits = index.keyword_scores(tokens, 10)
    assert len(hits) == 10 and list(hits.values()) == sorted(hits.values(), reverse=True)


def test_postings_of_a_bm25_variant_that_scores_absent_tokens_are_not_used() -> None:
    import bm25s

    variant = bm25s.BM25(method="bm25+")
    variant.index([["犹豫", "期"], ["退", "保"]], show_progress=False)
    assert index_module.Postings.of(variant) is None
    assert index_module.Postings.of(index_module.keyword_index([])) is not None


def test_document_frequency_counts_the_documents_holding_a_token(real_kb: KnowledgeBase) -> None:
    """What the learned gate's word odds read (search16b): the postings' length, as BM25 scores count it."""
    import numpy as np

    index = real_kb.index
    token = "复效"
    assert index.document_frequency(token) == int(np.count_nonzero(index.bm25.get_scores([token]))) > 0
    assert index.document_frequency("不在词表里的词") == 0
