"""你 for 您: a service-norm note in the call report, not a scored fault (qa26 J2, the lead's call).

小周 said 你 to her customers throughout (你可以先问问你的业务员, 还有其他我能帮你的吗？) and the report never said so. The
norm is the desk's (content/faq/service-norms.yaml: 全程用“您”); a week-1 agent is told, once per call, with up to three
of her own clauses, and no points move: the judge's verdicts and the score read nothing here.
"""

from __future__ import annotations

import re
from typing import Sequence

from trainer.dialogue.scoring import Utterance
from trainer.dialogue.wording import Worded

MAX_QUOTES = 3
# 你 said to the customer: not 你们 (the customer's company, said back: 你们公司), nor inside the customer's words the agent
# quotes (“你们App上说…”: quotation marks)
_INFORMAL = re.compile(r"你(?!们)")
_CLAUSE = re.compile(r"[^，,。！？!?；;…～~]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def informal_clauses(transcript: Sequence[Utterance]) -> list[str]:
    """Each distinct clause of the agent's replies that addresses the customer as 你, in the order said."""
    found: list[str] = []
    for utterance in transcript:
        if utterance.speaker != "agent":
            continue
        for clause in _CLAUSE.findall(_QUOTED.sub(lambda m: "　" * len(m.group()), utterance.text)):
            clause = clause.strip("　 ")
            if _INFORMAL.search(clause) and clause not in found:
                found.append(clause)
    return found


def address_note(transcript: Sequence[Utterance]) -> Worded | None:
    """One line for the report when the agent said 你 to the customer (up to three of her clauses), else None."""
    clauses = informal_clauses(transcript)
    if not clauses:
        return None
    quotes = "、".join(f"“{c}”" for c in clauses[:MAX_QUOTES])
    quotes_en = ", ".join(f"“{c}”" for c in clauses[:MAX_QUOTES])
    more = "等" if len(clauses) > MAX_QUOTES else ""
    return Worded(f"服务规范（不计分）：称呼客户要用“您”，不用“你”。这通电话里说了 {len(clauses)} 处“你”，如{quotes}{more}。",
                  f"Service norm (not scored): address the customer as 您, not 你. This call said 你 {len(clauses)} "
                  f"time{'s' if len(clauses) > 1 else ''}, e.g. {quotes_en}{' and more' if more else ''}.")
