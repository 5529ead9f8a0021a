"""A next step in the trainee's spoken words that the cues and judge32c's forms miss (judge39e).

Train split, leave one corpus writer out: of next_step's 45 misses, 21 are one of two shapes every corpus writer
uses — the agent's own action inside a longer reply (我给您反映上去, 我们会去核实他, 我会帮您把情况备注清楚, 我马上提更正,
我让他们补寄一份, 能争取的我都给你争取) and the customer's step said as a condition or a need (补上就行, 您把问卷填了寄回来就
行, 需要补充一下体检资料, 得走柜面, 代办得有委托书). Each part below is used by at least two writers' next-step lines;
every one of the 31 train lines (all files) the forms match is labelled next_step, before any classifier score — once
two look-alikes are left out: 这个我反映上去了，上面怎么定我也不知道 (an empty 等通知, labelled vague) and 我会如实写进投诉里
(an escalation).
Like judge32c's forms these are read at reply time, not in `Detectors.positives`, so the classifier and its calibration
are unchanged, and `MeaningJudge.confirmed` holds a hit to next_step's calibrated rule floor.
"""

from __future__ import annotations

import re

# The agent's own action: something reported, written down, corrected, posted again or fought for on the customer's
# behalf (not 提交到…部门 / 转给… — escalations, judge32c's and judge38n's boundary).
_OWN_ACTION = (
    r"(我|咱|我们)[^，。？！?!]{0,6}(反映上去|反映给|报给|写进(?!投诉)|记到系统|提上去|提了|提更正|补寄|争取)"
    r"|(我们|我)(会|得|去)[^，。？！?!本]{0,3}核实"
    r"|备注(清楚|上|好|一下)|把[^，。？！?!]{0,8}备注"
    r"|马上(改|提|给(您|你)申请|给(您|你)补|补)"
)
# The customer's step said as a condition (…就行) or a need (需要补充…, 得走柜面, 得有委托书), or a thing to do now
# (刷新一下) — not a payment promised to settle everything (肯定能恢复，您把钱交上就行: absolute_promise, 交上 is not here).
_STEP_AS_CONDITION = (
    r"(补上|补齐|补资料|补材料|填了|填好|寄回来|寄过来|回传|交上来)[^，。？！?!]{0,8}就(行|可以|好|成)(?!使)"
    r"|需要(您)?补(充|齐)|得(走|去)柜面|得有[^，。？！?!]{0,6}委托书|刷新一下"
)
STEP_IN_OWN_WORDS = re.compile(_OWN_ACTION + r"|" + _STEP_AS_CONDITION)
# A reply that leaves the customer waiting with nothing said of when or what next is an empty 等通知, not a step
# (这个我反映上去了，上面怎么定我也不知道 — labelled vague on train).
_EMPTY_WAIT = re.compile(r"不知道|说不准|说不好|等通知|等消息|再说吧")


def step_in_own_words(text: str) -> re.Match | None:
    """Where the reply names a next step in the forms above, unless it leaves the customer waiting for nothing."""
    if _EMPTY_WAIT.search(text):
        return None
    return STEP_IN_OWN_WORDS.search(text)
