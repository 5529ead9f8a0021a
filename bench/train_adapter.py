"""Train the query-side dense adapter (kb.adapter) on the TUNE half of the customer-words set.

    .venv/bin/python -m bench.train_adapter            # writes kb/query_adapter.npz
    .venv/bin/python -m bench.train_adapter --dry-run  # figures only

Only TUNE is read. The regularisation (pull towards the identity) and the number of epochs are
chosen leaving one TUNE writer out: trained on the other writers, dense-only Recall@1 / @3 of the
left-out writer's queries (the query's best document per entry, as the dense ranking sees it),
summed over writers. The query vectors are the ones search ranks with (rewritten query, a story
leaning towards its question); the document vectors are read from the built index.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Callable, Sequence
from dataclasses import replace

import numpy as np

from bench.retrieval import CUSTOMER_SET, ROOT, searcher_for
from kb import KnowledgeBase
from kb.adapter import TEMPERATURE, WEIGHTS_FILE, QueryAdapter, train_adapter
from kb.embeddings import QueryVectorCache
from kb.evaluation import LabelledQuery, load_dev_set
from kb.search import Recipe, Searcher, plan_query
from settings import Settings

L2_GRID = (0.003, 0.01, 0.03)
EPOCH_GRID = (50, 100, 150)
# Adapters trained without one TUNE writer, by a hash of their inputs (held_out_adapter).
ADAPTERS = ROOT / "data" / "bench" / "held_out_adapters"


def dense_recall(matrix: np.ndarray, queries: np.ndarray, docs: np.ndarray, doc_entry: np.ndarray,
                 right: list[set[int]], k: int) -> float:
    """Share of queries whose right entry is among the top k entries by best adapted cosine."""
    adapted = queries @ matrix.T
    adapted /= np.linalg.norm(adapted, axis=1, keepdims=True)
    scores = adapted @ docs.T
    hits = 0
    entries = int(doc_entry.max()) + 1
    for row, wanted in zip(scores, right):
        best = np.full(entries, -np.inf)
        np.maximum.at(best, doc_entry, row)
        top = np.argsort(-best, kind="stable")[:k]
        hits += bool(wanted & set(top.tolist()))
    return hits / len(right)


def held_out_adapter(queries: np.ndarray, docs: np.ndarray, positive: np.ndarray, l2: float, epochs: int,
                     store: Path = ADAPTERS) -> np.ndarray:
    """train_adapter, remembered on disk by a hash of everything it reads: the re-ranker's training and the
    FAQ gate's rows (bench.faq_gate) need the same per-writer adapters, each a minute or more of CPU."""
    digest = hashlib.sha256()
    for part in (queries.astype(np.float32), docs.astype(np.float32), np.packbits(positive)):
        digest.update(part.tobytes())
    digest.update(f"{queries.shape} {docs.shape} {l2} {epochs}".encode())
    path = store / f"{digest.hexdigest()[:24]}.npy"
    if path.exists():
        return np.load(path)
    matrix = train_adapter(queries, docs, positive, l2, epochs)
    store.mkdir(parents=True, exist_ok=True)
    np.save(path, matrix)
    return matrix


def tune_vectors(searcher: Searcher, queries: Sequence[LabelledQuery]
                 ) -> tuple[np.ndarray, np.ndarray, list[set[int]], list[str]]:
    """Per query: the vector search ranks with (rewritten, a story leaning towards its question), which
    documents are its own entry's (queries × documents booleans), its right entries' positions, its writer."""
    index = searcher.index
    position = {entry_id: i for i, entry_id in enumerate(index.entry_ids)}
    vectors, right = [], []
    for query in queries:
        plan = plan_query(query.text, searcher.glossary, searcher.rewriters)
        vectors.append(searcher._vectors(plan)[0])  # noqa: SLF001 - the vector search ranks with
        right.append({position[i] for i in query.ids if i in position})
    positive = np.array([np.isin(index.doc_entry, list(r)) for r in right])
    return np.vstack(vectors).astype(np.float64), positive, right, [q.source for q in queries]


