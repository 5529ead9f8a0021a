"""Why an item stays in Chinese (quiz53): one cause per Chinese-only item, as bench.quiz_items counts them."""

from __future__ import annotations

from pathlib import Path

from kb import ContentSet, Entry
from kb.content import QuizItem
from trainer.quiz.english_gaps import (AMBIGUOUS, HAND_WRITTEN, NO_ENTRY_ENGLISH, NOT_STATED, TERM_STATEMENT,
                                       TERM_WITHOUT_NAME, english_gap)
from trainer.quiz.generation import fill_questions, true_false_questions
from trainer.quiz.question import from_quiz_item


def _content(*entries: Entry) -> ContentSet:
    return ContentSet(root=Path("."), categories={}, entries={e.id: e for e in entries}, quiz_items={}, glossary=(),
                      recommended_phrases=(), forbidden_phrases=(), source_docs={})


def test_each_chinese_only_item_is_named_by_its_cause() -> None:
    english = {"question": "How long is the cooling-off period?",
               "answer": "It is 15 days. A bank-channel policy also has 15 days in its contract."}
    entry = Entry(id="cooling-off-x", category="cooling-off", question="犹豫期多长？",
                  answer="长期险的犹豫期为15日，犹豫期内退保只扣工本费。", keywords=["工本费"], en=english)
    bare = Entry(id="cooling-off-y", category="cooling-off", question="犹豫期多长？", answer="长期人身保险的犹豫期一般为15日，自签收保单次日起算。")
    other = Entry(id="cooling-off-z", category="cooling-off", question="宽限期多长？",
                  answer="分期交费的宽限期一般为60日，自应交日起算。", en={"question": "How long is the grace period?", "answer": "Usually two months."})
    content = _content(entry, bare, other)
    causes = {q.id: english_gap(q, content) for e in (entry, bare, other)
              for q in [*fill_questions(e, content), *true_false_questions(e, content)]}
    assert causes["gen-fill:cooling-off-x:0"] == AMBIGUOUS  # 15 days twice: which one is not known
    assert causes["gen-fill:cooling-off-x:1"] == TERM_WITHOUT_NAME  # 工本费 has no English name
    assert causes["gen-fill:cooling-off-y:0"] == NO_ENTRY_ENGLISH
    assert causes["gen-fill:cooling-off-z:0"] == NOT_STATED  # "two months", not 60 days
    hand = from_quiz_item(QuizItem("q-x", "cooling-off", "fill_blank", "犹豫期为____", "15日", "……", "cooling-off-x"))
    assert english_gap(hand, content) == HAND_WRITTEN
    assert all(c is not None for c in causes.values())
    term = Entry(id="cooling-off-w", category="cooling-off", question="犹豫期内退保扣什么？",
                 answer="犹豫期内退保，保险公司只扣除工本费。", keywords=["工本费"], en=english)
    assert {english_gap(q, _content(term)) for q in true_false_questions(term)} == {TERM_STATEMENT}
