"""How plausible a stretch of Chinese is as ordinary words, from a word-frequency list.

The typo corrector asks it whether a correction makes the query read better: 宽线期 → 宽限期 turns a non-word
into a word, but 解释算数 → 解试算数 or 由于期 → 续期 turn ordinary words into worse text. The score is the
best segmentation's log probability under a unigram model (the route jieba takes), so no segmenter is needed.

The list (kb/word_frequency.tsv) is jieba 0.42.1's dictionary (MIT licence, https://github.com/fxsjy/jieba),
words of 2–4 characters seen at least MIN_FREQUENCY times and every single character, extracted once by
scripts/extract_word_frequency.py.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping

WORD_LIST = Path(__file__).with_name("word_frequency.tsv")
MIN_FREQUENCY = 5
MAX_WORD_CHARS = 4


class WordFrequencies:
    """Log probabilities of words; text scored as its most probable segmentation."""

    def __init__(self, frequencies: Mapping[str, int], extra_words: Iterable[str] = (), extra_frequency: int = 30):
        """`extra_words` (the content's terms: 复效, 等待期) count as words seen `extra_frequency` times unless the
        list has them more often, so a fix into a term the list lacks is not scored as a fix into nonsense.
        `frequencies` is read, not copied (the bundled list is shared by every searcher)."""
        self._counts = frequencies
        self._extra = {w: extra_frequency for w in extra_words
                       if 1 < len(w) <= MAX_WORD_CHARS and frequencies.get(w, 0) < extra_frequency}
        self._log_total = math.log((sum(frequencies.values()) + sum(self._extra.values())) or 1)

    def _log_p(self, word: str) -> float | None:
        count = self._extra.get(word) or self._counts.get(word)
        return math.log(count) - self._log_total if count else None

    def count(self, word: str) -> int:
        """How often the list saw `word` (0 when it lacks it; the content's extra terms do not count)."""
        return self._counts.get(word, 0)

    def is_word(self, text: str) -> bool:
        """Whether the list holds `text` as a word of its own (宽限 yes, 宽线 no)."""
        return len(text) > 1 and bool(self._counts.get(text))

    def log_probability(self, text: str) -> float:
        """The best segmentation's log probability (dynamic programming from the end, as jieba does); a
        character the list lacks counts as seen once."""
        return self._best_route(text)[0][0]

    def words(self, text: str) -> list[str]:
        """The best segmentation of `text` (Chinese, no spaces) into words: 业务员当时承诺 → 业务员, 当时, 承诺.
        A highlight is snapped to these words (ui.render), so it never lights up half a word."""
        ends = self._best_route(text)[1]
        found, start = [], 0
        while start < len(text):
            found.append(text[start:ends[start]])
            start = ends[start]
        return found

    def _best_route(self, text: str) -> tuple[list[float], list[int]]:
        """Per start offset, the best log probability of the rest of `text` and where its first word ends."""
        best, ends = [0.0] * (len(text) + 1), list(range(1, len(text) + 2))
        for start in range(len(text) - 1, -1, -1):
            single = self._log_p(text[start])
            score = (-self._log_total if single is None else single) + best[start + 1]
            for end in range(start + 2, min(len(text), start + MAX_WORD_CHARS) + 1):
                log_p = self._log_p(text[start:end])
                if log_p is not None and log_p + best[end] > score:
                    score, ends[start] = log_p + best[end], end
            best[start] = score
        return best, ends


@lru_cache(maxsize=1)
def bundled_frequencies() -> Mapping[str, int]:
    """The bundled list, read once per process (about 30 MB in memory, 0.2 s)."""
    frequencies: dict[str, int] = {}
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count:
            frequencies[word] = int(count)
    return frequencies


@lru_cache(maxsize=1)
def bundled_words() -> Callable[[str], list[str]]:
    """The bundled word list's segmenter, read once (about 0.2 s): the quiz's blanks and answer checks share it."""
    return WordFrequencies(bundled_frequencies()).words
