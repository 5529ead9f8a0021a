"""The hit test compares live search with a draft built in memory, never touching the live index."""

from __future__ import annotations

from kb.evaluation import LabelledQuery
from trainer.editing.hit_test import DEV_SET_DIR, dev_set, draft_searcher, parse_questions, run

QUESTION = LabelledQuery("签了合同后悔了有几天可以退", ("cooling-off-length",))


def test_a_draft_that_drops_the_matching_variant_shows_the_question_newly_missed(editor):
    draft = editor.open_item("entry", "cooling-off-length")
    fields = {**draft.fields, "question": "长期健康保险的等待期说明", "variants": ["等待期说明一", "等待期说明二", "等待期说明三"],
              "answer": "等待期内发生的疾病不赔。", "keywords": ["等待期"]}
    live_hash = editor.kb.content.content_hash
    after, problems = draft_searcher(editor.kb, editor.draft_overrides(draft, fields))
    assert problems == []
    result = run([QUESTION], lambda q: editor.kb.search(q, k=10), after)
    [outcome] = result.outcomes
    assert outcome.before_ids[0] == "cooling-off-length" and not outcome.missed_before
    assert outcome.missed_after and result.newly_missed == [outcome]
    assert editor.kb.content.content_hash == live_hash  # the live knowledge base is unchanged
    assert editor.kb.search(QUESTION.text, k=1)[0].id == "cooling-off-length"


def test_an_invalid_draft_gives_problems_instead_of_a_searcher(editor):
    draft = editor.open_item("entry", "cooling-off-length")
    after, problems = draft_searcher(editor.kb, editor.draft_overrides(draft, {**draft.fields, "answer": ""}))
    assert after is None and [p.field for p in problems] == ["answer"]


def test_uploaded_question_lists_in_text_csv_and_yaml():
    text, _ = parse_questions("q.txt", "犹豫期多久\tcooling-off-length\n宽限期几天\n\n".encode())
    assert [(q.text, q.ids) for q in text] == [("犹豫期多久", ("cooling-off-length",)), ("宽限期几天", ())]
    table, _ = parse_questions("q.csv", "q,ids\n犹豫期多久,\"cooling-off-length, cooling-off-refund\"\n".encode("utf-8-sig"))
    assert table[0].ids == ("cooling-off-length", "cooling-off-refund")
    listed, _ = parse_questions("q.yaml", "queries:\n  - {q: 犹豫期多久, ids: [cooling-off-length]}\n".encode())
    assert listed[0].ids == ("cooling-off-length",)
    _, problems = parse_questions("q.csv", "text\nx\n".encode())
    assert problems


def test_the_dev_set_is_found_and_unlabelled_questions_miss_only_without_answers(editor):
    queries, off_topic = dev_set(DEV_SET_DIR)
    assert queries and off_topic
    result = run([LabelledQuery("明天天气怎么样", ())], lambda q: editor.kb.search(q, k=10))
    assert result.outcomes[0].missed_before
