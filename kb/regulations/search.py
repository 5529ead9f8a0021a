"""Regulation articles as a second collection of the hybrid index, and what a search returns.

Articles are embedded and BM25-indexed exactly like FAQ entries (same encoder, tokens,
cache and fusion) and pass the same kind of relevance gate, with its own threshold because
an article's long text covers more query words than a short FAQ answer does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np

from kb.index import IndexedDoc
from kb.regulations.library import Article, Document, Library
from kb.scope import ScopeCheck
from kb.search import QueryPlan, Recipe, Searcher, keyword_coverage, relevance
from kb.text import matched_terms

# Chosen on the tune half with the scope check below (docs/benchmarks.md): the highest top-3 at
# which negatives are refused at least as often as before (0.857); the targets are not reached.
REGULATION_MIN_RELEVANCE = 0.54
# The FAQ's out-of-scope examples (车险, 社保 …) also refuse out-of-scope regulation questions, with
# a margin of its own: an article's long text sits further from a question than a short FAQ entry,
# so a question is refused only when an out-of-scope example is 0.02 closer than the best article.
REGULATION_SCOPE_MARGIN = -0.02
# The FAQ's query rewriters and duration rules are tuned on FAQ entries (keywords, durations);
# articles are ranked by fused rank and gated on relevance and scope, as measured.
REGULATION_RECIPE = Recipe(spoken_terms=False, typo_correction=False, scope_check=True, number_rules=False,
                           score_order=False, question_focus=False)
ARTICLE_FIELD = "article"


@dataclass(frozen=True)
class ArticleHit:
    """One article: which document, which article, its full text, and how relevant it is."""

    document_id: str
    title: str
    article: str
    text: str
    score: float
    short_name: str = ""
    document_number: str = ""
    effective: str = ""
    status: str = ""
    chapter: str = ""
    highlights: tuple[str, ...] = ()

    @property
    def relevance(self) -> float:
        """The searcher's gate reads `relevance`; for an article it is the score shown."""
        return self.score


def article_hit(document: Document, article: Article, score: float = 0.0,
                highlights: tuple[str, ...] = ()) -> ArticleHit:
    return ArticleHit(document.id, document.title, article.label, article.text, score, document.short_name,
                      document.document_number, document.effective, document.status,
                      " ".join(filter(None, (article.chapter, article.section))), highlights)


def indexed_text(document: Document, article: Article) -> str:
    """What is embedded for an article: the document's short name and the article's place, then its text."""
    place = " ".join(filter(None, (article.chapter, article.section)))
    return f"{document.short_name} {article.label} {place}\n{article.text}".strip()


def regulation_docs(library: Library) -> list[IndexedDoc]:
    """Every article of every current document; repealed or superseded texts are never searched."""
    return [IndexedDoc(article.key, ARTICLE_FIELD, indexed_text(document, article))
            for document in library.documents.values() if document.is_current
            for article in document.articles if article.text.strip()]


class RegulationSearcher(Searcher):
    """Hybrid search over article documents, returning `ArticleHit`s."""

    def __init__(self, index, library: Library, encoder, glossary, min_relevance: float = REGULATION_MIN_RELEVANCE,
                 scope: ScopeCheck | None = None) -> None:
        """`scope`: the FAQ's out-of-scope examples; they are used here with REGULATION_SCOPE_MARGIN."""
        self.library = library
        articles: Mapping[str, Article] = {a.key: a for a in library.articles()}
        own_scope = scope.with_margin(REGULATION_SCOPE_MARGIN) if scope is not None else None
        super().__init__(index, articles, encoder, glossary, min_relevance, recipe=REGULATION_RECIPE, scope=own_scope)

    def search(self, query: str, k: int = 5, category: str | None = None,
               min_relevance: float | None = None) -> list[ArticleHit]:
        return super().search(query, k=k, category=None, min_relevance=min_relevance)

    def _hit(self, entry_index: int, plan: QueryPlan, query_vector: np.ndarray, dense, keyword,
             fused: float = 0.0) -> ArticleHit:
        article: Article = self.entries[self.index.entry_ids[entry_index]]
        document = self.library.documents[article.document_id]
        cosine = dense[entry_index][0] if entry_index in dense else self._exact_cosine(entry_index, query_vector)[0]
        coverage = keyword_coverage(plan, self._entry_tokens[entry_index])
        highlights = tuple(matched_terms(plan.text, article.text, plan.expansion_terms))
        return article_hit(document, article, relevance(cosine, coverage), highlights)

    def _with_highlights(self, hit: ArticleHit, plan: QueryPlan) -> ArticleHit:
        return hit  # an article hit is built with its highlights already (_hit above)
