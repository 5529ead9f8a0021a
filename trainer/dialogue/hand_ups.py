"""A case handed up in a trainee's everyday words (escalation), beside `detectors.ESCALATION_CUES` (judge39n).

大姐给您写个情况说明递给领导 / 我把你的事儿报给我们组长了 / 我把您的情况交给我们组长 / 我今天就把情况报给质检组 / 向当地金融
监管局投诉: the case passed to someone above the agent, or the regulator named as a route — behaviours.py's escalation
(按规范提供了升级或登记的途径). The cues name the desk's own words (转接主管, 登记投诉, 专人); these sentences name the person.
Train split (judge39n): 15 lines in six writers' words match, all labelled escalation. Said of a superior who turned
it down (跟领导说过了，领导说再研究研究 — vague; 主管也这么说，转了没用 — rude) it offers no route. Nor does a specialist who
will only get in touch (会有专人联系您, nothing handed over: `specialist_contact_only`).
"""

from __future__ import annotations

import re

from kb.chinese_text import clause_at
from trainer.dialogue.brush_offs import SAME_RESULT
from trainer.dialogue.evidence import Evidence

_HANDED_UP = re.compile(
    r"(递|报|交|转|挂|升级|反映|提)(给|到)(我们)?(的)?(理赔|分公司|公司)?(领导|组长|主管|班长|经理|负责人|质检)"
    r"|向[^，,。！？!?]{0,6}(监管|消保|保监)[^，,。！？!?]{0,4}(投诉|反映)"
    # judge40r: the desk named by what it is (转到分公司投诉处理组, 报给销售品质管理部, 升级到客户权益保护部, 提交到公司的理赔
    # 争议评审), a superior asked in (请我们值班主管…), a route outside the company (调解, 仲裁, 12378) — not said as a
    # supposition (哪怕转给理赔部，也是我来跟您说结果)
    r"|(?<!哪怕)(?<!即使)(?<!就算)(转|交|报|递|提交|上报|升级|反映|提)(一下|上去)?(给|到)?(我们|咱们|公司|分公司|总公司)?的?"
    r"[^，,。！？!?；;]{0,8}?(部|部门|组|中心|专岗|评审|领导|组长|主管|班长|经理|负责人|质检)"
    r"|(?<!申)请(我们|咱们)?的?[^，,。！？!?；;]{0,3}(主管|组长|领导|经理|负责人)"
    r"|调解|仲裁|12378"
)
# A route named to say it changes nothing (主管也这么说，转了没用; 您打12378去呗，打了也是这结果) offers none.
_TURNED_DOWN = re.compile(r"没用|白搭|也一样|也这么说|也是这么说|研究研究|说过了|" + SAME_RESULT)
# Written from the train split's misses: a hit counts only when the classifier scores the reply's escalation at least
# this (`detectors.SPOKEN_FLOORS`; chosen leave one writer out, docs/benchmarks.md judge39n); without a classifier it
# does not count.
HANDED_UP_FLOOR = 0.4


def handed_up(text: str, advice: str = "") -> Evidence | None:
    """Escalation evidence when `text` passes the case to someone above the agent or names the regulator as a route."""
    match = _HANDED_UP.search(text)
    if match is None or _TURNED_DOWN.search(text):
        return None
    return Evidence("escalation", True, clause_at(text, match.start(), match.end()), advice)


# A specialist who will only get in touch (后续会有专人联系您 / 五个工作日内会有专人打电话给您 / 3个工作日内有专员联系您), with
# no complaint, transfer, check or handling named: the 专人 cue fires, but nothing is handed up — the train split labels
# all five such lines next_step or vague (three writers), while its 专人 / 专员 escalations name the complaint or the
# handling (记一个投诉单…专人跟您联系, 投诉专员两个工作日内联系您, 专人跟进, 请专人再看). Withheld from the cue and from the
# classifier alike (judge39n).
_SPECIALIST_CONTACTS = re.compile(r"(专人|专员|专门人员|专门的人员)[^，,。！？!?；;]{0,8}?"
                                  r"(联系|打电话|回电|给您打|给你打|打给|回个电话|回复|打您电话|打你电话)")
_HANDED_OVER = re.compile(r"投诉|转|核实|核查|看|跟进|处理|管|申诉|监管|升级|主管|领导|组长")


def specialist_contact_only(text: str) -> bool:
    """The reply says only that a specialist will get in touch, and hands the case to no one."""
    return bool(_SPECIALIST_CONTACTS.search(text)) and not _HANDED_OVER.search(text)
