"""What the regulation gate remembers: the training writers' questions and negatives, as query vectors.

The gate's other signals look at the library and the FAQ; none of them knows which questions people
were seen to ask of the library and which near-domain ones it cannot answer (company internals, product
figures, 车险 …). The best cosine of a new question with a known in-scope question and with a known
out-of-scope one are two more gate signals (regs10: leaving one writer out they carry over to a writer
never seen; docs/benchmarks.md). The vectors are those the search computes for the texts of the
training-only files (tests/kb/regulation_training_queries*.yaml, never the dev set), written by
`python -m bench.regulation_gate --fit --write-memory` into a float16 file next to this module, tied
to the encoder they were made with (under another encoder the signals are unknown). Each row keeps its
writer so that the benchmark can leave a writer's own rows out when it measures that writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.model_file import load_arrays, save_arrays

MEMORY_FILE = Path(__file__).with_name("gate_memory.npz")


@dataclass(frozen=True)
class GateMemory:
    """Unit query vectors of known in-scope questions and known negatives, each with its writer."""

    questions: np.ndarray
    negatives: np.ndarray
    question_writers: tuple[str, ...]
    negative_writers: tuple[str, ...]
    model_id: str

    @classmethod
    def of(cls, questions: Sequence[tuple[np.ndarray, str]], negatives: Sequence[tuple[np.ndarray, str]],
           model_id: str) -> "GateMemory":
        """From (vector, writer) pairs, rounded to float16 as stored: the benchmark fits on what the app reads."""
        def stack(rows: Sequence[tuple[np.ndarray, str]]) -> np.ndarray:
            vectors = np.vstack([v for v, _ in rows]) if rows else np.zeros((0, 0))
            return vectors.astype(np.float16).astype(np.float32)
        return cls(stack(questions), stack(negatives), tuple(w for _, w in questions), tuple(w for _, w in negatives),
                   model_id)

    def closeness(self, vector: np.ndarray, leave_out: str | None = None) -> tuple[float | None, float | None]:
        """(best cosine with a known question, best cosine with a known negative); `leave_out`: a writer whose
        rows do not count (None when no row is left)."""
        return (self._best(self.questions, self.question_writers, vector, leave_out),
                self._best(self.negatives, self.negative_writers, vector, leave_out))

    @staticmethod
    def _best(vectors: np.ndarray, writers: tuple[str, ...], vector: np.ndarray, leave_out: str | None) -> float | None:
        if leave_out is not None:  # the benchmark's question; the app remembers every writer
            keep = np.array([w != leave_out for w in writers], dtype=bool)
            vectors = vectors[keep]
        # einsum, not `vectors @ vector`: OpenBLAS splits this matrix-vector product over threads that fight the
        # encoder's and other requests' on two cores (11 ms a product at load 6 against 0.4 ms; the same cosines)
        return float(np.einsum("ij,j->i", vectors, vector).max()) if len(vectors) else None

    def without(self, writer: str) -> "GateMemory":
        """The same memory without one writer's rows (a gate that has never seen that writer)."""
        questions = [i for i, w in enumerate(self.question_writers) if w != writer]
        negatives = [i for i, w in enumerate(self.negative_writers) if w != writer]
        return GateMemory(self.questions[questions], self.negatives[negatives],
                          tuple(self.question_writers[i] for i in questions),
                          tuple(self.negative_writers[i] for i in negatives), self.model_id)

    def save(self, path: Path, about: dict) -> None:
        """float16 keeps the file small (~0.6 MB); the writers go with the vectors."""
        save_arrays(path, {"questions": self.questions, "negatives": self.negatives},
                    {"model_id": self.model_id, "question_writers": list(self.question_writers),
                     "negative_writers": list(self.negative_writers), **about})

    @classmethod
    def load(cls, model_id: str, path: Path = MEMORY_FILE) -> "GateMemory | None":
        """The stored memory for this encoder, or None (no file, or made with another encoder)."""
        stored = load_arrays(path, model_id)
        if stored is None:
            return None
        arrays, about = stored
        # float16 on disk, float32 in memory: a float16 matrix is cast again at every product (~10 ms a search)
        return cls(arrays["questions"].astype(np.float32), arrays["negatives"].astype(np.float32),
                   tuple(about["question_writers"]),
                   tuple(about["negative_writers"]), model_id)
