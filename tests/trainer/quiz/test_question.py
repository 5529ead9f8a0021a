"""Marking answers: what counts as right for each question type."""

from __future__ import annotations

import random

import pytest

from kb.content import QuizEnglish, QuizItem
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


def test_a_fill_in_answer_said_in_money_words_or_ending_in_a_hesitant_particle_is_right() -> None:
    """qa26 Q2: a week-1 agent typed 10块钱吧 for …扣除不超过____工本费 and read 回答错误，正确答案：10元."""
    question = Question("q-5", "fill_blank", "犹豫期内退保，扣除不超过____工本费。", (), "10元", "……", "e")
    for typed in ("10块钱吧", "10元吧", "十块啊", "10块"):
        assert question.is_correct(typed), typed
        assert question.spelled_as(typed) is None, typed  # no 标准写法 line: it is a spelling of the answer
    for typed in ("吧", "20块钱吧", "100元吧"):
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


def _english_single() -> Question:
    item = QuizItem("q-4", "cooling-off", "single", "长期健康保险的犹豫期不得少于多少天？", 1, "不少于15天。", "cooling-off-length",
                    options=("10天", "15天", "20天", "30天"),
                    en=QuizEnglish("What is the shortest cooling-off period of long-term health insurance?",
                                   "At least 15 days.", options=("10 days", "15 days", "20 days", "30 days")))
    return from_quiz_item(item)


def test_in_english_an_item_shows_its_english_and_is_marked_the_same() -> None:
    for seed in range(5):
        question = _english_single().with_shuffled_options(random.Random(seed))
        english = question.in_english()
        assert english.prompt.startswith("What is the shortest") and english.explanation == "At least 15 days."
        assert english.correct_text() == "15 days" and question.correct_text() == "15天"
        assert [english.is_correct(i) for i in range(4)] == [question.is_correct(i) for i in range(4)]
        assert all(o.replace(" days", "天") == c for o, c in zip(english.options, question.options))


def test_in_english_an_item_without_english_stays_chinese_and_true_false_reads_true_false() -> None:
    assert _single().in_english() == _single()
    statement = from_quiz_item(QuizItem("q-5", "cooling-off", "true_false", "犹豫期内退保扣10元工本费。", False, "不超过10元。", "e"))
    assert statement.in_english().prompt == statement.prompt
    assert statement.in_english().correct_text() == "False" and statement.correct_text() == "错误"


def test_a_fill_in_item_accepts_its_chinese_answer_and_english_spellings_in_either_language() -> None:
    item = QuizItem("q-6", "lapse", "fill_blank", "宽限期为____日。", "60", "60日。", "lapse-grace", accept=("六十日",),
                    en=QuizEnglish("The grace period is ____ days.", "60 days.", accept=("sixty",)))
    question = from_quiz_item(item)
    for asked in (question, question.in_english()):
        assert all(asked.is_correct(typed) for typed in ("60", "六十", "六十日", "Sixty")), asked.prompt
        assert not asked.is_correct("sixteen")
    assert question.in_english().shown_prompt() == "The grace period is ____ days."


def test_a_fill_in_answer_typed_with_a_homophone_or_a_de_between_is_right_and_says_how_it_is_written() -> None:
    # qa21: 本人帐户 (帐 for 账, one pinyin zhang4) and 退保的损失 were marked wrong for 本人账户 / 退保损失.
    for typed, answer in (("本人帐户", "本人账户"), ("退保的损失", "退保损失"), ("理陪", "理赔")):
        question = from_quiz_item(QuizItem("q-x", "lapse", "fill_blank", "……____……", answer, "……", "lapse-x"))
        assert question.is_correct(typed), typed
        assert question.spelled_as(typed) == answer, typed
        assert question.spelled_as(answer) is None  # written right: nothing to add
    # Another word sounds different: still wrong.
    for typed, answer in (("收益人", "受益人"), ("宽限期", "犹豫期"), ("保证", "保障"), ("退保", "退保损失")):
        question = from_quiz_item(QuizItem("q-x", "lapse", "fill_blank", "……____……", answer, "……", "lapse-x"))
        assert not question.is_correct(typed), typed


def test_a_percentage_is_right_as_it_is_said_in_chinese() -> None:
    """qa24: 小吴 typed 百分之八十 for the policy loan's 80% and read 回答错误. The ways Chinese says a percentage are
    right (百分之八十, 八成); another figure, or a number of 成 that is not the answer, stays wrong."""
    item = QuizItem("q-loan", "surrender", "fill_blank", "一般不超过现金价值扣除欠款后余额的____。", "80%", "……", "x")
    question = from_quiz_item(item)
    for typed in ("80%", "80％", "80", "百分之八十", "百分之80", "八成", "8成"):
        assert question.is_correct(typed), typed
    for typed in ("百分之七十", "七成", "70%", "百分之八", "八"):
        assert not question.is_correct(typed), typed
    twenty = from_quiz_item(QuizItem("q-20", "x", "fill_blank", "____", "20%", "……", "x"))
    assert twenty.is_correct("两成") and twenty.is_correct("百分之二十") and not twenty.is_correct("百分之两")


