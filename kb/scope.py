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

import math
from collections import Counter
from typing import Callable, Sequence

import numpy as np

from kb.text import keyword_tokens

# Refuse when the nearest out-of-scope example is within this cosine of the best FAQ document.
SCOPE_MARGIN = 0.005
# An example "as close as the best FAQ document" for the learned gate's count (search16b): within this cosine.
NEAR_COSINE = 0.01


class ScopeCheck:
    """Compares a query vector with out-of-scope example vectors."""

    def __init__(self, examples: tuple[str, ...], vectors: np.ndarray, margin: float = SCOPE_MARGIN) -> None:
        self.examples = examples
        self._vectors = vectors.astype(np.float32) if len(examples) else np.zeros((0, 1), dtype=np.float32)
        self.margin = margin
        self._tokens = [set(keyword_tokens(example)) for example in examples]
        self._examples_with = Counter(token for tokens in self._tokens for token in tokens)

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

    def near_count(self, query_vector: np.ndarray, best_in_scope: float) -> int:
        """How many examples are at least as close to the query as its best FAQ document, less NEAR_COSINE:
        one close example may share a single word with the question; several mean a whole near domain."""
        return int(np.count_nonzero(self.cosines(query_vector) >= best_in_scope - NEAR_COSINE)) if self.examples else 0

    def word_odds(self, terms: Sequence[str], document_frequency: Callable[[str], int], documents: int) -> float:
        """Whose words the query uses, on average: per distinct term found in the examples or the FAQ's
        `documents`, log(share of examples holding it / share of FAQ documents holding it), each share plus
        one example's worth. Above 0: the words of the near domains (社保, 养老金, 车贷); below: the FAQ's
        (保单, 保费, 复效). 0 when no term is known. What the scope cosine does not see: one word of 12."""
        if not self.examples or documents <= 0:
            return 0.0
        floor = 1.0 / len(self.examples)
        odds = []
        for term in sorted(set(terms)):
            in_examples, in_faq = self._examples_with[term], document_frequency(term)
            if in_examples or in_faq:
                odds.append(math.log((in_examples * floor + floor) / (in_faq / documents + floor)))
        return sum(odds) / len(odds) if odds else 0.0

    def out_of_scope(self, query_vector: np.ndarray, best_in_scope: float) -> bool:
        return self.nearest(query_vector)[0] + self.margin >= best_in_scope
