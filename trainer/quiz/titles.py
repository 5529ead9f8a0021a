"""Where a sentence names a document it cites, so generation never blanks or swaps a word of a title.

保险销售行为____管理暂行办法 asks a trainee to recall a regulation's name, not a rule (qa22 T3's note:
`gen-fill:norms-call-recording:0` blanked 可回溯). A title is a 《…》, or a document's name as the content
cites it: the regulation library's titles, short names and aliases and sources.yaml's names and full titles —
and their tails, since answers shorten them (可回溯管理暂行办法 for 保险销售行为可回溯管理暂行办法,
基本服务规定 for 人身保险业务基本服务规定).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from kb import ContentSet

# A shortened name is a tail of a known one at least this long: 管理办法, 基本服务规定, 司法解释二.
# Shorter tails (办法, 规定) are everyday words.
SHORTEST_TAIL = 4
_QUOTED_TITLE = re.compile(r"《[^《》]*》")

Span = tuple[int, int]


def document_names(content: ContentSet | None) -> tuple[str, ...]:
    """Every name the content may cite a document by, with their tails, longest first."""
    if content is None:
        return ()
    names = [n for d in content.library.documents.values() for n in d.names]
    names += [n for d in content.source_docs.values() for n in (d.name, d.full_title)]
    return _with_tails(tuple(sorted(set(names))))


@lru_cache(maxsize=4)
def _with_tails(names: tuple[str, ...]) -> tuple[str, ...]:
    found = {name for name in names if len(name) >= 2}
    found |= {name[i:] for name in names for i in range(1, len(name) - SHORTEST_TAIL + 1)}
    return tuple(sorted(found, key=lambda n: (-len(n), n)))


def title_spans(sentence: str, names: Iterable[str]) -> list[Span]:
    """The (start, end) spans of `sentence` that are a document's title: 《…》 or a known name."""
    spans = [m.span() for m in _QUOTED_TITLE.finditer(sentence)]
    for name in names:
        start = sentence.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = sentence.find(name, start + 1)
    return spans


def inside_title(sentence: str, start: int, end: int, names: Iterable[str]) -> bool:
    """Whether the text between `start` and `end` overlaps a title the sentence cites."""
    return any(s < end and start < e for s, e in title_spans(sentence, names))
