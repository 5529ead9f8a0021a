"""The term a choice question asks about, and whether an option says something of it.

A question that quotes a term (什么样的癌症才算"恶性肿瘤——重度"？) asks what the term covers. A generated distractor is
another entry's answer, so always a true sentence of the content: one that names the quoted term states something true
of it (TNMⅠ期或更轻的甲状腺癌不属于"恶性肿瘤——重度"; 恶性肿瘤（重度、轻度）均须经组织病理学检查…) and a careful trainee
may pick it as right (qa30 Q2). Quoted words are how the content marks the term asked; other words of the question
name its topic, which many a wrong option shares.
"""

from __future__ import annotations

import re

from trainer.quiz.question import normalize_answer

_QUOTED = re.compile(r"[\"“「『]([^\"”」』]{2,})[\"”」』]")
# Dashes join a term's parts (恶性肿瘤——重度); quotes and title marks only mark it: the term is its words.
_JOINERS = re.compile(r"[—–\-「」『』《》]+")
_PARTS = re.compile(r"^(?P<head>[^—–\-]{2,})[—–\-]+(?P<kind>[^—–\-]{2,})$")


def term_words(text: str) -> str:
    """`text` as its words, for finding a term in it: normalised, dashes and quotes dropped."""
    return _JOINERS.sub("", normalize_answer(text))


def quoted_terms(question: str) -> frozenset[str]:
    """The terms a question quotes, as written there (恶性肿瘤——重度)."""
    return frozenset(term.strip() for term in _QUOTED.findall(question) if len(term_words(term)) >= 2)


def says_of(option: str, terms: frozenset[str]) -> bool:
    """Whether `option` names one of the quoted `terms`, so states something of it: the term's words in it, or a
    two-part term's head with its kind among those it lists in brackets (恶性肿瘤（重度、轻度） names 恶性肿瘤——轻度)."""
    words = term_words(option)
    for term in terms:
        if term_words(term) in words:
            return True
        parts = _PARTS.match(term)
        if parts and re.search(re.escape(parts["head"]) + r"[（(][^）)]*" + re.escape(parts["kind"]), option):
            return True
    return False
