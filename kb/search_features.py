"""What search knows about one candidate entry, gathered for the learned re-ranker (kb.rerank).

Kept apart from kb.search so the feature definitions used in training and at query time are the
same object, and kb.rerank does not import the searcher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class CandidateSignals:
    """One candidate's scores: the fused ranking's, plus per-field and story-question cosines."""

    score: float
    relevance: float
    dense: float
    coverage: float
    keyword: float
    matched_field: str
    number: float
    question_cosine: float
    field_cosines: Mapping[str, float] = field(default_factory=dict)
