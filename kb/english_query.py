"""English queries: the words that carry meaning, and customers' English rewritten into the content's.

An English query is matched against every text (English and Chinese; issue #14, ensearch15). Its keyword
coverage, half of the relevance that decides whether to answer, counted every word of a customer's English
story ("wife's cousin sold me…") against the entry's words, inflections included ("lapsed" is not "lapse"),
so right answers fell under the threshold: on the English TUNE set 83 of 202 questions got no answer.
Here coverage counts English words without function words, each reduced to a crude stem by a few suffix
rules (a stemming library was not measured against them: none is installed; docs/benchmarks.md), and the
glossary's English spoken phrases ("turned down" → "declined") are replaced by the content's word, at word
boundaries. Nothing here applies to a query with Chinese in it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from kb.content import GlossaryGroup
from kb.query_rewrite import Rewrite, SpokenRule
from kb.text import STOP_WORDS, has_cjk, normalize

_WORD = re.compile(r"[a-z0-9]+")
_LATIN_WORD = re.compile(r"[a-z]{2,}")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A question with Chinese in it is read as English when it has at least this many English words and no fewer English
# words than Chinese characters ("the beneficiary box just says 法定, what does that mean"; ensearch17).
MIXED_MIN_WORDS = 3
# Function words, pronouns, auxiliaries and fillers of spoken English (STOP_WORDS holds the few that BM25 drops), and
# the Tagalog particles Philippine English carries ("claim po", "finished na", "legit ba"; ensearch16).
ENGLISH_STOP_WORDS = STOP_WORDS | frozenset("""
am was were been being have has had having did done doing will would shall should could may might must
you your yours he him his she her hers we us our ours they them their theirs its itself myself mine
this that these those there here who whom whose which why where
at by from into onto out up down off over under about as than then so but not no nor too very just also
all any some each every both either neither own same other such only
there's it's i'm i've i'd don't doesn't didn't can't won't isn't aren't wasn't
s t d ll ve re m don doesn didn isn aren wasn won ain
get got getting gets go going gone went one thing things still even really now ok okay yes yeah
please thanks hi hello know want wanted need needs let lot lots bit
po na ba lang naman pa ng sa ko mo yung ang kasi din daw kindly
""".split())
# Suffixes stripped, longest first, when at least three letters remain ("lapsed" → "laps", "lapse" → "laps").
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s", "e", "y")
MIN_STEM = 3


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: the longest listed suffix stripped, if at least MIN_STEM letters remain (digits kept)."""
    if not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def english_terms(text: str) -> list[str]:
    """The stems of the meaning-carrying English words of `text` (a 40-word story keeps about 15)."""
    words = _WORD.findall(normalize(text))
    return [stem(w) for w in words if w not in ENGLISH_STOP_WORDS and len(w) > 1]


def english_stems(text: str) -> set[str]:
    """Every English word's stem in `text`, function words included (what coverage looks terms up in)."""
    return {stem(w) for w in _WORD.findall(normalize(text))}


def mostly_english(text: str) -> bool:
    """A question written in English with a Chinese term or two in it (法定, 中止, 犹豫期): at least MIXED_MIN_WORDS
    English words and as many as its Chinese characters. Such questions took the Chinese path (Chinese texts, Chinese
    threshold and coverage) and lost their English words; "我的policy过期了" stays Chinese."""
    folded = normalize(text)
    cjk = len(_CJK_CHAR.findall(folded))
    if not cjk:
        return False
    words = len(_LATIN_WORD.findall(folded))
    return words >= MIXED_MIN_WORDS and words >= cjk


def english_groups(groups: Sequence[GlossaryGroup]) -> tuple[list[GlossaryGroup], list[GlossaryGroup]]:
    """The glossary split by the language of its spoken phrases: (groups with the Chinese phrases only,
    groups with the English ones only). Chinese queries keep exactly the rewriting they had."""
    chinese = [replace(g, spoken=tuple(p for p in g.spoken if has_cjk(p))) for g in groups]
    english = [replace(g, spoken=tuple(p for p in g.spoken if not has_cjk(p))) for g in groups]
    return chinese, [g for g in english if g.spoken]


