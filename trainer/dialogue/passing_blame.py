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
