"""A 话术 that tells the customer where her policy stands — still in the cooling-off period, past the grace period,
suspended, terminated — says what the agent must first look up (qa26 S4).

The callback entry for a proxy signature said 您现在仍在犹豫期内，如有需要也可以申请解除合同: true on the new-policy
callback it was written for, false when a live-call agent copied it for a customer whose policy was years old. A
script may name such a state in three ways that stay true on any call: as a condition (如果还在犹豫期内…；如果已经过了
犹豫期…), with a blank the agent fills from the system (犹豫期到X月X日结束; 系统显示合同已于X年X月X日解除), or as a question
(保单是否还在犹豫期内？). `kb validate` (and so every save in 内容编辑) refuses a script sentence that does none of them.
A rule said of a period in general (犹豫期内合同已经生效, 宽限期内您的保单仍然有效) names no state of hers and passes.
"""

from __future__ import annotations

import re

from kb.chinese_text import sentences
from kb.placeholders import placeholders

_PERIOD = r"(?:犹豫期|冷静期|宽限期|等待期|观察期)"
_TWO_YEARS = r"(?:2|两|二)年"
# The policy's state said as a fact of now: in a period (仍在犹豫期内), past one (已经过了犹豫期, 犹豫期已经结束), suspended or
# ended (已经中止, 已于…解除), or two years past (已经超过2年).
STATE = re.compile(rf"(?:仍然|仍|还|依然)(?:在|处于|处在){_PERIOD}"
                   rf"|已经?(?:过了|过|超过|超出|出了){_PERIOD}"
                   rf"|{_PERIOD}(?:已经|已)(?:过了|过|结束|届满|到期)"
                   r"|已经?(?:效力中止|中止|解除|终止|失效|永久失效)"
                   rf"|已经?(?:超过|满|过了){_TWO_YEARS}")
# Words that make the state a condition or a question: the agent says what follows once she knows which it is.
CONDITION = re.compile(r"如果|假如|假设|要是|若是|若|万一|一旦|是否|是不是|有没有|的话")


def unchecked_states(script: str) -> list[str]:
    """The sentences of `script` that tell the customer a state of her policy with no condition, no blank to fill
    from the system and no question mark (in the script's order)."""
    found = []
    for sentence in sentences(script or ""):
        for match in STATE.finditer(sentence):
            asked = sentence.rstrip().endswith(("？", "?", "吗"))
            if not (CONDITION.search(sentence[:match.start()]) or placeholders(sentence) or asked):
                found.append(sentence)
                break
    return found
