"""Does the FAQ answer this question at all? A small logistic model decides in place of the scope margin (issue #14).

The scope margin (kb.scope: refuse when an out-of-scope example is nearly as close as the best FAQ
document) reads one cosine difference; the gate weighs it with the search's other signals. The
relevance threshold (one of the best three candidates at relevance ≥ 0.58) still has to pass: the gate
only decides among the queries it lets through. Fitted by `python -m bench.faq_gate --fit` on the TUNE
half of the customer-words set (search8): scikit-learn's logistic regression on the TUNE queries that pass
the threshold, positive when the right entry is among the first three shown, negative for near-domain
negatives and wrong answers; each TUNE writer's rows searched with a dense adapter trained without that
writer. Regularisation and threshold chosen leaving one TUNE writer out (search12: at least as many TUNE
negatives refused as the scope margin refuses; search8 asked for ≥ 0.95).
The fitted numbers are kept here: nothing is trained at run time. The signals include the re-ranker's
order, so the gate runs only with the re-ranker trained for the encoder (kb.rerank); otherwise the two
rules decide as before. On in the app since search12 (`Recipe.learned_gate`; docs/benchmarks.md, search8, search12).
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
    "adapted_scope_margin",  # the scope margin with the query through the dense adapter (kb.adapter)
    "rankings_agree",  # 1 when the dense ranking (adapted) and BM25 put the same entry first
    "rerank_kept_top",  # 1 when the re-ranker kept the fused order's first entry first
)

# Fitted by `python -m bench.faq_gate --fit --without story,top_score,score_gap,scope_coverage --target rules`
# (search12: 13 TUNE writers, 3,035 rows that pass the threshold; search8 first fitted it on six). The
# four features left out (weight 0) are computed but not used: the re-ranker's scores were learned on TUNE, so
# on TUNE they are better than on new words; "story" and the scope-word share made the gate refuse the old dev
# set's short questions (old R@1 0.820 -> 0.797 with all twelve; docs/benchmarks.md).
GATE = GateModel(
    mean=(0.0, 0.0, 0.767326, 0.929754, 0.540519, 0.910041, -0.019713, 0.0, 0.0, -0.080572, 0.56771, 0.911038),
    scale=(1.0, 1.0, 0.104708, 0.015135, 0.206288, 0.015761, 0.020722, 1.0, 1.0, 0.063977, 0.495394, 0.284689),
    weights=(0.0, 0.0, 0.10751, 1.277511, -0.063974, -0.732632, -1.490277, 0.0, 0.0, -1.37522, 0.550509, 0.041351),
    bias=3.517138,
)
# The probability at which the FAQ answers: the best TUNE Recall@1 (each writer's probabilities from a gate
# fitted without it) at which as many of TUNE's 748 near-domain negatives are refused as the scope margin refuses
# (701, 0.937; C 0.3).
GATE_THRESHOLD = 0.53
