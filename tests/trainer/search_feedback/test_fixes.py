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


def test_a_wording_that_is_another_entrys_question_is_refused_naming_it(kb, db) -> None:
    """qa14 #10: added to the wrong entry, 犹豫期内退保能退多少钱 was answered by it at relevance 1.00."""
    fix = add_as_variant(ContentEditor(kb, db), "cooling-off-length", "犹豫期内退保能退多少钱", "teacher-li")
    assert not fix.result.ok and fix.recheck is None
    [problem] = [p for p in fix.result.problems if p.item_id == "cooling-off-length"]
    assert problem.field == "variants" and "cooling-off-refund" in problem.zh_message()
    assert "cooling-off-refund" in problem.message  # the English UI names it too
    assert "犹豫期内退保能退多少钱" not in kb.entry("cooling-off-length").variants
    assert kb.search("犹豫期内退保能退多少钱", k=1)[0].id == "cooling-off-refund"
