"""The search index: FAISS over dense vectors plus BM25 over keyword tokens, cached on disk.

Each FAQ entry is indexed as several documents (question, each variant, question + answer,
English text); a hit on any of them counts for the entry once. A `SearchIndex` is immutable:
rebuilding makes a new one, and the knowledge base swaps the reference in one assignment,
so a search never sees a half-built index.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import bm25s
import faiss
import numpy as np

from kb.content import Entry
from kb.embeddings import EmbeddingCache, Encoder
from kb.text import TOKENIZER_VERSION, keyword_tokens

log = logging.getLogger(__name__)

# Above this many vectors an approximate (HNSW) index replaces the exact flat one.
FLAT_INDEX_LIMIT = 20_000
HNSW_NEIGHBOURS = 32
# keyword_scores collapses at most depth × this many top documents into entries.
DOCS_PER_ENTRY_SCAN = 8
INDEX_FORMAT = "1"
# Three collections (FAQ entries, regulation articles, their sentences), each with a recent previous version.
KEEP_CACHED_INDEXES = 7


@dataclass(frozen=True)
class IndexedDoc:
    entry_id: str
    field: str
    text: str


def index_key(docs: Sequence[IndexedDoc], model_id: str) -> str:
    """Identifies an index: the same texts under the same model give the same key."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}\0{TOKENIZER_VERSION}\0{model_id}\0".encode())
    for doc in docs:
        digest.update(f"{doc.entry_id}\0{doc.field}\0{doc.text}\0".encode())
    return digest.hexdigest()[:24]


def docs_for(entries: Sequence[Entry]) -> list[IndexedDoc]:
    """The documents under which the entries are indexed, in a stable order."""
    return [IndexedDoc(e.id, field, text) for e in entries for field, text in e.search_texts()]


def _dense_index(vectors: np.ndarray) -> faiss.Index:
    """Exact inner product for small collections, HNSW above FLAT_INDEX_LIMIT."""
    dim = vectors.shape[1]
    if len(vectors) <= FLAT_INDEX_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = 128
    index.add(vectors)
    return index


