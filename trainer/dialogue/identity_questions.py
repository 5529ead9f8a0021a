"""Questions that only ask who the caller is: an identity check, no clarifying question (judge42q, after judge40p).

A clarifying question asks to understand the case (what happened, when, which policy…). Asking who is on the line or
for what identifies them (那请问您是投保人的什么人？ 方便告诉我一下您的出生日期伐？ 您是王建国本人吧？还是家里人替他接的？) is
the identity check (verification), whatever question word it holds — the question-word cue and the classifier credited
both: on the TUNE replies 10 of clarifying_question's 19 false credits.

The TRAIN split's labels decide, not the tune replies. The three corpus writers (whose clarifying labels train the
classifier) and w-polite-southern label every question that asks who the caller is verification and not
clarifying_question (37 lines whose every question does so); their clarifying questions that hold the same words ask about
the case — whether they signed themself (是您本人亲笔签的吗？), which name they said (您刚才说的是投保人的名字，还是被保险人的？), a
hospital's name, whether a number changed. Only w-warm-steps, which teaches verification alone (its clarifying labels
train nothing), also labels four identity checks clarifying.

Narrower than judge40p's guard (branch judge40p-identity-questions: it cost one dev clarifying item): 哪位 / 是谁 are
not read (当时是哪位业务员给您讲的？ asks about the case), and a policy or phone number, or the last digits of one, asked
for is an identity check only where the reply says it checks who they are (我核一下是不是您这单 / 核对一下是不是您本人的保单)
or asks who they are beside it: 您把保单号报给我 alone looks a policy up (a tune reply labelled clarifying_question).
"""

from __future__ import annotations

import re

from trainer.dialogue.credit_checks import asks_who_signed
from trainer.dialogue.question_forms import asked_as_request
from trainer.dialogue.regional_speech import mandarin_reading
from trainer.dialogue.segments import sentence_segments

# Who the caller is: 本人 asked (…本人吗？ 本人接的电话不？ 本人还是家属？; not 本人没签字 nor 本人在旁边吗), someone's call taken
# or made for them (您是替老爷子打的电话？), how they are related, their name, birth date or ID (身份 also covers
# 以什么身份打过来的).
ASKS_WHO = re.compile(
    r"本人(?=[吗嘛伐不吧么呀啊]*[？?]|接|在接|还是|在用)|是不是(投保人|被保险人)?本人"
    r"|(您|你)是?[替帮][^，,。？?]{0,6}[打接]的?电话|(什么|啥|么|哪样|嘛|啥子)关系|(您|你)是[^，,。？?]{0,8}(什么|啥|哪样|啥子)人"
    r"|(您|你)的?(姓名|全名|名字)|(您|你)叫(什么|啥|么)|贵姓|怎么称呼|(投保人|被保险人|被保人)的?(姓名|全名|名字)(是|叫|怎么写|[？?])"
    r"|出生(日期|年月)|生日|身份|证件"
)
# A number that identifies them once the reply says it is checking who they are.
_NUMBER_ASKED = re.compile(r"保单号|合同号|手机号|后四位|后六位")
_CHECKING_WHO = re.compile(r"核|对一下|对对|确认[^，,。？?]{0,4}(身份|本人)|是不是(您|你)")
# The agent speaking of themself before the question (我这边不能把您父亲的证件号报给您，您父亲本人在旁边吗？ — tr-b, labelled
# clarifying_question; 我得先确认一下您的身份，您能说一下您的名字吗？): the question is what follows the last such clause.
_AGENT_CLAUSE = re.compile(r"我")
_CLAUSE_END = re.compile(r"(?<=[，,：:])")
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


def _asked_part(question: str) -> str:
    """The question's clauses after the last one in which the agent speaks of themself (all of them if none does)."""
    clauses = [c for c in _CLAUSE_END.split(question) if c]
    last_agent = max((i for i, c in enumerate(clauses) if _AGENT_CLAUSE.search(c)), default=-1)
    asked = clauses[last_agent + 1:]
    return "".join(asked) if asked else clauses[-1]


def asks_who_they_are(question: str, checking: bool = False) -> bool:
    """The question asks who the caller is or for what identifies them (with `checking`, the reply says it checks who
    they are, also a number that identifies them), not about the signature."""
    if asks_who_signed(question):
        return False
    asked = _asked_part(question)
    return bool(ASKS_WHO.search(asked)) or (checking and bool(_NUMBER_ASKED.search(asked)))


def only_who_they_are(text: str) -> bool:
    """The reply asks something, and every question in it asks who the caller is (or offers that question's
    alternatives): it asks nothing about the case. Read in Mandarin, as the question rules read it (是么关系咧)."""
    said = mandarin_reading(text).text
    questions = _questions(said)
    if not questions:
        return False
    checking = bool(_CHECKING_WHO.search(said)) or any(asks_who_they_are(q) for q in questions)
    previous_asked_who = False
    for question in questions:
        if asks_who_they_are(question, checking) or (previous_asked_who and _ALTERNATIVES.match(question)):
            previous_asked_who = True
            continue
        return False
    return True


# The check finished by reading her policy back for a yes (好嘞，对上了。康宁重大疾病保险，您是投保人，被保险人是刘志强先生，…对吧？
# / 好的，对上了。安泰两全保险，一年两万，交了两年一共四万，没错吧？): the agent confirms it is the policy they will talk about —
# the end of the identity check, not a turn that leaves her question unanswered (calls50: three tune-standard good calls of
# cw5-b paid +10 for it right after the check). The last sentence asks for a yes, and the reply names the policy.
_POLICY_NAMED = re.compile(r"险|保单|合同|投保人|被保险人|被保人|保费|保额")
_FOR_A_YES = re.compile(r"(对吧|没错吧|是吧|对不对|对吗|是吗|没错吗|是不是|对不)[呀啊哈]*[？?～~。]*$")


def confirms_the_policy(text: str) -> bool:
    """The reply reads the policy back and asks only for a yes (…对吧？), in Mandarin as the question rules read it."""
    said = mandarin_reading(text).text
    segments = sentence_segments(said)
    return bool(segments) and bool(_FOR_A_YES.search(segments[-1].text.strip())) and bool(_POLICY_NAMED.search(said))
