"""Does the regulation library answer this question at all? A small logistic model decides.

An article's long text shares words and meaning with almost any insurance question, so neither
the FAQ's relevance formula nor its scope margin separates in-scope questions from near-domain
ones (车险, 社保 …) on articles. Each signal below separates them a little; a logistic model
weighs them together. It is fitted by `python -m bench.regulation_gate` on the TUNE half of the
regulation dev set and the training-only files (questions = in scope, negatives = out of scope) plus
the FAQ's out-of-scope examples (content/scope.yaml, each measured against the others), and the fitted
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
    "known_question_cosine",  # best e5 cosine with a training writer's question (kb.regulations.gate_memory)
    "known_negative_cosine",  # … with a training writer's negative
)


# Fitted by `python -m bench.regulation_gate --fit --by-writer --refused-on each --write-memory` (TUNE half,
# training-only files and scope examples; leave one writer out, ≥ 0.95 of the dev tune negatives and of the
# scope examples refused out of fold; the re-ranker's out-of-fold scores on its own training questions; a
# training row's memory signals leave its writer's rows out; docs/benchmarks.md, regs10). Refitted in search12 on
# its FAQ entries and scope examples (l2 10, threshold 0.58; tune 0.874 / 0.952, held-out 0.912 / 1.000, as before).
GATE = GateModel(
    mean=(0.897822, 0.894372, 0.338876, 0.540884, 0.144815, 0.915071, 1.22673, 0.901697, 0.411386, 0.941782, 0.911294),
    scale=(0.017007, 0.0147399, 0.186359, 0.223261, 0.112553, 0.0183855, 0.728269, 0.0178248, 0.31842, 0.0257114, 0.0198771),
    weights=(0.429091, -0.3623, 0.160766, 0.0653096, -0.564413, 0.223013, 0.14442, 0.812318, 0.206122, 2.02568, -1.03918),
    bias=2.65922,
)
