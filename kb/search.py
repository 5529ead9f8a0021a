"""Hybrid ranking: dense and BM25 results fused by reciprocal rank, then a relevance threshold.

Ranking and acceptance are separate on purpose. Reciprocal-rank fusion orders candidates
well but says nothing about whether the best one is any good; the scope check (kb.scope) and the
relevance threshold decide whether to show an answer at all (a learned gate over the search's own
signals, kb.faq_gate, takes the scope margin's place when the re-ranker is there: `Recipe.learned_gate`;
docs/benchmarks.md).
On a live call, no answer beats a wrong one.
The score shown (`Hit.score`) is the one that orders: fused rank blended with relevance,
moved by duration rules, and — where a re-ranker was trained for the encoder (kb.rerank) — the
learned re-ranker's 0–1 score over the top candidates; equal scores are broken by `order_key`.
Before ranking, the query is rewritten into the content's words (kb.query_rewrite); the dense ranking
that fusion reads may use the query vector through a learned linear adapter (kb.adapter).
"""

from __future__ import annotations

import copy
import heapq
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Mapping, Sequence

import numpy as np

from kb.adapter import QueryAdapter
from kb.content import ENGLISH_FIELD_PREFIX, Entry, GlossaryGroup, Source
from kb.durations import DurationRule, Span, StatedSpan, query_spans, stated_spans
from kb.embeddings import Encoder
from kb.english_query import EnglishTerms, EnglishTypos, EnglishWordsInChinese, english_groups, english_stems, english_terms, mostly_english
from kb.english_spans import english_spans
from kb.faq_gate import (FEATURES as GATE_FEATURES, GATE_THRESHOLD, MEMORY_GATE, MEMORY_GATE_THRESHOLD, NEAR_COSINE,
                         NEAR_DROP, NEAR_PROBABILITY)
from kb.gate_model import GateModel
from kb.regulations.gate_memory import GateMemory
from kb.index import SearchIndex
from kb.question_form import asks_what_to_do, only_defines
from kb.query_rewrite import (Rewrite, SpokenTerms, TypoCorrector, VerbParticleTerms, bigrams, dialect_phrases,
                              head_words, one_char_spoken, spoken_phrases, story_clauses, story_question)
from kb.script_conversion import SimplifiedScript
from kb.siblings import sibling_map, with_sibling
from kb.rerank import Reranker, candidate_features
from kb.other_lines import OtherLine, other_line_of
from kb.scope import ScopeCheck
from kb.search_features import CandidateSignals
from kb.text import clip_query, content_terms, has_cjk, has_words, keyword_tokens, matched_terms, normalize
from kb.word_frequency import WordFrequencies, bundled_frequencies

# Fusion weights chosen on the TUNE half of the customer set from a grid (dense 1.5/2.5/4, BM25
# 0.5/1/1.5, k 20/60; docs/benchmarks.md): BM25 1.0 and 1.5 were within noise on TUNE and 1.0 kept
# the old set closer to its floor. Customers' words favour BM25 and a sharper rank curve more than
# the old set did (k 60, dense 2.5), which loses 3 of its 482 rank-1 hits. Glossary expansion helps as a separate,
# lighter ranking: mixed into the main BM25 query it cost ~2 points of Recall@1.
RRF_K = 20
DENSE_WEIGHT = 1.5
KEYWORD_WEIGHT = 1.0
EXPANDED_KEYWORD_WEIGHT = 0.5
CANDIDATE_DEPTH = 100
# A query is answered only if one of the best few fused candidates clears the threshold;
# deeper candidates may fill the list but never decide that an answer exists.
GATE_DEPTH = 3
# e5 cosine of unrelated Chinese texts reaches ~0.89 and correct answers sit at 0.89-0.95:
# the dense part of relevance is rescaled over that window, and keyword coverage decides the rest.
COSINE_FLOOR = 0.82
COSINE_CEILING = 0.90
DENSE_SHARE = 0.5
# The score shown is the score that orders: calibrated relevance blended with the fused rank
# (reciprocal-rank fusion orders better than relevance alone; docs/benchmarks.md).
FUSED_SHARE = 0.8
FUSED_CEILING = (DENSE_WEIGHT + KEYWORD_WEIGHT + EXPANDED_KEYWORD_WEIGHT) / (RRF_K + 1)
# A duration in the query (停了一年多) moves entries whose rule covers it up, and those it excludes down.
NUMBER_BONUS = 0.05
NUMBER_PENALTY = 0.10
# In a long story the best-matching clause counts. Measured on TUNE: giving a clause a small
# edge over the whole story (+0.01 cosine) ranked better than discounting short clauses.
CLAUSE_BONUS = 0.01
# A long story is encoded as itself plus this share of its asking clauses (kb.query_rewrite.story_question):
# on TUNE 0.5 ranked better than 1.0, and replacing the story by its question lost 0.07 R@1.
QUESTION_SHARE = 0.5
# Candidates scored after fusion; deeper ones cannot reach the top k.
SCORED_DEPTH = 20
# Once the gate has decided that a query has a reliable answer, hits this far below the threshold are
# listed too (TUNE, 5-fold CV with the re-ranker: R@3 0.886 -> 0.907; refusals unchanged, since the gate
# itself still uses the threshold). 0.04 was the best of margins 0, 0.04, 0.08, 0.13, 0.18, 0.58 on TUNE then;
# search14a, with the learned gate deciding: 0.06 shows a right entry first in 3 more TUNE questions and in the
# top 3 in 5 more, losing none (0.08: +4 / +6, one lost); refusals cannot change; docs/benchmarks.md.
# search21b, TUNE of 22 writers (4,334): 0.10 lists the right entry in the top 3 in 8 more questions (7 writers up,
# one down by one question) and first in 6 more; 0.14 the same; DEV unchanged (R@1 / R@3). English questions keep
# 0.06: at 0.10 en-tune lost three questions at rank 1 (en-dev gained two; not chosen on a held-out set).
LIST_MARGIN = 0.10
ENGLISH_LIST_MARGIN = 0.06
# An English query (with Recipe.english_threshold) is answered at this much less relevance: English stories share
# fewer words with an entry than Chinese ones do even when stemmed. On the English TUNE set (ensearch15), with the
# English out-of-scope examples, 0.06 of 0.04-0.10 answered most questions right at rank 1 (0.599; 0.579 without the
# offset) and refused as many negatives (39/41) as any; without those examples 0.04 was the offset that refused as many
# as the Chinese threshold (38/41).
ENGLISH_RELEVANCE_OFFSET = 0.06
# A mostly English query is read as English unless its Chinese words are the near domains' (ScopeCheck.word_odds above
# this: found in the out-of-scope examples more than e times as often as in FAQ documents). On en-tune (ensearch17) the
# near-domain words scored 0.7-2.3 (工伤, 城乡居民医保, 公积金, 医保, 社保) and the FAQ's -1.7-0.3 (重疾, 中止, 犹豫期, 法定);
# 0 sent 法定 (two examples hold it) to the Chinese path, which refuses its English questions.
MIXED_WORD_ODDS = 1.0


