"""Learned re-ranking of the best fused articles: the right document is usually found, the article not.

Fusion adds up reciprocal ranks and so throws away how far apart the scores are, how long an
article is (a long article shares words with anything), whether its best sentence covers the
question, and whether several rankings agree on it. The FAQ's pairwise re-ranker (kb.rerank:
`Reranker`, trained by the functions of bench.train_reranker) weighs such signals per candidate;
this module defines the regulation collection's own signals and feature rows. The weights are
written by `python -m bench.train_regulation_reranker` (TUNE half of the regulation dev set plus
the training-only questions; docs/benchmarks.md) into a JSON file next to this module; nothing
trains at run time, and under another encoder the re-ranker is not used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.rerank import Reranker

__all__ = ["FEATURES", "WEIGHTS_FILE", "ArticleSignals", "article_features", "load_reranker"]

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")
FEATURES = (
    "inverse_rank",            # 1 / (fused position + 1)
    "fused_vs_best",           # fused score over the best candidate's
    "dense",                   # e5 cosine of question and article
    "dense_vs_best",           # … minus the best candidate's
    "inverse_dense_rank",      # 1 / (dense rank + 1), 0 outside the dense top 100
    "log_sentence_bm25",       # log(1 + BM25 of the article's best sentence)
    "sentence_bm25_vs_best",   # … over the best candidate's
    "inverse_keyword_rank",    # 1 / (sentence-BM25 rank + 1), 0 when no word matches
    "inverse_cited_rank",      # 1 / (position among the nearest FAQ entries' citations + 1), 0 if not cited
    "coverage",                # share of the question's content words in the article
    "sentence_coverage",       # … in the article's best BM25 sentence
    "log_length",              # log of the article's length in characters
    "document_share",          # share of the candidates that come from the same document
    "document_first",          # 1 for the document's first candidate
    "closest_sentence",        # e5 cosine of the question and the article or its closest sentence
    "closest_sentence_vs_best",  # … minus the best candidate's
)


@dataclass(frozen=True)
class ArticleSignals:
    """What the searcher knows about one candidate article (ranks are 0-based, None = not ranked)."""

    fused: float
    dense: float
    dense_rank: int | None
    keyword: float
    keyword_rank: int | None
    cited_rank: int | None
    coverage: float
    sentence_coverage: float
    length: int
    document_id: str
    closest_sentence: float = 0.0  # best cosine with the article or one of its sentences


def _inverse(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / (rank + 1)


def article_features(signals: Sequence[ArticleSignals]) -> np.ndarray:
    """One row per candidate (in the fused order), columns as FEATURES; relative columns compare
    with the best candidate so that a row means the same for every question."""
    if not signals:
        return np.zeros((0, len(FEATURES)), dtype=np.float64)
    best_fused = max(s.fused for s in signals) or 1.0
    best_dense = max(s.dense for s in signals)
    best_keyword = max(s.keyword for s in signals) or 1.0
    best_sentence = max(s.closest_sentence for s in signals)
    documents = [s.document_id for s in signals]
    rows = []
    for position, s in enumerate(signals):
        rows.append([
            1.0 / (position + 1), s.fused / best_fused, s.dense, s.dense - best_dense, _inverse(s.dense_rank),
            math.log1p(s.keyword), s.keyword / best_keyword, _inverse(s.keyword_rank), _inverse(s.cited_rank),
            s.coverage, s.sentence_coverage, math.log(max(1, s.length)),
            documents.count(s.document_id) / len(documents), float(documents.index(s.document_id) == position),
            s.closest_sentence, s.closest_sentence - best_sentence,
        ])
    return np.array(rows, dtype=np.float64)


def load_reranker(model_id: str, path: Path = WEIGHTS_FILE) -> Reranker | None:
    """The trained article re-ranker for this encoder, or None (not trained, other encoder or features)."""
    return Reranker.load(model_id, path, FEATURES)
