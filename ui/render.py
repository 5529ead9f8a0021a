"""Showing content text safely: literal (no HTML, no Markdown surprises), with highlights."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from kb.text import has_cjk
from kb.word_frequency import WordFrequencies, bundled_frequencies
from ui.i18n import tr

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")
# Streamlit turns :material/name: and :emoji_name: into icons *after* Markdown has removed the
# backslash escapes, so an escaped colon is not enough: a word joiner (U+2060, invisible, not a
# space) after each colon keeps a shortcode from forming.
WORD_JOINER = "\u2060"
# One pair of icons for right/wrong and done/fault on every page, from Streamlit's bundled Material
# Symbols: an emoji (✅/❌) is an empty box where the browser has no emoji font (Debian's Chromium).
RIGHT_ICON, WRONG_ICON = ":material/check_circle:", ":material/cancel:"


def mark(ok: bool) -> str:
    """Markdown of a good finding or a fault: a coloured icon and a word, so neither colour nor icon carries it alone."""
    return f":green[{RIGHT_ICON} {tr('做到', 'good')}]" if ok else f":red[{WRONG_ICON} {tr('不足', 'fault')}]"


def escape_markdown(text: str) -> str:
    """Text that st.markdown shows exactly as written (tags, Markdown syntax and icon shortcodes stay literal)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")
    return escaped.replace("\\:", "\\:" + WORD_JOINER).replace("\n", "  \n")


def code_span(text: str) -> str:
    """`text` in a Markdown code span, shown exactly: escapes are literal inside one, so an escaped id showed its
    backslashes (svc\\-personal\\-details: qa23's I2); a backtick inside gets a longer fence."""
    ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def highlight(text: str, terms: tuple[str, ...] | list[str], whole_terms: tuple[str, ...] | list[str] = ()) -> str:
    """Escaped Markdown of `text` with each matched term on a highlighted background.

    A match inside a longer known term (`whole_terms`, the glossary's) that was not matched
    itself stays plain: the query's 乳腺癌 matched the text's 腺癌, which must not light up
    inside 甲状腺癌. Touching matches are one highlight (为什么要…, not 为什 | 么要…). A highlight covers whole
    words only: the query's 业务员当初 matched 业务员当 in 业务员当时, and lit half of 当时 (qa16 #15); it is cut back
    to 业务员, and a match inside one word (腺癌 of 甲状腺癌, age of coverage) is not lit at all.
    Words are the word list's best segmentation (kb.word_frequency, the glossary's terms counted as words):
    search itself uses bigrams, which say nothing about where a word ends."""
    text = text or ""
    terms = sorted({t for t in terms if t and t in text}, key=len, reverse=True)
    if not terms:
        return escape_markdown(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if not _inside_other_term(text, m, terms, whole_terms)]
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    inside = _inside_words(text, merged, tuple(sorted(set(whole_terms))))
    parts, last = [], 0
    snapped = [span for span in (_whole_words(text, start, end, inside) for start, end in merged) if span]
    for start, end in snapped:
        parts.append(escape_markdown(text[last:start]))
        parts.append(f":orange-background[{escape_markdown(text[start:end])}]")
        last = end
    parts.append(escape_markdown(text[last:]))
    return "".join(parts)


@lru_cache(maxsize=4)
def _segmenter(whole_terms: tuple[str, ...]) -> WordFrequencies:
    return WordFrequencies(bundled_frequencies(), whole_terms)


def _inside_words(text: str, spans: list[list[int]], whole_terms: tuple[str, ...]) -> frozenset[int]:
    """Offsets of `text` strictly inside a word, where a highlight must not start or end, in the runs of word
    characters that `spans` touch (3 ms for a whole 360-character answer). A run of Chinese is cut into words by
    the word list; a run of letters and digits is one word."""
    inside: set[int] = set()
    for run in re.finditer(r"\w+", text):
        if not any(start < run.end() and run.start() < end for start, end in spans):
            continue
        start = run.start()
        for chinese, chars in groupby(run.group(0), key=has_cjk):
            piece = "".join(chars)
            for word in (_segmenter(whole_terms).words(piece) if chinese else [piece]):
                inside.update(range(start + 1, start + len(word)))
                start += len(word)
    return frozenset(inside)


def _whole_words(text: str, start: int, end: int, inside: frozenset[int]) -> tuple[int, int] | None:
    """The span cut back to the whole words it covers; None when that leaves no word (or one Chinese character)."""
    while start < end and start in inside:
        start += 1
    while end > start and end in inside:
        end -= 1
    if end <= start or (end - start < 2 and has_cjk(text[start:end])):
        return None
    return start, end


def _inside_other_term(text: str, match: re.Match, terms: list[str], whole_terms: tuple[str, ...] | list[str]) -> bool:
    """Whether the match is a strict part of an occurrence of a known term that is not itself matched."""
    for word in whole_terms:
        if not word or word in terms or len(word) <= len(match.group(0)) or word not in text:
            continue
        earliest = max(0, match.end() - len(word))
        for found in re.finditer(re.escape(word), text[earliest:match.start() + len(word)]):
            if earliest + found.start() <= match.start() and match.end() <= earliest + found.end():
                return True
    return False
