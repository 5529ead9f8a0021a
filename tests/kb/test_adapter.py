"""The query-side dense adapter (kb.adapter): training from the identity, determinism, and the shipped file."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from kb import KnowledgeBase
from kb.adapter import WEIGHTS_FILE, QueryAdapter, adapter_loss, train_adapter


def unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def fixture() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two entries whose documents are close; each query sits nearer the wrong entry until it is adapted.

    Queries of entry 0 lean to dimension 2 and those of entry 1 to dimension 3, which neither entry's
    documents use: only a learned map from those dimensions to the entries' own can rank them right."""
    docs = unit(np.array([[1.0, 0.2, 0.0, 0.0], [1.0, 0.25, 0.0, 0.0],    # entry 0
                          [0.2, 1.0, 0.0, 0.0], [0.25, 1.0, 0.0, 0.0]]))  # entry 1
    doc_entry = np.array([0, 0, 1, 1])
    queries = unit(np.array([[0.5, 0.62, 1.0, 0.0], [0.52, 0.6, 1.0, 0.05],   # meant for entry 0
                             [0.62, 0.5, 0.0, 1.0], [0.6, 0.52, 0.05, 1.0]]))  # meant for entry 1
    wanted = np.array([0, 0, 1, 1])
    positive = doc_entry[None, :] == wanted[:, None]
    return queries, docs, positive, wanted


def top_entry(matrix: np.ndarray, queries: np.ndarray, docs: np.ndarray) -> np.ndarray:
    adapter = QueryAdapter(matrix.astype(np.float32), "test")
    scores = np.vstack([docs @ adapter.adapt(q) for q in queries])
    return np.argmax(scores, axis=1) // 2


def test_zero_epochs_is_the_identity_and_ranks_as_the_encoder_does() -> None:
    queries, docs, positive, _ = fixture()
    matrix = train_adapter(queries, docs, positive, l2=0.01, epochs=0)
    assert np.array_equal(matrix, np.eye(4))
    adapter = QueryAdapter(matrix.astype(np.float32), "test")
    assert np.allclose(adapter.adapt(queries[0]), queries[0], atol=1e-6)
    assert np.array_equal(top_entry(matrix, queries, docs), [1, 1, 0, 0])  # the fixture starts wrong


def test_training_fixes_the_fixture_and_is_deterministic() -> None:
    queries, docs, positive, wanted = fixture()
    first = train_adapter(queries, docs, positive, l2=0.001, epochs=300)
    again = train_adapter(queries, docs, positive, l2=0.001, epochs=300)
    assert np.array_equal(first, again)
    assert np.array_equal(top_entry(first, queries, docs), wanted)
    before, _ = adapter_loss(np.eye(4), queries, docs, positive, 0.001)
    after, _ = adapter_loss(first, queries, docs, positive, 0.001)
    assert after < before


def test_a_strong_pull_keeps_the_matrix_near_the_identity() -> None:
    queries, docs, positive, _ = fixture()
    loose = train_adapter(queries, docs, positive, l2=0.0, epochs=100)
    tight = train_adapter(queries, docs, positive, l2=100.0, epochs=100)
    assert np.linalg.norm(tight - np.eye(4)) < np.linalg.norm(loose - np.eye(4)) / 2


def test_the_gradient_matches_finite_differences() -> None:
    queries, docs, positive, _ = fixture()
    matrix = np.eye(4) + 0.1 * np.arange(16).reshape(4, 4) / 16
    _, grad = adapter_loss(matrix, queries, docs, positive, 0.01)
    step = np.zeros_like(matrix)
    step[1, 2] = 1e-6
    numeric = (adapter_loss(matrix + step, queries, docs, positive, 0.01)[0]
               - adapter_loss(matrix - step, queries, docs, positive, 0.01)[0]) / 2e-6
    assert abs(numeric - grad[1, 2]) < 1e-4 * max(1.0, abs(numeric))


def test_saved_weights_load_only_for_their_encoder(tmp_path: Path) -> None:
    path = tmp_path / "adapter.npz"
    QueryAdapter(np.eye(4, dtype=np.float32) * 2, "model-a").save(path, {"trained_on": "fixture"})
    loaded = QueryAdapter.load("model-a", path)
    assert loaded is not None and np.allclose(loaded.matrix, 2 * np.eye(4))
    assert QueryAdapter.load("model-b", path) is None
    assert QueryAdapter.load("model-a", tmp_path / "missing.npz") is None


def test_the_shipped_adapter_is_close_to_the_identity() -> None:
    """Trained with a pull towards the identity: a wild matrix would mean a broken training run."""
    with np.load(WEIGHTS_FILE) as stored:
        matrix = stored["matrix"].astype(np.float64)
    assert matrix.shape == (384, 384)
    assert 0.0 < np.linalg.norm(matrix - np.eye(384)) / np.sqrt(384) < 1.0


def test_search_with_an_identity_adapter_ranks_as_search_without_one(real_kb: KnowledgeBase) -> None:
    """The adapter only replaces the vector the dense ranking uses: W = I must change nothing a user sees,
    and the shipped adapter is wired in (it moves at least one story's scores)."""
    live = real_kb._snapshot.searcher  # noqa: SLF001 - the app's own searcher
    assert live.adapter is not None, "the shipped adapter must load for the app's encoder"
    plain, identity = copy.copy(live), copy.copy(live)
    plain.adapter = None
    identity.adapter = QueryAdapter(np.eye(live.encoder.dim, dtype=np.float32), live.encoder.model_id)
    queries = ["犹豫期退保能全退吗", "我爸保单停交一年多了还能恢复吗", "车险理赔要什么材料",
               "老伴走了 他那份保险受益人是我 要带啥去领钱"]
    moved = False
    for query in queries:
        without = [(h.id, h.score) for h in plain.search(query, k=5, min_relevance=0.0)]
        assert [(h.id, h.score) for h in identity.search(query, k=5, min_relevance=0.0)] == without
        moved |= [(h.id, h.score) for h in live.search(query, k=5, min_relevance=0.0)] != without
    assert moved


def test_a_held_out_adapter_is_trained_once_per_input(tmp_path: Path, monkeypatch) -> None:
    """bench.train_adapter.held_out_adapter: the re-ranker's training and the FAQ gate's rows ask for the same
    per-writer adapters; the second ask reads the stored matrix, other data or another l2 trains anew."""
    import bench.train_adapter as trainer
    queries, docs, positive, _ = fixture()
    calls = []
    monkeypatch.setattr(trainer, "train_adapter", lambda *args: calls.append(args) or train_adapter(*args))
    first = trainer.held_out_adapter(queries, docs, positive, 0.01, 20, store=tmp_path)
    again = trainer.held_out_adapter(queries, docs, positive, 0.01, 20, store=tmp_path)
    assert len(calls) == 1 and np.array_equal(first, again)
    assert np.array_equal(first, train_adapter(queries, docs, positive, 0.01, 20))
    trainer.held_out_adapter(queries, docs, positive, 0.1, 20, store=tmp_path)
    trainer.held_out_adapter(queries[:3], docs, positive[:3], 0.01, 20, store=tmp_path)
    assert len(calls) == 3 and len(list(tmp_path.glob("*.npy"))) == 3
