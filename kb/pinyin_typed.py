"""Whether a question was typed in pinyin or pinyin initials (wo de bd shi xiao le, ybd停了, zmb), which the search
does not read.

The FAQ search reads Chinese characters and English; pinyin is neither. A question typed so gets "no reliable answer"
(refusing is the safe side: qa27 S5, a customer typing badly on WeChat, pasted by a live-call agent), and the search
page then says why, so that the agent retypes the key words in characters instead of guessing. Only a hint: nothing
here changes what is answered.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin.constants import PINYIN_DICT
from pypinyin.contrib.tone_convert import to_normal

_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Initials of a pinyin phrase: bd (保单), ybd (原保单?), zmb (怎么办) — two to four letters, no vowel (y and w are
# initials in pinyin).
_INITIALS = re.compile(r"[bcdfghjklmnpqrstwxyz]{2,4}")
# At least this many pinyin syllables said one after another before a query counts as typed in pinyin: one syllable
# alone is as often an English word (can, long, die, me).
MIN_SYLLABLE_WORDS = 3


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin's dictionary gives a character (about 420: wo, de, shi, xiao …)."""
    syllables = set()
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            plain = to_normal(reading)
            if plain.isascii() and plain.isalpha():
                syllables.add(plain)
    return frozenset(syllables)


def _is_syllables(word: str) -> bool:
    """`word` splits into pinyin syllables (xiao, zenme, shixiao)."""
    syllables = pinyin_syllables()
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in syllables for start in range(max(0, end - 6), end))
    return reachable[-1]


def typed_in_pinyin(query: str) -> bool:
    """Every Latin word of the query is pinyin the search cannot read — syllables (xiao, zenme) or lower-case initials
    (bd, ybd, zmb) — with at least one set of initials or MIN_SYLLABLE_WORDS syllable words. A query with an English
    word (premium, cancel my policy) is read as English; capitals are abbreviations (CT, ICU, VIP); one syllable-like
    word (can, long) is no sign of pinyin."""
    words = _LATIN_WORD.findall(query)
    initials = [word for word in words if _INITIALS.fullmatch(word)]
    if not words or not all(word in initials or _is_syllables(word.lower()) for word in words):
        return False
    return bool(initials) or len(words) >= MIN_SYLLABLE_WORDS
