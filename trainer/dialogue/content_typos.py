"""The judge's typo reading of a content set: its terms, its own words and the rules' phrases (judge43h).

Apart from `typo_reading` (the reader) because it needs the rules' cue phrases (`detectors.rule_phrases`), and the rules
take a reader. Built once per process and content version (every practice call of the process shares it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from kb.content import ContentSet
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.detectors import rule_phrases
from trainer.dialogue.typo_reading import TypoReading


@dataclass(frozen=True, eq=False)
class _Content:
    """A content set keyed by its hash, so one process builds one reading per content version."""

    content: ContentSet

    def __hash__(self) -> int:
        return hash(self.content.content_hash)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Content) and other.content.content_hash == self.content.content_hash


def content_terms(content: ContentSet) -> list[str]:
    """The content's terms a slip is read as: glossary terms (not a group of one term with spoken phrases only: its
    term is ordinary Mandarin, 不会 for 唔识) and the FAQ entries' keywords — the FAQ search's vocabulary."""
    terms = [t for g in content.glossary if not g.reads_a_word for t in g.terms]
    return terms + [k for e in content.entries.values() for k in e.keywords]


def content_texts(content: ContentSet) -> list[str]:
    """The content's own words: entries (question, answer, script), service phrases. Not the entries' variants nor
    the glossary's terms: they list customers' slips on purpose, for the search (理陪在哪里申请; 理赔's group names 理陪),
    and a slip they list is read as its group's term."""
    texts = [t for e in content.entries.values() for t in (e.question, e.answer, e.script)]
    texts += [p.text for p in content.recommended_phrases]
    texts += [t for p in content.forbidden_phrases for t in (*p.wordings, p.better)]
    return texts


def typo_reading(content: ContentSet, train_texts: Iterable[str]) -> TypoReading:
    """The judge's typo reading for `content`, the corpus's `train_texts` being words too."""
    phrases = [*rule_phrases(), *(w for p in content.forbidden_phrases for w in p.wordings)]
    return TypoReading(content_terms(content), phrases, [*content_texts(content), *train_texts], content.glossary)


def typo_reading_for(content: ContentSet) -> TypoReading:
    """`typo_reading` of `content` and its corpus writers' train split, built once per process and content version.

    Not the training-only files: they are written to teach the classifier registers, slips included (tr3-b's
    pinyin typist writes 理陪 and 由于期 on purpose, stop 42), so their words would make a slip a known word."""
    return _built(_Content(content))


@lru_cache(maxsize=2)
def _built(key: _Content) -> TypoReading:
    utterances, _ = read_corpus(key.content.root)
    return typo_reading(key.content, [u.text for u in utterances if u.split == "train" and not u.training_only])
