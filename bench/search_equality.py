"""Did a speed change move any result? Every query's hits, recorded before and compared after.

    .venv/bin/python -m bench.search_equality --write /tmp/before.json    # on the code before the change
    .venv/bin/python -m bench.search_equality --compare /tmp/before.json  # on the code after it
    .venv/bin/python -m bench.search_equality --sample tests/kb/search_regression_sample.json

Searches every query of the old dev set, the customer-words TUNE and DEV halves (labelled
queries, off-topic questions and near-domain negatives) as the app does (k=10) and as the hit
test does (threshold 0), plus a category-filtered search, and keeps each hit's id, shown score,
relevance, cosine, BM25 score, coverage, matched field and highlights: the rankings, the scores
and the no-answer decisions. Query vectors come from the knowledge base's remembered query
vectors (one batch per query, as a search encodes it), so both runs rank the very same vectors
and any difference is the code's. Only counts and the differing queries of TUNE and the old set
are printed (DEV is held out: its figures only).

`--sample` records a few dozen old-set and TUNE queries (never DEV) with a fingerprint of what
ranks them, for tests/kb/test_search_regression.py: rerun it when the content, the re-ranker
weights or the ranking change on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

import numpy as np

from kb import KnowledgeBase
from kb.evaluation import load_dev_set
from kb.search import Hit, Searcher
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "dev_queries"
CUSTOMER_SET = ROOT / "tests" / "kb" / "customer_queries"
TOP_K = 10
# Each way the app searches: as the search page does, as the hit test does, within one category.
MODES = ("app", "threshold0", "category")


def hit_record(hit: Hit) -> list:
    """What a user or a later step sees of one hit (floats are already rounded by the searcher).

    Highlights as a sorted list: kb.text.matched_terms orders equal-length terms by set iteration,
    which moves with each process's string-hash seed, on main's code as well."""
    return [hit.id, hit.score, hit.relevance, hit.dense_score, hit.keyword_score, hit.coverage,
            hit.matched_field, hit.matched_text, sorted(hit.highlights)]


def query_sets() -> dict[str, list[str]]:
    """Every query text to check, per set (labelled, off-topic and negatives together)."""
    sets = {"old": load_dev_set(DEV_SET), "tune": load_dev_set(CUSTOMER_SET / "tune"),
            "dev": load_dev_set(CUSTOMER_SET / "dev")}
    return {name: list(dict.fromkeys([q.text for q in dev.queries] + list(dev.off_topic) + list(dev.negatives)))
            for name, dev in sets.items()}


def records(searcher: Searcher, queries: Iterable[str], category: str) -> dict[str, dict[str, list]]:
    """Query -> mode -> its hits as records."""
    return {query: {"app": [hit_record(h) for h in searcher.search(query, k=TOP_K)],
                    "threshold0": [hit_record(h) for h in searcher.search(query, k=TOP_K, min_relevance=0.0)],
                    "category": [hit_record(h) for h in searcher.search(query, k=TOP_K, category=category)]}
            for query in queries}


ENCODER_PROBE = "保单失效两年以后还能恢复吗"


def fingerprint(kb: KnowledgeBase) -> str:
    """What the FAQ search's results depend on besides the code: the encoder, the indexed documents,
    the FAQ entries and the content folder's YAML (glossary, scope examples, duration rules) and
    the re-ranker weights — and the encoder's float output on this CPU: the same model and package give vectors that
    differ in the fifth decimal on another machine (stop 39's reset machine moved every sample query's cosines), so a
    probe sentence's vector is part of it and a recording from another CPU is skipped with a message, not failed."""
    digest = hashlib.sha256(f"{kb.encoder.model_id}\0{kb.index.key}\0".encode())
    digest.update(np.asarray(kb.encoder.encode([ENCODER_PROBE]), dtype=np.float32).tobytes())
    content = kb.settings.content_dir
    for path in sorted(content.glob("*.yaml")) + sorted((content / "faq").rglob("*.yaml")) + [ROOT / "kb" / "rerank_weights.json"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def sample_queries() -> list[str]:
    """The regression test's sample: TUNE stories and other TUNE queries, old-set queries, and
    questions both must refuse (never DEV)."""
    old, tune = load_dev_set(DEV_SET), load_dev_set(CUSTOMER_SET / "tune")
    stories = [q.text for q in tune.queries if "story" in q.tags]
    others = [q.text for q in tune.queries if "story" not in q.tags]
    return list(dict.fromkeys(stories[:16] + others[:10] + [q.text for q in old.queries[:8]]
                              + list(old.off_topic[:3]) + list(tune.negatives[:5])))


def open_kb() -> KnowledgeBase:
    """The bench's own knowledge base; only the shared embedding cache is taken from the environment
    (content-addressed, so it cannot move a result), else `--sample` re-encodes every text (~6 min)."""
    cache = {key: value for key, value in os.environ.items() if key == "AGENT_TRAINER_EMBEDDING_CACHE_DIR"}
    settings = Settings.from_env(cache).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    return KnowledgeBase.open(settings.content_dir, settings)


def record_all(kb: KnowledgeBase) -> dict[str, dict[str, dict[str, list]]]:
    """Set -> query -> mode -> hits, with the knowledge base's remembered query vectors."""
    searcher = kb.batch_searcher()
    category = sorted({e.category for e in kb.content.entries.values()})[0]
    result = {name: records(searcher, queries, category) for name, queries in query_sets().items()}
    kb.keep_query_vectors()
    return result


def differences(before: dict, after: dict) -> dict[str, list[str]]:
    """Per set, the queries whose hits differ in any mode (or that one side lacks)."""
    return {name: [q for q in sorted(set(before[name]) | set(after.get(name, {})))
                   if before[name].get(q) != after.get(name, {}).get(q)] for name in before}


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record every query's hits into this JSON file")
    group.add_argument("--compare", type=Path, help="compare every query's hits with this recording")
    group.add_argument("--sample", type=Path, help="record the regression test's sample into this JSON file")
    args = parser.parse_args()
    if args.sample:
        kb = open_kb()
        category = sorted({e.category for e in kb.content.entries.values()})[0]
        sample = {"fingerprint": fingerprint(kb), "category": category,
                  "hits": records(kb._snapshot.searcher, sample_queries(), category)}  # noqa: SLF001 - the app's searcher
        args.sample.write_text(json.dumps(sample, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"recorded {len(sample['hits'])} queries into {args.sample}")
        return
    current = record_all(open_kb())
    if args.write:
        args.write.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
        print(f"recorded {sum(len(v) for v in current.values())} queries x {len(MODES)} modes into {args.write}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    for hits in (hits for queries in before.values() for modes in queries.values() for hits in modes.values()):
        for hit in hits:
            hit[-1] = sorted(hit[-1])  # a recording made before highlights were sorted
    for name, changed in differences(before, current).items():
        print(f"{name}: {len(before[name]) - len(changed)} of {len(before[name])} queries identical in every mode")
        if name != "dev":
            for query in changed[:10]:
                print(f"  differs: {query!r}")
    if any(differences(before, current).values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