class Postings:
    """BM25's precomputed per-token document scores, summed for a query in one `np.add.at` call.

    bm25s calls `np.add.at` once per query token (a story has 50-100 tokens, twice over with the
    glossary's expansion). One call over the tokens' postings laid end to end does the same float32
    additions in the same order (`add.at` is unbuffered and goes through its indices in order), so
    the scores are identical to `BM25.get_scores` (tests/kb/test_index.py compares them) at about
    a third of the cost (0.16 -> 0.07 ms for a 46-token story, numpy 2.4)."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, num_docs: int,
                 dtype: np.dtype) -> None:
        self._data, self._indices, self._num_docs, self._dtype = data, indices, num_docs, dtype
        self._bounds = indptr.tolist()  # Python ints: slicing with them is faster than with numpy scalars

    @classmethod
    def of(cls, bm25: bm25s.BM25) -> "Postings | None":
        """The postings of a loaded or built index; None for a BM25 variant that also scores absent tokens."""
        stored = getattr(bm25, "scores", None)
        if not stored or getattr(bm25, "nonoccurrence_array", None) is not None or "indptr" not in stored:
            return None
        return cls(stored["data"], stored["indices"], stored["indptr"], int(stored["num_docs"]), np.dtype(bm25.dtype))

    def document_frequency(self, token_id: int) -> int:
        """How many documents hold the token (the length of its postings)."""
        return self._bounds[token_id + 1] - self._bounds[token_id]

    def scores(self, token_ids: list[int]) -> np.ndarray:
        """Per document, the sum of the tokens' scores (float32, added token by token in the query's order)."""
        scores = np.zeros(self._num_docs, dtype=self._dtype)
        bounds = self._bounds
        spans = [slice(bounds[token], bounds[token + 1]) for token in token_ids]
        np.add.at(scores, np.concatenate([self._indices[span] for span in spans]),
                  np.concatenate([self._data[span] for span in spans]))
        return scores


class SearchIndex:
    """Dense and keyword indexes over the documents of a set of entries."""

    def __init__(self, key: str, docs: list[IndexedDoc], dense: faiss.Index, bm25: bm25s.BM25) -> None:
        self.key = key
        self.docs = docs
        self.dense = dense
        self.bm25 = bm25
        self.entry_ids = list(dict.fromkeys(d.entry_id for d in docs))
        position = {entry_id: i for i, entry_id in enumerate(self.entry_ids)}
        self.doc_entry = np.array([position[d.entry_id] for d in docs], dtype=np.int64)
        by_entry = np.argsort(self.doc_entry, kind="stable")
        bounds = np.searchsorted(self.doc_entry[by_entry], np.arange(len(self.entry_ids) + 1))
        self._entry_docs = [by_entry[bounds[i]:bounds[i + 1]] for i in range(len(self.entry_ids))]
        self._postings = Postings.of(bm25)
        # Each document's field once (the re-ranker reads the best cosine per field of every candidate).
        self.doc_fields = [d.field for d in docs]
        self._search_params: faiss.SearchParameters | None = None  # set on a view that hides documents
        self._hidden: np.ndarray | None = None
        self._selector: faiss.IDSelector | None = None  # owned here: the search parameters do not own it

    def without_fields(self, prefix: str) -> "SearchIndex":
        """A view that never returns the documents whose field starts with `prefix` (this index itself
        when it has none). It shares the vectors and postings; only what a search may return differs."""
        hidden = np.array([field.startswith(prefix) for field in self.doc_fields], dtype=bool)
        if not hidden.any():
            return self
        view = copy.copy(self)
        view._hidden = np.flatnonzero(hidden)
        selector = faiss.IDSelectorBatch(np.flatnonzero(~hidden).astype(np.int64))
        view._search_params = (faiss.SearchParametersHNSW(sel=selector, efSearch=self.dense.hnsw.efSearch)
                               if isinstance(self.dense, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
        view._selector = selector
        view._entry_docs = [docs[~hidden[docs]] for docs in self._entry_docs]
        return view

    @property
    def size(self) -> int:
        return len(self.entry_ids)

    def dense_scores(self, query_vector: np.ndarray, depth: int) -> dict[int, tuple[float, int]]:
        """Best cosine per entry among the top `depth` documents: entry index -> (score, doc index)."""
        if not self.docs:
            return {}
        depth = min(depth, len(self.docs))
        scores, doc_ids = self.dense.search(query_vector.reshape(1, -1).astype(np.float32), depth,
                                            params=self._search_params)
        # Python floats and ints up front: the loop then does no numpy scalar arithmetic.
        entries = self.doc_entry[np.maximum(doc_ids[0], 0)].tolist()
        best: dict[int, tuple[float, int]] = {}
        for score, doc_id, entry in zip(scores[0].tolist(), doc_ids[0].tolist(), entries):
            if doc_id < 0:
                continue
            if entry not in best or score > best[entry][0]:
                best[entry] = (score, doc_id)
        return best

    def similar_entries(self, depth: int, max_cosine: float = 1.0) -> dict[str, list[str]]:
        """For every entry, the `depth` other entries whose question + answer text is closest in
        meaning (nearest first), leaving out those at cosine ≥ `max_cosine` (near-duplicates)."""
        ids = [doc.entry_id for doc in self.docs if doc.field == "answer"]
        if not ids:
            return {}
        matrix = np.vstack([self.dense.reconstruct(i) for i, doc in enumerate(self.docs) if doc.field == "answer"])
        similarity = matrix @ matrix.T
        order = np.argsort(-similarity, axis=1, kind="stable")
        similar = {}
        for row, entry_id in enumerate(ids):
            columns = [col for col in order[row] if col != row and similarity[row, col] < max_cosine]
            similar[entry_id] = [ids[col] for col in columns[:depth]]
        return similar

    def entry_docs(self, entry: int) -> np.ndarray:
        """Indices of the documents under which entry number `entry` is indexed."""
        return self._entry_docs[entry]

    def document_frequency(self, token: str) -> int:
        """How many of the indexed documents (hidden ones included) hold the keyword token."""
        token_id = self.bm25.vocab_dict.get(token)
        if token_id is None:
            return 0
        if self._postings is not None:
            return self._postings.document_frequency(token_id)
        return int(np.count_nonzero(self.bm25.get_scores([token_id])))

    def keyword_scores(self, tokens: list[str], depth: int | None = None) -> dict[int, tuple[float, int]]:
        """Best BM25 score per entry: entry index -> (score, doc index), for the `depth` best entries.

        Only the top-scoring documents are collapsed to entries (vectorised): on a 10,000-entry
        collection a common token matches thousands of documents, and ranking all of them in
        Python cost ~10 ms per query for ranks that fusion ignores anyway.
        """
        vocabulary = self.bm25.vocab_dict
        token_ids = [vocabulary[t] for t in tokens if t in vocabulary]
        if not token_ids or not self.docs:
            return {}
        scores = self._postings.scores(token_ids) if self._postings else self.bm25.get_scores(token_ids)
        if self._hidden is not None:
            scores[self._hidden] = 0.0
        matched = np.flatnonzero(scores > 0)
        if depth is not None and matched.size > depth * DOCS_PER_ENTRY_SCAN:
            keep = depth * DOCS_PER_ENTRY_SCAN
            matched = matched[np.argpartition(-scores[matched], keep - 1)[:keep]]
        ordered = matched[np.argsort(-scores[matched], kind="stable")]
        best: dict[int, tuple[float, int]] = {}
        for doc_id, entry in zip(ordered.tolist(), self.doc_entry[ordered].tolist()):
            if entry not in best:
                best[entry] = (float(scores[doc_id]), doc_id)
                if depth is not None and len(best) == depth:
                    break
        return best

    # ------------------------------------------------------------------ persistence

    def save(self, folder: Path) -> None:
        """Write into `folder` (which must not exist yet) via a temporary sibling and a rename."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            faiss.write_index(self.dense, str(tmp / "dense.faiss"))
            self.bm25.save(str(tmp / "bm25"))
            (tmp / "docs.json").write_text(json.dumps(
                [[d.entry_id, d.field, d.text] for d in self.docs], ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            if not folder.exists():
                raise

    @classmethod
    def load(cls, folder: Path, key: str) -> "SearchIndex":
        docs = [IndexedDoc(*row) for row in json.loads((folder / "docs.json").read_text(encoding="utf-8"))]
        dense = faiss.read_index(str(folder / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(folder / "bm25"))
        return cls(key, docs, dense, bm25)


def build_index(docs: list[IndexedDoc], cache: EmbeddingCache, progress: Callable[[int], None] | None = None) -> SearchIndex:
    """Embed (reusing cached vectors) and index `docs`."""
    encoder: Encoder = cache.encoder
    vectors = cache.embed([d.text for d in docs], progress=progress)
    if not len(vectors):
        vectors = np.zeros((0, encoder.dim), dtype=np.float32)
    return SearchIndex(index_key(docs, encoder.model_id), docs, _dense_index(vectors), keyword_index(docs))


def keyword_index(docs: Sequence[IndexedDoc]) -> bm25s.BM25:
    """BM25 over the documents' keyword tokens."""
    bm25 = bm25s.BM25()
    corpus = [keyword_tokens(d.text) or [""] for d in docs]
    bm25.index(corpus or [[""]], show_progress=False)
    return bm25


def keyword_collection(docs: list[IndexedDoc], dim: int, key: str = "keywords") -> SearchIndex:
    """A collection searched by keywords only: no vectors (its dense side finds nothing)."""
    return SearchIndex(key, docs, faiss.IndexFlatIP(dim), keyword_index(docs))


def open_index(entries: Sequence[Entry], cache: EmbeddingCache, index_dir: Path | None,
               progress: Callable[[int], None] | None = None) -> SearchIndex:
    """Load the cached index for these entries, or build and cache it."""
    return open_collection(docs_for(entries), cache, index_dir, progress)


def open_collection(docs: list[IndexedDoc], cache: EmbeddingCache, index_dir: Path | None,
                    progress: Callable[[int], None] | None = None, vectors: bool = True) -> SearchIndex:
    """Load the cached index for these documents, or build and cache it (any collection: FAQ, articles,
    article sentences). `vectors=False`: keywords only, nothing embedded (BM25 over 5,800 sentences
    still takes seconds to build, so it is cached like the others)."""
    key = index_key(docs, cache.encoder.model_id if vectors else "keywords-only")
    folder = index_dir / key if index_dir else None
    if folder is not None and folder.is_dir():
        try:
            return SearchIndex.load(folder, key)
        except (OSError, RuntimeError, ValueError, json.JSONDecodeError) as err:
            log.warning("cached index %s unreadable (%s); rebuilding", folder, err)
            shutil.rmtree(folder, ignore_errors=True)
    index = build_index(docs, cache, progress) if vectors else keyword_collection(docs, cache.encoder.dim, key)
    if folder is not None:
        index.save(folder)
        _prune_old_indexes(index_dir, keep=key)
    return index


def _prune_old_indexes(index_dir: Path, keep: str) -> None:
    """Remove all but the newest cached indexes (another process may still use a recent one)."""
    folders = sorted((p for p in index_dir.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP_CACHED_INDEXES:]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
