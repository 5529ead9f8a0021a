"""Words that leave a rule or an amount to the contract or the check: they state nothing of it.

media-threat's model line 2 declines her demand "…因为理赔和退保金额都要按合同和核实结果来定。": it names 退保金额, a topic
term of the surrender-refund-amount entry, and is e5-close to that entry's answer, so it was taken as answering 那我现在要是
退保，到底能退多少？ and as meeting 讲清正常退保退还的是现金价值 — neither the cash value nor any amount is said (judge54b).
A clause that only says where the answer will come from (按合同…来定, 以合同条款为准, 要看核实结果) tells the customer
nothing of it; the sentence states the entry only if it does so outside such clauses.
"""

from __future__ import annotations

import re
from typing import Callable

from trainer.dialogue.numbers import quantities
from trainer.dialogue.segments import comma_pieces

# A clause that ends by leaving it to the contract, its terms or the check: 都要按合同和核实结果来定 / 以合同条款为准 /
# 具体看合同怎么定 / 要看审核结果. The source word must come before the deciding word, which ends the clause: 按合同约定退还
# 保单的现金价值 goes on to say what is paid, and is no deferral.
_DEFERRING = re.compile(
    r"((按|看|根据|依据|依照|以|凭)[^，,。！？!?；;]{0,12}?(合同|条款|核实|审核|核查|调查|审批|规定)[^，,。！？!?；;]{0,6}?"
    r"(来定|而定|为准|来决定|决定|确定|说了算|来算|定)"
    r"|看[^，,。！？!?；;]{0,6}?(核实|审核|核查|调查|审批)结果)"
    r"[的了吧呢啊哈]*[，,。！？!?；;…～~\s]*$")


def defers(clause: str) -> bool:
    """The clause only says where the answer will come from (the contract, the check) and states no figure."""
    return bool(_DEFERRING.search(clause)) and not quantities(clause)


def only_defers(sentence: str, states: Callable[[str], bool]) -> bool:
    """The sentence has a clause that leaves the point to the contract or the check, and outside such clauses it states
    nothing (`states`: whether words state something of the entry or step judged)."""
    pieces = comma_pieces(sentence) or [sentence]
    deferring = [p for p in pieces if defers(p)]
    return bool(deferring) and not states("".join(p for p in pieces if p not in deferring))