class EnglishTerms:
    """Replaces English spoken phrases with their group's English term (the group's first Latin term), at word
    boundaries and only in a query without Chinese (the Chinese rewriters never see these phrases); with `mixed`, also
    in a mostly English query with a Chinese term in it (`mostly_english`)."""

    def __init__(self, groups: Sequence[GlossaryGroup], mixed: bool = False) -> None:
        self._mixed = mixed
        rules = []
        for group in groups:
            term = next((t for t in group.terms if not has_cjk(t)), None)
            for phrase in group.spoken:
                if term and not has_cjk(phrase):
                    rules.append((re.compile(rf"(?<![a-z]){re.escape(normalize(phrase))}(?![a-z])"), normalize(phrase), term))
        self._rules = sorted(rules, key=lambda r: len(r[1]), reverse=True)

    def rewrite(self, text: str) -> Rewrite:
        if has_cjk(text) and not (self._mixed and mostly_english(text)):
            return Rewrite(text)
        changes: list[tuple[str, str]] = []
        for pattern, phrase, term in self._rules:
            if pattern.search(text):
                text = pattern.sub(term, text)
                changes.append((phrase, term))
        return Rewrite(text, tuple(changes))


class EnglishWordsInChinese:
    """Replaces an English word that a Chinese question borrows ("替她cancel吗", "办claim") with the Chinese term of the
    glossary group listing it as a spoken phrase (a group whose terms are all Chinese), at word boundaries and under
    the group's `spoken_if` / `spoken_unless`. Only in a Chinese question: a mostly English one is read as English
    (EnglishTerms), where these phrases are no rule. Customers abroad mix English into Chinese (search21b)."""

    def __init__(self, groups: Sequence[GlossaryGroup]) -> None:
        rules = [SpokenRule.of(phrase, group) for group in groups if all(has_cjk(t) for t in group.terms)
                 for phrase in group.spoken if not has_cjk(phrase)]
        self._rules = [(re.compile(rf"(?<![a-z]){re.escape(rule.phrase)}(?![a-z])"), rule)
                       for rule in sorted(rules, key=lambda r: len(r.phrase), reverse=True)]

    def rewrite(self, text: str) -> Rewrite:
        if not has_cjk(text) or mostly_english(text):
            return Rewrite(text)
        changes: list[tuple[str, str]] = []
        for pattern, rule in self._rules:
            if pattern.search(text) and rule.stands_in(text):
                text = pattern.sub(rule.term, text)
                changes.append((rule.phrase, rule.term))
        return Rewrite(text, tuple(changes))


# An English word this long or longer that the content does not use is checked for a typo (EnglishTypos).
TYPO_MIN_LENGTH = 6
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _near_spellings(word: str) -> set[str]:
    """Spellings one letter inserted, dropped or two swapped away, the first letter kept, inflections excluded
    ("recieve" → "receive", "questons" → "questions"; not "claims" → "claim"). No letter is replaced: without an
    English dictionary, replacing one made real words into content words (father → rather, missed → misled)."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    near = {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    near |= {a + c + b for a, b in splits for c in _LETTERS}
    return {n for n in near if not (n.startswith(word) or word.startswith(n))}


class EnglishTypos:
    """Fixes misspelt words of an English query (no Chinese in it) to the content's English spelling: a word of
    TYPO_MIN_LENGTH letters or more that no entry or glossary phrase uses, one letter from words that some do
    (the commonest such word wins). Customers' English misspells the terms the content is searched by (reinstatment,
    critcal, commision, surender; ensearch17); the glossary held a few by hand (benificiary, premum)."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: dict[str, int] = {}
        for text in texts:
            for word in _LATIN_WORD.findall(normalize(text)):
                counts[word] = counts.get(word, 0) + 1
        self._counts = counts

    def rewrite(self, text: str) -> Rewrite:
        if has_cjk(text):
            return Rewrite(text)
        changes: list[tuple[str, str]] = []

        def fixed(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < TYPO_MIN_LENGTH or word in self._counts:
                return word
            near = [n for n in _near_spellings(word) if n in self._counts]
            if not near:
                return word
            best = max(sorted(near), key=self._counts.__getitem__)
            changes.append((word, best))
            return best

        return Rewrite(_LATIN_WORD.sub(fixed, text), tuple(changes))
