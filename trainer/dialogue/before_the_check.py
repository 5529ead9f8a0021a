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


def product_name(product: str) -> re.Pattern[str] | None:
    """The policy's name as an agent says it: the persona's 金福分红型两全保险 also as 金福分红两全 / 金福分红两全险, 康宁重大疾病
    保险（2020版定义，含轻症责任） as 康宁重大疾病保险 / 康宁重疾险, and a shorter persona name said in full (the reverse) —
    judge51 read the exact name only. None when too little is left to tell the policy by (under four characters)."""
    name = re.sub(r"[（(][^）)]*[）)]", "", product).strip()
    core = re.sub(r"(保险|险)$", "", name).replace("型", "")
    if len(core) < 4:
        return None
    said = "型?".join(re.escape(char) for char in core).replace("重型?大型?疾型?病", "(?:重大疾病|重疾)")
    return re.compile(said + "型?(?:保险|险)?")


def status_before_the_check(text: str, product: str) -> list[tuple[int, int]]:
    """The spans of the policy's name (`product_name`) in the sentences of `text` that name it with its status."""
    name = product_name(product)
    if name is None:
        return []
    found = []
    for start, end, sentence in sentence_spans(text):
        named = list(name.finditer(text, start, end))
        if named and _STATUS.search(name.sub("", sentence)):
            found.append((named[0].start(), named[0].end()))
    return found
