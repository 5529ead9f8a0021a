"""What the dialogue engine needs from the knowledge base: entries by id and the service language.

`KnowledgeBase` already satisfies `FactBook`. `ContentFacts` is the light version over a bare
`ContentSet` (no encoder, no index) for scripts and tests that never search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from kb.content import ContentSet, Entry, load_content


class FactBook(Protocol):
    @property
    def content(self) -> ContentSet: ...

    def entry(self, entry_id: str) -> Entry: ...


class ContentFacts:
    """A `FactBook` over a loaded content set."""

    def __init__(self, content: ContentSet) -> None:
        self._content = content

    @classmethod
    def load(cls, root: Path | str) -> "ContentFacts":
        return cls(load_content(root))

    @property
    def content(self) -> ContentSet:
        return self._content

    def entry(self, entry_id: str) -> Entry:
        return self._content.entries[entry_id]