def opened_for_training(configure: Callable[[argparse.ArgumentParser], None] | None = None
                        ) -> tuple[argparse.Namespace, KnowledgeBase, QueryVectorCache]:
    """A trainer's command line (--dry-run, and what `configure` adds), the bench knowledge base, and its query
    vectors remembered on disk so that the next run (another grid, new writers) encodes only new queries."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the weights")
    if configure:
        configure(parser)
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    return args, kb, QueryVectorCache(kb.encoder, settings.embedding_cache_dir)


def keep_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keep", action="store_true",
                        help="retrain with the shipped adapter's l2 and epochs (its leave-one-writer-out figures only, no grid)")


def main() -> None:
    args, kb, encoder = opened_for_training(keep_option)
    searcher = searcher_for(kb, encoder, replace(Recipe(), learned_rerank=False, query_adapter=False))
    index = searcher.index
    docs = index.dense.reconstruct_n(0, len(index.docs)).astype(np.float64)
    tune = load_dev_set(CUSTOMER_SET / "tune")
    queries, positive, right, writers = tune_vectors(searcher, tune.queries)
    encoder.save()
    identity = np.eye(queries.shape[1])
    print(f"TUNE: {len(queries)} queries, {len(docs)} documents, temperature {TEMPERATURE}")
    print(f"identity (no adapter), dense only: R@1 {dense_recall(identity, queries, docs, index.doc_entry, right, 1):.3f} "
          f"R@3 {dense_recall(identity, queries, docs, index.doc_entry, right, 3):.3f}")
    writers_array = np.array(writers)
    totals: dict[tuple[float, int], list[float]] = {}
    baseline = [0.0, 0.0]
    l2_grid, epoch_grid = L2_GRID, EPOCH_GRID
    if args.keep:
        about = QueryAdapter.trained_with()
        l2_grid, epoch_grid = (float(about["l2"]),), (int(about["epochs"]),)
        print(f"l2 {l2_grid[0]} and epochs {epoch_grid[0]} kept from the shipped adapter (no grid)")
    for writer in sorted(set(writers)):
        train, test = writers_array != writer, writers_array == writer
        test_right = [r for r, t in zip(right, test) if t]
        base = [dense_recall(identity, queries[test], docs, index.doc_entry, test_right, k) for k in (1, 3)]
        baseline = [b + v * test.sum() for b, v in zip(baseline, base)]
        line = [f"leave {writer} out ({test.sum()}): identity {base[0]:.3f}/{base[1]:.3f}"]
        for l2 in l2_grid:
            matrices = ([held_out_adapter(queries[train], docs, positive[train], l2, epoch_grid[0])] if args.keep
                        else train_adapter(queries[train], docs, positive[train], l2, epoch_grid))
            for epochs, matrix in zip(epoch_grid, matrices):
                got = [dense_recall(matrix, queries[test], docs, index.doc_entry, test_right, k) for k in (1, 3)]
                total = totals.setdefault((l2, epochs), [0.0, 0.0])
                total[0] += got[0] * test.sum()
                total[1] += got[1] * test.sum()
                line.append(f"  l2 {l2} epochs {epochs}: {got[0]:.3f}/{got[1]:.3f}")
        print("\n".join(line), flush=True)
    n = len(queries)
    print(f"leave-one-writer-out, identity: R@1 {baseline[0] / n:.3f} R@3 {baseline[1] / n:.3f}")
    for (l2, epochs), (r1, r3) in totals.items():
        print(f"leave-one-writer-out, l2 {l2} epochs {epochs}: R@1 {r1 / n:.3f} R@3 {r3 / n:.3f}")
    l2, epochs = max(totals, key=lambda key: (totals[key][0], totals[key][1], key[0], -key[1]))
    print(f"chosen l2 {l2}, epochs {epochs}")
    matrix = train_adapter(queries, docs, positive, l2, epochs)
    print(f"trained on all TUNE, dense only (in sample): R@1 {dense_recall(matrix, queries, docs, index.doc_entry, right, 1):.3f} "
          f"R@3 {dense_recall(matrix, queries, docs, index.doc_entry, right, 3):.3f}; |W - I| {np.linalg.norm(matrix - identity):.3f}")
    if not args.dry_run:
        QueryAdapter(matrix.astype(np.float32), kb.encoder.model_id).save(WEIGHTS_FILE, {
            "trained_on": f"tests/kb/customer_queries/tune ({n} queries)", "l2": l2, "epochs": epochs,
            "temperature": TEMPERATURE, "made_by": "python -m bench.train_adapter"})
        print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
