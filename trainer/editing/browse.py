"""Finding the entry or quiz item to edit: filter by category, tag and any text in it."""

from __future__ import annotations

from typing import Union

from kb.content import ContentSet, Entry, QuizItem
from kb.text import normalize
from trainer.editing.fields import ENTRY

Item = Union[Entry, QuizItem]


def _haystack(item: Item) -> str:
    if isinstance(item, Entry):
        parts = [item.id, item.question, item.answer, item.script, *item.variants, *item.keywords]
    else:
        parts = [item.id, item.prompt, item.explanation, item.entry, *item.options]
    return normalize(" ".join(parts))


def matching_items(content: ContentSet, kind: str, category: str | None = None, tag: str | None = None,
                   text: str = "") -> list[Item]:
    """Entries (or quiz items) of `category` carrying `tag` whose text contains `text`, in content order."""
    items = content.entries.values() if kind == ENTRY else content.quiz_items.values()
    wanted = normalize(text.strip()) if text.strip() else ""
    return [item for item in items
            if (category is None or item.category == category)
            and (tag is None or (isinstance(item, Entry) and tag in item.tags))
            and (not wanted or wanted in _haystack(item))]


def all_tags(content: ContentSet) -> list[str]:
    return sorted({tag for entry in content.entries.values() for tag in entry.tags})
