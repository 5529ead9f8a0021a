"""Does the regulation library answer this question at all? A small logistic model decides.

An article's long text shares words and meaning with almost any insurance question, so neither
the FAQ's relevance formula nor its scope margin separates in-scope questions from near-domain
ones (车险, 社保 …) on articles. Each signal below separates them a little; a logistic model
weighs them together. It is fitted by `python -m bench.regulation_gate --fit --dev-only` on the TUNE half
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
    "top3_sentence_cosine",  # best e5 cosine with one of the top-3 articles or one of their sentences
    "rerank_top",         # the article re-ranker's best 0-1 score among the fused candidates
)


# Fitted by `python -m bench.regulation_gate --fit --dev-only` (TUNE half + scope examples, the re-ranker's
# out-of-fold scores on its own training questions; docs/benchmarks.md, regs9).
GATE = GateModel(
    mean=(0.890378, 0.897663, 0.293963, 0.536269, 0.204504, 0.90978, 1.13553, 0.893461, 0.309889),
    scale=(0.0170676, 0.0162186, 0.202098, 0.237015, 0.143157, 0.0187297, 0.731263, 0.018377, 0.316739),
    weights=(0.888056, -1.45106, -0.0168168, 1.074, -1.55225, 1.49033, -0.000135818, 1.37376, 1.1539),
    bias=-0.0345907,
)
