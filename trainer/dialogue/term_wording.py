"""The plain words for a term said unexplained (qa26 J8): a 术语未解释 lesson that says how, not only why.

小周's 可以办减额交清， drew 为什么 and no 更好的说法: the content's forbidden phrases give better words for a few desk
words (契撤, 现价), and the model call has no line for jargon. The knowledge base explains its terms to customers: the
entry that asks what the term is (什么是减额交清？) has a 话术 that says it in plain words — 还可以考虑减额交清：用目前的
现金价值一次性交清，以后不用再交保费，保单继续有效，但保险金额会降低。 The term's glossary group names its other
spellings (减额缴清, 减保额交清). Only sentences that can be said as written (`sayable`): the universal-life rate's
最低保证利率是XX% was a lesson with a blank in it (judge53b).
"""

from __future__ import annotations

import re
from typing import Iterable

from kb.chinese_text import sentence_spans
from kb.content import Entry, GlossaryGroup
from kb.placeholders import sayable

# An entry that asks what a term is: 什么是减额交清？ / 减额交清是什么意思？ / 什么叫现金价值
_WHAT_IS = ("什么是", "什么叫", "是什么", "啥是", "是啥")


def plain_wording(quote: str, glossary: Iterable[GlossaryGroup], entries: Iterable[Entry]) -> str:
    """The script sentence of the entry that asks what the quote's term is and says it in plain words, or ""."""
    entries = list(entries)
    for group in glossary:
        if group.reads_a_word or not any(term in quote for term in group.terms):
            continue
        for entry in entries:
            asked = re.split(r"[？?]", entry.question)[0]
            if not any(term in asked for term in group.terms) or not any(w in asked for w in _WHAT_IS):
                continue
            said = [s.strip() for _, _, s in sentence_spans(sayable(entry.script)) if any(t in s for t in group.terms)]
            if said:
                return said[0]
    return ""
