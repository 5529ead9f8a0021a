"""This checkout's search against a baseline checkout's, in one process, step by step.

    git -C /work/main archive main | tar -x -C /tmp/main-code       # a baseline checkout (code only)
    .venv/bin/python -m bench.search_ab --baseline /tmp/main-code [--rounds 7]

On a shared machine absolute times move with the load from minute to minute; timing both versions
in the same process, query by query in alternation, compares them under the same load. The
baseline's kb/index.py, kb/query_rewrite.py and kb/search.py are loaded as modules of their own
(over this checkout's other kb modules) and given the very same documents, FAISS index, BM25 model,
glossary, scope examples, duration rules and re-ranker; query vectors are computed ahead
(bench.search_profile.Ahead), so only the non-encoding work is timed. Prints CPU ms per query
(p50 and p95) for the whole search and for each step a speed technique changed, on the old dev
set's first 60 queries and the first 60 TUNE stories, and checks that both return the same hits.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Callable

from bench.search_profile import Ahead
from bench.search_equality import hit_record
from kb import KnowledgeBase
from kb.evaluation import load_dev_set
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
REPLACED = ("kb.index", "kb.query_rewrite", "kb.search")


def baseline_modules(folder: Path) -> dict[str, ModuleType]:
    """The baseline's versions of the modules a speed change touched, importing one another."""
    saved = {name: sys.modules[name] for name in REPLACED}
    loaded: dict[str, ModuleType] = {}
    try:
        for name in REPLACED:
            spec = importlib.util.spec_from_file_location(f"baseline_{name.replace('.', '_')}",
                                                          folder / (name.replace(".", "/") + ".py"))
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # the next baseline module imports this one
            sys.modules[spec.name] = module  # dataclasses look their module up by name
            spec.loader.exec_module(module)
            loaded[name] = module
    finally:
        sys.modules.update(saved)
    return loaded


def baseline_searcher(modules: dict[str, ModuleType], live):
    """The baseline's Searcher over the live searcher's own index objects and inputs."""
    old_index = modules["kb.index"].SearchIndex(live.index.key, live.index.docs, live.index.dense, live.index.bm25)
    search = modules["kb.search"]
    return search.Searcher(old_index, live.entries, live.encoder, search.Glossary(live.glossary.groups),
                           live.min_relevance, live.recipe, live.scope, tuple(live.duration_rules.values()),
                           live.reranker, live.answer_gate, live.gate_threshold)


def cpu_ms(function: Callable[[], object]) -> float:
    start = time.process_time()
    function()
    return 1000 * (time.process_time() - start)


def compare(label: str, steps: dict[str, tuple[Callable[[str], object], Callable[[str], object]]],
            queries: list[str], rounds: int) -> None:
    """Per step, (baseline, this checkout) CPU ms per query, alternating query by query."""
    for name, (before, after) in steps.items():
        times: tuple[list[float], list[float]] = ([], [])
        for query in queries:
            before(query), after(query)
        for round_number in range(rounds):
            for query in queries:
                pair = (before, after) if round_number % 2 == 0 else (after, before)
                for function in pair:
                    times[0 if function is before else 1].append(cpu_ms(lambda: function(query)))
        p50 = [statistics.median(t) for t in times]
        p95 = [sorted(t)[int(0.95 * (len(t) - 1))] for t in times]
        print(f"  {label}, {name}: p50 {p50[0]:.3f} -> {p50[1]:.3f} ms, p95 {p95[0]:.3f} -> {p95[1]:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout of the baseline's code")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    live = kb._snapshot.searcher  # noqa: SLF001 - the app's searcher
    old = baseline_searcher(baseline_modules(args.baseline), live)
    tune = load_dev_set(ROOT / "tests" / "kb" / "customer_queries" / "tune")
    sets = {"old dev set": [q.text for q in load_dev_set(ROOT / "tests" / "kb" / "dev_queries").queries[:60]],
            "TUNE stories": [q.text for q in tune.queries if "story" in q.tags][:60]}
    with open("/proc/loadavg") as handle:
        print(f"load average {handle.read().split()[0]} (2 cores); CPU ms per query, baseline -> this checkout")
    old_typos, new_typos = old.rewriters[0], live.rewriters[0]
    for label, queries in sets.items():
        ahead = Ahead(kb.encoder, [t for q in queries for t in live.query_texts(q)])
        before, after = old.with_encoder(ahead), live.with_encoder(ahead)
        same = sum([hit_record(h) for h in before.search(q, k=10)] == [hit_record(h) for h in after.search(q, k=10)]
                   for q in queries)
        print(f"{label}: {same} of {len(queries)} queries with identical hits")
        plans = {q: live.query_texts(q)[0] for q in queries}
        tokens = {q: after._ungated(q)[0] for q in queries}  # noqa: SLF001 - the plan a search makes
        vectors = {q: ahead.encode_queries([plans[q]])[0] for q in queries}
        compare(label, {
            "whole search": (before.search, after.search),
            "typo correction": (lambda q: old_typos.rewrite(q), lambda q: new_typos.rewrite(q)),
            "BM25, query and expanded tokens": (
                lambda q: [old.index.keyword_scores(t, 100) for t in (tokens[q].tokens, tokens[q].expanded_tokens)],
                lambda q: [live.index.keyword_scores(t, 100) for t in (tokens[q].tokens, tokens[q].expanded_tokens)]),
            "dense scores": (lambda q: old.index.dense_scores(vectors[q], 100),
                             lambda q: live.index.dense_scores(vectors[q], 100)),
        }, queries, args.rounds)


if __name__ == "__main__":
    main()