@dataclass(frozen=True)
class Recipe:
    """Which ranking techniques run (the defaults are the app's); the benchmark measures each alone."""

    spoken_terms: bool = True
    typo_correction: bool = True
    scope_check: bool = True
    number_rules: bool = True
    # Measured neutral on TUNE (R@1 -0.003, R@3 +0.010 alone and in combination) while encoding
    # each long story two to five times over: off in the app, kept for the benchmark to re-measure.
    clause_matching: bool = False
    # Off: fused rank orders and the relevance is shown (the behaviour before issue #14).
    score_order: bool = True
    # A story's dense vector leans towards its question clauses (one more encoding per story).
    question_focus: bool = True
    # The top candidates re-ordered by weights learned on TUNE (kb.rerank), when trained for the encoder.
    learned_rerank: bool = True
    # An answered query also lists hits just under the threshold (LIST_MARGIN); measured with the re-ranker
    # only, so a searcher without one (regulation articles) lists as before.
    list_near_misses: bool = True
    # With the re-ranker, a learned answer gate (kb.faq_gate) decides whether to answer instead of the scope
    # margin; the relevance threshold still has to pass (search8; docs/benchmarks.md). The fourth pass's gate
    # replaced both rules and was switched off in the fifth (old off-topic questions answered, writers left out
    # lost recall); search8's lost a DEV refusal; search12's, refitted on 13 writers to refuse as many TUNE
    # negatives as the scope margin, gained one and is on.
    learned_gate: bool = True
    # The dense ranking of fusion uses the query vector through a linear adapter learned on TUNE (kb.adapter),
    # when one was trained for the encoder; relevance, the scope check and the re-ranker's cosines stay raw.
    query_adapter: bool = True
    # An English query's keyword coverage counts its English words without function words, stemmed (kb.english_query;
    # ensearch15): customers' English stories fell under the relevance threshold word by word. No effect on Chinese.
    english_coverage: bool = True
    # The glossary's English spoken phrases ("turned down" -> "declined") rewritten in an English query (ensearch15).
    english_terms: bool = True
    # An English query is answered at a relevance ENGLISH_RELEVANCE_OFFSET lower (ensearch15). No effect on Chinese.
    english_threshold: bool = True
    # When the first hit has a sibling entry (same question, other circumstance; kb.siblings) listed under the
    # third place, it is moved up to the third (search22a).
    siblings: bool = True
    # A query typed in traditional characters (猶豫期, 保單) is read in simplified ones before anything else
    # (kb.script_conversion; search16a). A simplified query is never changed.
    simplified_script: bool = True
    # Dialect words (佢, 嘅, 咗, 俺 …) are replaced before the typo corrector runs, the other spoken phrases after it
    # (search16a: 嘅保险 was "corrected" to 核保险).
    dialect_first: bool = True
    # A mostly English question with a Chinese term in it (法定, 中止, 犹豫期; kb.english_query.mostly_english) is searched
    # as an English one: every text, the English examples, threshold, coverage and phrases (ensearch17). It took
    # the Chinese path, which matched its English words against Chinese texts only.
    english_mixed: bool = True
    # Misspelt words of an English query fixed to the content's spelling before its phrases are rewritten
    # (kb.english_query.EnglishTypos; ensearch17).
    english_typos: bool = True
    # A Chinese query whose best candidate is just under the relevance threshold (by NEAR_DROP) is answered when
    # the learned gate is confident and the FAQ itself is close (kb.faq_gate; search18a): TUNE's answerable
    # questions in customers' few words that the threshold refused with the right entry in the top 3.
    near_threshold_answers: bool = True
    # The gate also reads the best cosine of a Chinese query with TUNE's questions and with its near-domain negatives
    # (kb.faq_gate.MEMORY_FILE, MEMORY_GATE; search19a): leaving one TUNE writer out it refused 11 more of 1,075
    # negatives and 48 fewer answerable questions. search21a: on two writers neither the gate nor the memory had
    # seen (w-nurse-nightshift, w-overseas-daughter) 0.872 / 0.949, 90 of 102 refused -> 0.885 / 0.962, 97 of 102;
    # DEV (bench, one run) 0.867 / 0.932, 37/39 -> 0.863 / 0.932, 38/39 (one question each way; docs/benchmarks.md).
    gate_memory: bool = True
    # A question naming another line of business (车险, 家财险) and no life product is refused before ranking
    # (content/scope.yaml `other_lines`, kb.other_lines; qa18: 车险理赔怎么报案 got the claim-report entry).
    other_lines: bool = True


@dataclass(frozen=True)
class Hit:
    """One answer for a query, with what made it match."""

    id: str
    question: str
    answer: str
    script: str
    category: str
    score: float
    sources: tuple[Source, ...]
    highlights: tuple[str, ...]
    dense_score: float = 0.0
    keyword_score: float = 0.0
    relevance: float = 0.0
    coverage: float = 0.0
    matched_field: str = ""
    matched_text: str = ""
    en: Mapping[str, str] | None = field(default=None, compare=False)
    # Shown though its own relevance is under the threshold an answer needs: listed as a near miss once another
    # candidate cleared it, or answered by the near-threshold rule (the gate sure, the FAQ close). Its relevance is
    # no measure of the answer's reliability, so the search page shows none beside it (search36).
    under_threshold: bool = False


@dataclass(frozen=True)
class Rankings:
    """The rankings one search fused (entry index -> (score, doc index)) and their fused scores: handed to
    the acceptance hook so that a collection's own gate or re-ranker reads them instead of recomputing them."""

    dense: Mapping[int, tuple[float, int]]
    keyword: Mapping[int, tuple[float, int]]
    expanded: Mapping[int, tuple[float, int]]
    extra: Sequence[tuple[Mapping[int, tuple[float, int]], float]]
    fused: Mapping[int, float]
    fused_dense: Mapping[int, tuple[float, int]]  # the dense ranking fusion used: through the query adapter, if any


