"""Why TUNE's answerable questions miss the top 3: refused by the gate, by the threshold, ranked low, never found.

    .venv/bin/python -m bench.miss_causes            # counts per cause, per writer and per tag
    .venv/bin/python -m bench.miss_causes --list     # … and every miss with its cause (TUNE only)
    .venv/bin/python -m bench.miss_causes --content /path/to/content   # the same on other content

One app search (gated) and one ungated, re-ranked search (`Searcher.gate_inputs`, the SCORED_DEPTH candidates
the re-ranker orders) per TUNE question. A question the app does not answer with the right entry in its first
three is a miss, and its cause is read from the ungated search (search14a, docs/benchmarks.md). The held-out
DEV half is never searched here: its misses must not be looked at.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.retrieval import CUSTOMER_SET, ROOT
from kb import KnowledgeBase
from kb.embeddings import QueryVectorCache
from kb.evaluation import load_dev_set
from kb.search import GATE_DEPTH
from settings import Settings

CAUSES = ("gate", "threshold", "listing floor", "rank 4-10", "rank 11-20", "not found")


@dataclass(frozen=True)
class Miss:
    """One TUNE question the app did not answer with a right entry among its first three."""

    writer: str
    text: str
    ids: tuple[str, ...]
    tags: tuple[str, ...]
    cause: str
    rank: int | None  # of the first right entry among the ungated candidates
    shown: tuple[str, ...]


def cause(rank: int | None, passes_threshold: bool, gate_answers: bool = False) -> str:
    """Why a miss missed: a right entry in the ungated top 3 means a refusal (by the relevance threshold when
    none of the first GATE_DEPTH candidates clears it, else by the learned gate) or, when both let the query
    through, an answer that left the right entry out for its relevance (kb.search.LIST_MARGIN); lower means
    the ranking."""
    if rank is not None and rank <= GATE_DEPTH:
        if not passes_threshold:
            return "threshold"
        return "listing floor" if gate_answers else "gate"
    if rank is not None and rank <= 10:
        return "rank 4-10"
    return "rank 11-20" if rank is not None else "not found"


def misses(kb: KnowledgeBase, encoder: QueryVectorCache) -> tuple[list[Miss], Counter, Counter]:
    """The misses, and the number of questions per writer and per tag."""
    searcher = kb._snapshot.searcher.with_encoder(encoder)  # noqa: SLF001 - the app's searcher, remembering vectors
    found: list[Miss] = []
    per_writer: Counter = Counter()
    per_tag: Counter = Counter()
    for path in sorted((CUSTOMER_SET / "tune").glob("*.yaml")):
        for query in load_dev_set(path).queries:
            per_writer[path.stem] += 1
            per_tag.update(query.tags or ("(none)",))
            shown = [h.id for h in searcher.search(query.text, k=10)]
            if any(i in query.ids for i in shown[:3]):
                continue
            candidates, features = searcher.gate_inputs(query.text)
            ids = [h.id for h in candidates]
            rank = next((i + 1 for i, e in enumerate(ids) if e in query.ids), None)
            passes = any(h.relevance >= kb.settings.min_relevance for h in candidates[:GATE_DEPTH])
            gate = searcher.answer_gate
            answers = gate is None or (bool(features) and gate.probability(features) >= searcher.gate_threshold)
            found.append(Miss(path.stem, query.text, query.ids, query.tags, cause(rank, passes, answers), rank,
                              tuple(shown[:3])))
    encoder.save()
    return found, per_writer, per_tag


def table(title: str, totals: Counter, groups: dict[str, Counter]) -> None:
    print(f"\n{title:<26} {'queries':>7} {'misses':>6} " + " ".join(f"{c:>13}" for c in CAUSES))
    for name in sorted(totals):
        counts = groups.get(name, Counter())
        print(f"{name:<26} {totals[name]:>7} {sum(counts.values()):>6} " + " ".join(f"{counts[c]:>13}" for c in CAUSES))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="list every TUNE miss with its cause")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder to search")
    args = parser.parse_args()
    settings = Settings.from_env({}).with_overrides(data_dir=ROOT / "data" / "bench", content_dir=args.content)
    kb = KnowledgeBase.open(settings.content_dir, settings)
    found, per_writer, per_tag = misses(kb, QueryVectorCache(kb.encoder, settings.embedding_cache_dir))
    print(f"TUNE: {sum(per_writer.values())} questions, {len(found)} miss the top 3: "
          + ", ".join(f"{c} {sum(m.cause == c for m in found)}" for c in CAUSES))
    by_writer: dict[str, Counter] = defaultdict(Counter)
    by_tag: dict[str, Counter] = defaultdict(Counter)
    for miss in found:
        by_writer[miss.writer][miss.cause] += 1
        for tag in miss.tags or ("(none)",):
            by_tag[tag][miss.cause] += 1
    table("writer", per_writer, by_writer)
    table("tag", per_tag, by_tag)
    if args.list:
        for miss in found:
            print(f"[{miss.cause}] {miss.writer} rank {miss.rank} {miss.text!r} want {list(miss.ids)} shown {list(miss.shown)}")


if __name__ == "__main__":
    main()
