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
# training row's memory signals leave its writer's rows out; docs/benchmarks.md, regs10).
GATE = GateModel(
    mean=(0.897776, 0.894481, 0.338377, 0.540569, 0.145839, 0.91442, 1.23077, 0.901647, 0.413294, 0.941679, 0.911286),
    scale=(0.0170134, 0.0147176, 0.186732, 0.223104, 0.113697, 0.0185086, 0.72548, 0.0178548, 0.317719, 0.0257565, 0.0198534),
    weights=(-0.154483, -0.445798, 0.233799, 0.0383437, -0.686846, 0.091009, 0.189517, 1.59848, 0.0782121, 3.24607, -1.45745),
    bias=3.44234,
)
