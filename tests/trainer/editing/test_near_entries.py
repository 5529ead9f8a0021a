"""A new entry's wordings searched against the live index: the entries they already find (qa22 I1)."""

from __future__ import annotations

from trainer.editing.near_entries import already_found


def test_a_question_the_index_already_answers_names_that_entry_with_its_relevance_and_wording(editor):
    found = already_found(lambda q: editor.kb.search(q, k=3), ["犹豫期是多少天？", "", "明天天气怎么样"])
    [near] = found
    assert near.hit.id == "cooling-off-length" and near.hit.relevance >= 0.8 and near.wording == "犹豫期是多少天？"


def test_the_entry_itself_and_an_unanswered_question_are_not_named(editor):
    search = lambda q: editor.kb.search(q, k=3)  # noqa: E731
    assert already_found(search, ["犹豫期是多少天？"], own_id="cooling-off-length") == []
    assert already_found(search, ["明天天气怎么样", "公司食堂几点开门"]) == []
