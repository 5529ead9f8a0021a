"""`KnowledgeBase`: the content set, its search index and search, behind one object.

The content, index and searcher are held together in one immutable `_Snapshot`; a reload
builds a complete new snapshot and replaces the reference in a single assignment. Searches
in other threads keep using the snapshot they started with, so they never see a half-built
index, and an invalid edit never replaces content that loaded.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from kb.content import (Category, ContentError, ContentSet, Entry, Source, collect_content, content_fingerprint,
                        load_content)
from kb.embeddings import EmbeddingCache, Encoder, QueryVectorCache, load_encoder
from kb.index import SearchIndex, open_collection, open_index
from kb.regulations.gate_memory import GateMemory
from kb.regulations.rerank import load_reranker
from kb.regulations.term_articles import term_articles
from kb.regulations.search import (ArticleHit, RegulationSearcher, article_hit, cited_articles, regulation_docs,
                                   sentence_docs, sentence_unit_docs)
from kb.adapter import QueryAdapter
from kb.rerank import Reranker
from kb.other_lines import OtherLine, other_line_of
from kb.faq_gate import GATE as FAQ_GATE, load_memory as faq_gate_memory
from kb.scope import ScopeCheck
from kb.search import Glossary, Hit, Recipe, Searcher
from kb.text import normalize
from kb.yaml_source import Problem
from settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Snapshot:
    content: ContentSet
    index: SearchIndex
    searcher: Searcher
    regulation_searcher: RegulationSearcher


def _scope(examples: tuple[str, ...], cache: EmbeddingCache) -> ScopeCheck:
    """These out-of-scope examples, embedded (cached per text)."""
    return ScopeCheck(examples, cache.embed(list(examples)))


def _searcher(content: ContentSet, index: SearchIndex, cache: EmbeddingCache, settings: Settings) -> Searcher:
    """The searcher over one content set, with its scope examples."""
    scope = _scope(content.out_of_scope, cache)
    return Searcher(index, content.entries, cache.encoder, Glossary(content.glossary), settings.min_relevance,
                    scope=scope, duration_rules=content.duration_rules, reranker=Reranker.load(cache.encoder.model_id),
                    gate=FAQ_GATE, adapter=QueryAdapter.load(cache.encoder.model_id),
                    stated=content.stated_spans, other_lines=content.other_lines,
                    # the 3.6 MB memory is read only when the app's recipe uses it (on since search21a)
                    memory=faq_gate_memory(cache.encoder.model_id) if Recipe().gate_memory else None)


@dataclass(frozen=True)
class TermHits:
    """A bare term's articles (kb.regulations.term_articles) first, then the search's others: `setting` of the
    `articles` are the ones the FAQ cites for `term`; `missing_from`: a document the query names that has none."""

    term: str
    articles: tuple[ArticleHit, ...]
    setting: int
    missing_from: str = ""


@dataclass(frozen=True)
class AnswerArticles:
    """The 法规原文 under an answer: the library articles the answer cites, in its order, then the library's best
    other articles for the question (qa23 G3, qa24 G2: under 宽限期多久 the section opened on a seller's checklist
    that names 宽限期 among twenty terms, not on 保险法第三十六条, which the answer cites)."""

    cited: tuple[ArticleHit, ...]
    found: tuple[ArticleHit, ...]

    def __iter__(self) -> Iterator[ArticleHit]:
        return iter((*self.cited, *self.found))


class KnowledgeBase:
    """Load, validate, index and search the content; reload safely while serving."""

    def __init__(self, snapshot: _Snapshot, cache: EmbeddingCache, settings: Settings) -> None:
        self._snapshot = snapshot
        self._cache = cache
        self._queries = QueryVectorCache(cache.encoder, settings.embedding_cache_dir)
        self._settings = settings
        self._reload_lock = threading.Lock()
        self.last_errors: list[Problem] = []

    @classmethod
    def open(cls, content_dir: str | Path | None = None, settings: Settings | None = None,
             encoder: Encoder | None = None, progress: Callable[[int], None] | None = None) -> "KnowledgeBase":
        """Load and validate `content_dir`, then build or reuse the cached index.

        Raises `ContentError` when the content is invalid: with nothing good loaded yet there
        is nothing to serve.
        """
        settings = settings or Settings.from_env()
        root = Path(content_dir) if content_dir is not None else settings.content_dir
        settings = settings.with_overrides(content_dir=root)
        encoder = encoder or load_encoder(settings.embedding_model)
        cache = EmbeddingCache(encoder, settings.embedding_cache_dir)
        content = load_content(root)
        snapshot = cls._build_snapshot(content, cache, settings, progress)
        return cls(snapshot, cache, settings)

    @staticmethod
    def _build_snapshot(content: ContentSet, cache: EmbeddingCache, settings: Settings,
                        progress: Callable[[int], None] | None = None) -> _Snapshot:
        index = open_index(list(content.entries.values()), cache, settings.index_dir, progress)
        articles = open_collection(regulation_docs(content.library), cache, settings.index_dir, progress)
        sentences = open_collection(sentence_docs(articles.docs, content.library), cache, settings.index_dir,
                                    vectors=False)
        unit_docs = sentence_unit_docs(articles.docs, content.library)
        units = open_collection(unit_docs, cache, settings.index_dir, progress) if unit_docs else None
        regulations = RegulationSearcher(articles, content.library, cache.encoder, Glossary(content.glossary),
                                         scope=_scope(content.regulation_out_of_scope, cache), faq=index, sentences=sentences,
                                         citations=cited_articles(content.entries),
                                         reranker=load_reranker(cache.encoder.model_id), sentence_units=units,
                                         memory=GateMemory.load(cache.encoder.model_id))
        return _Snapshot(content, index, _searcher(content, index, cache, settings), regulations)

    # ------------------------------------------------------------------ reading

    @property
    def content(self) -> ContentSet:
        return self._snapshot.content

    @property
    def encoder(self) -> Encoder:
        return self._cache.encoder

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def index(self) -> SearchIndex:
        return self._snapshot.index

    @property
    def regulation_index(self) -> SearchIndex:
        """The regulation-article collection of the index."""
        return self._snapshot.regulation_searcher.index

    def search(self, query: str, k: int = 5, category: str | None = None,
               min_relevance: float | None = None) -> list[Hit]:
        """Best answers for a query; [] for empty, off-topic or unanswerable queries."""
        return self._snapshot.searcher.search(query, k=k, category=category, min_relevance=min_relevance)

    def batch_searcher(self) -> Searcher:
        """The live searcher, remembering each query's vector (hit tests repeat their questions);
        call `keep_query_vectors()` after the batch so the next process remembers them too."""
        return self._snapshot.searcher.with_encoder(self._queries)

    def remember_queries(self, queries: list[str], progress: Callable[[int], None] | None = None) -> int:
        """Encode ahead the queries not remembered yet (e.g. the hit test's dev set at build time,
        so an instructor's first batch run does not wait for it); returns how many were encoded."""
        searcher = self._snapshot.searcher
        # Each query's texts in one call, exactly as its search encodes them.
        todo = [texts for texts in dict.fromkeys(tuple(searcher.query_texts(q)) for q in queries)
                if texts and self._queries.count_missing(texts)]
        for texts in todo:
            self._queries.encode_queries(texts)
            if progress is not None:
                progress(1)
        if todo:
            self._queries.save()
        return len(todo)

    def keep_query_vectors(self) -> None:
        """Write the query vectors remembered by batch and preview searches to the cache dir."""
        self._queries.save()

    def search_regulations(self, query: str, k: int = 5, min_relevance: float | None = None) -> list[ArticleHit]:
        """Best articles of the regulation library for a query; [] when nothing is reliable."""
        return self._snapshot.regulation_searcher.search(query, k=k, min_relevance=min_relevance)

    def term_hits(self, query: str, k: int = 5) -> TermHits | None:
        """For a query that is a glossary term alone (with a document's name or a few characters more): the
        articles the FAQ cites for the term, then the search's best others (None when the query is more than a term
        or the FAQ cites nothing for it: search as usual)."""
        content = self._snapshot.content
        found = term_articles(query, content.glossary, content.entries, content.library, content.other_lines)
        if found is None:
            return None
        setting = [article_hit(content.library.documents[a.document_id], a,
                               highlights=(found.term,) if found.term in a.text else ()) for a in found.articles]
        keys = {(hit.document_id, hit.article) for hit in setting}
        others = [hit for hit in self.search_regulations(query, k=k) if (hit.document_id, hit.article) not in keys]
        return TermHits(found.term, tuple(setting + others)[:max(k, len(setting))], len(setting), found.missing_from)

    def other_line(self, query: str) -> OtherLine | None:
        """The line of business the hotline does not handle that `query` names (车险, 财产险 …), or None."""
        return other_line_of((query, normalize(query)), self._snapshot.content.other_lines)

    def answer_articles(self, query: str, sources: Iterable[Source] = (), k: int = 3) -> AnswerArticles:
        """The articles an answer cites (`sources` in the library; found by the search too, its hit with the query's
        words marked) first, then the search's best `k` for the query that the answer does not cite."""
        sources = tuple(sources)
        found = self.search_regulations(query, k=k + len(sources))
        by_key = {(hit.document_id, hit.article): hit for hit in found}
        cited: dict[tuple[str, str], ArticleHit] = {}
        for source in sources:
            hit = self.article(source.document_id, source.article) if source.document_id and source.article else None
            if hit is not None:
                cited.setdefault((hit.document_id, hit.article), by_key.get((hit.document_id, hit.article), hit))
        return AnswerArticles(tuple(cited.values()),
                              tuple(hit for key, hit in by_key.items() if key not in cited)[:k])

    def article(self, document_id: str, article: str) -> ArticleHit | None:
        """One article by document (id or short name) and position (第十五条, 第15条, 3.1.1.3, 一); None if absent."""
        library = self._snapshot.content.library
        found = library.article(document_id, article)
        return article_hit(library.documents[found.document_id], found) if found else None

    def entry(self, entry_id: str) -> Entry:
        """One entry by id (KeyError if there is none)."""
        return self._snapshot.content.entries[entry_id]

    def entries(self, category: str | None = None) -> list[Entry]:
        """All entries, or those of one category, in content order."""
        values = self._snapshot.content.entries.values()
        return [e for e in values if category is None or e.category == category]

    def similar_entries(self, depth: int = 10, max_cosine: float = 1.0) -> dict[str, list[str]]:
        """For every entry id, the ids of the `depth` entries closest to it in meaning, nearest first.

        Entries at cosine ≥ `max_cosine` are left out: so close that they may state the same fact
        (quiz distractors must be wrong, not a second right answer).
        """
        return self._snapshot.index.similar_entries(depth, max_cosine)

    def categories(self) -> Mapping[str, Category]:
        return self._snapshot.content.categories

    def preview(self, overrides: Mapping[str, str | None]) -> tuple[Searcher | None, list[Problem]]:
        """A searcher over the content with draft file texts applied, for testing an edit before saving.

        Built in memory: the live snapshot is untouched and nothing goes to the index cache.
        Vectors come from the shared per-text embedding cache, so only edited texts are encoded,
        and query vectors from the batch searcher's memory (a draft is tested on the same questions).
        Returns (None, problems) when the drafted content is invalid.
        """
        content, problems = collect_content(self._settings.content_dir, overrides)
        if problems:
            return None, problems
        index = open_index(list(content.entries.values()), self._cache, None)
        return _searcher(content, index, self._cache, self._settings).with_encoder(self._queries), []

    # ------------------------------------------------------------------ reloading

    def reload(self, progress: Callable[[int], None] | None = None) -> list[Problem]:
        """Re-read the content folder; swap in the new content and index only if it is valid.

        Returns the problems found ([] on success). On problems the previous content keeps
        serving and `last_errors` holds them for the instructor.
        """
        with self._reload_lock:
            try:
                content = load_content(self._settings.content_dir)
            except ContentError as err:
                self.last_errors = err.problems
                log.warning("content reload refused: %d problem(s); still serving the last good content", len(err.problems))
                return err.problems
            if content.content_hash != self._snapshot.content.content_hash:
                self._snapshot = self._build_snapshot(content, self._cache, self._settings, progress)
            self.last_errors = []
            return []

    def publish(self, content: ContentSet) -> None:
        """Swap in a content set that was validated (without problems) from what is now on disk.

        The content editor validates the whole set before writing it; this saves parsing every
        file a second time. Should the disk differ after all, `reload_if_changed` corrects it.
        """
        with self._reload_lock:
            if content.content_hash != self._snapshot.content.content_hash:
                self._snapshot = self._build_snapshot(content, self._cache, self._settings)
            self.last_errors = []

    def reload_if_changed(self) -> list[Problem]:
        """Reload when files on disk differ from what is loaded (edits made outside the app)."""
        if content_fingerprint(self._settings.content_dir) == self._snapshot.content.content_hash:
            return []
        return self.reload()
