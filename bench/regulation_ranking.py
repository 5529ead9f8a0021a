"""Regulation ranking variants, each on its own, ungated (the table in docs/benchmarks.md).

    .venv/bin/python -m bench.regulation_ranking                     # keyword units, priors, fusion grid
    .venv/bin/python -m bench.regulation_ranking --sentence-vectors  # also dense sentence units (embeds ~5,150 texts)

Every variant ranks all 1,723 articles for each dev question from the same query and article
vectors as the app, fusing by weighted reciprocal rank (top 100 per ranking, as the searcher
does) without the glossary-expanded ranking, and counts a question when its expected sentence
is in one of the top 3 articles. Choices are read on the TUNE half; held-out is printed only
to be reported.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np

from kb import KnowledgeBase
from kb.chinese_text import sentences
from kb.regulations.evaluation import expected_text, load_regulation_dev_set, squeeze
from kb.regulations.search import cited_articles
from kb.text import clip_query, keyword_tokens
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "regulation_queries.yaml"
DEPTH = 100
UNRANKED = 10 ** 6
INTERPRETATIONS = ("JI-2", "JI-3")
# Title bigrams that name no subject (保险, 管理, 办法 …) are left out of the title prior.
GENERIC_TITLE_BIGRAMS = set("保险 管理 办法 规定 公司 中国 监管 关于 通知 业务 人身 机构 银行 行业 国家 有关 事项 实施 若干 使用 "
                            "中华 华人 人民 民共 共和 和国".split())


class Bench:
    """Query × article score matrices and the top-3 measure."""

    def __init__(self, kb: KnowledgeBase) -> None:
        dev = load_regulation_dev_set(DEV_SET)
        searcher = kb._snapshot.regulation_searcher  # noqa: SLF001 - the benchmark reads the index
        self.kb, self.index = kb, searcher.index
        self.keys = self.index.entry_ids
        self.library = kb.content.library
        articles = {a.key: a for a in self.library.articles()}
        self.texts = [articles[k].text for k in self.keys]
        self.documents = np.array([articles[k].document_id for k in self.keys])
        self.document_ids = sorted(set(self.documents))
        self.document_column = np.array([self.document_ids.index(d) for d in self.documents])
        self.questions = dev.questions
        self.halves = np.array([q.half for q in dev.questions])
        wanted = [squeeze(expected_text(q)) for q in dev.questions]
        squeezed = [squeeze(t) for t in self.texts]
        self.gold = [{i for i, t in enumerate(squeezed) if w in t} for w in wanted]
        self.query_vectors = searcher.encoder.encode_queries([clip_query(q.text) for q in dev.questions])
        articles_matrix = np.vstack([self.index.dense.reconstruct(i) for i in range(len(self.index.docs))])
        self.dense = self.query_vectors @ articles_matrix.T

    def bm25(self, units: list[str], owner: np.ndarray, k1: float = 1.5, b: float = 0.75, tokens=keyword_tokens,
             queries: list[str] | None = None) -> np.ndarray:
        """Best BM25 score per article over its units (`queries`: other texts than the questions, one each)."""
        model = bm25s.BM25(k1=k1, b=b)
        model.index([tokens(u) or [""] for u in units], show_progress=False)
        out = np.zeros((len(self.questions), len(self.keys)), dtype=np.float32)
        for row, text in enumerate(queries or [q.text for q in self.questions]):
            known = [t for t in tokens(text) if t in model.vocab_dict]
            if known:
                np.maximum.at(out[row], owner, model.get_scores(known))
        return out

    def sentence_units(self) -> tuple[list[str], np.ndarray]:
        units, owner = [], []
        for i, text in enumerate(self.texts):
            for sentence in sentences(text) or [text]:
                units.append(sentence)
                owner.append(i)
        return units, np.array(owner)

    def top3(self, scores: np.ndarray, half: str) -> float:
        rows = np.flatnonzero(self.halves == half)
        best = np.argsort(-scores[rows], axis=1, kind="stable")[:, :3]
        return float(np.mean([bool(self.gold[r] & set(b.tolist())) for r, b in zip(rows, best)]))


def ranks(scores: np.ndarray, depth: int = DEPTH) -> np.ndarray:
    """Rank of each article per question (UNRANKED below `depth` or without a score)."""
    order = np.argsort(-scores, axis=1, kind="stable")
    out = np.full(scores.shape, UNRANKED)
    np.put_along_axis(out, order[:, :depth], np.arange(depth)[None, :].repeat(len(scores), 0), axis=1)
    out[scores <= 0] = UNRANKED
    return out


def fuse(parts: list[tuple[np.ndarray, float]], k: int = 20) -> np.ndarray:
    return sum(np.where(r < UNRANKED, w / (k + r + 1), 0.0) for r, w in parts)


def document_prior(bench: Bench, per_document: np.ndarray, weight: float, k: int) -> np.ndarray:
    """Each article's share of its document's rank among documents (per question)."""
    documents = sorted(set(bench.documents))
    column = np.array([documents.index(d) for d in bench.documents])
    rank = ranks(per_document, depth=len(documents))[:, column]
    return np.where(rank < UNRANKED, weight / (k + rank + 1), 0.0)


def title_matches(bench: Bench) -> np.ndarray:
    """Per question and document: the title/short-name/alias bigrams it shares, weighted by rarity."""
    def bigrams(text: str) -> set[str]:
        han = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
        return {han[i:i + 2] for i in range(len(han) - 1)}
    documents = sorted(set(bench.documents))
    names = {d: set().union(*(bigrams(n) for n in bench.library.documents[d].names)) - GENERIC_TITLE_BIGRAMS
             for d in documents}
    count = Counter(b for d in documents for b in names[d])
    return np.array([[sum(1 / count[b] for b in bigrams(q.text) & names[d]) for d in documents] for q in bench.questions])


def unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def faq_closeness(bench: Bench, kb: KnowledgeBase) -> tuple[np.ndarray, np.ndarray]:
    """The FAQ collection's document vectors, and per question and FAQ entry its best cosine."""
    faq_vectors = np.vstack([kb.index.dense.reconstruct(i) for i in range(len(kb.index.docs))])
    nearest = np.full((len(bench.questions), kb.index.size), -1.0)
    np.maximum.at(nearest.T, kb.index.doc_entry, (bench.query_vectors @ faq_vectors.T).T)
    return faq_vectors, nearest


