"""Marking answers: what counts as right for each question type."""

from __future__ import annotations

import random

from kb.content import QuizItem
from trainer.quiz.question import Question, from_quiz_item


def _single() -> Question:
    return Question("q-1", "single", "犹豫期不少于多少天？", ("10天", "15天", "20天", "30天"), 1, "……", "e")


def test_single_and_multiple_choice_are_marked_by_index() -> None:
    single = _single()
    assert single.is_correct(1) and not single.is_correct(0) and not single.is_correct(None)
    assert not single.is_correct(True)  # a bool is not an option index
    multiple = Question("q-2", "multiple", "哪些属于回访内容？", ("A", "B", "C", "D"), (0, 2), "……", "e")
    assert multiple.is_correct([2, 0]) and not multiple.is_correct([0]) and not multiple.is_correct([0, 1, 2])
    assert multiple.describe([2, 0]) == "A；C" and multiple.correct_text() == "A；C"


def test_shuffling_moves_the_options_and_keeps_the_key() -> None:
    single = _single()
    for seed in range(10):
        shuffled = single.with_shuffled_options(random.Random(seed))
        assert sorted(shuffled.options) == sorted(single.options)
        assert shuffled.options[shuffled.answer] == "15天"
    multiple = Question("q-2", "multiple", "?", ("A", "B", "C", "D"), (0, 2), "", "e")
    shuffled = multiple.with_shuffled_options(random.Random(3))
    assert sorted(shuffled.options[i] for i in shuffled.answer) == ["A", "C"]


def test_fill_blank_accepts_the_listed_spellings_and_nothing_else() -> None:
    item = QuizItem("q-3", "lapse", "fill_blank", "催告后超过____日未交费，效力中止。", "30", "……", "lapse-x",
                    accept=("30日", "三十日"))
    question = from_quiz_item(item)
    for typed in ("30", "30日", "三十日", "３０", "30 天"):
        assert question.is_correct(typed), typed
    for typed in ("60", "3", "", "  "):
        assert not question.is_correct(typed), typed


def test_true_false_items_become_two_options() -> None:
    item = QuizItem("q-4", "lapse", "true_false", "宽限期内出险可以赔。", True, "……", "lapse-x")
    question = from_quiz_item(item)
    assert question.options == ("正确", "错误") and question.is_correct(0) and not question.is_correct(1)
    assert question.with_shuffled_options(random.Random(1)) == question



def test_a_fill_in_item_does_not_give_its_answer_away_in_the_question_above_the_blank() -> None:
    item = Question("gen-fill:x:1", "fill_blank", "30日核定期限从哪天开始算？\n理赔调查所用时间仍计入____。", (), "30日", "……", "e",
                    accept=("30天",))
    shown = item.shown_prompt()
    assert "30日" not in shown and "30天" not in shown
    assert shown.splitlines() == ["____核定期限从哪天开始算？", "理赔调查所用时间仍计入____。"]
    plain = Question("q-3", "fill_blank", "宽限期一般为____。", (), "60日", "……", "e")
    assert plain.shown_prompt() == plain.prompt
    assert _single().shown_prompt() == _single().prompt
