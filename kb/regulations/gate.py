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
)


# Fitted by `python -m bench.regulation_gate --fit --dev-only` (TUNE half + scope examples; docs/benchmarks.md, regs7).
GATE = GateModel(
    mean=(0.89196, 0.89438, 0.30984, 0.55271, 0.17351, 0.91048, 1.17573, 0.89541),
    scale=(0.016994, 0.015734, 0.20519, 0.24280, 0.12347, 0.019414, 0.72787, 0.018120),
    weights=(0.68546, -1.27302, 0.16249, 1.27824, -1.00823, 1.73259, 0.18651, 1.69437),
    bias=0.64799,
)
