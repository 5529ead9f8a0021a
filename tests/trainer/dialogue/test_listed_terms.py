import pytest

from trainer.dialogue.listed_terms import said_as_list


@pytest.mark.parametrize("text", ["您说的说明书上高、中、低那几档数字", "按低、中、高几档假设", "高中低三档都是举例",
                                  "高档、中档和低档那些数字", "低中高档"])
def test_a_term_abbreviating_a_list_is_said_as_the_list(text):
    """qa28 J1: the illustration's 低中高档 said 高、中、低那几档 in the customer's words."""
    assert said_as_list("低中高档", text)


@pytest.mark.parametrize("text", ["说明书上高档的数字", "中高档产品", "高、高、中档", "高、中、低", "中、低那几档"])
def test_part_of_the_list_or_an_item_twice_is_no_term(text):
    assert not said_as_list("低中高档", text)


@pytest.mark.parametrize("term", ["犹豫期", "利益演示", "现金价值"])
def test_a_word_said_backwards_is_no_list_of_its_characters(term):
    """A list of two (犹豫期 as 犹、豫 + 期) is too often a word of its own: only three items or more are read as a list."""
    assert not said_as_list(term, term[::-1])
