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
