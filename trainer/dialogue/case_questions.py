"""Questions that ask nothing about the case: the reply only asks who the caller is (judge40p).

A clarifying question asks "to understand the case (what happened, when, which policy…)"; asking who is on the line
or for what identifies them (您是投保人的什么人？ 方便告诉我一下您的出生日期伐？ 您是王建国本人吧？还是家里人替他接的？) is the
identity check (verification), whatever question word it holds. The question-word cue and the classifier credited
both: on the tune replies 9 of clarifying_question's 17 false credits were such checks. Train split (every file): of the
30 lines the cue rules credit whose every question asks who they are, 27 are not labelled clarifying_question; tune
replies 14 of 15. A question about the signature (是您本人签的吗？) asks about the case and is not one of these.
"""

from __future__ import annotations

import re

from trainer.dialogue.credit_checks import asks_who_signed
from trainer.dialogue.question_forms import asked_as_request
from trainer.dialogue.segments import sentence_segments

# Who the caller is, or what identifies them: 本人 asked (…本人吗？ 本人接的电话不？ 本人还是家属？), someone else's call
# taken or made for them (您是替老爷子打的电话？), a relation, a name, a birth date, an ID or the policy number.
ASKS_WHO = re.compile(
    r"本人(?=[吗嘛伐不吧么呀啊？?]|接|还是|在用)|是不是本人|(您|你)是?[替帮][^，,。？?]{0,6}[打接]的?电话|身份|(什么|啥|哪样|嘛|啥子)(人|关系)"
    r"|哪位|姓名|全名|叫啥|怎么称呼|贵姓"
    r"|出生(日期|年月)|生日|证件|身份证|后四位|后六位|保单号"
)
# A short question offering alternatives right after one of these (您是老爷子什么人啊？儿子还是闺女？) belongs to it.
_ALTERNATIVES = re.compile(r"^[^，,]{0,10}还是[^，,]{0,10}[？?]$")


def _questions(text: str) -> list[str]:
    """The reply's sentences that ask something: a question mark at the end, or a request (跟我说说…)."""
    found = []
    for segment in sentence_segments(text):
        sentence = segment.text.strip()
        if sentence.endswith(("？", "?")) or asked_as_request(sentence):
            found.append(sentence)
    return found


def asks_who_they_are(question: str) -> bool:
    """The question asks who the caller is or for what identifies them, not about the signature."""
    return bool(ASKS_WHO.search(question)) and not asks_who_signed(question)


def only_who_they_are(text: str) -> bool:
    """The reply asks something, and every question in it asks who the caller is (or offers that question's
    alternatives): it asks nothing about the case."""
    questions = _questions(text)
    if not questions:
        return False
    previous_asked_who = False
    for question in questions:
        if asks_who_they_are(question) or (previous_asked_who and _ALTERNATIVES.match(question)):
            previous_asked_who = True
            continue
        return False
    return True
