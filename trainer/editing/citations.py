"""引用检查: which FAQ entries, quiz items and scenarios rest on each regulation article.

Quiz items and scenarios cite articles through the FAQ entries they test or use, so an
instructor checking an article sees everything that would have to change with it. Citations
to documents outside the library and entries citing no library article are listed too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.content import ContentSet, Entry, Source
from trainer.editing.links import scenario_references


@dataclass(frozen=True)
class Use:
    kind: str      # entry | quiz | scenario
    item_id: str
    file: str
    line: int
    via: str = ""  # the FAQ entry a quiz item or scenario reaches the article through


@dataclass
class ArticleUses:
    document_id: str
    article: str
    uses: list[Use] = field(default_factory=list)

    def ids(self, kind: str) -> list[str]:
        """The ids of the items of one kind (entry | quiz | scenario) that rest on the article, each once, sorted."""
        return sorted({u.item_id for u in self.uses if u.kind == kind})


# The article key of a citation that names a document but no article (the page labels it 全文).
WHOLE_DOCUMENT = ""


@dataclass
class CitationOverview:
    articles: dict[tuple[str, str], ArticleUses]
    outside_library: list[tuple[Entry, Source]]
    citing_nothing: list[Entry]
    # (document, article) -> the article's position in its document: 第二十三条 before 第三十七条,
    # which sorted as text come the other way round (三 < 二).
    positions: dict[tuple[str, str], int] = field(default_factory=dict)

    def rows(self) -> list[dict[str, str]]:
        """One row per article, in each document's own order: how many entries, quiz items and scenarios
        cite it, and which."""
        rows = []
        order = sorted(self.articles, key=lambda key: (key[0], self.positions.get(key, len(self.positions)), key[1]))
        for doc, article in order:
            found = self.articles[(doc, article)]
            by_kind = {kind: found.ids(kind) for kind in ("entry", "quiz", "scenario")}
            rows.append({"document": doc, "article": article, "entries": ", ".join(by_kind["entry"]),
                         "quiz items": str(len(by_kind["quiz"])), "scenarios": ", ".join(by_kind["scenario"])})
        return rows


def citation_overview(content: ContentSet) -> CitationOverview:
    articles: dict[tuple[str, str], ArticleUses] = {}
    outside: list[tuple[Entry, Source]] = []
    nothing: list[Entry] = []
    cited_by_entry: dict[str, list[tuple[str, str]]] = {}
    for entry in content.entries.values():
        keys = []
        for source in entry.sources:
            if source.document_id:
                key = (source.document_id, source.article or WHOLE_DOCUMENT)
                articles.setdefault(key, ArticleUses(*key)).uses.append(Use("entry", entry.id, entry.file, source.line or entry.line))
                keys.append(key)
            else:
                outside.append((entry, source))
        if not keys:
            nothing.append(entry)
        cited_by_entry[entry.id] = keys
    for item in content.quiz_items.values():
        for key in cited_by_entry.get(item.entry, []):
            articles[key].uses.append(Use("quiz", item.id, item.file, item.line, item.entry))
    for ref in scenario_references(content.root):
        for key in cited_by_entry.get(ref.entry_id, []):
            articles[key].uses.append(Use("scenario", ref.item_id, ref.file, ref.line, ref.entry_id))
    return CitationOverview(articles, outside, nothing, _positions(content, articles))


def _positions(content: ContentSet, cited: dict[tuple[str, str], ArticleUses]) -> dict[tuple[str, str], int]:
    """Where each cited article stands in its library document (a whole-document citation first)."""
    positions = {}
    for doc_id, label in cited:
        document = content.library.documents.get(doc_id)
        if document is None:
            continue
        article = content.library.article(doc_id, label) if label else None
        numbers = {a.label: n for n, a in enumerate(document.articles, start=1)}
        if not label or article is not None:
            positions[(doc_id, label)] = numbers[article.label] if article is not None else 0
    return positions