@dataclass(frozen=True)
class QueryPlan:
    """A query after normalisation and glossary expansion."""

    text: str
    tokens: list[str]
    expanded_tokens: list[str]
    expansion_terms: tuple[str, ...]
    rewrites: tuple[tuple[str, str], ...] = ()
    spans: tuple[Span, ...] = ()
    # Coverage counted on stemmed English words (kb.english_query): an English query, with Recipe.english_coverage.
    english: bool = False
    # A mostly English query with Chinese in it, read as English (Recipe.english_mixed): decided once per search.
    mixed: bool = False
    # Each glossary term found in the query with the other terms of its group (Glossary.synonyms): what a text may
    # say instead of the query's word (失效 in the query, 效力中止 in the law; read by `synonym_credited`).
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def read_as_english(self) -> bool:
        """Searched the English way (its threshold, listing margin and gate): no Chinese left after rewriting, or
        mostly English with some Chinese (`mixed`). Everything else is a Chinese query (the gate memory's kind)."""
        return not has_cjk(self.text) or self.mixed

    @cached_property
    def chinese_terms(self) -> list[str]:
        """The Chinese content terms of an English query read as English (Recipe.english_mixed); [] otherwise."""
        return [t for t in content_terms(self.text) if has_cjk(t)] if self.english else []

    @cached_property
    def coverage_terms(self) -> list[str]:
        """The query's informative tokens that keyword coverage counts (once per search, not per hit)."""
        if self.english:
            # A mostly English query's Chinese terms count too (Recipe.english_mixed; none in an English query).
            return english_terms(self.text) + self.chinese_terms or keyword_tokens(self.text)
        return content_terms(self.text) or keyword_tokens(self.text)


