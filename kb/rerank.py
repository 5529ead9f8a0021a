"""Learned re-ranking of the best fused candidates (issue #14).

Fusion and the hand-set score blend leave useful signals unused: which field of an entry the
query is closest to (its question, a variant, the answer), how close the story's own question is,
whether a duration rule covers the query. A pairwise logistic regression over these features,
trained on the TUNE half of the customer-words set only (`bench.train_reranker`, 5-fold
cross-validation grouped by query; docs/benchmarks.md), re-orders the top candidates. The weights
are a small JSON file next to this module, written by that script, deterministic (lbfgs, fixed
data order) and tied to the encoder they were trained with: under another encoder the
re-ranker is not used.

The score shown is the one that orders: the model's score squashed to 0–1 by a logistic curve
fitted on TUNE (roughly "the chance that this is the right entry").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.search_features import CandidateSignals

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")
# Fields whose best cosine is a feature of its own (kb.content.Entry.search_texts).
FIELDS = ("question", "variant", "answer", "en_question")
FEATURES = ("score", "relevance", "dense", "coverage", "log_bm25", "inverse_rank",
            *(f"cosine_{f}" for f in FIELDS), "question_or_variant_minus_dense", "story_question_vs_best", "number_rule",
            *(f"matched_{f}" for f in FIELDS), "story_question_gain")


def candidate_features(signals: Sequence[CandidateSignals], story: bool) -> np.ndarray:
    """One row per candidate (in the current order), columns as FEATURES.

    Features that only matter relative to the other candidates (the story question's cosine) are
    taken relative to the best candidate, so the same row means the same thing for every query.
    """
    if not signals:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    best_question = max(s.question_cosine for s in signals)
    rows = []
    for position, s in enumerate(signals):
        per_field = [s.field_cosines.get(f, 0.0) for f in FIELDS]
        rows.append([
            s.score, s.relevance, s.dense, s.coverage, math.log1p(s.keyword), 1.0 / (position + 1),
            *per_field, max(per_field[:2]) - s.dense, s.question_cosine - best_question, s.number,
            *(float(s.matched_field == f) for f in FIELDS),
            float(story) * (s.question_cosine - s.dense),
        ])
    return np.array(rows, dtype=np.float64)


@dataclass(frozen=True)
class Reranker:
    """Linear pairwise weights plus the logistic curve that turns a model score into the shown score."""

    weights: np.ndarray
    slope: float
    offset: float
    model_id: str

    def shown_scores(self, features: np.ndarray) -> np.ndarray:
        """0–1 score per candidate row, monotonic in the model score (so it orders as the model does)."""
        raw = features @ self.weights
        return 1.0 / (1.0 + np.exp(-(self.slope * raw + self.offset)))

    def to_json(self, about: dict, features: Sequence[str] = FEATURES) -> str:
        """`features`: the column names of the rows the weights apply to (another collection has its own)."""
        return json.dumps({"features": list(features), "weights": [float(w) for w in self.weights],
                           "slope": self.slope, "offset": self.offset, "model_id": self.model_id, **about},
                          ensure_ascii=False, indent=1)

    @classmethod
    def load(cls, model_id: str, path: Path = WEIGHTS_FILE, features: Sequence[str] = FEATURES) -> "Reranker | None":
        """The trained re-ranker for this encoder, or None (no file, other encoder, other features)."""
        if not path.exists():
            return None
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("model_id") != model_id or tuple(stored.get("features", ())) != tuple(features):
            return None
        return cls(np.array(stored["weights"], dtype=np.float64), float(stored["slope"]),
                   float(stored["offset"]), model_id)
