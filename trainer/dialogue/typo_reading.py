"""A reply's typo reading: the slips of fast pinyin typing read as the term the content and the rules know.

Trainees type their replies on a pinyin keyboard and pick the wrong homophone when they type fast: 理陪 for 理赔,
由于期 for 犹豫期, 报单 for 保单, 宽线期 for 宽限期, 核试 for 核实. The judge's rules (cue lists, spoken forms, faults,
the content's forbidden phrases) are written in correct Mandarin and miss such a reply. The FAQ search already corrects
these slips for a customer's query (`kb.query_rewrite.TypoCorrector`: pypinyin sounds, the content's bigrams, a word
list that refuses a correction making the text read worse); this module reads a reply through the same corrector,
after its regional words are read as Mandarin (`regional_speech`), so the rules see the term and a finding still quotes
what the trainee typed (`MandarinReading.said_quote`).

Only where a correction is safe (judge43h):
- a stretch is corrected only when its bigrams are not all ones the content or the corpus's TRAIN split use (a word
  written there is no typo), and only when the word list does not know it as a word (`non_words_only`: 调价 is no slip
  of 调解), as the regulation search reads its formal questions;
- it is corrected only into a term the judge needs: a glossary term, a FAQ entry's keyword, or a word of the rules'
  own cue phrases and the content's forbidden phrases (理解, 核实, 登记, 抱歉 …) — not into every word of the list;
- the corrector's own guards hold (function words, numerals, a verb before a word, a correction that reads worse).
A three-character term typed with its middle syllable skipped (犹期, 宽期, 身证) is read whole where the words around it
read better so (`dropped_forms`, `TypoReading._restored`; calls44: no train line changes).
The session's scenario cues read the same reading (`spoken_cues.spoken_forms(reader=Detectors.reading)`, calls44).
The classifier reads the trainee's words as they were typed (measured, docs/benchmarks.md, judge43h).
`content_typos.typo_reading_for` builds the reading of a content set (its terms, texts and the rules' phrases).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable, Sequence

from kb.query_rewrite import TypoCorrector, bigrams, one_char_spoken, spoken_phrases
from kb.word_frequency import MAX_WORD_CHARS, WordFrequencies, bundled_frequencies
from trainer.dialogue.regional_speech import MandarinReading, mandarin_reading

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
USED_WORD_COUNT = 300  # a stretch the word list has seen this often is a word, no slip (`_UsedWords`)
CONTEXT_CHARS = 3  # characters either side of a slip read as words (`TypoReading._splits_a_word`)


def rule_words(phrases: Iterable[str], words: WordFrequencies) -> list[str]:
    """The words (2–4 characters) the rules' phrases are made of: 理解您的心情 → 理解, 心情. A slip of one of them
    (里解, 核试) is read as it; a stretch is never corrected into a whole cue phrase."""
    found: dict[str, None] = {}
    for phrase in phrases:
        for run in _CJK_RUN.findall(phrase):
            for word in words.words(run):
                if 1 < len(word) <= MAX_WORD_CHARS:
                    found.setdefault(word)
    return list(found)


class _UsedWords(WordFrequencies):
    """The word list, where a stretch is a word when people use it: seen at least USED_WORD_COUNT times. A word the
    list barely knows is read as a slip where the content and the corpus never use it (核试 228, 报单 8: 核实, 保单); a
    common one is left as typed (旁人 1,731 is no slip of 本人, 等级 2,010 none of 登记)."""

    def is_word(self, text: str) -> bool:
        return super().is_word(text) and self.count(text) >= USED_WORD_COUNT


class TypoReading:
    """Reads a reply's typing slips as the judge's terms (`read`), keeping where each character came from."""

    def __init__(self, terms: Sequence[str], rule_phrases: Iterable[str], known_texts: Iterable[str],
                 glossary: Sequence = (), non_words_only: bool = True) -> None:
        """`terms`: the content's terms (glossary terms, FAQ keywords); `rule_phrases`: the rules' cue phrases and the
        content's forbidden wordings, read as their words; `known_texts`: texts whose bigrams are words here, never
        slips (the content's entries, the corpus's train split); `glossary`: the glossary's groups (a group's terms
        are one term; its spoken words are words wherever they stand, as in the FAQ search)."""
        frequencies = bundled_frequencies()
        vocabulary = list(dict.fromkeys([*terms, *rule_words(rule_phrases, WordFrequencies(frequencies, terms))]))
        same_as = {term: group.terms[0] for group in glossary for term in group.terms}
        known = bigrams(known_texts)
        self.vocabulary = tuple(vocabulary)
        self._words = _UsedWords(frequencies, vocabulary)
        self._dropped = dropped_forms(terms, self._words, known, same_as)
        self._corrector = TypoCorrector(vocabulary, known, words=self._words,
                                        same_as=same_as, non_words_only=non_words_only, word_chars=one_char_spoken(glossary),
                                        word_phrases=spoken_phrases(glossary))
        # a reply is read by the rules once and by every step's and question's cues per sentence (`spoken_cues`)
        self._read = lru_cache(maxsize=4096)(self._read_once)

    def corrections(self, text: str) -> tuple[tuple[str, str], ...]:
        """Each (typed, read as) correction the reading makes in `text`."""
        return self._corrected(text)[1]

    def read(self, reading: MandarinReading | str) -> MandarinReading:
        """`reading` (a reply, or its Mandarin reading) with its slips read as the judge's terms; each character
        still maps to the trainee's typed words."""
        return self._read(mandarin_reading(reading) if isinstance(reading, str) else reading)

    def _read_once(self, reading: MandarinReading) -> MandarinReading:
        text, changes = self._corrected(reading.text)
        return realigned(reading, text) if changes else reading

    def _corrected(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """`text` with the corrector's slips read, but not a two-character one that splits a word of the text."""
        rewrite = self._corrector.rewrite(text)
        fixed, kept = rewrite.text, []
        for typed, term in rewrite.changes:
            at = _place(text, fixed, typed, term)
            if at is None or (len(typed) == len(term) == 2 and self._splits_a_word(text, at, at + 2)):
                if at is not None:
                    fixed = fixed[:at] + typed + fixed[at + 2:]
                continue
            kept.append((typed, term))
        fixed, restored = self._restored(fixed)
        return fixed, (*kept, *restored)

    def _restored(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with each term typed with its middle character dropped (犹期内 → 犹豫期内) read whole, where the text
        around it reads better so (the word list's most probable segmentation, `CONTEXT_CHARS` either side): on the
        train split the two stretches that look like a dropped form are words across their edges and read worse
        whole (生病本来 is not 生病历本来, 请等候 not 请稍等候; calls44)."""
        restored = []
        for form, term in self._dropped.items():
            at = text.find(form)
            while at >= 0:
                left, right = max(0, at - CONTEXT_CHARS), at + len(form) + CONTEXT_CHARS
                whole = text[left:at] + term + text[at + len(form):right]
                if self._words.log_probability(whole) > self._words.log_probability(text[left:right]):
                    text = text[:at] + term + text[at + len(form):]
                    restored.append((form, term))
                    at += len(term)
                at = text.find(form, at + 1)
        return text, restored

    def _splits_a_word(self, text: str, start: int, end: int) -> bool:
        """Whether the text's best segmentation as words (a few characters either side) has a word across the
        stretch's edge: 晚点交 is 晚点 + 交, not a slip of 垫交; 出单网点 is 网点, not 上网; 请报全名 is 全名, not 保全
        (the corpus's train split, each writer left out of the known bigrams: judge43h). A slip of a longer term keeps
        its word inside (在由于期内 segments 由于 / 期内, yet 由于期 is 犹豫期), so this holds two-character slips only."""
        left = max(0, start - CONTEXT_CHARS)
        position = left
        for word in self._words.words(text[left:end + CONTEXT_CHARS]):
            word_end = position + len(word)
            if len(word) > 1 and (position < start < word_end or position < end < word_end):
                return True
            position = word_end
        return False


def dropped_forms(terms: Iterable[str], words: WordFrequencies, known: set[str],
                  same_as: dict[str, str] | None = None) -> dict[str, str]:
    """Each three-character term (犹豫期, 宽限期, 身份证) typed with its middle character dropped (犹期, 宽期, 身证), where
    that pair is no word of the list and no bigram the content or the corpus's train split use, and only one term
    (`same_as`: a glossary group's terms are its first) drops to it. A pinyin typist who skips a syllable types it;
    the corrector reads only same-length slips."""
    same_as = same_as or {}
    found: dict[str, set[str]] = {}
    for term in terms:
        if len(term) == 3 and _CJK_RUN.fullmatch(term):
            form = term[0] + term[2]
            if not words.count(form) and form not in known:
                found.setdefault(form, set()).add(same_as.get(term, term))
    return {form: next(iter(read)) for form, read in found.items() if len(read) == 1}


def _place(text: str, fixed: str, typed: str, term: str) -> int | None:
    """Where `typed` in `text` became `term` in `fixed` (one for one), if it did."""
    if len(typed) != len(term) or len(text) != len(fixed):
        return None
    at = text.find(typed)
    while at >= 0 and fixed[at:at + len(term)] != term:
        at = text.find(typed, at + 1)
    return at if at >= 0 else None


def realigned(reading: MandarinReading, text: str) -> MandarinReading:
    """`reading` read once more as `text`: a character kept or replaced one for one keeps its place in the trainee's
    words; one of a longer or shorter replacement (a word typed in pinyin, lipei → 理赔) maps to the whole stretch."""
    if len(text) == len(reading.text):
        return MandarinReading(reading.said, text, reading.starts, reading.ends)
    starts: list[int] = []
    ends: list[int] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, reading.text, text, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            starts.extend(reading.starts[a1:a2])
            ends.extend(reading.ends[a1:a2])
        elif b2 > b1:  # a stretch replaced by one of another length
            first = reading.starts[a1] if a1 < a2 else (reading.ends[a1 - 1] if a1 else 0)
            last = reading.ends[a2 - 1] if a1 < a2 else first
            starts.extend([first] * (b2 - b1))
            ends.extend([last] * (b2 - b1))
    return MandarinReading(reading.said, text, tuple(starts), tuple(ends))
