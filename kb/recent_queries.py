"""The vectors of recently asked queries, kept in memory so a repeated question skips the encoder.

Call-centre questions repeat heavily (the same few hundred wordings every day), and encoding
is most of a search's time. A bounded LRU of query vectors in front of the (micro-batching)
encoder answers a repeat in microseconds; a new wording is encoded as before. The vectors are
the encoder's own, so results are identical with or without it. Per process, in memory only
(10 000 vectors of 384 floats: ~15 MB); passages go straight through.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Sequence

import numpy as np

from kb.embeddings import Encoder

DEFAULT_CAPACITY = 10_000


class RecentQueryVectors:
    """An `Encoder` remembering the last `capacity` query texts' vectors; thread-safe."""

    def __init__(self, encoder: Encoder, capacity: int = DEFAULT_CAPACITY) -> None:
        self.inner = encoder
        self.model_id = encoder.model_id
        self.dim = encoder.dim
        self.capacity = capacity
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0  # texts answered from memory, for benchmarks and tests
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode(texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            known = {t: self._vectors[t] for t in texts if t in self._vectors}
            for text in known:
                self._vectors.move_to_end(text)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:  # encoded outside the lock: other searches keep being answered meanwhile
            fresh = dict(zip(missing, self.inner.encode_queries(missing)))
            known.update(fresh)
            with self._lock:
                self._vectors.update(fresh)
                while len(self._vectors) > self.capacity:
                    self._vectors.popitem(last=False)
        with self._lock:
            self.hits += len(texts) - len(missing)
            self.misses += len(missing)
        return np.stack([known[t] for t in texts])
