"""Retrieval quality on a labelled dev set: Recall@1, Recall@3, MRR@10, per tag, and rejection.

One implementation serves the dev-set test, the benchmark and the editor's hit test, so the
numbers an instructor sees are the numbers CI enforces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import yaml

from kb.search import Hit

# The retrieval dev set (written by other writers than the content; never tuned on): also the
# hit-test page's "dev set" batch.
DEV_SET_DIR = Path(__file__).resolve().parents[1] / "tests" / "kb" / "dev_queries"

SearchFn = Callable[[str], list[Hit]]


@dataclass(frozen=True)
class LabelledQuery:
    text: str
    ids: tuple[str, ...]
    source: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DevSet:
    """Labelled queries, plus questions that must get no answer: off-topic and near-domain negatives."""

    queries: tuple[LabelledQuery, ...]
    off_topic: tuple[str, ...]
    negatives: tuple[str, ...] = ()


@dataclass
class QueryOutcome:
    query: LabelledQuery
    ranked_ids: list[str]

    @property
    def rank(self) -> int | None:
        """1-based rank of the first correct answer, None when missed."""
        for position, entry_id in enumerate(self.ranked_ids, start=1):
            if entry_id in self.query.ids:
                return position
        return None


@dataclass(repr=False)
class Evaluation:
    """Every labelled query's outcome and the answered negatives. Its repr is figures only: a failing floor's
    traceback prints it (pytest shows a failing frame's arguments), and a held-out set's rows must not be read."""

    outcomes: list[QueryOutcome] = field(default_factory=list)
    off_topic_answered: list[tuple[str, list[str]]] = field(default_factory=list)
    off_topic_total: int = 0

    def __repr__(self) -> str:
        return (f"Evaluation({self.found_within(1)} of {len(self.outcomes)} first, {self.found_within(3)} in the top 3; "
                f"{self.off_topic_total - len(self.off_topic_answered)} of {self.off_topic_total} negatives refused)")

    def found_within(self, k: int, tag: str | None = None) -> int:
        """How many labelled queries (of `tag`) have an answer in the first `k` hits."""
        return sum(1 for o in self._tagged(tag) if o.rank is not None and o.rank <= k)

    def recall_at(self, k: int, tag: str | None = None) -> float:
        outcomes = self._tagged(tag)
        return self.found_within(k, tag) / len(outcomes) if outcomes else 0.0

    def _tagged(self, tag: str | None) -> list[QueryOutcome]:
        return self.outcomes if tag is None else [o for o in self.outcomes if tag in o.query.tags]

    def tags(self) -> list[str]:
        """Every tag on the evaluated queries, sorted."""
        return sorted({t for o in self.outcomes for t in o.query.tags})

    def per_tag(self) -> dict[str, tuple[int, float, float]]:
        """tag -> (queries, Recall@1, Recall@3)."""
        return {t: (len(self._tagged(t)), self.recall_at(1, t), self.recall_at(3, t)) for t in self.tags()}

    @property
    def mrr(self) -> float:
        if not self.outcomes:
            return 0.0
        return sum(1 / o.rank for o in self.outcomes if o.rank is not None and o.rank <= 10) / len(self.outcomes)

    @property
    def off_topic_rejection(self) -> float:
        if not self.off_topic_total:
            return 1.0
        return 1 - len(self.off_topic_answered) / self.off_topic_total

    @property
    def misses(self) -> list[QueryOutcome]:
        """Queries whose answer is not in the top 3."""
        return [o for o in self.outcomes if o.rank is None or o.rank > 3]

    def summary(self) -> dict[str, float]:
        return {
            "queries": len(self.outcomes),
            "recall@1": round(self.recall_at(1), 3),
            "recall@3": round(self.recall_at(3), 3),
            "mrr@10": round(self.mrr, 3),
            "off_topic": self.off_topic_total,
            "off_topic_rejection": round(self.off_topic_rejection, 3),
        }


def load_dev_set(folder: Path) -> DevSet:
    """Every `queries:` file in `folder` (or the one file `folder` names), its `off_topic:` strings and
    `negatives:` ({q, domain}); one file = one writer, which leave-one-writer-out checks group by."""
    queries: list[LabelledQuery] = []
    off_topic: list[str] = []
    negatives: list[str] = []
    for path in [folder] if folder.is_file() else sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for row in data.get("queries") or []:
            queries.append(LabelledQuery(str(row["q"]), tuple(row["ids"]), path.name, tuple(row.get("tags") or ())))
        off_topic += [str(q) for q in data.get("off_topic") or []]
        negatives += [str(row["q"]) for row in data.get("negatives") or []]
    return DevSet(tuple(queries), tuple(off_topic), tuple(negatives))


def evaluate(search: SearchFn, queries: Sequence[LabelledQuery], off_topic: Sequence[str] = ()) -> Evaluation:
    """Run every query through `search` (which should return up to 10 hits) and score it."""
    result = Evaluation(off_topic_total=len(off_topic))
    for query in queries:
        result.outcomes.append(QueryOutcome(query, [h.id for h in search(query.text)]))
    for text in off_topic:
        hits = search(text)
        if hits:
            result.off_topic_answered.append((text, [h.id for h in hits]))
    return result
