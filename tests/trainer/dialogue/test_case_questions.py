"""Questions that ask nothing about the case: the reply only asks who the caller is (judge40p)."""

from __future__ import annotations

import pytest

from trainer.dialogue.case_questions import asks_who_they_are, only_who_they_are


@pytest.mark.parametrize("text", [
    "那请问您是投保人的什么人？是子女还是配偶呀？",
    "您是老爷子什么人啊？儿子还是闺女？",  # the short choice after it belongs to the identity question
    "请问您是以什么身份打过来的呀？是投保人本人还是受益人？",
    "介个保单号您手边有吗？念一下后六位，我核一下是不是您这单。",
    "您是帮您妈妈接的电话嗦？那请问您跟刘孃孃是哪样关系嘛？",
    "喂您好，我这儿人寿回访中心，您是王建国王先生本人吗？",
])
def test_a_reply_whose_every_question_asks_who_the_caller_is(text: str) -> None:
    assert only_who_they_are(text)


@pytest.mark.parametrize("text", [
    "好滴阿姨～那这份保单是您自己在投保单上签的字嘛？",  # the signature: the case
    "这份保单是您本人亲笔签的吗？",
    "请问您是本人吗？您住院住了多久？",  # a question about the case beside the check
    "您本人对这份保险知情伐？",  # 本人 as "yourself", not asked
    "我帮您打电话问问理赔？",  # the agent's own call
    "我先帮您查一下保单。",  # no question at all
    "您还记得那个业务员叫什么名字吗？",  # someone else's name
])
def test_a_reply_that_asks_about_the_case_or_nothing(text: str) -> None:
    assert not only_who_they_are(text)


def test_a_question_about_the_signature_is_no_question_of_who_they_are() -> None:
    assert asks_who_they_are("请问您是本人吗？")
    assert not asks_who_they_are("这个字是您本人签的吗？")
