"""Regulation articles as a second collection of the hybrid index, and what a search returns.

Articles are embedded like FAQ entries (same encoder, cache and fusion). Their keyword side is
BM25 over the articles' sentences, the best sentence counting for its article: an article's
long text dilutes BM25, and the expected answer is one sentence (docs/benchmarks.md). Whether
any article is shown at all is decided by a gate of its own (kb.regulations.gate), which reads the
fused order; a learned re-ranker (kb.regulations.rerank) then orders the articles shown.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

import numpy as np

from kb.chinese_text import sentences
from kb.content import Entry
from kb.index import IndexedDoc, SearchIndex, keyword_collection
from kb.query_rewrite import SpokenTerms, TypoCorrector, bigrams, one_char_spoken
from kb.script_conversion import SimplifiedScript
from kb.regulations.gate import GATE, GateModel
from kb.regulations.gate_memory import GateMemory
from kb.regulations.library import Article, Document, Library
from kb.regulations.named import named_article
from kb.regulations.rerank import ArticleSignals, article_features
from kb.rerank import Reranker
from kb.scope import ScopeCheck
from kb.search import (QueryPlan, Rankings, Recipe, Searcher, keyword_coverage, rank_positions, relevance,
                       synonym_credited)
from kb.text import content_terms, keyword_tokens, matched_terms, normalize
from kb.word_frequency import WordFrequencies, bundled_frequencies

# The gate's probability threshold, chosen on the tune rows (bench.regulation_gate; docs/benchmarks.md, regs10, search12).
REGULATION_MIN_RELEVANCE = 0.58
NAMED_ARTICLE_SCORE = 1.0  # an article the query names by document and number: certain, shown as such
# The FAQ's query rewriters and duration rules are tuned on FAQ entries (keywords, durations);
# articles are ranked by fused rank; the FAQ's scope margin is replaced by the gate, which reads
# the out-of-scope examples itself.
REGULATION_RECIPE = Recipe(spoken_terms=False, typo_correction=False, scope_check=False, number_rules=False,
                           score_order=False, question_focus=False, siblings=False)
ARTICLE_FIELD = "article"
SENTENCE_FIELD = "sentence"
SENTENCE_UNIT_FIELD = "sentence_unit"
# The gate looks at the best few articles, as the FAQ's relevance gate does.
GATE_DEPTH = 3
# The articles cited by the FAQ entries closest to the question are a further ranking: FAQ entries
# are written in customers' words and cite their rule, a bridge from 没告知 to 未如实告知. Chosen on the
# tune half (bench.regulation_ranking): the 3 nearest entries, fused at weight 1.0.
CITING_ENTRIES = 3
CITATION_WEIGHT = 1.0
# The citation ranking's best articles are always among the candidates the re-ranker scores: an article cited
# for the question but in none of its words (保险法第三十六条 for 宽限期多久: …超过规定的期限六十日…) can fuse to
# rank 21, one past SCORED_DEPTH, and the re-ranker never sees it (docs/benchmarks.md, regsearch23).
CITED_KEPT = 1


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


def sentence_docs(articles: Sequence[IndexedDoc], library: Library) -> list[IndexedDoc]:
    """Each article's sentences (its whole text when it has none), in the articles' order."""
    texts = {a.key: a.text for a in library.articles()}
    return [IndexedDoc(doc.entry_id, SENTENCE_FIELD, sentence)
            for doc in articles for sentence in (sentences(texts[doc.entry_id]) or [texts[doc.entry_id]])]


def sentence_unit_docs(articles: Sequence[IndexedDoc], library: Library) -> list[IndexedDoc]:
    """What is embedded per sentence of a multi-sentence article ('<short name> <article>' then the
    sentence): the gate's finer dense signal inside an article (`top3_sentence_cosine`)."""
    units = []
    for doc in articles:
        article = library.article(*doc.entry_id.split(" ", 1))
        parts = sentences(article.text) if article else []
        if len(parts) > 1:
            short = library.documents[article.document_id].short_name
            units += [IndexedDoc(doc.entry_id, SENTENCE_UNIT_FIELD, f"{short} {article.label}\n{part}") for part in parts]
    return units


