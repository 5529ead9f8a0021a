"""When two fill-in blanks ask one thing: one entry never asks the same blank twice (svc-orphan-policy's 30日
was both its key number and one of its keywords, so gen-fill:…:0 and :1 were the same question)."""

from __future__ import annotations

from kb.chinese_text import quantities
from trainer.quiz.facts import Fact, bigrams, jaccard
from trainer.quiz.question import normalize_answer

# Bigram overlap above which two sentences are (nearly) the same one: generation's near-duplicate options.
NEAR_SENTENCE = 0.6


def same_answer(a: str, b: str) -> bool:
    """Whether two blanks take the same answer: the same text, or the same quantity (30日 / 30天)."""
    if normalize_answer(a) == normalize_answer(b):
        return True
    found_a, found_b = quantities(a), quantities(b)
    return len(found_a) == len(found_b) == 1 and found_a[0].key == found_b[0].key


def same_blank(a: Fact, b: Fact) -> bool:
    """Whether two facts would be asked as one fill-in twice: the same answer in (nearly) the same sentence
    (svc-orphan-policy's 30日 was both its key number and a keyword), or overlapping spans of one sentence."""
    if a.sentence == b.sentence and a.start < b.end and b.start < a.end:
        return True
    near = a.sentence == b.sentence or jaccard(bigrams(a.sentence), bigrams(b.sentence)) >= NEAR_SENTENCE
    return near and same_answer(a.text, b.text)
