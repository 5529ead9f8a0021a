"""The neighbour vote's similarity: the same numbers as before, on one BLAS thread, the process's threads left as found."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info

from trainer.dialogue.neighbours import dense_similarity


def test_dense_similarity_is_the_einsum_it_replaced():
    rng = np.random.default_rng(42)
    rows, training = rng.standard_normal((6, 384)), rng.standard_normal((500, 384))
    expected = np.einsum("ij,kj->ik", rows, training)
    assert np.abs(dense_similarity(rows, np.ascontiguousarray(training.T)) - expected).max() < 1e-12


def test_the_one_thread_limit_is_lifted_afterwards():
    before = [(i["filepath"], i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"]
    dense_similarity(np.ones((2, 3)), np.ones((3, 4)))
    assert [(i["filepath"], i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"] == before
