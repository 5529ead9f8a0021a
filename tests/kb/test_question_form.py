"""kb.question_form: a what-to-do query and an entry that only says what a word means (qa25 S3)."""

import pytest

from kb.question_form import asks_what_to_do, only_defines


@pytest.mark.parametrize("query", ["保单效力中止两年了怎么办", "交不起保费了 怎么处理", "保单停了怎么弄"])
def test_a_query_asking_what_to_do(query: str) -> None:
    assert asks_what_to_do(query)


@pytest.mark.parametrize("query", ["效力中止是啥意思 怎么办", "保单效力中止是什么意思", "效力中止两年了",
                                   "中止了是怎么回事 怎么办"])
def test_a_query_asking_what_something_means_or_nothing_to_do(query: str) -> None:
    assert not asks_what_to_do(query)


@pytest.mark.parametrize(("question", "defines"), [
    ("保单效力中止是什么意思？", True), ("什么是现金价值？", True),
    ("什么是减额交清？交不起保费了可以办吗？", False),  # also asks when it applies
    ("保单中止后多久内可以申请复效？", False), ("轻度脑中风后遗症的理赔标准是什么？", False)])
def test_an_entry_question_that_only_says_what_a_word_means(question: str, defines: bool) -> None:
    assert only_defines(question) is defines
