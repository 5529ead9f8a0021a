"""Retrieval benchmark: each ranking technique alone and together, on three query sets.

    .venv/bin/python -m bench.retrieval                 # figures for docs/benchmarks.md
    .venv/bin/python -m bench.retrieval --misses        # also list TUNE queries that miss the top 3
    .venv/bin/python -m bench.retrieval --only all      # one recipe only

Sets: the old dev set (tests/kb/dev_queries, agents' and customers' short questions, 31
off-topic), and the customer-words set (tests/kb/customer_queries) in its TUNE half (may be
tuned on) and its held-out DEV half (figures only; --misses never lists it); with --confirm also
its CONFIRM set (fresh writers, read once per stop), whole and one line per writer (a writer split `alternate`, whose other
half is in TUNE, on its line only: content50's non-disclosure questions); the agents' held-out live-call set
(tests/kb/agent_queries/dev, figures only) on its own line; the English sets (tests/kb/english_queries) when
present. Prints
Recall@1/@3, MRR@10, rejection of off-topic and near-domain negatives, Recall@1 per tag,
the score distribution on TUNE (to calibrate the threshold) and warm latency.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import fields, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from kb import KnowledgeBase
from kb.embeddings import QueryVectorCache
from kb.evaluation import DevSet, Evaluation, evaluate, load_dev_set
from kb.faq_gate import GATE as FAQ_GATE, load_memory
from kb.search import Hit, Recipe, Searcher, fuse, plan_query
from settings import Settings
from tests.kb.customer_queries.split import held_out_set

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "dev_queries"
CUSTOMER_SET = ROOT / "tests" / "kb" / "customer_queries"
ENGLISH_SET = ROOT / "tests" / "kb" / "english_queries"
# Agents' own short queries typed on a live call (held out, figures only): its own line, never part of DEV.
AGENT_SET = ROOT / "tests" / "kb" / "agent_queries"
TAGS = ("story", "typo", "relative", "wrong_term", "number", "plain")
NONE = Recipe(**{f.name: False for f in fields(Recipe)})


class MemoEncoder:
    """The real encoder with a per-text memo, so comparing recipes encodes each text once."""

    def __init__(self, encoder) -> None:
        self._encoder = encoder
        self.dim, self.model_id = encoder.dim, encoder.model_id
        self._memo = lru_cache(maxsize=None)(lambda text: encoder.encode_queries([text])[0])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._memo(t) for t in texts])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encoder.encode_passages(texts)


def recipes() -> dict[str, Recipe]:
    """The baseline (no technique: the ranking before issue #14), each technique alone, the app's recipe.

    Duration rules move the shown score, so they act on the order only with score ordering on.
    """
    alone = {f"+{f.name}": replace(NONE, **{f.name: True}) for f in fields(Recipe)}
    alone["+number_rules"] = replace(alone["+number_rules"], score_order=True)
    return {"baseline": NONE, **alone, "all": Recipe(), "all+clause_matching": replace(Recipe(), clause_matching=True),
            "all-learned_rerank": replace(Recipe(), learned_rerank=False),
            "all-query_adapter": replace(Recipe(), query_adapter=False),
            "all-list_near_misses": replace(Recipe(), list_near_misses=False),
            "all-near_threshold_answers": replace(Recipe(), near_threshold_answers=False),
            "all+learned_gate": replace(Recipe(), learned_gate=True),
            "all-gate_memory": replace(Recipe(), gate_memory=False),
            "all-siblings": replace(Recipe(), siblings=False),
            "all-other_lines": replace(Recipe(), other_lines=False)}


def searcher_for(kb: KnowledgeBase, encoder, recipe: Recipe) -> Searcher:
    live = kb._snapshot.searcher  # noqa: SLF001 - same index, glossary and scope examples as the app
    # The gate's constants, not the live searcher's gate: the app runs without it (None there), so handing that
    # on measured `+learned_gate` recipes without a gate (the same rows as without it) until search8.
    return Searcher(kb.index, kb.content.entries, encoder, live.glossary, kb.settings.min_relevance, recipe,
                    live.scope, kb.content.duration_rules, live.reranker, FAQ_GATE, adapter=live.adapter,
                    stated=live.stated, memory=load_memory(kb.encoder.model_id), other_lines=kb.content.other_lines)


def single_signal_search(kb: KnowledgeBase, which: str, encoder):
    """A search function ranking by one signal only (the baselines)."""
    searcher = kb._snapshot.searcher  # noqa: SLF001 - benchmark peeks at the current snapshot

    def search(query: str) -> list[Hit]:
        plan = plan_query(query, searcher.glossary)
        vector = encoder.encode_queries([plan.text])[0]
        dense = searcher.index.dense_scores(vector, 100) if which == "dense" else {}
        keyword = searcher.index.keyword_scores(plan.tokens) if which == "bm25" else {}
        order = fuse(dense, keyword)[:10]
        return [searcher._hit(e, plan, vector, dense, keyword) for e in order]  # noqa: SLF001

    return search


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latency(kb: KnowledgeBase, queries: list[str], rounds: int = 3) -> dict[str, float]:
    """Warm per-query milliseconds: total, query encoding, and everything else.

    Encoding is timed on the texts the search itself encodes (`Searcher.query_texts`, one batch: a
    story's text and its question), so "rest" is the search's own work. Until speed14 it was timed on
    the query text alone, which left a story's question encoding (~10 ms quiet) in "rest"; that figure
    is kept as p50_rest_query_only_ms for comparison with older sections of docs/benchmarks.md."""
    total, encoding, query_only, texts_per_query = [], [], [], []
    for _ in range(rounds):
        for query in queries:
            texts = kb._snapshot.searcher.query_texts(query)  # noqa: SLF001 - what the search will encode
            start = time.perf_counter()
            kb.encoder.encode_queries([query])
            alone = time.perf_counter()
            kb.encoder.encode_queries(texts)
            encoded = time.perf_counter()
            kb.search(query)
            done = time.perf_counter()
            query_only.append((alone - start) * 1000)
            encoding.append((encoded - alone) * 1000)
            total.append((done - encoded) * 1000)
            texts_per_query.append(len(texts))
    rest = [t - e for t, e in zip(total, encoding)]
    return {
        "p50_total_ms": statistics.median(total), "p95_total_ms": percentile(total, 0.95),
        "texts_per_query": statistics.mean(texts_per_query),
        "p50_encode_ms": statistics.median(encoding), "p50_rest_ms": statistics.median(rest),
        "p95_rest_ms": percentile(rest, 0.95),
        "p50_rest_query_only_ms": statistics.median([t - e for t, e in zip(total, query_only)]),
    }


def search_work(searcher: Searcher, queries: list[str], rounds: int = 3) -> tuple[float, float]:
    """p50 / p95 CPU ms of everything but encoding: the searcher's encoder remembers each text (QueryVectorCache),
    so after a first pass that fills it the timed rounds encode nothing. CPU time, not wall time, so
    that other processes on a shared machine do not count."""
    for query in queries:
        searcher.search(query)
    times = []
    for _ in range(rounds):
        for query in queries:
            start = time.process_time()
            searcher.search(query)
            times.append((time.process_time() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def row(name: str, result: Evaluation, rejected: str) -> str:
    per_tag = " ".join(f"{result.recall_at(1, t):.2f}" if t in result.tags() else "  - " for t in TAGS)
    return (f"{name:<22} {result.recall_at(1):>5.3f} {result.recall_at(3):>5.3f} {result.mrr:>5.3f} "
            f"{rejected:>9}  {per_tag}")


def report(name: str, searcher: Searcher, sets: dict[str, DevSet]) -> dict[str, Evaluation]:
    results = {}
    for set_name, dev in sets.items():
        result = evaluate(lambda q: searcher.search(q, k=10), dev.queries, dev.off_topic + dev.negatives)
        answered = len(result.off_topic_answered)
        print(row(f"{name} [{set_name}]", result, f"{result.off_topic_total - answered}/{result.off_topic_total}"))
        results[set_name] = result
    return results


def calibration(searcher: Searcher, tune: DevSet, old: DevSet) -> None:
    """Top-hit relevance of right answers vs negatives on TUNE (+ old off-topic), scope check off.

    Only the first hit's relevance is compared (the gate looks at the best three), so this is
    a guide for the threshold; the recipe rows above are the figures.
    """
    def top(q: str) -> Hit | None:
        hits = searcher.search(q, k=1, min_relevance=0.0)
        return hits[0] if hits else None
    right = sorted(h.relevance for q in tune.queries if (h := top(q.text)) and h.id in q.ids)
    negative = sorted((h.relevance if (h := top(q)) else 0.0) for q in tune.negatives + old.off_topic)
    print(f"TUNE top-hit relevance of right answers: p5 {percentile(right, 0.05):.3f} p10 {percentile(right, 0.10):.3f} "
          f"median {statistics.median(right):.3f}; negatives max {negative[-1]:.3f} p90 {percentile(negative, 0.9):.3f}")
    for threshold in np.arange(0.50, 0.80, 0.02):
        kept = sum(s >= threshold for s in right) / len(tune.queries)
        leaked = sum(s >= threshold for s in negative)
        print(f"  threshold {threshold:.2f}: TUNE right-and-answered {kept:.3f}, negatives answered {leaked}/{len(negative)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list TUNE misses (never DEV)")
    parser.add_argument("--cold", action="store_true", help="build in an empty data dir (measures a cold build)")
    parser.add_argument("--only", help="recipes, comma-separated: baseline, all, all-learned_rerank or +technique")
    parser.add_argument("--calibrate", action="store_true", help="print the TUNE score distribution per threshold")
    parser.add_argument("--latency-only", action="store_true", help="skip the quality figures")
    parser.add_argument("--work", action="store_true",
                        help="per recipe, time everything but encoding (queries encoded once, then remembered)")
    parser.add_argument("--confirm", action="store_true",
                        help="also the fresh writers' held-out confirmation set (read once per stop, never tuned on)")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="content folder (e.g. an older version, to measure content changes)")
    args = parser.parse_args()
    old = load_dev_set(DEV_SET)
    sets = {"old": old, "tune": load_dev_set(CUSTOMER_SET / "tune"), "dev": load_dev_set(CUSTOMER_SET / "dev")}
    if (AGENT_SET / "dev").is_dir():
        sets["agent-dev"] = load_dev_set(AGENT_SET / "dev")
    if args.confirm:
        # The writers held out whole: a writer split `alternate` (content50) has only a half here, read on its own line.
        sets["confirm"] = held_out_set(CUSTOMER_SET / "confirm")
        # Each confirmation writer also on its own line: a writer of another kind (search47b's agent typing the
        # customer's words) is read apart from the customers' own; the whole set's line stays comparable across stops.
        sets |= {f"confirm {path.stem}": load_dev_set(path) for path in sorted((CUSTOMER_SET / "confirm").glob("*.yaml"))}
    sets |= {f"en-{half}": load_dev_set(ENGLISH_SET / half) for half in ("tune", "dev") if (ENGLISH_SET / half).is_dir()}
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) if args.cold else ROOT / "data" / "bench"
        settings = Settings.from_env({}).with_overrides(data_dir=data, content_dir=args.content)
        start = time.perf_counter()
        kb = KnowledgeBase.open(settings.content_dir, settings)
        print(f"{'cold' if args.cold else 'cached'} open: {time.perf_counter() - start:.1f} s for {kb.index.size} entries / {len(kb.index.docs)} documents")
        for name, dev in sets.items():
            print(f"{name}: {len(dev.queries)} labelled queries, {len(dev.off_topic) + len(dev.negatives)} to reject")
        # Query vectors remembered on disk (the bench data dir's cache): a second run encodes no query again.
        memo = QueryVectorCache(kb.encoder, settings.embedding_cache_dir)

        if not args.only and not args.latency_only:
            print(f"\n{'single signal':<22} {'R@1':>5} {'R@3':>5} {'MRR':>5}")
            for name in ("bm25", "dense"):
                for set_name, dev in sets.items():
                    result = evaluate(single_signal_search(kb, name, memo), dev.queries)
                    print(row(f"{name} [{set_name}]", result, "-"))
        print(f"\n{'recipe [set]':<22} {'R@1':>5} {'R@3':>5} {'MRR':>5} {'rejected':>9}  R@1 per tag: {' '.join(TAGS)}")
        chosen = {} if args.latency_only else {n: recipes()[n] for n in args.only.split(",")} if args.only else recipes()
        for name, recipe in chosen.items():
            searcher = searcher_for(kb, memo, recipe)
            if args.work:
                for set_label, queries in (("old dev set", [q.text for q in old.queries[:60]]),
                                           ("TUNE stories", [q.text for q in sets["tune"].queries if "story" in q.tags][:60])):
                    p50, p95 = search_work(searcher, queries)
                    print(f"  {name}: search CPU without encoding, {set_label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
                continue
            results = report(name, searcher, sets)
            memo.save()
            if args.calibrate:
                calibration(searcher, sets["tune"], old)
            if args.misses:
                for outcome in results["tune"].misses:
                    print(f"  TUNE miss {outcome.query.text!r} want {outcome.query.ids} got {outcome.ranked_ids[:3]} {outcome.query.tags}")
                for text, ids in results["tune"].off_topic_answered + results["old"].off_topic_answered:
                    print(f"  answered negative {text!r} -> {ids[:2]}")
            print(f"  threshold {kb.settings.min_relevance}")

        stories = [q.text for q in sets["tune"].queries if "story" in q.tags][:60]
        for label, recipe in (("app recipe", None), ("before #14 (baseline recipe)", NONE)):
            if recipe is not None:
                kb._snapshot = replace(kb._snapshot, searcher=searcher_for(kb, kb.encoder, recipe))  # noqa: SLF001
            for set_label, queries in (("old dev set", [q.text for q in old.queries[:60]]), ("TUNE stories", stories)):
                lat = latency(kb, queries)
                print(f"warm latency, {label}, {set_label} (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in lat.items()))


if __name__ == "__main__":
    main()
