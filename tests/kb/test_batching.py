"""Concurrent searches share encoder calls, each gets its own vectors, and an encoder error reaches every caller."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from kb.batching import BatchingEncoder


class SlowEncoder:
    """A stand-in encoder: one call at a time, 20 ms each, a vector that identifies the text."""

    model_id, dim = "slow", 4

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[int] = []
        self.fail = fail
        self._lock = threading.Lock()

    def encode_queries(self, texts):
        with self._lock:
            time.sleep(0.02)
            self.calls.append(len(texts))
            if self.fail:
                raise RuntimeError("engine crashed")
            return np.array([[len(t), ord(t[0]), ord(t[-1]), 1.0] for t in texts], dtype=np.float32)

    encode = encode_queries


def test_concurrent_queries_are_encoded_together_and_each_gets_its_own_vectors():
    inner = SlowEncoder()
    batching = BatchingEncoder(inner, window=0.005, max_batch=64)
    queries = [[f"问题{n}", f"子句{n}甲"] for n in range(32)]
    with ThreadPoolExecutor(32) as pool:
        results = list(pool.map(batching.encode_queries, queries))
    assert sum(inner.calls) == 64 and len(inner.calls) <= 8
    for texts, vectors in zip(queries, results):
        assert np.array_equal(vectors, inner.encode_queries(texts))


def test_a_batch_never_exceeds_the_bound():
    inner = SlowEncoder()
    batching = BatchingEncoder(inner, window=0.01, max_batch=5)
    with ThreadPoolExecutor(20) as pool:
        list(pool.map(batching.encode_queries, [["a", "b"]] * 20))
    assert max(inner.calls) <= 5 and sum(inner.calls) == 40


def test_a_lone_query_is_answered_after_at_most_the_window():
    batching = BatchingEncoder(SlowEncoder(), window=0.002)
    start = time.perf_counter()
    assert batching.encode_queries(["犹豫期多久"]).shape == (1, 4)
    assert batching.encode_queries([]).shape == (0, 4)
    assert time.perf_counter() - start < 1.0


def test_an_encoder_error_reaches_every_waiting_search_and_the_next_still_works():
    inner = SlowEncoder(fail=True)
    batching = BatchingEncoder(inner, window=0.005)
    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(batching.encode_queries, ["x"]) for _ in range(4)]
        for future in futures:
            with pytest.raises(RuntimeError, match="engine crashed"):
                future.result(timeout=5)
    inner.fail = False
    assert batching.encode_queries(["y"]).shape == (1, 4)


def test_search_through_the_batching_encoder_gives_the_same_answers(settings, encoder):
    from kb import KnowledgeBase

    plain = KnowledgeBase.open(settings.content_dir, settings, encoder=encoder)
    batched = KnowledgeBase.open(settings.content_dir, settings, encoder=BatchingEncoder(encoder))
    queries = ["犹豫期多久", "理赔多久有结果", "明天天气怎么样", "宽限期过了怎么办"]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda q: [h.id for h in batched.search(q)], queries))
    assert got == [[h.id for h in plain.search(q)] for q in queries]
