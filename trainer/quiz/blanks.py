"""When two fill-in blanks ask one thing: one entry never asks the same blank twice (svc-orphan-policy's 30日
was both its key number and one of its keywords, so gen-fill:…:0 and :1 were the same question)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from kb.chinese_text import quantities
from kb.word_frequency import WordFrequencies, bundled_frequencies
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


def one_word_blank(fact: Fact, question: str, words: Callable[[str], list[str]] | None = None) -> Fact:
    """A key term's blank cut to what the sentence holds as one word. When the question already says every word of
    the term and the sentence runs straight on from its last word, that word is read with what follows
    (…合理简化回访要求 is 简化 + 回访要求, asked 回访可以简化吗): 合理____要求 took 简化 as wrong (qa24 T3), so the blank
    takes the term without its last word (合理____回访要求 → 简化). `words` segments Chinese (the bundled list's)."""
    text, after = fact.text, fact.sentence[fact.end:fact.end + 1]
    if fact.kind != "term" or not _CJK.match(after):
        return fact
    parts = (words or bundled_words())(text)
    lead = text[:len(text) - len(parts[-1])]
    if len(parts) < 2 or len(lead) < 2 or any(part not in question for part in parts) or fact.sentence.count(lead) != 1:
        return fact
    return Fact(fact.sentence, fact.start, fact.start + len(lead), fact.kind, fact.unit)


_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def bundled_words() -> Callable[[str], list[str]]:
    """The bundled word list's segmenter, read once (about 0.2 s)."""
    return WordFrequencies(bundled_frequencies()).words
