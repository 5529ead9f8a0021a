"""The nearest labelled training texts' vote per behaviour, blended with the judge's linear heads.

A linear head averages wording away: a reply worded almost like a labelled training utterance
can still score under the threshold. Its k nearest training texts (cosine on the heads' own
features: the standardised embedding, normalised, beside the character n-gram TF-IDF) vote
per behaviour, each vote weighed by similarity ** power so the closest dominates. Screened on
the train split's out-of-fold scores (`python -m bench.judge_knn`, docs/benchmarks.md, judge7).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sparse

EMBEDDING_SHARE = 0.25  # of the cosine; the n-grams carry the rest (rows are unit length in both parts)


def neighbour_rows(dense: np.ndarray, ngrams: sparse.csr_matrix) -> tuple[np.ndarray, sparse.csr_matrix]:
    """Features scaled so that a dot product of two rows is their blended cosine."""
    norm = np.maximum(1e-9, np.linalg.norm(dense, axis=1, keepdims=True))
    return dense / norm * np.sqrt(EMBEDDING_SHARE), ngrams * np.sqrt(1.0 - EMBEDDING_SHARE)


def knn_votes(similarity: np.ndarray, labels: np.ndarray, k: int, power: float) -> np.ndarray:
    """(rows, behaviours): the similarity-weighted share of positives among each row's k nearest
    candidates labelled for that behaviour (label −1, a sentence of an utterance that shows it, is no candidate)."""
    out = np.zeros((similarity.shape[0], labels.shape[1]))
    if not similarity.shape[0]:
        return out
    for column in range(labels.shape[1]):
        usable = np.flatnonzero(labels[:, column] >= 0)
        sims = similarity[:, usable]
        nearest = min(k, len(usable))
        top = np.argpartition(-sims, nearest - 1, axis=1)[:, :nearest]
        weight = np.clip(np.take_along_axis(sims, top, axis=1), 1e-6, None) ** power
        out[:, column] = (weight * labels[usable][top, column]).sum(axis=1) / weight.sum(axis=1)
    return out


@dataclass
class Neighbours:
    """The training texts' rows and labels; `votes` for new texts' feature parts."""

    dense: np.ndarray
    ngrams: sparse.csr_matrix
    labels: np.ndarray  # (training texts, behaviours): 1 / 0 / −1 unknown
    k: int
    power: float

    @classmethod
    def fit(cls, parts: tuple[np.ndarray, sparse.csr_matrix], labels: np.ndarray, k: int, power: float) -> "Neighbours":
        dense, ngrams = neighbour_rows(*parts)
        return cls(dense, ngrams.tocsr(), np.asarray(labels), k, power)

    def votes(self, parts: tuple[np.ndarray, sparse.csr_matrix]) -> np.ndarray:
        dense, ngrams = neighbour_rows(*parts)
        similarity = dense @ self.dense.T + (ngrams @ self.ngrams.T).toarray()
        return knn_votes(similarity, self.labels, self.k, self.power)
