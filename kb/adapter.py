"""A query-side linear adapter for the dense ranking (issue #14).

The encoder was not trained on customers' stories, typos and spoken words; its passage vectors
are good, but a customer's query vector often lands nearer a neighbouring entry. A linear map W
(d × d, started at the identity and pulled back towards it) is learned so that the adapted query
vector W·q / |W·q| scores the query's own entry's documents (question, variants, answer) above
every other document already in the index. Entry vectors stay as they are: nothing is re-embedded,
and an untrained adapter (W = I) ranks exactly as the encoder does.

Trained on the TUNE half of the customer-words set only, by `bench.train_adapter` (regularisation
and epochs chosen leaving one writer out); the weights are a float16 file next to this module,
tied to the encoder they were trained with (under another encoder the adapter is not used).
Training is plain numpy, full batch, no randomness: the same data gives the same matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.model_file import load_arrays, read_about, save_arrays

WEIGHTS_FILE = Path(__file__).with_name("query_adapter.npz")
# Softmax temperature over cosines: e5 cosines of related and unrelated Chinese texts differ by
# only a few hundredths, so the softmax needs a sharp temperature to tell them apart.
TEMPERATURE = 0.02
LEARNING_RATE = 1e-3


@dataclass(frozen=True)
class QueryAdapter:
    """The learned map applied to a query vector before the dense ranking."""

    matrix: np.ndarray
    model_id: str

    def adapt(self, vector: np.ndarray) -> np.ndarray:
        """W·q at unit length (float32, like the index's vectors)."""
        adapted = self.matrix @ vector
        return (adapted / np.linalg.norm(adapted)).astype(np.float32)

    def save(self, path: Path, about: dict) -> None:
        """float16 keeps the file small (~0.3 MB); rounding moves cosines by < 1e-3."""
        save_arrays(path, {"matrix": self.matrix}, {"model_id": self.model_id, **about})

    @staticmethod
    def trained_with(path: Path = WEIGHTS_FILE) -> dict:
        """What the stored adapter says about its training (l2, epochs, data), {} without a file."""
        return read_about(path)

    @classmethod
    def load(cls, model_id: str, path: Path = WEIGHTS_FILE) -> "QueryAdapter | None":
        """The trained adapter for this encoder, or None (no file, or trained for another encoder)."""
        stored = load_arrays(path, model_id)
        return cls(stored[0]["matrix"], model_id) if stored else None


def _unit(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / norms, norms


def adapter_loss(matrix: np.ndarray, queries: np.ndarray, docs: np.ndarray, positive: np.ndarray,
                 l2: float) -> tuple[float, np.ndarray]:
    """Mean contrastive loss (the query's own documents against all documents) plus l2·|W − I|², and its gradient.

    `queries` n × d, `docs` m × d (unit rows), `positive` n × m booleans (a query's own entry's documents)."""
    adapted, norms = _unit(queries @ matrix.T)
    logits = adapted @ docs.T / TEMPERATURE
    logits -= logits.max(axis=1, keepdims=True)
    weights = np.exp(logits)
    everything = weights.sum(axis=1, keepdims=True)
    own = np.where(positive, weights, 0.0)
    own_total = own.sum(axis=1, keepdims=True)
    n = len(queries)
    loss = float(np.mean(np.log(everything[:, 0]) - np.log(own_total[:, 0])))
    grad_logits = (weights / everything - own / own_total) / n
    grad_unit = grad_logits @ docs / TEMPERATURE
    grad_adapted = (grad_unit - adapted * np.sum(grad_unit * adapted, axis=1, keepdims=True)) / norms
    offset = matrix - np.eye(matrix.shape[0], dtype=matrix.dtype)
    return loss + l2 * float(np.sum(offset ** 2)), grad_adapted.T @ queries + 2 * l2 * offset


def train_adapter(queries: np.ndarray, docs: np.ndarray, positive: np.ndarray, l2: float,
                  epochs: int | Sequence[int]) -> np.ndarray | list[np.ndarray]:
    """W by full-batch Adam from the identity; deterministic. With a list of epochs, the matrix after each."""
    checkpoints = [epochs] if isinstance(epochs, int) else sorted(epochs)
    # float32: four times less work than float64 on this size, and the same matrix run after run.
    queries, docs = queries.astype(np.float32), docs.astype(np.float32)
    keep = positive.any(axis=1)
    queries, positive = queries[keep], positive[keep]
    matrix = np.eye(queries.shape[1], dtype=np.float32)
    first, second = np.zeros_like(matrix), np.zeros_like(matrix)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    saved = [matrix.copy()] if checkpoints[0] == 0 else []
    for step in range(1, checkpoints[-1] + 1):
        _, grad = adapter_loss(matrix, queries, docs, positive, l2)
        first = beta1 * first + (1 - beta1) * grad
        second = beta2 * second + (1 - beta2) * grad ** 2
        matrix = matrix - LEARNING_RATE * (first / (1 - beta1 ** step)) / (np.sqrt(second / (1 - beta2 ** step)) + eps)
        if step in checkpoints:
            saved.append(matrix.copy())
    return saved[0] if isinstance(epochs, int) else saved
