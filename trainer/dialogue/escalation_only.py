"""A transfer or a complaint with nothing said of what happens next is an escalation, not a next step (judge39e).

Train split, leave one corpus writer out: 18 of next_step's 29 false credits were replies that hand the case on — a
transfer (我现在就给您转班长 / 我帮您转到投诉专席), a complaint registered (我可以帮您登记一个投诉，会有专门的同事跟进的)
or another body named (可以向当地金融监管局投诉，或者申请调解) — labelled escalation alone. The writers label the same hand-
over a next step too when it says what follows and when (…升级给主管了，她今天下午四点前打给您 / 投诉编号短信发您 / 两个
工作日内联系您 / 专人跟进). So a next-step credit is withheld from a reply that escalates with no such follow-up.
Over every train line (all files) that escalates with no follow-up, 56 of 67 are not labelled next_step.
"""

from __future__ import annotations

import re

_HANDS_ON = re.compile(r"转(给|到|接|过去)|升级|投诉|监管|12378|调解|仲裁|起诉|法院|主管|组长|班长|专席|合规")
# What follows for the customer: a time, a call or message back, a reference number, someone named to follow up.
_FOLLOW_UP = re.compile(
    r"今天|明天|后天|下周|周[一二三四五六日]|[上下]午|中午|晚上|\d+点|[一二三四五六七八九十两\d]+个?(工作日|小时|天)|之内|以内|下班前|回头"
    r"|短信|邮箱|打给|打电话|回电|回个电话|联系(您|你)|答复|回复|发(您|你)|编号|单号|书面|专人"
)


def escalation_without_follow_up(reply: str) -> bool:
    """The reply hands the case on (a transfer, a complaint, a regulator) and says nothing of what happens next."""
    return _HANDS_ON.search(reply) is not None and _FOLLOW_UP.search(reply) is None