def cited_articles(entries: Mapping[str, Entry]) -> dict[str, tuple[str, ...]]:
    """Per FAQ entry id, the keys ('L1-01 第十六条') of the library articles its sources cite."""
    return {entry_id: tuple(dict.fromkeys(f"{s.document_id} {s.article}" for s in entry.sources
                                          if s.document_id and s.article))
            for entry_id, entry in entries.items()}


def term_fragments(text: str, terms: Collection[str]) -> set[str]:
    """The last two characters of a three-character glossary term in `text` (限期 of 宽限期, 豫期 of 犹豫期) when they
    occur nowhere else in it and are no term themselves: most such terms are a word and a suffix (宽限 + 期), so the
    piece straddles the two, and found alone it is another word (限期改正), not a match to mark. Longer terms are
    left whole. Dropping these pieces from the keyword ranking too cost a held-out question (regsearch23)."""
    found = [term for term in terms if len(term) == 3 and term in text]
    rest = text
    for term in found:
        rest = rest.replace(term, "\n")
    return {term[1:] for term in found if term[1:] not in terms and term[1:] not in rest}


def rankings_agree(shown: Sequence[int], dense_top: Mapping[int, tuple[float, int]],
                   keyword_top: Mapping[int, tuple[float, int]]) -> float:
    """How many of the two rankings' best articles (dense, sentence BM25; each ranking best first) are among
    the `shown` ones (0-2).

    When meaning and words pick the same articles the question is one the library answers; a
    near-domain question (车险, 分红实现率 …) scatters them (docs/benchmarks.md, fourth pass)."""
    return float(sum(best in shown for ranking in (dense_top, keyword_top) for best in list(ranking)[:1]))


