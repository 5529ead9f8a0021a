"""A customer's policy status said before the identity check, on a call the company made (qa25 J4).

An outbound reminder rings whoever answers the phone: the policy's name with its payment status (这期保费没扣成功, 已经
逾期20天, 效力中止了) tells a stranger what the policyholder owns and owes — the scenarios' goal 核实本人后再谈保单 /
核实本人后再说明保单状态, and every model call verifies first. Mei's opening 您那份福寿终身寿险这期保费没扣成功 was credited
准确解释 and nothing else. A callback's opening may name the product to say why it calls (您上礼拜投保了我们的安享终身寿险，
今天给您做个新单回访 — the good written callbacks do); the status beside it is what makes it the policyholder's data.
"""

from __future__ import annotations

import re

from kb.chinese_text import sentence_spans

# What the policy owes or has come to: a premium unpaid or not debited, days overdue, the grace period, a lapse, an amount.
_STATUS = re.compile(r"保费|扣款|扣费|没扣|未扣|扣上|扣成功|扣到|逾期|欠费|欠缴|没交|未交|宽限期|中止|失效|停了|作废|现金价值"
                     r"|\d+(块|元)|[一二三四五六七八九十两]+(千|万)(块|元)?")


def status_before_the_check(text: str, product: str) -> list[tuple[int, int]]:
    """The spans of the sentences of `text` that name the policy `product` together with its status."""
    if not product:
        return []
    return [(start, end) for start, end, sentence in sentence_spans(text)
            if product in sentence and _STATUS.search(sentence.replace(product, ""))]
