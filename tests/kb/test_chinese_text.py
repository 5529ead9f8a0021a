"""The one Chinese quantity and sentence parser, with the cases the quiz and the dialogue judge each rely on."""

from kb.chinese_text import (chinese_numeral, clause_at, parse_number, quantities, sentence_at, sentence_spans,
                             sentences, unit_spellings)
from trainer.quiz.question import spellings


def said(text: str) -> list[str]:
    return [str(q) for q in quantities(text)]


# ---- quantities (both the dialogue's and the quiz's cases) ------------------------------------

def test_days_in_any_spelling_are_the_same_quantity():
    assert said("15日") == said("15天") == said("十五天") == ["15日"]


def test_age_and_working_days_in_either_spelling_are_the_same_quantity():
    assert said("18周岁") == said("18岁") == said("十八岁") == ["18岁"]
    assert said("10个工作日") == said("10工作日") == ["10工作日"]


def test_chinese_numerals():
    assert parse_number("一百八十") == 180
    assert parse_number("两") == 2
    assert parse_number("三十") == 30
    assert parse_number("15") == 15 and parse_number("犹豫") is None
    assert said("两年内复效") == ["2年"]


def test_other_units():
    assert said("5个工作日内，最多80%，15倍") == ["5工作日", "80%", "15倍"]
    assert said("百分之三十") == ["30%"]
    assert said("不得超过20万元，1.5倍") == ["20万元", "1.5倍"]


def test_money_as_it_is_said_is_yuan_and_jiao():
    """judge51b: 扣10块钱工本费 was no figure to the fact checker (qa25's 阿强), neither credited nor judged."""
    assert said("扣10块钱工本费") == said("扣10块工本费") == said("扣十块钱工本费") == said("扣10元工本费") == ["10元"]
    assert said("六千三百二十块。") == ["6320元"]
    # judge52: 毛 / 角 are tenths of a 元, read in 元 — the unit every amount in the content is stated in
    assert said("最多扣五毛钱") == said("最多扣5毛") == said("最多扣5角") == said("最多扣0.5元") == ["0.5元"]
    assert said("3到5毛") == ["0.3元", "0.5元"] and said("两毛钱") == ["0.2元"]
    # the same characters as other words: a piece, a lump, together, this part, a gross premium; vague hundreds
    assert said("三块地") == said("两块儿") == said("利息一块补上") == said("甲状腺这一块的病") == []
    assert said("二十四分之一毛保费法") == said("几百块钱") == []
    assert "10块钱" in spellings("10元") and "十块" in spellings("10元")


def test_dates_ordinals_and_words_are_not_quantities():
    assert said("3月15日签收，2023年投保，第十五条，一年期以上，等一下") == []
    assert said("自2021年2月1日起，第3年起") == []


def test_quantities_know_where_they_are_and_how_they_were_written():
    found = quantities("犹豫期15日，宽限期六十天")
    assert [(q.text, q.start, q.end, q.in_digits) for q in found] == [("15日", 3, 6, True), ("六十天", 10, 13, False)]


def test_numerals_and_unit_spellings_for_typed_answers():
    assert [chinese_numeral(n) for n in (2, 10, 15, 60, 99, 180)] == ["二", "十", "十五", "六十", "九十九", "180"]
    assert unit_spellings("天") == {"天", "日"} and unit_spellings("周岁") == {"周岁", "岁"}
    assert {"15日", "15天", "十五天", "十五日", "15"} <= spellings("15日")
    assert {"18周岁", "18岁", "十八岁"} <= spellings("18周岁")


# ---- sentences and clauses ----------------------------------------------------------------------

def test_sentences_keep_their_punctuation_and_drop_empty_ones():
    answer = "以合同条款为准，一般为60日：分期交费的保单适用。法律依据是第三十六条（保险法）。"
    assert sentences(answer) == ["以合同条款为准，一般为60日：分期交费的保单适用。", "法律依据是第三十六条（保险法）。"]
    assert sentences("第一句；第二句\n。\n第三句") == ["第一句；", "第二句", "第三句"]
    assert sentences("好的！还有吗？", ends="。") == ["好的！还有吗？"]


def test_sentence_spans_locate_each_sentence():
    text = "您好！犹豫期是15天。"
    assert sentence_spans(text) == [(0, 3, "您好！"), (3, 11, "犹豫期是15天。")]


def test_the_clause_or_sentence_around_a_phrase():
    text = "您好，犹豫期是15天，可以全额退保。还有别的吗？"
    start = text.index("15天")
    assert clause_at(text, start, start + 3) == "犹豫期是15天，"
    assert sentence_at(text, start, start + 3) == "您好，犹豫期是15天，可以全额退保。"


# ---- estimates (judge19: 一两天 was read as 12 days) -------------------------------------------

def test_two_numerals_side_by_side_are_an_estimate_with_both_ends():
    rows = {
        "这一两天给您回电": ["1日", "2日"],
        "大概三五天": ["3日", "5日"],
        "一两个月内": ["1个月", "2个月"],
        "两三年前买的": ["2年", "3年"],
        "二十七八岁": ["27岁", "28岁"],
        "十一二天": ["11日", "12日"],
        "七八万元": ["7万元", "8万元"],
        # judge20: the pair may count tens or hundreds (一百二三十天 was 330日), and 十几 is 11–19 (was no figure)
        "确诊一百二三十天": ["120日", "130日"],
        "二三十天": ["20日", "30日"],
        "两三百元": ["200元", "300元"],
        "一千二三百元": ["1200元", "1300元"],
        "十几天": ["11日", "19日"],
        "二十几岁": ["21岁", "29岁"],
    }
    assert {text: said(text) for text in rows} == rows
    assert [q.text for q in quantities("这一两天给您回电")] == ["一两天", "一两天"]


def test_figures_spelled_digit_by_digit_and_vague_amounts_stay_as_they_were():
    assert said("七九天") == ["79日"]          # not neighbours: a figure
    assert said("三十五天，十五天，15到30日") == ["35日", "15日", "15日", "30日"]
    assert said("几天") == [] and said("一二三") == []  # a few days: no figure
    # judge24: tens or hundreds of (几十天 was 10日, the 十 after 几; 几百元 100元)
    assert {t: said(t) for t in ("几十天", "好几十天", "数十天", "几百元", "上千元", "几十万元")} == dict.fromkeys(
        ("几十天", "好几十天", "数十天", "几百元", "上千元", "几十万元"), [])
    assert said("几十到一百天") == ["100日"] and said("十天，三十几天") == ["10日", "31日", "39日"]
    assert said("一八年投保") == ["18年"]      # as before: the year shorthand is no estimate
