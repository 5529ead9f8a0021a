"""Placeholders in a script: the blanks a live agent fills in (工号XXXX, 目前的状态是X, 大约是X元, XX人寿, ×××先生,
{姓名}, 某某). An FAQ script may hold them — on a live call the agent says the real figure — but a line the practice
call offers as said (a model answer, a hint, a better wording) must not: a trainee read "…目前的状态是X。" as the
wording to use (polish27).

A sentence is not left out for a blank it can do without (`SPARE_BLANKS`): a date that restates the period the sentence
has just given (…2年内，也就是X年X月X日前，…), a clause that only gives the period's last day (…，到X月X日为止), the
hotline's number after the word naming it. Left out whole, "从中止之日起2年内，也就是X年X月X日前，您都可以申请复效。" took
the 2 years with it, and the better wording for 这个恢复有时间限制吗？ no longer said the rule (polish28).
"""

from __future__ import annotations

import re
from typing import Protocol

from kb.chinese_text import sentences


class _Worded(Protocol):
    """An FAQ entry as far as its wording goes (kb.content.Entry; not imported: kb.content's script check imports
    this module through kb.script_states)."""

    script: str
    answer: str

_BLANK = r"[XxＸｘ×]"
# A run of X / × not part of a Latin word or a figure (X光, 3×5, CTX are none), a {name} slot, 某某, a ___ blank.
PLACEHOLDER = re.compile(rf"(?<![A-Za-z0-9]){_BLANK}+(?![A-Za-z0-9光线])|\{{[^{{}}\n]{{0,30}}\}}|某某|_{{2,}}|＿{{2,}}")
_DATE = rf"(?:{_BLANK}{{1,4}}年)?{_BLANK}{{1,2}}月{_BLANK}{{1,2}}日"
# Blanks a sentence says the same without: a date restating the period just given (its comma with it; a verb after
# it stays: …2年内，也就是X年X月X日前申请恢复效力 → …2年内申请恢复效力), a clause of its own giving only a period's
# last day, and the hotline's number (拨打客服热线XXXXX → 拨打客服热线).
SPARE_BLANKS = re.compile(rf"[，,]?(?:也就是|即){_DATE}(?:之前|以前|前)?"
                          rf"|[，,](?:截止到|截至|到|至){_DATE}(?:为止|结束|截止)?(?=[，,。；;！？!?]|$)"
                          rf"|(?<=热线){_BLANK}{{3,}}")


def placeholders(text: str) -> list[str]:
    """The placeholders in `text`, in order (empty when it can be said as it is)."""
    return [m.group() for m in PLACEHOLDER.finditer(text or "")]


def _said(sentence: str) -> str:
    """The sentence as it can be said: without its spare blanks, or "" when a blank it needs is left."""
    if not placeholders(sentence):
        return sentence
    spared = SPARE_BLANKS.sub("", sentence)
    return "" if placeholders(spared) else spared


def sayable(text: str) -> str:
    """`text` without the blanks it can do without and the sentences that still hold one (line breaks kept); "" when
    none is left."""
    lines = ["".join(_said(s) for s in sentences(line)) for line in (text or "").strip().splitlines()]
    return "\n".join(line.strip() for line in lines if line.strip())


def entry_wording(entry: _Worded) -> str:
    """What to say for an FAQ entry as a better wording (a wrong figure, an unanswered question): its script as it can
    be said (`sayable`), else its answer likewise — polish27: the refund-timing script's "…目前的状态是X。" was offered as
    the wording to use."""
    return sayable(entry.script) or sayable(entry.answer)
