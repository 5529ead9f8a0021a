"""Where a sentence names a document it cites, so generation never blanks or swaps a word of a title.

保险销售行为____管理暂行办法 asks a trainee to recall a regulation's name, not a rule (qa22 T3's note:
`gen-fill:norms-call-recording:0` blanked 可回溯). A title is a 《…》, or a document's name as the content
cites it: the regulation library's titles, short names and aliases and sources.yaml's names and full titles —
or their tails, since answers shorten them (可回溯管理暂行办法 for 保险销售行为可回溯管理暂行办法,
基本服务规定 for 人身保险业务基本服务规定).
"""

from __future__ import annotations

import re
from typing import Sequence

from kb import ContentSet

# A shortened name is a tail of a known one at least this long: 管理办法, 基本服务规定, 司法解释二.
# Shorter tails (办法, 规定) are everyday words.
SHORTEST_TAIL = 4
_QUOTED_TITLE = re.compile(r"《[^《》]*》")

Span = tuple[int, int]


def document_names(content: ContentSet | None) -> tuple[str, ...]:
    """Every name the content may cite a document by (its tails are found by `title_spans`)."""
    if content is None:
        return ()
    names = {n for d in content.library.documents.values() for n in d.names}
    names |= {n for d in content.source_docs.values() for n in (d.name, d.full_title)}
    return tuple(sorted(n for n in names if len(n) >= 2))


def title_spans(sentence: str, names: Sequence[str]) -> list[Span]:
    """The (start, end) spans of `sentence` that are a document's title: 《…》, or a known name or a tail of one
    (SHORTEST_TAIL characters or more), each as long as the sentence says it."""
    spans = [m.span() for m in _QUOTED_TITLE.finditer(sentence)]
    for name in names:
        ending = name[-SHORTEST_TAIL:]
        start = sentence.find(ending)
        while start != -1:
            end, length = start + len(ending), len(ending)
            while length < len(name) and length < end and sentence[end - length - 1] == name[-length - 1]:
                length += 1
            spans.append((end - length, end))
            start = sentence.find(ending, start + 1)
    return spans


def inside_title(sentence: str, start: int, end: int, names: Sequence[str]) -> bool:
    """Whether the text between `start` and `end` overlaps a title the sentence cites."""
    return any(s < end and start < e for s, e in title_spans(sentence, names))
