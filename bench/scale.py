"""Scale benchmark: build time, peak memory and warm search latency for a large collection.

    .venv/bin/python -m bench.scale [--entries 10000]

A synthetic collection is made by recombining the real entries' questions and answers
(so texts are realistic Chinese and all distinct), written as a content folder, then opened
with the default encoder exactly as the app does. Embeddings are cached in data/bench-scale,
so a second run measures the index build without the encoder.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import time
from pathlib import Path

from dataclasses import replace

import numpy as np
import yaml

from bench.retrieval import NONE, MemoEncoder, latency, search_work, searcher_for
from kb import KnowledgeBase, load_content
from kb.embeddings import Encoder, load_encoder, normalize_rows, text_key
from kb.search import Recipe
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def synthetic_content(target: Path, entries: int, seed: int = 7) -> None:
    """A valid content folder with `entries` entries recombined from the real pack."""
    real = load_content(ROOT / "content")
    base = list(real.entries.values())
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "faq").mkdir(parents=True)
    for name in ("categories.yaml", "sources.yaml", "glossary.yaml", "scope.yaml"):
        shutil.copy(ROOT / "content" / name, target / name)
    # Entries cite the regulation library (durations.yaml names real entry ids, so it stays out).
    shutil.copytree(ROOT / "content" / "regulations", target / "regulations")
    by_category: dict[str, list[dict]] = {}
    for number in range(entries):
        entry, other = base[number % len(base)], rng.choice(base)
        sentences = [s for s in entry.answer.replace("\n", "").split("。") if s]
        rng.shuffle(sentences)
        by_category.setdefault(entry.category, []).append({
            "id": f"{real.categories[entry.category].prefix}synthetic-{number}",
            "question": f"{entry.question.rstrip('？?')}（{other.question.rstrip('？?')[:8]}）？",
            # Three variants, as kb validate now asks of every entry (one made the synthetic pack invalid).
            "variants": [f"{variant}，{other.variants[i]}" for i, variant in enumerate(rng.sample(entry.variants, 3))],
            "answer": "。".join(sentences[:3]) + "。" + other.answer.split("。")[0] + "。",
            "sources": [{"doc": s.doc, "article": s.article} for s in entry.sources],
        })
    for category, items in by_category.items():
        (target / "faq" / f"{category}.yaml").write_text(
            yaml.safe_dump({"entries": items}, allow_unicode=True, sort_keys=False), encoding="utf-8")


class ProxyPassageEncoder:
    """Real query encoding; documents get a real content document's vector plus a little noise.

    Embedding 30,000 synthetic texts takes ~40 min on this 2-core machine. The search work after
    encoding (HNSW, BM25, fusion, re-ranking) depends on the collection's size and on vectors
    clustered like real ones, not on their exact values; the query's encoding does not depend
    on the collection at all. So `--proxy-passages` measures warm latency in ~2 minutes; its
    ranking quality is meaningless (docs/benchmarks.md says which figures came from it).
    """

    def __init__(self, real: Encoder, pool: np.ndarray) -> None:
        self._real, self._pool = real, pool
        self.dim, self.model_id = real.dim, real.model_id

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            rng = np.random.default_rng(int(text_key(text)[:8], 16))
            rows.append(self._pool[rng.integers(len(self._pool))] + rng.normal(0.0, 0.02, self.dim))
        return normalize_rows(np.array(rows))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._real.encode_queries(texts)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--proxy-passages", action="store_true",
                        help="documents get noisy copies of real content vectors instead of being embedded (latency only)")
    args = parser.parse_args()
    work = ROOT / "data" / ("bench-scale-proxy" if args.proxy_passages else "bench-scale")
    encoder = None
    if args.proxy_passages:
        real = KnowledgeBase.open(ROOT / "content", Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench"))
        pool = np.vstack([real.index.dense.reconstruct(i) for i in range(len(real.index.docs))])
        encoder = ProxyPassageEncoder(real.encoder, pool)
    content = work / f"content-{args.entries}"
    synthetic_content(content, args.entries)
    settings = Settings.from_env({}).with_overrides(data_dir=work / "data", content_dir=content,
                                                    embedding_cache=work / "embeddings")
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    before = peak_rss_mb()
    start = time.perf_counter()
    kb = KnowledgeBase.open(content, settings, encoder=encoder or load_encoder(settings.embedding_model))
    build = time.perf_counter() - start
    print(f"{kb.index.size} entries, {len(kb.index.docs)} documents, index {type(kb.index.dense).__name__}")
    print(f"build (embeddings cached: {'yes' if build < 120 else 'no'}): {build:.1f} s; peak RSS {peak_rss_mb():.0f} MB (before {before:.0f} MB)")

    queries = ["宽限期多久", "客户说不是本人签字怎么办", "重疾被拒了怎么申诉", "红利比业务员说的少", "犹豫期退保扣多少钱",
               "保单贷款能借多少", "投诉多久给答复", "脑中风多久能理赔", "明天天气怎么样", "受益人怎么变更"]
    for query in queries:
        kb.search(query)
    print("warm latency (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in latency(kb, queries, rounds=6).items()))
    story = "我爸的保单去年三月就没扣上钱 我们根本不知道 今年查出肺癌 你们说停效了不赔 连个通知都没有"
    print("warm latency, one long story (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in latency(kb, [story], rounds=20).items()))
    memo = MemoEncoder(kb.encoder)
    for label, recipe in (("app recipe", Recipe()), ("without the learned re-ranker", replace(Recipe(), learned_rerank=False))):
        p50, p95 = search_work(searcher_for(kb, memo, recipe), queries + [story], rounds=6)
        print(f"search CPU without encoding, {label} (ms): p50 {p50:.1f}, p95 {p95:.1f}")
    without_reranker = searcher_for(kb, kb.encoder, replace(Recipe(), learned_rerank=False))
    kb._snapshot = replace(kb._snapshot, searcher=without_reranker)  # noqa: SLF001
    print("warm latency without the learned re-ranker (ms): "
          + ", ".join(f"{k} {v:.1f}" for k, v in latency(kb, queries, rounds=6).items()))
    kb._snapshot = replace(kb._snapshot, searcher=searcher_for(kb, kb.encoder, NONE))  # noqa: SLF001
    print("warm latency without the issue #14 techniques (ms): "
          + ", ".join(f"{k} {v:.1f}" for k, v in latency(kb, queries, rounds=6).items()))

if __name__ == "__main__":
    main()
