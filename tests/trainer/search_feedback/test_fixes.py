"""A missed search added as a variant: saved through the editor, recorded, searchable, checked before and after."""

from __future__ import annotations

from trainer.editing import history
from trainer.editing.editor import ContentEditor
from trainer.search_feedback.fixes import add_as_variant

MISSED = "签完字想反悔有几天时间考虑"  # no answer on the fixture content


def test_a_missed_query_becomes_a_variant_and_then_finds_the_entry(kb, db) -> None:
    editor = ContentEditor(kb, db)
    assert kb.search(MISSED) == []
    fix = add_as_variant(editor, "cooling-off-length", f"  {MISSED} ", "teacher-li", group=[MISSED, "反悔期是多久"])
    assert fix.result.ok and not fix.already_there
    assert MISSED in kb.entry("cooling-off-length").variants
    assert kb.search(MISSED, k=1)[0].id == "cooling-off-length"
    [change] = history.changes(db)
    assert (change.author, change.item_id, change.action) == ("teacher-li", "cooling-off-length", "update")
    [outcome, *_] = fix.recheck.outcomes
    assert outcome.query.text == MISSED and outcome.missed_before and not outcome.missed_after
    assert [o.query.text for o in fix.recheck.outcomes] == [MISSED, "反悔期是多久"]


def test_a_wording_already_in_the_entry_is_not_added_twice(kb, db) -> None:
    fix = add_as_variant(ContentEditor(kb, db), "cooling-off-length", "冷静期是几天", "teacher-li")
    assert fix.result.ok and fix.already_there and fix.recheck is None
    assert history.changes(db) == []


def test_an_entry_deleted_meanwhile_is_a_clear_refusal(kb, db) -> None:
    fix = add_as_variant(ContentEditor(kb, db), "no-such-entry", MISSED, "teacher-li")
    assert not fix.result.ok and "no longer exists" in fix.result.error