def citation_ranks(bench: Bench, kb: KnowledgeBase, entries: int) -> np.ndarray:
    """Rank of each article in the ranking 'cited by the `entries` FAQ entries nearest the question',
    the nearest entry's articles first (as RegulationSearcher._extra_rankings)."""
    position = {key: i for i, key in enumerate(bench.keys)}
    cited = [sorted(position[k] for k in cited_articles(kb.content.entries).get(e, ()) if k in position)
             for e in kb.index.entry_ids]
    nearest = faq_closeness(bench, kb)[1]
    out = np.full(bench.dense.shape, UNRANKED)
    for row, order in enumerate(np.argsort(-nearest, axis=1, kind="stable")[:, :entries]):
        rank = 0
        for entry in order:
            for article in cited[entry]:
                if out[row, article] == UNRANKED:
                    out[row, article] = rank
                    rank += 1
    return out


def neighbour_lift(bench: Bench, scores: np.ndarray, share: float) -> np.ndarray:
    """Each article's score moved `share` of the way up to its better neighbour in the same document."""
    same_before = np.r_[False, bench.documents[1:] == bench.documents[:-1]]
    same_after = np.r_[bench.documents[:-1] == bench.documents[1:], False]
    before = np.where(same_before, np.roll(scores, 1, axis=1), -np.inf)
    after = np.where(same_after, np.roll(scores, -1, axis=1), -np.inf)
    return scores + share * np.maximum(0.0, np.maximum(before, after) - scores)


def document_sum(bench: Bench, scores: np.ndarray, best: int = 3) -> np.ndarray:
    """Per question and article, the summed score of its document's `best` articles."""
    out = np.zeros_like(scores)
    for document in set(bench.documents):
        column = bench.documents == document
        out[:, column] = np.sort(scores[:, column], axis=1)[:, -best:].sum(1, keepdims=True)
    return out


def document_named(bench: Bench) -> np.ndarray:
    """Per question and document (bench.document_ids order): 1 when the question contains one of the
    document's short names or aliases of three characters or more (保险法, 投诉办法 …)."""
    names = [[n for n in bench.library.documents[d].names if len(n) >= 3] for d in bench.document_ids]
    return np.array([[float(any(n in q.text for n in ns)) for ns in names] for q in bench.questions])