def test_a_fill_in_takes_its_key_word_alone_when_the_question_says_the_rest() -> None:
    """qa25 Q1: the fill-in under 业务员说有些病不用告知… (____后经投保人签字确认的内容…) took 代填 as wrong for 业务员代填,
    the question naming 业务员. The key word is right and the page shows the whole answer; another word, the part the
    question names, or one character are still wrong."""
    from kb.content import collect_content
    from tests.conftest import REAL_CONTENT
    from trainer.quiz.generation import fill_questions

    content = collect_content(REAL_CONTENT)[0]
    [item] = [q for q in fill_questions(content.entries["uw-agent-said-no-need"], content) if q.answer == "业务员代填"]
    assert item.prompt.startswith("业务员说有些病不用告知") and "____后经投保人签字确认" in item.prompt
    assert item.is_correct("代填") and item.spelled_as("代填") == "业务员代填"
    assert item.is_correct("业务员代填") and item.spelled_as("业务员代填") is None
    for wrong in ("代签", "业务员", "填", "代写", "投保人代填"):
        assert not item.is_correct(wrong), wrong
    # the rest said elsewhere in the question is not enough: 销售 for 电话销售 under 通过电话向客户推介保险时…
    [sales] = [q for q in fill_questions(content.entries["norms-sales-call-disclosure"], content) if q.answer == "电话销售"]
    assert "电话" in sales.prompt.splitlines()[0] and not sales.is_correct("销售") and sales.is_correct("电话销售")
    # a rest the question does not say: 代填 alone is not the answer 投保人代填
    other = Question("q-f", "fill_blank", "告知书谁填的？\n____后经签字确认的内容…", (), "投保人代填", "", "e")
    assert not other.is_correct("代填")


def test_a_wrong_pick_of_a_generated_choice_item_names_the_entry_it_answers_in_any_option_order() -> None:
    """qa26 Q1: the feedback says why a true pick is not the answer — it answers another entry's question."""
    question = Question("gen-choice:a", "single", "金融消费者有哪八项基本权利？", ("八项", "受尊重权…", "投诉…", "回访…"), 0,
                        "", "a", generated=True, option_entries=("a", "respect", "complaint", "callback"))
    assert question.answers_another_question(1) == "respect"
    assert question.answers_another_question(0) == "" and question.answers_another_question(None) == ""
    for seed in range(8):
        shuffled = question.with_shuffled_options(random.Random(seed))
        picks = {shuffled.options[i]: shuffled.answers_another_question(i) for i in range(4)}
        assert picks == {"八项": "", "受尊重权…": "respect", "投诉…": "complaint", "回访…": "callback"}


STAGE_ANSWERS = [  # (typed, right?) for the fill-in whose answer is 慢性肾脏病5期
    ("慢性肾脏病5期", True), ("慢性肾脏病五期", True), ("慢性肾脏病第5期", True), ("慢性肾脏病第五期", True),
    ("5期", True), ("五期", True), ("第5期", True), ("第五期", True), ("第 五 期", True), ("５期", True),
    ("4期", False), ("第四期", False), ("慢性肾脏病4期", False), ("慢性肾脏病第四期", False), ("15期", False),
    ("五", False), ("5", False), ("第五", False), ("慢性肾脏病", False), ("肾脏病5期", False), ("尿毒症期", False),
]


@pytest.mark.parametrize("typed, right", STAGE_ANSWERS, ids=[f"{t}-{r}" for t, r in STAGE_ANSWERS])
def test_a_stage_is_one_answer_in_digits_chinese_numerals_or_with_di(typed: str, right: bool) -> None:
    """qa30 Q1: 小周 typed 第五期 under …依据K/DOQI指南分期达到____ and read 回答错误。正确答案：慢性肾脏病5期; 5期, 五期,
    慢性肾脏病第5期 were refused too. One stage however its number is written, alone or after what is staged; another
    stage (4期), a number without 期, or the name without its stage stays wrong."""
    from kb.content import collect_content
    from tests.conftest import REAL_CONTENT
    from trainer.quiz.generation import fill_questions

    content = collect_content(REAL_CONTENT)[0]
    [item] = [q for q in fill_questions(content.entries["ci-kidney-failure"], content) if q.answer == "慢性肾脏病5期"]
    assert "分期达到____" in item.prompt
    assert item.is_correct(typed) is right
    if right:  # the page shows the standard answer beside 回答正确 where the stage was typed alone
        assert item.spelled_as(typed) == (None if typed.startswith("慢性肾脏病") else "慢性肾脏病5期")


def test_every_fill_in_reads_its_stage_the_same_way_however_the_answer_writes_it() -> None:
    """The folding is the marker's, not one item's: an answer written 第三期 takes 3期 and 三期, an answer 2期 takes 第二期;
    a term of cover (一年期) is no stage, and its number is not folded into one (1期 is not 一年期)."""
    third = Question("q-s3", "fill_blank", "____", (), "第三期", "", "e")
    assert all(third.is_correct(typed) for typed in ("3期", "三期", "第3期", "第三期"))
    assert not third.is_correct("2期") and not third.is_correct("第二期")
    second = Question("q-s2", "fill_blank", "____", (), "2期", "", "e")
    assert second.is_correct("第二期") and second.is_correct("两期") and not second.is_correct("第三期")
    term = Question("q-t", "fill_blank", "____", (), "一年期", "", "e")
    assert term.is_correct("一年期") and not term.is_correct("1期") and not term.is_correct("第一期")
