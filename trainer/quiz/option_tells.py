"""What gives a choice item's right option away to a trainee who reads the options, not the facts.

The Chinese options are guarded in generation (`gives_itself_away`: the right option alone opening with the
question's own characters). The English options are the entries' English short answers, so the same tell is
read here in words: "What counts as an accident?" with one option opening "An accident is…" and three that do
not. The bench (`bench.quiz_items`) counts these tells over the whole bank, with the right option's length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

# Words that say nothing of the topic: an opening sharing only these with the question does not echo it.
_FUNCTION_WORDS = frozenset(
    "a an the of to and or in on for from is are was be been by with as at it its their his her this that these "
    "those what which who whom whose how why when where can could may might must shall should will would do does "
    "did if not no yes there i my me you your we our they them he she".split())
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_CLAUSE_END = re.compile(r"[,:;.(—–]")
# Words of an English option's opening read for an echo of the question.
OPENING_WORDS = 6


def content_words(text: str) -> list[str]:
    """The topic words of English text, lower case, a plural's s dropped (accidents → accident)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _FUNCTION_WORDS]
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def english_opening(option: str) -> list[str]:
    """An English option's first topic words: up to its first clause break, at most OPENING_WORDS of them."""
    return content_words(_CLAUSE_END.split(option, maxsplit=1)[0])[:OPENING_WORDS]


def english_echo(option: str, question: str) -> float:
    """Share of the option's opening topic words that the question says too."""
    opening = _opening_words(option)
    asked = _topic_words(question)
    return sum(w in asked for w in opening) / len(opening) if opening else 0.0


@lru_cache(maxsize=4096)
def _opening_words(option: str) -> tuple[str, ...]:
    """english_opening, read once per option: generation compares every candidate's with each question (quiz49)."""
    return tuple(english_opening(option))


@lru_cache(maxsize=4096)
def _topic_words(question: str) -> frozenset[str]:
    return frozenset(content_words(question))


def english_gives_itself_away(question: str, options: Sequence[str], echoes: float) -> bool:
    """Whether the right option (options[0]) alone opens with the question's words: at least `echoes` of its
    opening, none of any other option's."""
    right, *others = options
    return english_echo(right, question) >= echoes and all(english_echo(o, question) == 0 for o in others)
