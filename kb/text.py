"""Text normalisation and keyword tokens for Chinese search.

Measured (docs/benchmarks.md): character unigrams + bigrams over CJK
text, with a small stopword list, rank better than word segmentation for short colloquial
queries, and need no dictionary that could go stale.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Part of every cached index's key: bump it whenever keyword_tokens changes its output,
# so indexes built with the old tokens are rebuilt instead of silently mismatching queries.
TOKENIZER_VERSION = "2"

# Longest query that is searched; a pasted paragraph is cut to this many characters.
MAX_QUERY_CHARS = 200
# Longest question a search box accepts at all (the rest of a paste is refused by the browser).
MAX_TYPED_CHARS = 1_000
# Lone UTF-16 surrogates (from a broken paste or a crafted request) cannot be encoded as UTF-8.
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN_PATTERN = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:\.[0-9]+)?")
_CJK_PATTERN = re.compile(rf"[{_CJK}]")

# Function words and politeness that carry no meaning for retrieval.
STOP_CHARS = frozenset("的了吗呢吧啊呀么是在和与及或就都也还又把被让给对我你您他她它们这那个些么怎什请问一下有没")
STOP_BIGRAMS = frozenset({
    "什么", "怎么", "请问", "一下", "可以", "我们", "你们", "您好", "这个", "那个", "是不", "不是",
    "有没", "没有", "如何", "多少", "为什", "是否", "的话", "时候", "现在", "需要", "知道", "应该",
})
STOP_WORDS = frozenset({"the", "a", "an", "is", "are", "of", "to", "in", "and", "or", "what", "how",
                        "do", "does", "i", "my", "me", "can", "for", "it", "be", "on", "if", "when", "with"})


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so encoding it can never raise."""
    return _LONE_SURROGATES.sub("\ufffd", text or "")


# Each search normalises the text of every candidate entry (highlights): the same few hundred
# entry texts again and again, so they are looked up rather than normalised each time.
@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), lower case, collapsed white space."""
    text = unicodedata.normalize("NFKC", without_surrogates(text))
    return " ".join(text.lower().split())


def clip_query(text: str) -> str:
    """A normalised query no longer than MAX_QUERY_CHARS (a pasted paragraph is cut, not refused)."""
    return normalize(text)[:MAX_QUERY_CHARS]


def has_cjk(text: str) -> bool:
    return bool(_CJK_PATTERN.search(text))


def occurrences(text: str, needle: str) -> list[int]:
    """Where `needle` starts in `text`, every time (overlapping ones included); [] for an empty needle."""
    found, start = [], text.find(needle) if needle else -1
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def has_words(text: str) -> bool:
    """Whether a query holds anything to search for: a Chinese character or a Latin word that is not a
    function word. "' OR 1=1 --", "1234" or "???" hold none, and used to get an entry at 0.66 (QA 2026-12-04)."""
    return any(_CJK_PATTERN.match(run) or (not run[0].isdigit() and len(run) > 1 and run not in STOP_WORDS)
               for run in _RUN_PATTERN.findall(normalize(text)))


def keyword_tokens(text: str) -> list[str]:
    """BM25 tokens: CJK unigrams and bigrams (minus stopwords) and Latin/digit words."""
    return list(_keyword_tokens(text))


# Every index rebuild (each editor save) tokenises every document again, twice (the index and
# the searcher), though one entry changed: texts tokenised before are looked up instead.
@lru_cache(maxsize=65536)
def _keyword_tokens(text: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for run in _RUN_PATTERN.findall(normalize(text)):
        if _CJK_PATTERN.match(run):
            tokens += [c for c in run if c not in STOP_CHARS]
            tokens += [pair for pair in (run[i:i + 2] for i in range(len(run) - 1)) if _informative_bigram(pair)]
        elif run not in STOP_WORDS:
            tokens.append(run)
    return tuple(tokens)


def content_terms(text: str) -> list[str]:
    """The query words that carry meaning: CJK bigrams free of stop characters, and Latin words.

    Keyword coverage is measured on these, so function-word pairs (还能, 能买, 买吗) shared
    with an entry by chance cannot make an off-topic question look answered.
    """
    terms = [t for t in keyword_tokens(text) if len(t) > 1 or not has_cjk(t)]
    return [t for t in terms if not has_cjk(t) or not (t[0] in STOP_CHARS or t[1] in STOP_CHARS)]


def _informative_bigram(pair: str) -> bool:
    """A bigram worth matching: not a stop bigram and not made only of stop characters (在吗)."""
    return pair not in STOP_BIGRAMS and not (pair[0] in STOP_CHARS and pair[1] in STOP_CHARS)


def matched_terms(query: str, text: str, extra_terms: tuple[str, ...] = ()) -> list[str]:
    """Terms of the query (bigrams and words, plus glossary terms) that appear in `text`.

    Used for highlights: contiguous matched bigrams are merged into longer phrases so the
    agent sees "宽限期" rather than "宽限", "限期".
    """
    body = normalize(text)
    found: list[str] = []
    for run in _RUN_PATTERN.findall(normalize(query)):
        if _CJK_PATTERN.match(run):
            found += _longest_matches(run, body)
        elif run not in STOP_WORDS and len(run) > 1 and run in body:
            found.append(run)
    found += [t for t in extra_terms if t and normalize(t) in body]
    unique: list[str] = []
    for term in sorted(set(found), key=len, reverse=True):
        if not any(term in longer for longer in unique):
            unique.append(term)
    return unique


def _longest_matches(run: str, body: str) -> list[str]:
    """Maximal substrings (≥ 2 characters) of `run` found in `body`, scanning left to right."""
    matches, start = [], 0
    while start < len(run) - 1:
        end = start + 2
        if run[start:end] not in body or run[start:end] in STOP_BIGRAMS:
            start += 1
            continue
        while end < len(run) and run[start:end + 1] in body:
            end += 1
        matches.append(run[start:end])
        start = end
    return matches