class RegulationSearcher(Searcher):
    """Hybrid search over article documents, returning `ArticleHit`s."""

    def __init__(self, index: SearchIndex, library: Library, encoder, glossary,
                 min_relevance: float = REGULATION_MIN_RELEVANCE, scope: ScopeCheck | None = None,
                 faq: SearchIndex | None = None, sentences: SearchIndex | None = None, gate: GateModel = GATE,
                 citations: Mapping[str, Sequence[str]] | None = None, reranker: Reranker | None = None,
                 sentence_units: SearchIndex | None = None, memory: GateMemory | None = None,
                 correct_typos: bool = True, synonym_coverage: bool = True) -> None:
        """`scope`: the FAQ's out-of-scope examples; `faq`: the FAQ collection (both read by the gate);
        `sentences`: the keyword collection of `sentence_docs` (built here when not given);
        `citations`: per FAQ entry id, the article keys it cites (`cited_articles`);
        `reranker`: the learned article re-ranker (kb.regulations.rerank), None = fused order;
        `sentence_units`: the embedded `sentence_unit_docs` (read by the gate; None = that signal unknown);
        `memory`: the training writers' questions and negatives (read by the gate; None = those signals unknown);
        `correct_typos`: the narrow typo corrector (`_rewriters`) on or off;
        `synonym_coverage`: a query word counts as found in an article that says a glossary synonym of it (`_coverage`)."""
        self.library = library
        self.correct_typos = correct_typos
        self.synonym_coverage = synonym_coverage
        self.faq = faq
        articles: Mapping[str, Article] = {a.key: a for a in library.articles()}
        super().__init__(index, articles, encoder, glossary, min_relevance, recipe=REGULATION_RECIPE, scope=scope)
        self.sentences = sentences or keyword_collection(sentence_docs(index.docs, library), index.dense.d)
        if self.sentences.entry_ids != index.entry_ids:
            raise ValueError("sentence units out of step with the articles")  # both follow regulation_docs' order
        self.scope_examples = scope
        self.gate = gate
        self.article_reranker = reranker
        self._position = {key: i for i, key in enumerate(index.entry_ids)}
        self.sentence_units = sentence_units
        self.memory = memory
        self._units_of = {self._position[key]: i for i, key in enumerate(sentence_units.entry_ids)
                          if key in self._position} if sentence_units is not None else {}
        citations = citations or {}
        self._glossary_terms = frozenset(normalize(term) for group in glossary.groups for term in group.terms)
        self._cited = [[self._position[key] for key in citations.get(entry_id, ()) if key in self._position]
                       for entry_id in (faq.entry_ids if faq is not None else [])]

    def _rewriters(self) -> list[SimplifiedScript | SpokenTerms | TypoCorrector]:
        """A narrow typo corrector (宽线期 → 宽限期): only a stretch that is no word at all, only into a glossary
        term the articles use, and only when the corrected text reads better. The FAQ's corrector made about 30
        false fixes on the formal training questions (调价 → 调解, 复依 → 复议; docs/benchmarks.md, search13).
        Traditional characters are read as simplified first, as in the FAQ search (保險法 → 保险法; search16a)."""
        script = [SimplifiedScript()] if self.recipe.simplified_script else []
        if not self.correct_typos:
            return script
        texts = [normalize(article.text) for article in self.entries.values()]
        terms = {normalize(t) for group in self.glossary.groups for t in group.terms}
        library_text = "\n".join(texts)
        vocabulary = sorted(t for t in terms if t in library_text)
        known = [self.index.bm25.vocab_dict, bigrams(self._scope_examples)]
        return [*script, TypoCorrector(vocabulary, *known, words=WordFrequencies(bundled_frequencies(), terms),
                                       non_words_only=True, word_chars=one_char_spoken(self.glossary.groups))]

    def search(self, query: str, k: int = 5, category: str | None = None,
               min_relevance: float | None = None) -> list[ArticleHit]:
        """Best articles by meaning; an article the query names outright ("保险法第十六条") goes first."""
        hits = super().search(query, k=k, category=None, min_relevance=min_relevance)
        named = named_article(self.library, query)
        if named is None or k <= 0:
            return hits
        first = article_hit(self.library.documents[named.document_id], named, NAMED_ARTICLE_SCORE)
        return [first, *[hit for hit in hits if (hit.document_id, hit.article) != (named.document_id, named.label)]][:k]

    def without_reranker(self) -> "RegulationSearcher":
        """The same searcher in plain fused order (what the re-ranker is trained on)."""
        other = copy.copy(self)
        other.article_reranker = None
        return other

    def with_memory(self, memory: GateMemory | None) -> "RegulationSearcher":
        """The same searcher whose gate reads another memory (the benchmark fits on the one it will write)."""
        other = copy.copy(self)
        other.memory = memory
        return other

    def scored(self, query: str) -> tuple[QueryPlan, np.ndarray, Rankings, list[ArticleHit]] | None:
        """The plan, query vector, rankings and fused top candidates of an ungated search, before re-ranking
        (what the benchmarks fit the gate and train the re-ranker on; None: nothing to search)."""
        ungated = self._ungated(query)
        if ungated is None:
            return None
        plan, query_vector, _, _, rankings, candidates = ungated
        return plan, query_vector, rankings, candidates

    def article_scores(self, plan: QueryPlan, query_vector: np.ndarray, candidates: Sequence[ArticleHit],
                       rankings: Rankings) -> np.ndarray | None:
        """The re-ranker's 0-1 score per fused candidate (None without a re-ranker or candidates): computed
        once per search, read by the gate (`rerank_top`) and by the re-ordering."""
        if self.article_reranker is None or not candidates:
            return None
        return self.article_reranker.shown_scores(article_features(self.article_signals(plan, query_vector, candidates,
                                                                                        rankings)))

    def reranked(self, plan: QueryPlan, query_vector: np.ndarray, candidates: list, rankings: Rankings,
                 scores: np.ndarray | None = None) -> list:
        """The fused candidates re-ordered by the learned article re-ranker (unchanged without one);
        `scores`: `article_scores` already computed for these candidates."""
        if self.article_reranker is None or len(candidates) < 2:
            return candidates
        scores = self.article_scores(plan, query_vector, candidates, rankings) if scores is None else scores
        return [candidates[i] for i in sorted(range(len(candidates)), key=lambda i: (-scores[i], i))]

    def article_signals(self, plan: QueryPlan, query_vector: np.ndarray, candidates: Sequence[ArticleHit],
                        rankings: Rankings) -> list[ArticleSignals]:
        """Per candidate (fused order): the scores and ranks in the `rankings` it was fused from, coverage,
        length, document."""
        dense, keyword, fused, extra = rankings.dense, rankings.keyword, rankings.fused, rankings.extra
        dense_rank, keyword_rank = rank_positions(dense), rank_positions(keyword)
        cited_rank = rank_positions(extra[0][0]) if extra else {}
        signals = []
        for hit in candidates:
            entry = self._position[f"{hit.document_id} {hit.article}"]
            cosine = dense[entry][0] if entry in dense else self._exact_cosine(entry, query_vector)[0]
            best_sentence, sentence_doc = keyword.get(entry, (0.0, None))
            sentence_text = normalize(self.sentences.docs[sentence_doc].text) if sentence_doc is not None else ""
            sentence_tokens = set(keyword_tokens(sentence_text))
            signals.append(ArticleSignals(
                fused=fused.get(entry, 0.0), dense=float(cosine), dense_rank=dense_rank.get(entry),
                keyword=float(best_sentence), keyword_rank=keyword_rank.get(entry), cited_rank=cited_rank.get(entry),
                coverage=self._coverage(plan, self._entry_tokens[entry], self._entry_texts[entry]),
                sentence_coverage=self._coverage(plan, sentence_tokens, sentence_text), length=len(hit.text),
                document_id=hit.document_id, closest_sentence=self.closest_sentence(query_vector, entry)))
        return signals

    def _extra_rankings(self, query_vector: np.ndarray) -> list[tuple[dict[int, tuple[float, int]], float]]:
        """The articles cited by the nearest FAQ entries, nearest entry's first (score = -position)."""
        if self.faq is None or not any(self._cited):
            return []
        nearest = self.faq.dense_scores(query_vector, CITING_ENTRIES * 10)
        ranking: dict[int, tuple[float, int]] = {}
        for entry in sorted(nearest, key=lambda e: -nearest[e][0])[:CITING_ENTRIES]:
            for article in sorted(self._cited[entry]):
                ranking.setdefault(article, (-float(len(ranking)), -1))
        return [(ranking, CITATION_WEIGHT)]

    def _candidates(self, plan: QueryPlan, query_vector: np.ndarray, rankings: Rankings, k: int) -> list[ArticleHit]:
        """The fused candidates, then the citation ranking's best CITED_KEPT articles the fusion left below them
        (after the fused ones: the gate reads the fused order's best few; the re-ranker orders them all)."""
        candidates = super()._candidates(plan, query_vector, rankings, k)
        if not rankings.extra:
            return candidates
        kept = {self._position[f"{hit.document_id} {hit.article}"] for hit in candidates}
        missing = [entry for entry in list(rankings.extra[0][0])[:CITED_KEPT] if entry not in kept]
        return candidates + [self._hit(entry, plan, query_vector, rankings.dense, rankings.keyword,
                                       rankings.fused.get(entry, 0.0)) for entry in missing]

    def _keyword_scores(self, tokens: list[str], depth: int | None) -> dict[int, tuple[float, int]]:
        """BM25 of the best sentence of each article (entry indices are the articles')."""
        return self.sentences.keyword_scores(tokens, depth)

    def _accepted(self, candidates: list, threshold: float, plan: QueryPlan, query_vector: np.ndarray,
                  rankings: Rankings) -> list:
        """All candidates, re-ranked, when the gate accepts the question, else none; threshold 0 (hit test)
        skips the gate. The gate reads the fused order it was fitted on (docs/benchmarks.md, fifth pass:
        refitted on the re-ranked order it refused no better and answered fewer questions)."""
        if not candidates:
            return candidates
        scores = self.article_scores(plan, query_vector, candidates, rankings)
        if threshold > 0 and self.gate.probability(self.gate_features(plan, query_vector, candidates, rankings,
                                                                      rerank_scores=scores)) < threshold:
            return []
        return self.reranked(plan, query_vector, candidates, rankings, scores)

    def gate_features(self, plan: QueryPlan, query_vector: np.ndarray, candidates: Sequence[ArticleHit],
                      rankings: Rankings, leave_out: str | None = None,
                      rerank_scores: np.ndarray | None = None, writer: str | None = None) -> list[float | None]:
        """The gate's inputs (kb.regulations.gate.FEATURES) from the fused candidates and the `rankings` they
        were fused from (best first); `leave_out`: a scope example not to compare with (the benchmark
        measures each example against the others); `rerank_scores`: `article_scores` of the candidates (the
        best is how sure the re-ranker is that one of them answers); `writer`: a training writer whose rows of the
        memory do not count (the benchmark measures each writer as a new one). None = not known here."""
        terms = content_terms(plan.text) or plan.tokens
        top_cosine = max((score for score, _ in rankings.dense.values()), default=0.0)
        shown = [self._position[f"{h.document_id} {h.article}"] for h in candidates[:GATE_DEPTH]]
        # The query's own words, no synonym credited (`_coverage`): credited here, one more of w-claims' training
        # negatives was answered (search47); the re-ranker's best score, read below, does credit them.
        coverage = max((keyword_coverage(plan, self._entry_tokens[i]) for i in shown), default=0.0)
        best_sentence = max((score for score, _ in rankings.keyword.values()), default=0.0)
        scope_cosine, scope_coverage = (self.scope_examples.closeness(query_vector, terms, leave_out)
                                        if self.scope_examples is not None else (None, None))
        faq_cosine = None
        if self.faq is not None and self.faq.size:
            faq_cosine = max(score for score, _ in self.faq.dense_scores(query_vector, 1).values())
        return [top_cosine, scope_cosine, coverage, best_sentence / max(1, len(plan.tokens)), scope_coverage, faq_cosine,
                rankings_agree(shown, rankings.dense, rankings.keyword), self.top_sentence_cosine(query_vector, shown),
                float(rerank_scores.max()) if rerank_scores is not None and len(rerank_scores) else None,
                *(self.memory.closeness(query_vector, writer) if self.memory is not None else (None, None))]

    def top_sentence_cosine(self, query_vector: np.ndarray, shown: Sequence[int]) -> float | None:
        """Best e5 cosine of the question with one of the `shown` articles (entry indices) or one of their
        sentences: a long article's vector blurs the one sentence that answers (None without sentence units)."""
        if self.sentence_units is None:
            return None
        return max((self.closest_sentence(query_vector, entry) for entry in shown), default=0.0)

    def closest_sentence(self, query_vector: np.ndarray, entry: int) -> float:
        """Best e5 cosine of the question with article `entry` or one of its sentences (the article alone
        without sentence units)."""
        vectors = [self.index.dense.reconstruct(int(d)) for d in self.index.entry_docs(entry)]
        if entry in self._units_of:
            vectors += [self.sentence_units.dense.reconstruct(int(d))
                        for d in self.sentence_units.entry_docs(self._units_of[entry])]
        return float((np.vstack(vectors) @ query_vector).max())

    def _hit(self, entry_index: int, plan: QueryPlan, query_vector: np.ndarray, dense, keyword,
             fused: float = 0.0) -> ArticleHit:
        article: Article = self.entries[self.index.entry_ids[entry_index]]
        document = self.library.documents[article.document_id]
        cosine = dense[entry_index][0] if entry_index in dense else self._exact_cosine(entry_index, query_vector)[0]
        coverage = self._coverage(plan, self._entry_tokens[entry_index], self._entry_texts[entry_index])
        pieces = term_fragments("\n".join((plan.text, *plan.expansion_terms)), self._glossary_terms)
        highlights = tuple(term for term in matched_terms(plan.text, article.text, plan.expansion_terms)
                           if term not in pieces)
        return article_hit(document, article, relevance(cosine, coverage), highlights)

    def _coverage(self, plan: QueryPlan, tokens: set[str], text: str) -> float:
        """Keyword coverage of an article or sentence (`tokens`, its normalised `text`), a query word counted as
        found where the text says a glossary synonym of it: the law writes 合同效力中止, a caller says 保单失效
        (search47; the FAQ's entries hold callers' words themselves, its coverage is unchanged)."""
        credited = synonym_credited(plan, text) if self.synonym_coverage else frozenset()
        return keyword_coverage(plan, tokens, credited=credited)

    def _with_highlights(self, hit: ArticleHit, plan: QueryPlan) -> ArticleHit:
        return hit  # an article hit is built with its highlights already (_hit above)