def sentence_unit_texts(library, keys: list[str]) -> tuple[list[str], np.ndarray]:
    """Texts to embed for dense sentence units ('<short name> <article>' then the sentence), each
    sentence of a multi-sentence article, and the index (in `keys`) of the article each belongs to."""
    texts, owners = [], []
    for i, key in enumerate(keys):
        article = library.article(*key.split(" ", 1))
        parts = sentences(article.text)
        if len(parts) > 1:
            short = library.documents[article.document_id].short_name
            texts += [f"{short} {article.label}\n{s}" for s in parts]
            owners += [i] * len(parts)
    return texts, np.array(owners)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentence-vectors", action="store_true", help="also embed sentence units (slow)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench")
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=args.data, content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    bench = Bench(kb)

    def show(name: str, scores: np.ndarray) -> None:
        print(f"{name:<58} tune {bench.top3(scores, 'tune'):.3f}  held-out {bench.top3(scores, 'held_out'):.3f}", flush=True)

    dense = ranks(bench.dense)
    article_bm25 = bench.bm25([d.text for d in bench.index.docs], np.arange(len(bench.keys)))
    units, owner = bench.sentence_units()
    sentence_bm25 = bench.bm25(units, owner)
    before = fuse([(dense, 1.5), (ranks(article_bm25), 1.0)])
    now = fuse([(dense, 1.5), (ranks(sentence_bm25), 1.0)])
    show("before: dense 1.5 + article BM25 1.0 (k 20)", before)
    show("now: dense 1.5 + sentence BM25 1.0 (k 20)", now)
    show("dense + article BM25 + sentence BM25 (1.5/1.0/1.0)", fuse([(dense, 1.5), (ranks(article_bm25), 1.0), (ranks(sentence_bm25), 1.0)]))
    clause_units, clause_owner = [], []
    for i, key in enumerate(bench.keys):
        for clause in bench.library.article(*key.split(" ", 1)).clauses:
            text = "\n".join([clause.text, *clause.items]).strip()
            if text:
                clause_units.append(text)
                clause_owner.append(i)
    show("dense + 款 BM25 (1.5/1.0)", fuse([(dense, 1.5), (ranks(bench.bm25(clause_units, np.array(clause_owner))), 1.0)]))

    print("\nBM25 parameters / tokens (article BM25, fused with dense 1.5/1.0):")
    for k1, b in ((1.2, 0.75), (1.5, 0.5), (1.5, 0.3), (2.0, 0.75), (1.5, 1.0)):
        show(f"  k1 {k1} b {b}", fuse([(dense, 1.5), (ranks(bench.bm25([d.text for d in bench.index.docs], np.arange(len(bench.keys)), k1, b)), 1.0)]))
    def word_bigrams(text: str) -> list[str]:
        return [t for t in keyword_tokens(text) if len(t) > 1]
    show("  bigrams only (no single characters)", fuse([(dense, 1.5), (ranks(bench.bm25([d.text for d in bench.index.docs], np.arange(len(bench.keys)), tokens=word_bigrams)), 1.0)]))

    print("\nfusion grid (dense / sentence BM25 weight, k):")
    grid = [(k, wd, ws) for k in (10, 20, 40, 60) for wd in (1.0, 1.5, 2.0, 2.5) for ws in (0.5, 1.0, 1.5)]
    results = sorted(((bench.top3(fuse([(dense, wd), (ranks(sentence_bm25), ws)], k), "tune"), k, wd, ws) for k, wd, ws in grid), reverse=True)
    for _, k, wd, ws in results[:5]:
        show(f"  k {k} dense {wd} sentence BM25 {ws}", fuse([(dense, wd), (ranks(sentence_bm25), ws)], k))

    print("\narticles cited by the nearest FAQ entries (entries × weight; alone = on 'before'):")
    for entries, weight in ((1, 1.0), (2, 1.0), (3, 0.5), (3, 1.0), (3, 1.5), (5, 1.0)):
        cited = citation_ranks(bench, kb, entries)
        show(f"  {entries} entries, weight {weight}: alone", fuse([(dense, 1.5), (ranks(article_bm25), 1.0), (cited, weight)]))
        show(f"  {entries} entries, weight {weight}: with sentence BM25", fuse([(dense, 1.5), (ranks(sentence_bm25), 1.0), (cited, weight)]))

    print("\ndocument priors and the law over its interpretation (added to 'now'):")
    documents = sorted(set(bench.documents))
    per_doc_dense = np.stack([np.sort(bench.dense[:, bench.documents == d], axis=1)[:, -3:].mean(1) for d in documents], 1)
    for name, per_document in (("document's mean top-3 cosine", per_doc_dense), ("title/alias bigram glossary", title_matches(bench))):
        for weight, k in ((0.25, 5), (0.5, 5), (0.25, 2)):
            show(f"  {name}, weight {weight} k {k}", now + document_prior(bench, per_document, weight, k))
    for factor in (0.95, 0.9, 0.8):
        show(f"  judicial interpretations' score × {factor}", now * np.where(np.isin(bench.documents, INTERPRETATIONS), factor, 1.0))

    print("\nwithin the right document (fourth pass; each added to dense + sentence BM25 + 3 citing entries):")
    kept = [(dense, 1.5), (ranks(sentence_bm25), 1.0), (citation_ranks(bench, kb, 3), 1.0)]
    app = fuse(kept)
    show("  as the app (without the glossary-expanded ranking)", app)
    for share in (0.1, 0.3):
        show(f"  dense cosine lifted {share} towards the better neighbouring article", fuse([(ranks(neighbour_lift(bench, bench.dense, share)), 1.5), *kept[1:]]))
    for weight in (0.1, 0.3, 0.5):
        show(f"  + {weight} × the fused score of the document's best 3 articles", app + weight * document_sum(bench, app))
    named = document_named(bench)
    print(f"  questions naming a document by a short name or alias: {int(named.any(1)[bench.halves == 'tune'].sum())} tune")
    for boost in (0.2, 0.5):
        show(f"  articles of a named document × {1 + boost}", app * (1 + boost * named[:, bench.document_column]))

    print("\nfeedback from the nearest FAQ entries and the best articles (fourth pass; on the app's ranking):")
    faq_vectors, nearest = faq_closeness(bench, kb)
    entries = [kb.content.entries[e] for e in kb.index.entry_ids]
    for count in (1, 3):
        answers = [" ".join(entries[e].answer for e in np.argsort(-nearest[row])[:count]) for row in range(len(bench.questions))]
        words = bench.bm25(units, owner, queries=answers)
        for weight in (0.5, 1.0):
            show(f"  + sentence BM25 of the nearest {count} FAQ answers' words, weight {weight}", app + fuse([(ranks(words), weight)]))
    article_vectors = np.vstack([bench.index.dense.reconstruct(i) for i in range(len(bench.index.docs))])
    for share in (0.3, 0.6):
        best = article_vectors[np.argsort(-bench.dense, axis=1)[:, :3]].mean(1)
        show(f"  dense query moved {share} towards its best 3 articles (replaces dense)",
             fuse([(ranks(unit(bench.query_vectors + share * best) @ article_vectors.T), 1.5), *kept[1:]]))
    answer_docs = {int(kb.index.doc_entry[i]): i for i, doc in enumerate(kb.index.docs) if doc.field == "answer"}
    nearest_answer = faq_vectors[[answer_docs[int(e)] for e in np.argmax(nearest, axis=1)]]
    for share in (0.3, 0.6):
        moved = unit(bench.query_vectors + share * nearest_answer) @ article_vectors.T
        show(f"  + dense ranking of the query moved {share} towards the nearest FAQ answer", app + fuse([(ranks(moved), 1.0)]))

    if args.sentence_vectors:
        print("\ndense sentence units (each sentence of a multi-sentence article, '<short name> <article>' first):")
        texts, owners = sentence_unit_texts(bench.library, bench.keys)
        vectors = kb._cache.embed(texts, progress=None)  # noqa: SLF001 - cached per text like the index
        best = np.full(bench.dense.shape, -1.0, dtype=np.float32)
        np.maximum.at(best.T, np.array(owners), (bench.query_vectors @ vectors.T).T)
        with_sentences = np.maximum(bench.dense, best)
        show("  dense alone: article / article or its best sentence", bench.dense)
        show("", with_sentences)
        for wd, wds in ((0.0, 1.5), (1.0, 1.0), (1.5, 1.5), (1.0, 0.5)):
            show(f"  article dense {wd} + sentence dense {wds} + sentence BM25 1.0",
                 fuse([(dense, wd), (ranks(with_sentences), wds), (ranks(sentence_bm25), 1.0)]))


if __name__ == "__main__":
    main()
