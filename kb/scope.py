"""Scope check: is the question about this life insurer's hotline at all?

Near-domain questions (社保, 车险, 银行理财, 医院…) share many words with the FAQ and
e5 cosines of unrelated Chinese sentences reach 0.89, so neither keyword coverage nor
the relevance threshold can refuse them. Instead the query is compared with written
examples of out-of-scope questions (content/scope.yaml): when it is nearly as close to one
of them as to its best FAQ document, the search answers "no reliable answer".
The margin was chosen on the TUNE half of the customer set and the old off-topic set
(docs/benchmarks.md). With the learned re-ranker, the FAQ's learned gate (kb.faq_gate) reads these
cosines instead of applying the margin; the rule still decides without it.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from kb.text import keyword_tokens

# Refuse when the nearest out-of-scope example is within this cosine of the best FAQ document.
SCOPE_MARGIN = 0.005


class ScopeCheck:
    """Compares a query vector with out-of-scope example vectors."""

    def __init__(self, examples: tuple[str, ...], vectors: np.ndarray, margin: float = SCOPE_MARGIN) -> None:
        self.examples = examples
        self._vectors = vectors.astype(np.float32) if len(examples) else np.zeros((0, 1), dtype=np.float32)
        self.margin = margin
        self._tokens = [set(keyword_tokens(example)) for example in examples]

    def subset(self, keep: Callable[[str], bool]) -> "ScopeCheck":
        """The examples `keep` accepts, with their vectors (e.g. those a Chinese query is compared with)."""
        rows = [i for i, example in enumerate(self.examples) if keep(example)]
        if len(rows) == len(self.examples):
            return self
        return ScopeCheck(tuple(self.examples[i] for i in rows), self._vectors[rows], self.margin)

    def nearest(self, query_vector: np.ndarray) -> tuple[float, str]:
        """Cosine and text of the closest out-of-scope example ((0.0, "") when there are none)."""
        if not self.examples:
            return 0.0, ""
        scores = self.cosines(query_vector)
        best = int(np.argmax(scores))
        return float(scores[best]), self.examples[best]

    def cosines(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of the query with every example, in the examples' order."""
        return self._vectors @ query_vector

    def closeness(self, query_vector: np.ndarray, terms: Sequence[str],
                  leave_out: str | None = None) -> tuple[float | None, float | None]:
        """What the learned gates read: the best cosine with an example, and the largest share of the
        query's `terms` found in one example's words; `leave_out`: an example not to compare with (a
        benchmark measures each example against the others). (None, None) without examples."""
        keep = [i for i, example in enumerate(self.examples) if example != leave_out]
        if not keep:
            return None, None
        coverage = max(sum(t in self._tokens[i] for t in terms) / max(1, len(terms)) for i in keep)
        return float(self.cosines(query_vector)[keep].max()), coverage

    def out_of_scope(self, query_vector: np.ndarray, best_in_scope: float) -> bool:
        return self.nearest(query_vector)[0] + self.margin >= best_in_scope
