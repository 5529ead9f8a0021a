"""Turning a missed search into content: a variant of the right entry, checked before and after.

The variant goes through the editor's one save path (trainer.editing.ContentEditor): the whole
content set is validated, the change is recorded in the history with its author, and search in
every session uses it at once. The group's wordings are searched right before and right after,
so the instructor sees what the edit fixed — and anything it did not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from kb.evaluation import LabelledQuery
from kb.text import normalize
from trainer.editing.editor import ContentEditor, SaveResult
from trainer.editing.fields import ENTRY
from trainer.editing.hit_test import DEPTH, HitTestRun, QuestionOutcome, run


@dataclass(frozen=True)
class VariantFix:
    result: SaveResult
    recheck: HitTestRun | None  # each wording's top ids before and after; None when nothing was saved
    already_there: bool = False


def _search(editor: ContentEditor):
    return lambda text: editor.kb.search(text, k=DEPTH)


def add_as_variant(editor: ContentEditor, entry_id: str, text: str, author: str,
                   group: Sequence[str] = ()) -> VariantFix:
    """Add `text` to the variants of `entry_id` and search `group` (and `text`) before and after."""
    text = " ".join(text.split())
    try:
        draft = editor.open_item(ENTRY, entry_id)
    except KeyError:
        return VariantFix(SaveResult(False, error=f"entry {entry_id} no longer exists"), None)
    variants = [str(v) for v in draft.fields.get("variants") or []]
    known = {normalize(v) for v in [*variants, str(draft.fields.get("question") or "")]}
    if normalize(text) in known:
        return VariantFix(SaveResult(True), None, already_there=True)
    queries = [LabelledQuery(q, (entry_id,), "search feedback") for q in dict.fromkeys([text, *group])]
    before = run(queries, _search(editor))
    result = editor.save_item(draft, {**draft.fields, "variants": [*variants, text]}, author)
    if not result.ok:
        return VariantFix(result, None)
    after = run(queries, _search(editor))
    outcomes = tuple(QuestionOutcome(b.query, b.before_ids, a.before_ids)
                     for b, a in zip(before.outcomes, after.outcomes))
    return VariantFix(result, HitTestRun(outcomes))
