"""The customer sent to their own salesperson (qa26 J4): no escalation, and a fault where the scenario forbids it.

小周's 那个…不好意思哈，这个结论我这边改不了…你可以先问问你的业务员…或者…如果有新的检查报告…可以补充材料申请复核 was
credited 规范升级 on ci-claim-declined, whose goal says 不推给业务员: a salesperson is no route above the agent
(behaviours.py's escalation: complaint registration, supervisor, specialist) — the case goes back to where the
customer came from. Where a scenario's goal forbids it, it is 推诿指责 (behaviours.py's blame: pushes responsibility
away). Elsewhere it is left to the judge: on the train split 您可以问一下业务员 is an offer (passing_blame.py).
"""

from __future__ import annotations

import re
from typing import Sequence

from kb.chinese_text import span_bounds
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.wording import Worded

CLAUSE_MARKS = "，,。！？!?；;…"  # a trailing-off … ends a clause too
# Who sold the policy, in the words agents and customers use (also what a step may keep out: `handed_back`)
SALESPERSON = r"(业务员|代理人|销售人员|销售|营销员|经纪人|保险顾问)"
# 您/你 + (可以 / 先 / 得 …) + 问 / 找 / 联系 + (您的 / 那个) + the salesperson; not 我帮您问问业务员 / 我替您联系代理人 (the
# agent's own step) nor a question about who sold it (当时是哪位业务员给您讲的？ names no one to go to), nor told not to
# (您不用自己去找业务员 — a held-out good call's dividend-below-promise turn 5; 您也别先自个儿找业务员, cw3-f).
_SENT_TO_AGENT = re.compile(
    r"(?<![帮替给])(?<!不用)(?<!不必)(?<!无需)(?<!用不着)(?<!不需要)(您|你)(?:(?!不|别|甭|无需|没必要)[^，,。！？!?；;…]){0,6}?(问问|问一下|问|找找|找一下|找|联系一下|联系|咨询|打给)"
    r"(一下)?(您|你)?(的|那个|那位|当时的|当初的)*" + SALESPERSON)
# A goal that forbids it: 不推给业务员 (ci-claim-declined), 不推给业务员个人 (dividend-below-promise), 不要甩给代理人.
_FORBIDDEN_BY = re.compile(r"(不|不要|不能|不得|别|避免)(推给|推到|推诿给|甩给|转给|让客户(去)?找)[^，,。；;]{0,2}" + SALESPERSON)

ADVICE = Worded("这个情景要求不推给业务员：理赔结论、复核和投诉都由公司负责，让客户自己去问业务员就是把责任推了出去。"
                "告诉客户公司的复核或投诉途径，由您来登记、跟进。",
                "This scenario says not to send the customer to the salesperson: the decision, its review and any "
                "complaint are the company's to handle, and telling the customer to go and ask their salesperson pushes "
                "that away. Give the company's own route (a review, a complaint) and register it yourself.")
# Said in every scenario whose goal forbids it (a declined claim, a dividend below the salesperson's promise): no claim's
# review in it (judge53b: 您有新的检查报告可以申请复核 was the lesson on the dividend call too).
BETTER = Worded("这件事由公司来处理，不用您再去找业务员：我现在就帮您登记，后面有专门的同事跟进，处理结果会告诉您。",
                "The company handles this, so you don't need to go back to the salesperson: I'll register it for you now, "
                "a colleague will follow it up, and we'll let you know the outcome.")


def sent_to_their_agent(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that send the customer to their salesperson (你可以先问问你的业务员)."""
    return [(m.start(), m.end()) for m in _SENT_TO_AGENT.finditer(text)]


def forbids_sending_to_agent(goals: Sequence[str]) -> bool:
    """A goal of the scenario says not to push the customer onto the salesperson (不推给业务员)."""
    return any(_FORBIDDEN_BY.search(goal) for goal in goals)


def pushed_onto_agent(text: str, goals: Sequence[str]) -> list[Evidence]:
    """A blame fault for each clause of `text` that sends the customer to their salesperson, when `goals` forbid it."""
    if not forbids_sending_to_agent(goals):
        return []
    return [Evidence("blame", False, spoken_clause(text, start, end), ADVICE, BETTER, clause_only=True)
            for start, end in sent_to_their_agent(text)]


def spoken_clause(text: str, start: int, end: int) -> str:
    """The clause around [start, end), a trailing-off … ending one too: her 或者…如果有新的检查报告…可以补充材料申请复核
    after it is the review route, still credited (the fault is this clause's only, `Evidence.clause_only`)."""
    left, right = span_bounds(text, start, end, CLAUSE_MARKS)
    while right < len(text) and text[right] in CLAUSE_MARKS:  # the marks that end it, as she typed them (…，)
        right += 1
    return text[left:right].strip()
