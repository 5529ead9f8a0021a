"""A reply that only asks who the caller is shows the identity check, not a clarifying question (judge42q)."""

from __future__ import annotations

import pytest

from trainer.dialogue.identity_questions import only_who_they_are

# Every question asks who is on the line or for what identifies them (the TUNE replies' false credits in other words).
ONLY_WHO = (
    "请问您是被保险人本人吗？",
    "您是老人家什么人呀？女儿还是儿媳？",  # the alternatives after it belong to it
    "您是帮您儿子接的电话吧？那您跟他是么关系咧？",  # Wuhan 么关系, read in Mandarin
    "先跟您确认一下，您是刘阿姨本人吧？还是家里人替她接的？",
    "麻烦说一下您的出生年月伐？对上了我们再往下讲。",
    "请问您贵姓？跟投保人是什么关系？",
    "保单号您手边有没有？念后六位，我核对一下是不是您本人这一单。",  # a number, with the check said
    "您是替老伴打的电话？您跟她是啥关系？有她的保单号吗？",  # a number beside a who-question
    "我得先确认一下您的身份，您能说一下您的名字吗？",  # the agent's clause before the question
)
# Questions holding the same words that ask about the case (train: the corpus writers label these clarifying_question).
ABOUT_THE_CASE = (
    "请问投保单上的签名，是您本人亲笔签的吗？",  # the signature
    "您刚才说的是投保人的名字，还是被保险人的？",  # which name was said
    "您先停一下，刚才说的那家医院叫什么名字？",  # a hospital's name
    "当时是哪位业务员给您讲的分红？",  # 哪位 about the sale
    "您是他儿子的话，我这边不能把您父亲的证件号报给您，您父亲本人在旁边吗？",  # the agent's own clause holds 证件
    "您把保单号报给我，我帮您查一下是哪一份？",  # a policy number to look the policy up, no check said
    "请问您是投保人本人吗？您当时是在哪家银行买的？",  # a case question beside the check
)


@pytest.mark.parametrize("text", ONLY_WHO)
def test_a_reply_whose_every_question_asks_who_they_are_is_only_an_identity_check(text: str) -> None:
    assert only_who_they_are(text)


@pytest.mark.parametrize("text", ABOUT_THE_CASE)
def test_a_question_about_the_case_with_the_same_words_is_not(text: str) -> None:
    assert not only_who_they_are(text)


def test_a_reply_that_asks_nothing_is_not_read_as_one() -> None:
    """No question, no guard: a statement of the check (按规定要先核实您的身份。) is verification's business."""
    assert not only_who_they_are("按规定要先核实您的身份。")
    assert not only_who_they_are("身份核对好了，我们说保单的事。")
