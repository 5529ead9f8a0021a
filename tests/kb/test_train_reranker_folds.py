"""bench.train_reranker.writer_folds: the held-out adapters behind the re-ranker's and the FAQ gate's rows (search48)."""

from __future__ import annotations

from bench.train_reranker import writer_folds

WRITERS = ["w-b.yaml", "w-a.yaml", "w-c.yaml", "w-a.yaml", "w-d.yaml", "w-e.yaml", "w-b.yaml"]


def test_without_folds_each_writer_is_its_own_fold() -> None:
    folds = writer_folds(WRITERS)
    assert sorted(folds) == ["w-a.yaml", "w-b.yaml", "w-c.yaml", "w-d.yaml", "w-e.yaml"]
    assert len(set(folds.values())) == 5


def test_writers_are_dealt_whole_round_the_folds() -> None:
    """Three folds of five writers: two, two and one writer, every writer in exactly one fold, the same on every run."""
    folds = writer_folds(WRITERS, 3)
    assert folds == {"w-a.yaml": 0, "w-b.yaml": 1, "w-c.yaml": 2, "w-d.yaml": 0, "w-e.yaml": 1}
    assert writer_folds(list(reversed(WRITERS)), 3) == folds
