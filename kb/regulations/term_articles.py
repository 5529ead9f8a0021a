"""The articles that set a term an agent types on its own ("犹豫期", "宽限期的规定", "保险法 犹豫期").

A bare term is a poor query for the article search: its gate refused 犹豫期 (a two-word question is
close to no training question and covers little of any article), and 宽限期 found an article that
merely lists it (保险销售行为管理办法第二十五条) above the one that sets it — 保险法第三十六条 never says
宽限期, it says 六十日 (qa29 R1). The FAQ already knows which articles set a term: its entries on the
term cite them. So for a bare term the articles cited by the entries whose question names it come
first, most-cited first; among those, the ones whose text says the term, when any does (the 犹豫期
entries also cite 保险法第十五条, the general right to rescind, which sets no 犹豫期).

When the query also names a document that has none of these articles and never says the term, the
library itself shows that document does not set it (保险法 has no 犹豫期 article: facts.md §2) — said so,
rather than "no reliable match" (qa29 R2).

A term said of another line of business (车险犹豫期, 交强险的宽限期: content/scope.yaml `other_lines`) is no bare
term of ours: it is searched as usual, where the gate refuses it, and not opened on the life-insurance articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence, TypeVar

from kb.content import Entry, GlossaryGroup
from kb.other_lines import OtherLine, other_line_of
from kb.regulations.library import Article, Document, Library
from kb.text import normalize

# What a query may say besides the term and a document's name and still be the bare term: 的规定, 一个月, 是什么.
BARE_REST = 3
# At most this many term articles go first.
TERM_ARTICLES = 3
_NOT_WORDS = re.compile(r"[\W_]+")
T = TypeVar("T")


@dataclass(frozen=True)
class TermArticles:
    """The glossary term a bare query names, the articles the FAQ cites for it (best first) and, when the query
    names a document without any article on the term, that document's short name."""

    term: str
    articles: tuple[Article, ...]
    missing_from: str = ""


def _longest_in(text: str, named: Iterable[tuple[T, str]]) -> tuple[T, str] | None:
    """The (thing, name) pair whose name, two characters or more, is the longest occurring in normalised `text`."""
    found = [(thing, name) for thing, name in named if len(name) >= 2 and normalize(name) in text]
    return max(found, key=lambda pair: len(pair[1])) if found else None


def term_group(text: str, groups: Iterable[GlossaryGroup]) -> tuple[GlossaryGroup, str] | None:
    """The glossary group of the longest term in normalised `text`, with that term (None when none occurs)."""
    return _longest_in(text, ((group, term) for group in groups for term in group.terms))


def named_document(library: Library, text: str) -> tuple[Document, str] | None:
    """The current document whose longest name occurs in normalised `text`, with that name."""
    return _longest_in(text, ((document, name) for document in library.documents.values() if document.is_current
                              for name in document.names))


def says_term(text: str, terms: Sequence[str]) -> bool:
    return any(term in text for term in terms)


def cited_for(group: GlossaryGroup, entries: Mapping[str, Entry], library: Library) -> list[Article]:
    """The current articles cited by the entries whose question names a term of `group`: most-cited first (ties in
    the order the content first cites them); only those that say the term when any does."""
    counts: dict[str, int] = {}
    articles: dict[str, Article] = {}
    terms = [normalize(t) for t in group.terms]
    for entry in entries.values():
        if not says_term(normalize(entry.question), terms):
            continue
        for source in entry.sources:
            article = library.article(source.document_id, source.article) if source.document_id and source.article else None
            if article is None or not library.documents[article.document_id].is_current:
                continue
            counts[article.key] = counts.get(article.key, 0) + 1
            articles.setdefault(article.key, article)
    stating = [key for key in counts if says_term(articles[key].text, group.terms)] or list(counts)
    # Most-cited first; between equals, the article that says the term most densely: 健康保险管理办法第十五条 (one sentence
    # setting the 犹豫期) before 基本服务规定第十五条 (a callback's seven items, 犹豫期 one of them).
    return [articles[key] for key in sorted(stating, key=lambda key: (-counts[key], -density(articles[key].text,
                                                                                          group.terms)))]


def density(text: str, terms: Sequence[str]) -> float:
    """How much of `text` is the terms: their occurrences per character."""
    return sum(text.count(term) for term in terms) / max(1, len(text))


def term_articles(query: str, groups: Iterable[GlossaryGroup], entries: Mapping[str, Entry],
                  library: Library, other_lines: Sequence[OtherLine] = ()) -> TermArticles | None:
    """The articles that set the term a bare `query` names (None: no term, more than a term, nothing cited, or a
    term of another line of business: `other_lines`)."""
    text = normalize(query)
    if other_line_of((query, text), other_lines) is not None:
        return None
    document = named_document(library, text)
    rest = text.replace(normalize(document[1]), " ") if document else text  # 健康保险 of 健康保险管理办法 is no term here
    named = term_group(rest, groups)
    if named is None:
        return None
    group, term = named
    for word in sorted((normalize(t) for t in group.terms), key=len, reverse=True):
        rest = rest.replace(word, " ")
    if len(_NOT_WORDS.sub("", rest)) > BARE_REST:
        return None
    articles = cited_for(group, entries, library)[:TERM_ARTICLES]
    if not articles:
        return None
    missing = ""
    if document is not None:
        doc = document[0]
        if not any(a.document_id == doc.id for a in articles) and not any(says_term(a.text, group.terms)
                                                                          for a in doc.articles):
            missing = doc.short_name
    return TermArticles(group.terms[0], tuple(articles), missing)
