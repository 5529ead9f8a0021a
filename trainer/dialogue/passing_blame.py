"""Blame put on someone outside the call in a trainee's everyday words (qa19), beside `detectors`' blame rules.

"说白了当初业务员没跟您讲清楚…，这是他的问题。" — 大刘 (an ex-salesman) named the culprit, and the report passed it:
the company answers for its agents, the hospital and the bank to the customer (behaviours.py: blame pushes the fault
onto the customer, a colleague or another party). On the train split the one sentence of this form (扣款失败是银行的
问题，…) is labelled blame; 这个是医院证明开错了 (blame too) is left to the classifier.
"""

from __future__ import annotations

import re

# "It is X's problem / fault / responsibility", X a third party: 这是他的问题, 是业务员的责任, 都是医院那边的错.
_THEIR_FAULT = re.compile(
    r"(?<![不没])(是|都是|属于)(他|她|他们|业务员|代理人|销售|销售人员|医院|银行)(那边|那头)?的?(问题|责任|错|失误)(?!吗|呢|？|\?)")


def third_party_blamed(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that put the fault on a third party (see `_THEIR_FAULT`)."""
    return [(m.start(), m.end()) for m in _THEIR_FAULT.finditer(text)]


# Whole practice calls (judge39c, the tune set's fresh writers): the fault put back on the customer or the customer sent
# away in a senior agent's everyday words, each marked blame or rude by its writer and passed by the judge.
# - Sent to another desk to ask (具体为什么您得问理赔那边 — the customer's question handed back; 推诿): 您 + a must
#   (得 / 要 / 只能 / 自己) or 去 + 问 + another desk. Train split: 3 lines of the form (您得问理赔部, 您得去问银行,
#   您去问医院), all labelled blame; 您可以问一下业务员 (an offer) and 我帮您问理赔那边 (the agent's step) are not it.
_SENT_TO_ASK = re.compile(
    r"(?<!帮)(您|你)(还)?((得|要|只能|自己)(去)?|去)问(问|一下)?(理赔|核保|业务员|代理人|销售|银行|医院|保全)")
# - The company said not at fault for it (这个就不能算我们的问题了 — 不是我们的问题 is a cue already).
_NOT_OURS = re.compile(r"(不能|不|可不)算(是)?(我们|公司|咱们)(的|这边的)(问题|责任|错)|算不(上|到)(我们|公司|咱们)(头上)?")
# - Told they should have known (当初停交的时候就该想到会有这一天的): the loss put on the customer's past choice.
_SHOULD_HAVE_KNOWN = re.compile(r"当初[^。！？!?]{0,12}(就|早)?(该|应该|应当)(想到|知道|料到|考虑到)")


def blamed_in_spoken_words(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that send the customer to another desk to ask, say the company is not at fault, or say the
    customer should have known (see `_SENT_TO_ASK`, `_NOT_OURS`, `_SHOULD_HAVE_KNOWN`)."""
    return [(m.start(), m.end()) for pattern in (_SENT_TO_ASK, _NOT_OURS, _SHOULD_HAVE_KNOWN) for m in pattern.finditer(text)]


# Hindsight aimed at the customer (服务忌语: 指责客户): what they should have done back then — 您当时签字的时候应该看一下条款的嘛,
# 您要是当时按时交了，就不会失效了嘛, 当初买的时候就该说, 您那时候要是把合同好好看一眼，也不至于这样, 早一点打电话来问就不会
# 过期了, 当初停交的时候就该想到会有这一天的 (judge38c's tune call), 早干嘛去了. Train split (judge39n): 8 of the 9 lines it
# matches are labelled blame, in four writers' words (the ninth, 您早干嘛去了？, rude in a file that teaches verification only).
# Not when the one who should have is the agent, the company or someone else (是我们当初没讲明白, 当时没人跟您讲清楚,
# 要是我们早点通知您就不会这样了), nor when the sentence clears the customer (这个不怪您 / 您不用自责 / 不知道也正常).
_HINDSIGHT = re.compile(
    r"(要是|如果|早(一)?点|早些)(?P<gap>[^。！？!?；;]{0,16}?)(就不会|也不会|也不至于|就不至于|不至于)"
    r"|(当时|当初|那时候|那会儿)(?P<then>[^。！？!?；;，,]{0,12}?)(就该|就应该|早该|应该|咋不|怎么不|不看|不问)"
    r"|早干(嘛|啥|什么)去了|现在才(来)?(问|说|想起来)")
_SOMEONE_ELSE = ("我", "业务员", "公司", "同事", "代理人", "银行", "没人", "他", "她", "医院", "系统")
_CLEARED = ("不怪", "不是您的", "不是你的", "不用自责", "别自责", "没关系", "正常", "不能怪您")
# Written from the train split's misses: a hit counts only when the classifier scores the reply's blame at least this
# (`detectors.SPOKEN_FLOORS`; chosen leave one writer out, docs/benchmarks.md judge39n).
HINDSIGHT_FLOOR = 0.1


def hindsight_blamed(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that tell the customer what they should have done back then (see `_HINDSIGHT`)."""
    spans = []
    for match in _HINDSIGHT.finditer(text):
        before = re.split(r"[，,、；;。！？!?]", text[:match.start()])[-1]  # the clause up to it: who should have
        sentence = re.split(r"[。！？!?]", text[:match.start()])[-1] + re.split(r"[。！？!?]", text[match.start():])[0]
        if any(w in before + (match["gap"] or "") + (match["then"] or "") for w in _SOMEONE_ELSE):
            continue
        if not any(w in sentence for w in _CLEARED):
            spans.append((match.start(), match.end()))
    return spans
