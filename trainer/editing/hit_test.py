"""命中测试: which entries a question finds, and which questions an edit would make miss.

Runs a list of questions (the retrieval dev set or an instructor's own list) against the
live knowledge base and against a draft built from unsaved file texts, side by side, using
the same scoring as the retrieval tests (kb.evaluation) so the editor and CI agree.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import yaml

# DEV_SET_DIR: the labelled retrieval dev set (queries: [{q, ids}], off_topic: [...]), the page's batch.
from kb.evaluation import DEV_SET_DIR, LabelledQuery, evaluate, load_dev_set
from kb.knowledge_base import KnowledgeBase
from kb.search import Hit
from kb.yaml_source import Problem

SearchFn = Callable[[str], list[Hit]]
DEPTH = 10  # hits looked at per question, as in the retrieval evaluation
GOOD_RANK = 3  # an expected entry below this rank counts as a miss (agents read the top 3)


@dataclass(frozen=True)
class QuestionOutcome:
    """One question before and after the draft: the ids found and the expected one's rank."""

    query: LabelledQuery
    before_ids: tuple[str, ...]
    after_ids: tuple[str, ...] | None  # None when there is no draft

    def rank(self, ids: tuple[str, ...] | None) -> int | None:
        if ids is None:
            return None
        return next((i for i, found in enumerate(ids, start=1) if found in self.query.ids), None)

    def missed(self, ids: tuple[str, ...] | None) -> bool:
        """Labelled: the expected entry is not in the top 3. Unlabelled: nothing was found."""
        if ids is None:
            return False
        if not self.query.ids:
            return not ids
        found = self.rank(ids)
        return found is None or found > GOOD_RANK

    @property
    def missed_before(self) -> bool:
        return self.missed(self.before_ids)

    @property
    def missed_after(self) -> bool:
        return self.missed(self.after_ids)

    @property
    def changed(self) -> bool:
        return self.after_ids is not None and self.after_ids[:GOOD_RANK] != self.before_ids[:GOOD_RANK]


@dataclass(frozen=True)
class HitTestRun:
    outcomes: tuple[QuestionOutcome, ...]
    off_topic_before: tuple[tuple[str, tuple[str, ...]], ...] = ()
    off_topic_after: tuple[tuple[str, tuple[str, ...]], ...] | None = None

    def misses(self, after: bool = False) -> list[QuestionOutcome]:
        return [o for o in self.outcomes if (o.missed_after if after else o.missed_before)]

    @property
    def newly_missed(self) -> list[QuestionOutcome]:
        """Questions that found their answer before the draft and miss it after: the edit's damage."""
        return [o for o in self.outcomes if o.missed_after and not o.missed_before]

    @property
    def fixed(self) -> list[QuestionOutcome]:
        return [o for o in self.outcomes if o.missed_before and o.after_ids is not None and not o.missed_after]


def draft_searcher(kb: KnowledgeBase, overrides: Mapping[str, str | None]) -> tuple[SearchFn | None, list[Problem]]:
    """Search over the content with the drafts applied (the live index is untouched)."""
    if not overrides:
        return None, []
    searcher, problems = kb.preview(overrides)
    if searcher is None:
        return None, problems
    return (lambda q: searcher.search(q, k=DEPTH)), []


def run(queries: list[LabelledQuery], before: SearchFn, after: SearchFn | None = None,
        off_topic: tuple[str, ...] = ()) -> HitTestRun:
    """Every question through the live search and, if given, the draft search."""
    live = evaluate(before, queries, off_topic)
    draft = evaluate(after, queries, off_topic) if after is not None else None
    outcomes = tuple(
        QuestionOutcome(o.query, tuple(o.ranked_ids), tuple(draft.outcomes[i].ranked_ids) if draft else None)
        for i, o in enumerate(live.outcomes))
    answered = tuple((q, tuple(ids)) for q, ids in live.off_topic_answered)
    answered_after = tuple((q, tuple(ids)) for q, ids in draft.off_topic_answered) if draft else None
    return HitTestRun(outcomes, answered, answered_after)


def dev_set(folder: Path) -> tuple[list[LabelledQuery], tuple[str, ...]]:
    """The retrieval dev set: labelled questions and off-topic questions."""
    if not folder.is_dir():
        return [], ()
    loaded = load_dev_set(folder)
    return list(loaded.queries), tuple(loaded.off_topic)


def _ids(cell: object) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,，;；]+", str(cell or "")) if part)


def parse_questions(name: str, data: bytes) -> tuple[list[LabelledQuery], list[str]]:
    """Questions from an uploaded file, and problems reading it.

    .txt: one question per line, optionally a tab and the expected ids;
    .csv: columns q (or question) and optional ids; .yaml: the dev-set format ({queries: [{q, ids}]}).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [f"{name}: the file must be UTF-8 text"]
    if name.lower().endswith((".yaml", ".yml")):
        try:
            loaded = yaml.safe_load(text) or {}
        except yaml.YAMLError as err:
            return [], [f"{name}: malformed YAML: {err}"]
        rows = loaded.get("queries") if isinstance(loaded, dict) else None
        if not isinstance(rows, list):
            return [], [f"{name}: expected a top-level 'queries:' list of {{q, ids}}"]
        found = [LabelledQuery(str(r.get("q", "")).strip(), _ids(" ".join(map(str, r.get("ids") or []))), name)
                 for r in rows if isinstance(r, dict)]
        return [q for q in found if q.text], []
    if name.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        column = next((c for c in (reader.fieldnames or []) if c.strip().lower() in ("q", "question", "问题")), None)
        if column is None:
            return [], [f"{name}: needs a column named q (or question / 问题)"]
        ids_column = next((c for c in reader.fieldnames or [] if c.strip().lower() in ("ids", "id", "答案条目")), None)
        found = [LabelledQuery(str(row[column] or "").strip(), _ids(row.get(ids_column) if ids_column else ""), name)
                 for row in reader]
        return [q for q in found if q.text], []
    found = []
    for line in text.splitlines():
        question, _, ids = line.partition("\t")
        if question.strip():
            found.append(LabelledQuery(question.strip(), _ids(ids), name))
    return found, []