class Glossary:
    """Synonym lookup for query expansion (冷静期 → 犹豫期 …)."""

    def __init__(self, groups: Sequence[GlossaryGroup]) -> None:
        self.groups = tuple(groups)
        self._terms = sorted(
            ((normalize(term), group) for group in groups for term in group.terms),
            key=lambda pair: len(pair[0]), reverse=True,
        )

    def found(self, query: str) -> tuple[tuple[str, GlossaryGroup], ...]:
        """The glossary terms in the query with their groups, longest terms first, each stretch of it read once."""
        found: list[tuple[str, GlossaryGroup]] = []
        remaining = query
        for term, group in self._terms:
            if term and term in remaining:
                remaining = remaining.replace(term, " ")
                found.append((term, group))
        return tuple(found)

    def expansions(self, query: str) -> tuple[str, ...]:
        """Synonyms of the glossary terms found in the query (longest terms first)."""
        found: list[str] = []
        for term, group in self.found(query):
            found += [t for t in group.terms if normalize(t) != term and t not in found]
        return tuple(found)

    def synonyms(self, query: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each glossary term found in the query with the other terms of its group (normalised) that are not part of
        it: 保单失效's synonyms are 效力中止, 停效 …, not 失效, which a text may say of anything (许可证失效)."""
        return tuple((term, tuple(other for other in map(normalize, group.terms) if other not in term))
                     for term, group in self.found(query))


# What rewrites a query into the content's words, in order (Searcher._rewriters).
QueryRewriter = (SimplifiedScript | VerbParticleTerms | SpokenTerms | TypoCorrector | EnglishTerms | EnglishTypos
                 | EnglishWordsInChinese)


def plan_query(query: str, glossary: Glossary,
               rewriters: Sequence[QueryRewriter] = (),
               english_coverage: bool = False, mixed: bool = False) -> QueryPlan:
    """Normalise, rewrite into the content's words (typos, spoken terms), then expand synonyms.
    `english_coverage`: count an English query's coverage on stemmed English words (kb.english_query);
    `mixed`: the query is read as English although it has Chinese in it (Recipe.english_mixed)."""
    text = clip_query(query)
    changes: list[tuple[str, str]] = []
    for rewriter in rewriters:
        rewrite: Rewrite = rewriter.rewrite(text)
        text, changes = rewrite.text, changes + list(rewrite.changes)
    synonyms = glossary.synonyms(text)
    expansion = glossary.expansions(text)
    tokens = keyword_tokens(text)
    expanded = list(tokens)
    for term in expansion:
        expanded += keyword_tokens(term)
    english = english_coverage and (mixed or not has_cjk(text))
    spans = tuple(query_spans(text) + english_spans(text))
    return QueryPlan(text, tokens, expanded, expansion, tuple(changes), spans, english, mixed=mixed, synonyms=synonyms)


def rank_positions(scores: Mapping[int, tuple[float, int]]) -> dict[int, int]:
    """Entry -> 0-based rank by score, best first (what fusion adds up; the regulation re-ranker reads it too)."""
    ordered = sorted(scores, key=lambda e: scores[e][0], reverse=True)
    return {entry: rank for rank, entry in enumerate(ordered)}


def fused_scores(dense: Mapping[int, tuple[float, int]], keyword: Mapping[int, tuple[float, int]],
                 expanded: Mapping[int, tuple[float, int]] | None = None,
                 extra: Sequence[tuple[Mapping[int, tuple[float, int]], float]] = ()) -> dict[int, float]:
    """Weighted reciprocal-rank fusion score per entry (`extra`: a collection's own (ranking, weight)s)."""
    fused: dict[int, float] = {}
    for ranking, weight in ((rank_positions(dense), DENSE_WEIGHT), (rank_positions(keyword), KEYWORD_WEIGHT),
                            (rank_positions(expanded or {}), EXPANDED_KEYWORD_WEIGHT),
                            *((rank_positions(scores), w) for scores, w in extra)):
        for entry, rank in ranking.items():
            fused[entry] = fused.get(entry, 0.0) + weight / (RRF_K + rank + 1)
    return fused


def fuse(dense: Mapping[int, tuple[float, int]], keyword: Mapping[int, tuple[float, int]],
         expanded: Mapping[int, tuple[float, int]] | None = None,
         extra: Sequence[tuple[Mapping[int, tuple[float, int]], float]] = ()) -> list[int]:
    """Entries ordered by weighted reciprocal-rank fusion, ties broken by dense rank."""
    return fused_order(fused_scores(dense, keyword, expanded, extra), dense)


def fused_order(fused: Mapping[int, float], dense: Mapping[int, tuple[float, int]], depth: int | None = None) -> list[int]:
    """`fuse` from scores already fused (a search needs both), the best `depth` only when given."""
    dense_rank = rank_positions(dense)
    worst = len(dense_rank) + 1
    key = lambda e: (-fused[e], dense_rank.get(e, worst))  # noqa: E731
    # nsmallest is sorted(...)[:depth], ties included, without ordering the whole list.
    return sorted(fused, key=key) if depth is None else heapq.nsmallest(depth, fused, key=key)


def best_match(dense: Mapping[int, tuple[float, int]], clause: Mapping[int, tuple[float, int]]
               ) -> dict[int, tuple[float, int]]:
    """Per entry, the better of the whole query's cosine and one clause's cosine (plus CLAUSE_BONUS)."""
    merged = dict(dense)
    for entry, (score, doc_id) in clause.items():
        score += CLAUSE_BONUS
        if entry not in merged or score > merged[entry][0]:
            merged[entry] = (score, doc_id)
    return merged


def top_entry(scores: Mapping[int, tuple[float, int]] | Mapping[int, float]) -> int | None:
    """The best-scored entry of one ranking (None when it is empty); ties go to the lower entry index."""
    if not scores:
        return None
    return min(scores, key=lambda e: (-_first(scores[e]), e))


def _first(value: tuple[float, int] | float) -> float:
    return value[0] if isinstance(value, tuple) else value


def focused(story_vector: np.ndarray, question_vector: np.ndarray) -> np.ndarray:
    """A story's vector moved towards its question (QUESTION_SHARE), unit length again."""
    vector = story_vector + QUESTION_SHARE * question_vector
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def order_key(hit: "Hit") -> tuple[float, float, float, str]:
    """Best first by the shown score; equal scores go to the closer meaning, then more shared words, then id."""
    return (-hit.score, -hit.dense_score, -hit.keyword_score, hit.id)


def synonym_credited(plan: QueryPlan, text: str) -> frozenset[str]:
    """The query's coverage terms inside a glossary term of the query whose synonym `text` (normalised) says:
    保单失效 asked, 合同效力中止 written — 保单, 单失 and 失效 count as found there."""
    credited: set[str] = set()
    for term, others in plan.synonyms:
        if any(other in text for other in others):
            credited.update(t for t in plan.coverage_terms if t in term)
    return frozenset(credited)


def keyword_coverage(plan: QueryPlan, doc_tokens: set[str], joined_tokens: str | None = None,
                     credited: frozenset[str] = frozenset()) -> float:
    """Share of the query's informative tokens found in the matched entry's text.

    `joined_tokens`: the tokens joined by spaces, when the caller keeps them (saves joining per search);
    `credited`: query tokens to count as found though the text says them in other words (`synonym_credited`)."""
    query_tokens = plan.coverage_terms
    if not query_tokens:
        return 0.0
    # each occurrence counts, as a loop would
    covered = (sum(t in doc_tokens or t in credited for t in query_tokens) if credited
               else sum(map(doc_tokens.__contains__, query_tokens)))
    expansion_bonus = False
    if plan.expansion_terms:
        joined = " ".join(doc_tokens) if joined_tokens is None else joined_tokens
        expansion_bonus = any(term in doc_tokens or term in joined for term in plan.expansion_terms)
    return min(1.0, covered / len(query_tokens) + (0.25 if expansion_bonus else 0.0))


def relevance(cosine: float, coverage: float) -> float:
    """Calibrated 0–1 relevance from dense similarity and keyword coverage."""
    # min/max on a Python float: np.clip on a scalar cost ~1 ms per search (40 calls) under load.
    dense_part = min(1.0, max(0.0, float((cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR))))
    return round(DENSE_SHARE * dense_part + (1 - DENSE_SHARE) * coverage, 4)


def ranking_score(cosine: float, coverage: float, fused: float) -> float:
    """The score shown and used to order: relevance blended with the entry's fused rank (0–1)."""
    rank_part = min(1.0, fused / FUSED_CEILING)
    return round((1 - FUSED_SHARE) * relevance(cosine, coverage) + FUSED_SHARE * rank_part, 4)


class Searcher:
    """Runs hybrid search over one `SearchIndex`; stateless apart from its immutable inputs."""

    def __init__(self, index: SearchIndex, entries: Mapping[str, Entry], encoder: Encoder,
                 glossary: Glossary, min_relevance: float, recipe: Recipe = Recipe(),
                 scope: ScopeCheck | None = None, duration_rules: Sequence[DurationRule] = (),
                 reranker: Reranker | None = None, gate: GateModel | None = None,
                 gate_threshold: float = GATE_THRESHOLD, adapter: QueryAdapter | None = None,
                 stated: Sequence[StatedSpan] = (), memory: GateMemory | None = None,
                 other_lines: Sequence[OtherLine] = ()) -> None:
        """`gate`: the learned answer gate (kb.faq_gate), used only with the re-ranker whose scores it reads;
        `adapter`: the query-side dense adapter (kb.adapter) for the dense ranking; `stated`: words stating a
        span without a number (过了犹豫期), judged by `duration_rules` like a number; `memory`: TUNE's questions
        and negatives the gate compares a Chinese query with (kb.faq_gate.MEMORY_FILE; None: those signals unknown);
        `other_lines`: lines of business a question must not name to be answered (kb.other_lines)."""
        self.index = index
        self.adapter = adapter if recipe.query_adapter else None
        self.reranker = reranker if recipe.learned_rerank else None
        self.answer_gate = gate if recipe.learned_gate and self.reranker is not None else None
        self.gate_threshold = gate_threshold
        self.memory = memory if recipe.gate_memory else None
        self._entry_position = {entry_id: i for i, entry_id in enumerate(index.entry_ids)}
        self.duration_rules = {r.entry: r for r in duration_rules} if recipe.number_rules else {}
        self.stated = tuple(stated) if recipe.number_rules else ()
        self.scope = scope if recipe.scope_check else None
        self.other_lines = tuple(other_lines) if recipe.other_lines else ()
        self._scope_examples = scope.examples if scope else ()
        self.entries = entries
        self._siblings = sibling_map(e for e in entries.values() if isinstance(e, Entry))
        self._definitions = frozenset(e.id for e in entries.values() if isinstance(e, Entry) and only_defines(e.question))
        self.encoder = encoder
        self.glossary = glossary
        self.min_relevance = min_relevance
        self.recipe = recipe
        self._entry_tokens = self._tokens_per_entry()
        self._entry_joined_tokens = [" ".join(tokens) for tokens in self._entry_tokens]
        # What an English query's coverage is counted against: each entry's English word stems, and its texts.
        self._entry_stems, self._entry_texts = self._stems_per_entry()
        self.rewriters = self._rewriters()
        # English texts serve English queries; a Chinese query matched against them across languages drew
        # wrong entries up (old dev set R@1 0.823 -> 0.810 when 127 entries gained English; docs/benchmarks.md).
        self._chinese_index = index.without_fields(ENGLISH_FIELD_PREFIX)
        # Likewise the English out-of-scope examples (content/scope.yaml) are for English queries: a Chinese query
        # is compared with the Chinese examples only, as before they were written (ensearch15).
        self._chinese_scope = self.scope.subset(has_cjk) if self.scope is not None else None

    def _for(self, query: str) -> "Searcher":
        """The searcher a query is matched with: over the Chinese texts only when the query has Chinese in it.
        A shallow copy per query (microseconds), so a copy of this searcher changed in place stays consistent."""
        if (self._chinese_index is self.index and self._chinese_scope is self.scope) or not has_cjk(query or "") \
                or self._mixed(query or ""):
            return self
        chinese = copy.copy(self)
        chinese.index, chinese.scope = chinese._chinese_index, chinese._chinese_scope
        return chinese

    def _mixed(self, query: str) -> bool:
        """A mostly English query with Chinese in it, read as English (Recipe.english_mixed) when its Chinese words
        are the FAQ's (法定, 中止, 犹豫期), not the near domains' (社保, 公积金: kb.scope.ScopeCheck.word_odds): on the
        Chinese path those are compared with the examples that hold them (ensearch17)."""
        if not (self.recipe.english_mixed and mostly_english(query)):
            return False
        if self.scope is None:
            return True
        chinese = [t for t in content_terms(normalize(query)) if has_cjk(t)]
        return self.scope.word_odds(chinese, self.index.document_frequency, len(self.index.docs)) <= MIXED_WORD_ODDS

    def _rewriters(self) -> list[QueryRewriter]:
        """Typos are fixed first, so a mistyped spoken phrase is still recognised. English spoken phrases are
        rewritten by their own rewriter, in English queries only; the Chinese one never sees them. Traditional
        characters are read as simplified before all of them (the glossary and the vocabulary are simplified), and
        dialect words (佢, 嘅, 咗, 俺 …; kb.query_rewrite.dialect_phrases) before typos: 嘅保险 is no typo of 核保险."""
        rewriters: list[QueryRewriter] = []
        chinese, english = english_groups(self.glossary.groups)
        dialect = dialect_phrases(chinese) if self.recipe.dialect_first else frozenset()
        if self.recipe.simplified_script:
            rewriters.append(SimplifiedScript())
        if self.recipe.spoken_terms:
            rewriters.append(VerbParticleTerms(chinese))  # 换了银行卡 is 换银行卡 before any rule reads it (search46)
        if self.recipe.spoken_terms and dialect:
            rewriters.append(SpokenTerms(chinese, only=dialect))
        if self.recipe.typo_correction:
            # A group of one term with spoken phrases only rewrites words (唔识 → 不会, 俺 → 我): its term is ordinary
            # Mandarin, no content word a typo could mean (不回 was "corrected" to 不会; search16a).
            vocabulary = [t for g in self.glossary.groups if len(g.terms) > 1 or not g.spoken for t in g.terms]
            vocabulary += [k for e in self.entries.values() for k in e.keywords]
            words = WordFrequencies(bundled_frequencies(), vocabulary)
            heads = head_words(vocabulary, words)  # 中指了 is 中止了 (qa25 S1)
            vocabulary += heads
            same_as: dict[str, str] = {}
            for group in self.glossary.groups:
                for term in group.terms:
                    same_as.setdefault(term, group.terms[0])
            rewriters.append(TypoCorrector(vocabulary, self.index.bm25.vocab_dict, bigrams(self._scope_examples),
                                           words=words, same_as=same_as, word_chars=one_char_spoken(chinese),
                                           word_phrases=spoken_phrases(chinese), head_words=heads))
        if self.recipe.spoken_terms:
            rewriters.append(SpokenTerms(chinese, skip=dialect))
            rewriters.append(EnglishWordsInChinese(self.glossary.groups))
        if self.recipe.english_typos:
            # The content's words and the glossary's English phrases ("filmed") are spellings, not typos.
            phrases = [p for g in english for p in (*g.terms, *g.spoken)]
            rewriters.append(EnglishTypos([*self._entry_texts, *phrases]))
        if self.recipe.english_terms and english:
            rewriters.append(EnglishTerms(english, mixed=self.recipe.english_mixed))
        return rewriters

    def _plan(self, query: str) -> QueryPlan:
        """The query rewritten and expanded by this searcher's glossary and rewriters."""
        plan = plan_query(query or "", self.glossary, self.rewriters, self.recipe.english_coverage,
                          self._mixed(query or ""))
        stated = stated_spans(plan.text, self.stated)
        return replace(plan, spans=plan.spans + tuple(stated)) if stated else plan

    def _stems_per_entry(self) -> tuple[list[set[str]], list[str]]:
        """Per entry, the stems of the English words of all its texts, and those texts joined (normalised)."""
        texts: list[list[str]] = [[] for _ in self.index.entry_ids]
        for doc, entry in zip(self.index.docs, self.index.doc_entry):
            texts[entry].append(normalize(doc.text))
        joined = [" ".join(parts) for parts in texts]
        return [english_stems(text) for text in joined], joined

    def _tokens_per_entry(self) -> list[set[str]]:
        tokens: list[set[str]] = [set() for _ in self.index.entry_ids]
        for doc, entry in zip(self.index.docs, self.index.doc_entry):
            tokens[entry].update(keyword_tokens(doc.text))
        return tokens

    def _query_parts(self, plan: QueryPlan) -> tuple[list[str], str | None]:
        """The rewritten query and its story clauses, and the story's question (None for a short query)."""
        clauses = story_clauses(plan.text) if self.recipe.clause_matching else []
        question = story_question(plan.text) if self.recipe.question_focus else None
        return [plan.text, *clauses], question

    def _encoded_texts(self, plan: QueryPlan) -> tuple[list[str], str | None]:
        """What a search encodes, in one batch (the query, its story clauses, then its question), and the question."""
        texts, question = self._query_parts(plan)
        return [*texts, *([question] if question else [])], question

    def query_texts(self, query: str) -> list[str]:
        """The texts a search for `query` encodes ([] when it encodes nothing), e.g. to encode them ahead."""
        plan = self._plan(query)
        return self._encoded_texts(plan)[0] if plan.text.strip() else []

    def with_encoder(self, encoder: Encoder) -> "Searcher":
        """The same searcher with another encoder for its queries (e.g. one that remembers them);
        the index and the precomputed parts are shared, not rebuilt."""
        other = copy.copy(self)
        other.encoder = encoder
        return other

    def search(self, query: str, k: int = 5, category: str | None = None,
               min_relevance: float | None = None) -> list[Hit]:
        """Up to `k` hits above the relevance threshold, best first; [] when nothing is reliable."""
        if (searcher := self._for(query)) is not self:
            return searcher.search(query, k, category, min_relevance)
        plan = self._plan(query)
        if not has_words(plan.text) or k <= 0 or self.index.size == 0:
            return []
        threshold = self.min_relevance if min_relevance is None else min_relevance
        if threshold > 0 and other_line_of((query, plan.text), self.other_lines) is not None:
            return []
        # English queries have their own threshold (ensearch15), mostly English ones too (ensearch17)
        english = plan.read_as_english
        if threshold > 0 and self.recipe.english_threshold and english:
            threshold = max(0.0, threshold - ENGLISH_RELEVANCE_OFFSET)
        # A category filter applies after retrieval, so it needs every candidate, not the top N.
        depth = CANDIDATE_DEPTH if category is None else None
        query_vector, question_vector, clause_vectors = self._vectors(plan)
        dense = self.index.dense_scores(query_vector, depth or len(self.index.docs))
        # The scope check is part of "no reliable answer": a threshold of 0 (hit test) skips both,
        # and the learned gate, when there is one, takes the scope margin's place (the threshold still
        # applies). The gate was fitted and measured on searches over every category; with a category
        # filter (the agent has said what it is about) the two rules decide as before.
        gated = threshold > 0 and self.answer_gate is not None and category is None
        if threshold > 0 and not gated and self.scope is not None and dense and \
                self.scope.out_of_scope(query_vector, max(score for score, _ in dense.values())):
            return []
        rankings = self._rankings(plan, query_vector, clause_vectors, dense, category, depth)
        candidates = self._reranked(plan, query_vector, question_vector, self._candidates(plan, query_vector, rankings, k))
        shown = self._accepted(candidates, threshold, plan, query_vector, rankings)
        near = gated and not shown and self._near_threshold(candidates, threshold, english)
        if gated and (shown or near):
            features = self.answer_gate_features(plan, query_vector, question_vector, candidates, rankings)
            # With the memory (Recipe.gate_memory) a Chinese query is decided by the gate fitted with its two signals.
            gate, cut = ((MEMORY_GATE, MEMORY_GATE_THRESHOLD) if self.memory is not None and not english
                         else (self.answer_gate, self.gate_threshold))
            probability = gate.probability(features[:len(gate.weights)])
            if shown:
                shown = shown if probability >= cut else []
            elif probability >= NEAR_PROBABILITY and features[GATE_FEATURES.index("top_cosine")] >= NEAR_COSINE:
                shown = self._accepted(candidates, threshold - NEAR_DROP, plan, query_vector, rankings)
        if self.recipe.siblings:
            shown = with_sibling(shown, self._siblings)
        shown = shown[:k]
        # Highlights only for the hits shown: the other candidates were scored, never displayed.
        # An FAQ hit says whether its own relevance cleared the threshold (a collection's hits, e.g. the regulation
        # library's articles, are another type and keep their own fields).
        return [self._with_highlights(replace(hit, under_threshold=hit.relevance < threshold)
                                      if isinstance(hit, Hit) else hit, plan) for hit in shown]

    def _reranked(self, plan: QueryPlan, query_vector: np.ndarray, question_vector: np.ndarray | None,
                  candidates: list[Hit]) -> list[Hit]:
        """The candidates re-scored and re-ordered by the learned re-ranker (unchanged without one)."""
        if self.reranker is None:
            return candidates
        signals = self._signals(candidates, plan, query_vector, question_vector)
        scores = self.reranker.shown_scores(candidate_features(signals, question_vector is not None))
        return sorted((replace(hit, score=round(float(s), 4)) for hit, s in zip(candidates, scores)), key=order_key)

    def answer_gate_features(self, plan: QueryPlan, query_vector: np.ndarray, question_vector: np.ndarray | None,
                             candidates: Sequence[Hit], rankings: Rankings,
                             leave_out: str | None = None, writer: str | None = None) -> list[float | None]:
        """The learned gate's inputs (kb.faq_gate.FEATURES) from the re-ranked candidates and the rankings the
        search fused (the best raw dense score is the best document's cosine); `leave_out`: a scope example not
        to compare with (the benchmark measures each example against the others); `writer`: a TUNE writer whose
        remembered rows do not count (the benchmark measures each writer as a new one). None = unknown; the
        memory's two signals are unknown for an English query (the memory holds Chinese questions only)."""
        top = candidates[:GATE_DEPTH]
        top_score = top[0].score if top else 0.0
        gap = top_score - top[1].score if len(top) > 1 else top_score
        top_cosine = max((s for s, _ in rankings.dense.values()), default=0.0)
        scope_cosine, scope_coverage = (self.scope.closeness(query_vector, plan.coverage_terms, leave_out)
                                        if self.scope is not None else (None, None))
        scope_margin = scope_cosine - top_cosine if scope_cosine is not None else None
        adapted_margin = None
        if self.scope is not None and self.adapter is not None and rankings.fused_dense:
            adapted = self.scope.closeness(self.adapter.adapt(query_vector), (), leave_out)[0]
            adapted_margin = adapted - max(s for s, _ in rankings.fused_dense.values()) if adapted is not None else None
        fused_top = top_entry(rankings.fused)
        word_odds = near = None
        if self.scope is not None:
            word_odds = self.scope.word_odds(plan.coverage_terms, self.index.document_frequency, len(self.index.docs))
            near = float(self.scope.near_count(query_vector, top_cosine))
        return [top_score, gap, max((h.relevance for h in top), default=0.0), top_cosine,
                max((h.coverage for h in top), default=0.0), scope_cosine, scope_margin, scope_coverage,
                1.0 if question_vector is not None else 0.0, adapted_margin,
                1.0 if top_entry(rankings.fused_dense) == top_entry(rankings.keyword) else 0.0,
                1.0 if top and fused_top is not None and top[0].id == self.index.entry_ids[fused_top] else 0.0,
                word_odds, near,
                *(self.memory.closeness(query_vector, writer)
                  if self.memory is not None and not plan.read_as_english else (None, None))]

    def gate_inputs(self, query: str, leave_out: str | None = None,
                    writer: str | None = None) -> tuple[list[Hit], list[float | None]]:
        """The re-ranked candidates of an ungated search and the gate's features (what `bench.faq_gate` fits on);
        `writer`: a TUNE writer the gate's memory leaves out."""
        if (searcher := self._for(query)) is not self:
            return searcher.gate_inputs(query, leave_out, writer)
        ungated = self._ungated(query)
        if ungated is None:
            return [], []
        plan, query_vector, question_vector, _, rankings, candidates = ungated
        candidates = self._reranked(plan, query_vector, question_vector, candidates)
        return candidates, self.answer_gate_features(plan, query_vector, question_vector, candidates, rankings,
                                                     leave_out, writer)

    def candidate_signals(self, query: str) -> tuple[list[Hit], list[CandidateSignals], bool]:
        """The top candidates before learned re-ranking, their re-ranker signals, and whether the
        query is a story with a question (what `bench.train_reranker` trains on)."""
        if (searcher := self._for(query)) is not self:
            return searcher.candidate_signals(query)
        ungated = self._ungated(query)
        if ungated is None:
            return [], [], False
        plan, query_vector, question_vector, _, _, candidates = ungated
        return candidates, self._signals(candidates, plan, query_vector, question_vector), question_vector is not None

    def _ungated(self, query: str) -> tuple[QueryPlan, np.ndarray, np.ndarray | None,
                                            dict[int, tuple[float, int]], Rankings, list[Hit]] | None:
        """For the benchmarks that train the re-ranker and the gate: the plan, vectors, dense scores, rankings
        and fused candidates of an unfiltered search before re-ranking and gating (None: nothing to search)."""
        if (searcher := self._for(query)) is not self:
            return searcher._ungated(query)
        plan = self._plan(query)
        if not has_words(plan.text) or self.index.size == 0:
            return None
        query_vector, question_vector, clause_vectors = self._vectors(plan)
        dense = self.index.dense_scores(query_vector, CANDIDATE_DEPTH)
        rankings = self._rankings(plan, query_vector, clause_vectors, dense, None, CANDIDATE_DEPTH)
        return plan, query_vector, question_vector, dense, rankings, self._candidates(plan, query_vector, rankings, SCORED_DEPTH)

    def _vectors(self, plan: QueryPlan) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        """The query vector (leaning towards a story's question), the question's own vector, clause vectors."""
        texts, question = self._encoded_texts(plan)
        vectors = self.encoder.encode_queries(texts)
        if not question:
            return vectors[0], None, vectors[1:]
        return focused(vectors[0], vectors[-1]), vectors[-1], vectors[1:-1]

    def _rankings(self, plan: QueryPlan, query_vector: np.ndarray, clause_vectors: np.ndarray,
                  dense: dict[int, tuple[float, int]], category: str | None, depth: int | None) -> Rankings:
        """The dense (with story clauses), keyword, expanded-keyword and a collection's own rankings, fused."""
        for clause_vector in clause_vectors:
            dense = best_match(dense, self.index.dense_scores(clause_vector, depth or len(self.index.docs)))
        keyword = self._keyword_scores(plan.tokens, depth)
        expanded = self._keyword_scores(plan.expanded_tokens, depth) if plan.expansion_terms else {}
        ranked = self._adapted_dense(query_vector, depth, dense)
        if category is not None:
            allowed = {i for i, e in enumerate(self.index.entry_ids) if self.entries[e].category == category}
            dense, ranked, keyword, expanded = ({e: v for e, v in scores.items() if e in allowed}
                                                for scores in (dense, ranked, keyword, expanded))
        extra = self._extra_rankings(query_vector)
        return Rankings(dense, keyword, expanded, extra, fused_scores(ranked, keyword, expanded, extra), ranked)

    def _candidates(self, plan: QueryPlan, query_vector: np.ndarray, rankings: Rankings, k: int) -> list[Hit]:
        """The best fused candidates as hits, in the shown-score order (no threshold applied)."""
        dense, keyword, fused = rankings.dense, rankings.keyword, rankings.fused
        order = fused_order(fused, rankings.fused_dense, max(k, SCORED_DEPTH))
        candidates = [self._hit(e, plan, query_vector, dense, keyword, fused[e]) for e in order]
        if self.recipe.score_order:
            candidates.sort(key=order_key)
        return candidates

    def _adapted_dense(self, query_vector: np.ndarray, depth: int | None,
                       dense: dict[int, tuple[float, int]]) -> dict[int, tuple[float, int]]:
        """The dense ranking fusion uses: through the adapter when there is one, else `dense` itself."""
        if self.adapter is None:
            return dense
        return self.index.dense_scores(self.adapter.adapt(query_vector), depth or len(self.index.docs))

    def _extra_rankings(self, query_vector: np.ndarray) -> Sequence[tuple[Mapping[int, tuple[float, int]], float]]:
        """Further (ranking, weight)s a collection fuses in; none for FAQ entries."""
        return ()

    def _keyword_scores(self, tokens: list[str], depth: int | None) -> dict[int, tuple[float, int]]:
        """Best BM25 score per entry (a collection may rank its keywords on other units than its documents)."""
        return self.index.keyword_scores(tokens, depth)

    def _accepted(self, candidates: list, threshold: float, plan: QueryPlan, query_vector: np.ndarray,
                  rankings: Rankings) -> list:
        """The candidates shown: [] unless one of the best few clears the threshold, then those that clear it
        (or, with a re-ranker, come within LIST_MARGIN of it: near misses are listed once one is answered).
        `rankings`: what the candidates were fused from (read by a collection's own gate)."""
        if not any(hit.relevance >= threshold for hit in candidates[:GATE_DEPTH]):
            return []
        english = plan is not None and plan.read_as_english
        return [hit for hit in candidates if hit.relevance >= self._listing_floor(threshold, english)]

    def _near_threshold(self, candidates: Sequence[Hit], threshold: float, english: bool) -> bool:
        """A refused Chinese query whose best candidate is within NEAR_DROP of the threshold: the gate may
        still answer it (Recipe.near_threshold_answers; measured on Chinese TUNE only, so English is left as is)."""
        return (self.recipe.near_threshold_answers and not english and threshold > NEAR_DROP
                and any(hit.relevance >= threshold - NEAR_DROP for hit in candidates[:GATE_DEPTH]))

    def _listing_floor(self, threshold: float, english: bool = False) -> float:
        """The relevance an answered query's further hits need: LIST_MARGIN (ENGLISH_LIST_MARGIN for an English
        question) under the threshold where near misses are listed (measured with the re-ranker only), else the
        threshold itself."""
        if not (self.recipe.list_near_misses and self.reranker is not None):
            return threshold
        return threshold - (ENGLISH_LIST_MARGIN if english else LIST_MARGIN)

    def _with_highlights(self, hit: Hit, plan: QueryPlan) -> Hit:
        """The hit with the query's terms found in its question and answer (what the page marks)."""
        entry = self.entries[hit.id]
        return replace(hit, highlights=tuple(matched_terms(plan.text, f"{entry.question} {entry.answer}",
                                                           plan.expansion_terms)))

    def _signals(self, candidates: Sequence[Hit], plan: QueryPlan, query_vector: np.ndarray,
                 question_vector: np.ndarray | None) -> list[CandidateSignals]:
        """Per candidate: best cosine per field of the entry and the story question's best cosine."""
        doc_ids = [self.index.entry_docs(self._entry_position[hit.id]) for hit in candidates]
        flat = np.concatenate(doc_ids) if doc_ids else np.zeros(0, dtype=np.int64)
        vectors = self.index.dense.reconstruct_batch(flat.astype(np.int64)) if len(flat) else np.zeros((0, 1))
        cosines = vectors @ query_vector
        asked = vectors @ question_vector if question_vector is not None else cosines
        # Python floats and field names looked up once for all candidates' documents (every entry has one).
        flat_cosines, fields = cosines.tolist(), self.index.doc_fields
        starts = np.cumsum([0, *(len(docs) for docs in doc_ids[:-1])]) if doc_ids else np.zeros(0, dtype=np.int64)
        best_asked = np.maximum.reduceat(asked, starts).tolist() if len(flat) else []
        signals, start = [], 0
        for hit, docs, question_cosine in zip(candidates, doc_ids, best_asked):
            per_field: dict[str, float] = {}
            for doc_id, cosine in zip(docs.tolist(), flat_cosines[start:start + len(docs)]):
                per_field[fields[doc_id]] = max(per_field.get(fields[doc_id], -1.0), cosine)
            signals.append(CandidateSignals(
                score=hit.score, relevance=hit.relevance, dense=hit.dense_score, coverage=hit.coverage,
                keyword=hit.keyword_score, matched_field=hit.matched_field,
                number=self._number_adjusted(hit.id, plan, 0.5) - 0.5, question_cosine=question_cosine,
                field_cosines=per_field))
            start += len(docs)
        return signals

    def _hit(self, entry_index: int, plan: QueryPlan, query_vector: np.ndarray,
             dense: Mapping[int, tuple[float, int]], keyword: Mapping[int, tuple[float, int]],
             fused: float = 0.0) -> Hit:
        entry = self.entries[self.index.entry_ids[entry_index]]
        if entry_index in dense:
            cosine, doc_id = dense[entry_index]
        else:
            cosine, doc_id = self._exact_cosine(entry_index, query_vector)
        keyword_score, keyword_doc = keyword.get(entry_index, (0.0, doc_id))
        english_words = self._entry_stems[entry_index]
        if plan.chinese_terms:  # a mostly English query's Chinese terms are looked up among the entry's tokens
            english_words = english_words | self._entry_tokens[entry_index]
        coverage = (keyword_coverage(plan, english_words, self._entry_texts[entry_index]) if plan.english
                    else keyword_coverage(plan, self._entry_tokens[entry_index], self._entry_joined_tokens[entry_index]))
        matched = self.index.docs[doc_id if entry_index in dense else keyword_doc]
        return Hit(
            id=entry.id,
            question=entry.question,
            answer=entry.answer,
            script=entry.script,
            category=entry.category,
            score=self._number_adjusted(entry.id, plan, ranking_score(cosine, coverage, fused)
                                        if self.recipe.score_order else relevance(cosine, coverage)),
            relevance=relevance(cosine, coverage),
            sources=entry.sources,
            highlights=(),  # filled in for the hits search() returns
            dense_score=round(cosine, 4),
            keyword_score=round(keyword_score, 4),
            coverage=round(coverage, 4),
            matched_field=matched.field,
            matched_text=matched.text,
            en=entry.en,
        )

    def _number_adjusted(self, entry_id: str, plan: QueryPlan, score: float) -> float:
        """The score moved up when the query's duration falls in the entry's rule, down when outside it; down too
        for an entry that only says what a word means when the query asks what to do (kb.question_form)."""
        rule = self.duration_rules.get(entry_id)
        verdict = rule.judge(list(plan.spans)) if rule else 0
        if verdict == 0 and entry_id in self._definitions and asks_what_to_do(plan.text):
            verdict = -1
        if verdict == 0:
            return score
        return round(float(np.clip(score + (NUMBER_BONUS if verdict > 0 else -NUMBER_PENALTY), 0.0, 1.0)), 4)

    def _exact_cosine(self, entry_index: int, query_vector: np.ndarray) -> tuple[float, int]:
        """Dense score of an entry that only the keyword side found (outside the dense top-N)."""
        doc_ids = self.index.entry_docs(entry_index)
        vectors = np.vstack([self.index.dense.reconstruct(int(d)) for d in doc_ids])
        scores = vectors @ query_vector
        best = int(np.argmax(scores))
        return max(float(scores[best]), 0.0), int(doc_ids[best])
