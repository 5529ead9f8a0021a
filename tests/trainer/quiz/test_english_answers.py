"""A fill-in answered in English (qa22 T1): right English answers are right, wrong ones stay wrong."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase, load_content
from kb.content import GlossaryGroup, QuizEnglish, QuizItem
from tests.conftest import REAL_CONTENT
from trainer.quiz.english_answers import (english_answers, english_sentences, english_short_form, find_once,
                                          quantity_forms, times_written, written_forms)
from trainer.quiz.bank import question_bank
from trainer.quiz.generation import fill_questions
from trainer.quiz.question import from_quiz_item

# (the Chinese answer, English answers that are right, answers that are wrong)
NUMBER_ANSWERS = [
    ("5个工作日", ["5 working days", "five working days", "5 Working Days", "5 business days", "5 workdays", "5"],
     ["15 days", "15 working days", "5 days", "five days", "50 working days", "5 months", "fifteen working days"]),
    ("30日", ["30 days", "thirty days", "30 calendar days", "30天"],
     ["30 working days", "3 days", "13 days", "30 months", "thirty years"]),
    ("2年", ["2 years", "two years", "2 year"], ["2 months", "12 years", "two days"]),
    ("18周岁", ["18 years old", "age 18", "eighteen years old"], ["16 years old", "age 81", "18 months"]),
    ("1000元", ["1000 yuan", "RMB 1,000", "1,000 yuan", "rmb1000"], ["100 yuan", "10000 yuan", "RMB 100"]),
    ("80%", ["80 percent", "80 per cent", "80%", "eighty percent"], ["8%", "80 yuan", "18 percent"]),
    ("25日", ["25 days", "twenty-five days", "twenty five days"], ["twenty days", "5 days"]),
    ("24小时", ["24 hours", "twenty-four hours"], ["24 days", "4 hours"]),
    ("1年", ["1 year", "one year", "1 years"], ["1 month", "11 years", "one day"]),
]


def fill_in(answer: str, en: QuizEnglish | None = None):
    return from_quiz_item(QuizItem("q-x", "lapse", "fill_blank", "……____……", answer, "……", "lapse-x", en=en))


@pytest.mark.parametrize("answer, right, wrong", NUMBER_ANSWERS, ids=[a for a, _, _ in NUMBER_ANSWERS])
def test_a_number_with_its_unit_is_right_in_english_and_a_wrong_number_or_unit_stays_wrong(answer, right, wrong) -> None:
    question = fill_in(answer)
    for asked in (question, question.in_english()):
        for typed in right:
            assert asked.is_correct(typed), (answer, typed)
        for typed in wrong:
            assert not asked.is_correct(typed), (answer, typed)


def test_the_qa22_item_takes_5_working_days_and_names_the_standard_chinese_answer() -> None:
    """qa22 T1: "5 days" typed on the English UI was marked wrong with no English in sight; the item's en.accept
    listed only two spellings. Working days are not days: "5 days" stays wrong, and the feedback says it in both."""
    question = fill_in("5个工作日", QuizEnglish("…within ____ of receiving them.", "Basic Service Rules art. 10.",
                                               accept=("5 working days", "five working days")))
    shown = question.in_english()
    assert shown.is_correct("5 business days") and shown.spelled_as("5 business days") == "5个工作日"
    assert shown.spelled_as("5个工作日") is None  # written as the standard answer: nothing to add
    assert not shown.is_correct("5 days") and not shown.is_correct("15 days")
    assert shown.correct_text() == "5个工作日 (5 working days)"
    assert question.correct_text() == "5个工作日"  # the Chinese page says it in Chinese only


def test_a_term_is_right_in_english_only_by_a_glossary_phrase_that_always_means_it() -> None:
    glossary = (GlossaryGroup("cash-value", ("现金价值", "现价"), spoken=("退保价值", "cash value")),
                GlossaryGroup("cooling-off", ("犹豫期", "冷静期")),
                GlossaryGroup("grace", ("宽限期",), spoken=("grace period",)),
                GlossaryGroup("surrender", ("退保",), spoken=("cancel",), spoken_unless=("扣",)))
    assert english_answers("现金价值", glossary) == ("cash value",)
    assert english_answers("退保", glossary) == ()  # "cancel" is 退保 only in some questions
    assert english_answers("犹豫期", glossary) == ()  # no English name: the item stays in Chinese
    question = fill_in("犹豫期")
    assert not question.is_correct("宽限期") and not question.is_correct("grace period")


def test_english_sentences_are_never_cut_inside_brackets_nor_at_an_article_number() -> None:
    text = ("The insurer decides within 30 days (Insurance Law art. 23; Basic Service Rules art. 23). "
            "It pays within 10 days.\nA second paragraph")
    assert english_sentences(text) == ["The insurer decides within 30 days (Insurance Law art. 23; Basic Service "
                                       "Rules art. 23).", "It pays within 10 days.", "A second paragraph"]
    sentence, match = find_once(text, ["30 days", "thirty days"])
    assert match.group(0) == "30 days" and sentence.startswith("The insurer decides")
    assert find_once("Within 15 days; at least 15 days.", ["15 days"]) is None  # which one is meant is unknown
    assert english_short_form("Yes. Bold type counts as the prompt (SPC Interpretation II art. 11(1)).\nBut…") == (
        "Bold type counts as the prompt")


def test_a_wrong_value_put_into_an_english_statement_reads_as_english() -> None:
    """A false true/false statement swaps in a wrong value in its usual form: "1 working day", not "1 working days"."""
    assert quantity_forms(1, "工作日")[0] == "1 working day" and quantity_forms(1, "岁")[0] == "1 year old"
    assert quantity_forms(10, "工作日")[0] == "10 working days" and quantity_forms(2, "万元")[0] == "20000 yuan"


def test_a_date_is_right_in_the_ways_english_writes_it_and_another_date_stays_wrong() -> None:
    """qa23: an English trainee typed "February 1, 2021" for 2021年2月1日 and was told "Not quite"."""
    question = fill_in("2021年2月1日")
    for asked in (question, question.in_english()):
        for typed in ("1 February 2021", "February 1, 2021", "Feb 1 2021", "1 feb. 2021", "2021-02-01", "2021年2月1日"):
            assert asked.is_correct(typed), typed
        for typed in ("31 January 2021", "January 31, 2021", "1 February 2020", "February 11, 2021", "2021-01-02"):
            assert not asked.is_correct(typed), typed


def test_the_real_fill_in_on_the_date_of_the_critical_illness_switch_is_asked_in_english() -> None:
    """qa23: gen-fill:ci-version-switch:0 was shown in Chinese (“no English version yet”) though the entry's English
    says "from 1 February 2021"; it is asked in that sentence now, its blank where the date was."""
    content = load_content(REAL_CONTENT)
    entry = content.entries["ci-version-switch"]
    question = next(q for q in fill_questions(entry, content) if q.answer == "2021年2月1日").in_english()
    assert not question.in_chinese_only()
    assert "from ____ critical-illness products" in question.prompt and "1 February 2021" not in question.prompt
    assert question.is_correct("February 1, 2021") and not question.is_correct("31 January 2021")


# ---------------------------------------------------------------------------- quiz50: the English option's cut

GRACE = ("Yes, the insurer is liable under the contract. Insurance Law Art. 36 para. 2: if the insured event occurs "
         "within the grace period, the insurer pays the benefit as agreed but may deduct the unpaid premium.\nIf …")


def test_an_english_option_takes_as_many_sentences_as_its_chinese_one() -> None:
    """quiz49's reviewer: "the insurer is liable under the contract", lapse-grace-period-coverage's English option cut
    after its first sentence, read as the right answer to 犹豫期内出险了赔吗？; its Chinese 能按合同承担保险责任。 is too
    short alone, so the Chinese option goes on to the sentence naming the grace period, and so does the English now."""
    assert english_short_form(GRACE) == "the insurer is liable under the contract"  # one sentence, as before
    assert english_short_form(GRACE, sentences=2) == (
        "the insurer is liable under the contract. Insurance Law Art. 36 para. 2: if the insured event occurs within "
        "the grace period, the insurer pays the benefit as agreed but may deduct the unpaid premium")
    # "Yes." is the Chinese 可以。: the sentence after it is the option, as before
    assert english_short_form("Yes. Bold type counts as the prompt (SPC Interpretation II art. 11(1)).\nBut…",
                              sentences=2) == "Bold type counts as the prompt"


LOAN_EN = ("A policy loan is a contractual right, so the clause decides: typically the amount borrowed may not exceed "
           "80% of the policy's current cash value after deducting everything owed (unpaid premiums, outstanding loans "
           "and their interest) (some older products 70%), each loan usually runs at most 6 months, and the minimum "
           "amount and interest rate are set by the company.")


def test_a_long_english_option_is_never_cut_inside_brackets_and_answers_both_halves_of_a_two_part_question() -> None:
    """polish35 left svc-policy-loan's English option stopping inside its bracket ("(unpaid premiums…"); its question
    asks two things (最多能借多少？能借多久？) and its Chinese option drops its asides to say both: so does the English."""
    one = english_short_form(LOAN_EN)
    assert one.endswith("after deducting everything owed…") and "(" not in one
    both = english_short_form(LOAN_EN, drop_asides=True)
    assert "80%" in both and "at most 6 months" in both and "(" not in both


def test_no_real_english_option_opens_a_bracket_it_never_closes(real_kb: KnowledgeBase) -> None:
    """On main 15 entries' English options stopped inside a bracket (svc-policy-loan's "(unpaid premiums…",
    ci-carcinoma-in-situ's "(2020 CI Definitions, 3.1.1.1…"); the cut is moved before the bracket only there."""
    bank = question_bank(real_kb)
    for question in bank.values():
        for option in question.en_options:
            assert option.count("(") == option.count(")"), (question.id, option)
    grace, loan = bank["gen-choice:lapse-grace-period-coverage"], bank["gen-choice:svc-policy-loan"]
    assert grace.en_options[0].startswith("the insurer is liable under the contract. Insurance Law Art. 36")
    assert "grace period" in grace.en_options[0]
    assert "80%" in loan.en_options[0] and "6 months" in loan.en_options[0]
    # a two-part question whose Chinese option keeps its asides keeps them in English (polish35's rule moved 8 such)
    assert bank["gen-choice:bene-death-claim-deadline"].en_options[0].endswith(
        "2 years for other insurance (e.g. accident or health insurance)…")


def test_a_quantity_as_english_prose_writes_it_is_a_right_english_answer() -> None:
    """quiz53: the content's English writes "RMB 1,000", "the 30-day period", "a 24-hour service", "aged 60"; the usual
    forms stay first (a false statement says the wrong number in them) and a wrong number stays wrong."""
    assert english_answers("30日")[0] == "30 days" and "30-day" in english_answers("30日")
    assert "RMB 50,000" in english_answers("5万元") and "aged 60" in english_answers("60周岁")
    assert "24-hour" in english_answers("24小时") and "60-day" not in english_answers("30日")
    assert written_forms(5, "工作日") == ["5-working-day"] and written_forms(15, "%") == []
    question = fill_in("30日")
    assert question.is_correct("30-day") and not question.is_correct("60-day")


def test_a_number_is_counted_where_the_sentence_writes_it_in_digits() -> None:
    assert times_written("RMB 200,000 for a child under 10, and RMB 500,000 for a child aged 10 to under 18", 10) == 2
    assert times_written("RMB 10,000, 100 days, 1.0 % and 110", 10) == 0
    assert times_written("within 30 days.", 30) == 1
