"""Does the regulation library answer this question at all? A small logistic model decides.

An article's long text shares words and meaning with almost any insurance question, so neither
the FAQ's relevance formula nor its scope margin separates in-scope questions from near-domain
ones (车险, 社保 …) on articles. Each signal below separates them a little; a logistic model
weighs them together. It is fitted by `python -m bench.regulation_gate --fit` on the TUNE half
of the regulation dev set (questions = in scope, negatives = out of scope) plus the FAQ's
out-of-scope examples (content/scope.yaml, each measured against the others), and the fitted
numbers are kept here: nothing is trained at run time.
"""

from __future__ import annotations

from kb.gate_model import GateModel, fit_gate

__all__ = ["FEATURES", "GATE", "GateModel", "fit_gate"]

FEATURES = (
    "top_cosine",         # best e5 cosine of the question with an article
    "scope_cosine",       # … with an out-of-scope example (content/scope.yaml)
    "top3_coverage",      # share of the question's content words in the best of the top-3 articles
    "keyword_per_token",  # best sentence BM25 score per query token
    "scope_coverage",     # share of the question's content words in one out-of-scope example
    "faq_cosine",         # best e5 cosine with an FAQ question/answer: is it a hotline question at all
    "rankings_agree",     # how many of the dense and sentence-BM25 best articles are in the top 3 (0-2)
)


# Fitted by `python -m bench.regulation_gate --fit` (TUNE half + scope examples; docs/benchmarks.md).
GATE = GateModel(
    mean=(0.89196, 0.89438, 0.30984, 0.55271, 0.17351, 0.91048, 1.17992),
    scale=(0.016994, 0.015734, 0.20519, 0.24280, 0.12347, 0.019414, 0.72396),
    weights=(2.11505, -1.59296, 0.28503, 1.71090, -1.08591, 2.09738, 0.30404),
    bias=0.72643,
)
