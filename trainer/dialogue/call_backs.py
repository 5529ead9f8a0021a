"""Her number asked for a call-back the agent has promised: the step that makes the promise one (brief judge52, item 4).

cw5-a's good dividend call said 核实的同事联系您时… and then 麻烦您报一个现在能打通的电话，我记下来。: without the number
the colleague who is to call her has nothing to call. On its own the request is no step (judge51b: a number noted, no
call-back said — and a number asked to check who she is, 麻烦报一下您登记的手机号, is the identity check); after a call-back
promised, in the reply or earlier in the call, it is the next step of that promise. Read by the session, not the reply
judge: it needs the call, and the reply corpus (whose rule verdicts train the classifier) is left as it is.
"""

from __future__ import annotations

import re
from typing import Iterable

from kb.chinese_text import clause_at

# A number to reach her on: 报一个现在能打通的电话 / 留一个能联系上的号码 / 留个电话 / 您这个号白天能打通吧 — not her
# registered number read back to check who she is (您登记的手机号, the identity check).
_NUMBER_TO_REACH = re.compile(
    r"(报|留|给|说)(一下|下)?(一个|一|个)?[^，。？！?!]{0,8}(能打通|打得通|能接通|接得通|联系得上|能联系上|能找到|找得到|方便接听"
    r"|方便接|常用)[^，。？！?!]{0,4}(电话|手机|号码|手机号|联系方式)"
    r"|留(一个|一|个|下)(您|你)?的?(电话|手机|号码|手机号|联系方式)"
    r"|(电话|手机|号码|这个号)[^，。？！?!]{0,6}(能打通|打得通|能接通)"
)
# A call-back the agent promises (联系您 / 给您回电 / 给您答复 / 打给您) — not one that never came (没人联系您).
_CALL_BACK = re.compile(
    r"(?<!没)(?<!没人)(?<!没有人)(?<!不)(联系(您|你)|跟(您|你)联系|给(您|你)回(电|话|个电话|复)|回电|回(您|你)电话|打给(您|你)"
    r"|回复(您|你)|给(您|你)(答复|回话|准信)|答复(您|你))"
)


def number_to_reach(text: str) -> str:
    """The clause of `text` that asks for a number to reach the customer on, or ""."""
    found = _NUMBER_TO_REACH.search(text)
    return clause_at(text, found.start(), found.end()) if found else ""


def promises_a_call_back(text: str) -> bool:
    """`text` says the agent (or a colleague) will call or answer the customer back."""
    return bool(_CALL_BACK.search(text))


def number_for_the_call_back(text: str, said_before: Iterable[str]) -> str:
    """The clause of `text` asking for her number when the agent has promised a call-back in `text` or in what she
    `said_before` in the call, else ""."""
    asked = number_to_reach(text)
    if asked and (promises_a_call_back(text) or any(promises_a_call_back(said) for said in said_before)):
        return asked
    return ""
