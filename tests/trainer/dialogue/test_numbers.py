from trainer.dialogue.numbers import chinese_number, quantities


def said(text: str) -> list[str]:
    return [str(q) for q in quantities(text)]


def test_days_in_any_spelling_are_the_same_quantity():
    assert said("15日") == said("15天") == said("十五天") == ["15日"]


def test_chinese_numerals():
    assert chinese_number("一百八十") == 180
    assert chinese_number("两") == 2
    assert chinese_number("三十") == 30
    assert said("两年内复效") == ["2年"]


def test_other_units():
    assert said("5个工作日内，最多80%，15倍") == ["5工作日", "80%", "15倍"]
    assert said("百分之三十") == ["30%"]


def test_dates_ordinals_and_words_are_not_quantities():
    assert said("3月15日签收，2023年投保，第十五条，一年期以上，等一下") == []
