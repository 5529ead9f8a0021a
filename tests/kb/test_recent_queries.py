"""Recent query vectors: a repeated question skips the encoder and gets the very same vector;
the memory is bounded, least recently asked first out; passages are never remembered."""

from __future__ import annotations

import threading

import numpy as np

from kb.recent_queries import RecentQueryVectors


def vector(text: str) -> list[float]:
    return [len(text), ord(text[0]), ord(text[-1]), 1]


class CountingEncoder:
    model_id, dim = "counting", 4

    def __init__(self) -> None:
        self.queries: list[str] = []
        self.passages = 0

    def encode(self, texts):
        self.passages += len(texts)
        return np.ones((len(texts), self.dim), dtype=np.float32)

    def encode_queries(self, texts):
        self.queries += list(texts)
        return np.array([vector(t) for t in texts], dtype=np.float32)


def test_a_repeated_query_is_not_encoded_again_and_gets_the_same_vector():
    inner = CountingEncoder()
    recent = RecentQueryVectors(inner)
    first = recent.encode_queries(["犹豫期多久", "宽限期多久"])
    again = recent.encode_queries(["宽限期多久", "理赔要什么材料", "犹豫期多久"])
    assert inner.queries == ["犹豫期多久", "宽限期多久", "理赔要什么材料"]
    np.testing.assert_array_equal(again[[2, 0]], first)
    assert (recent.hits, recent.misses) == (2, 3)


def test_the_memory_is_bounded_least_recently_asked_out_first():
    inner = CountingEncoder()
    recent = RecentQueryVectors(inner, capacity=2)
    recent.encode_queries(["a1"])
    recent.encode_queries(["b1"])
    recent.encode_queries(["a1"])  # a1 is now the most recent
    recent.encode_queries(["c1"])  # b1 goes
    recent.encode_queries(["a1", "b1"])
    assert inner.queries == ["a1", "b1", "c1", "b1"]


def test_passages_go_straight_through():
    inner = CountingEncoder()
    recent = RecentQueryVectors(inner)
    recent.encode(["x", "x"])
    recent.encode(["x"])
    assert inner.passages == 3 and recent.encode_queries([]).shape == (0, 4)


def test_concurrent_searches_all_get_their_own_vectors():
    recent = RecentQueryVectors(CountingEncoder(), capacity=8)
    failures = []

    def client(n: int) -> None:
        for i in range(50):
            text = f"{'问答'[n % 2]}{i % 12}"
            if list(recent.encode_queries([text])[0]) != vector(text):
                failures.append(text)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
