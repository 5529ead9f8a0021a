"""Words taken back: a promise in the very next reply (qa25 J9; the lead's rule, issue #12), a figure in the same breath
(qa26 J5) or in the next reply (judge53b).

Mei told a lapsed customer 补交保费就能复效，肯定没问题的 and, asked 你确定？, said next: 不好意思，我刚才说得太满了，能不能
复效要公司审核. The promise stays a red line — the customer heard a guarantee on a recorded line, and the cap stays — but the
report says the correction was right, so the trainee learns to do it again: the promise's lesson quotes the retraction.
What takes a promise back: the agent saying her own earlier words went too far or were wrong (我刚才说得太满了 / 刚才说错了 /
前面那句不准确 / 我更正一下 / 收回刚才的话) — not a hedge alone (能不能复效要公司审核 said on its own is the rule, no correction
of anything said).

A figure put right in the same reply is no wrong fact: 小周's 投诉的话…一般是7个工作日吧…啊不好意思不好意思我说错了，是收到投诉之日
起15日内给答复 was 事实错误 on the 7个工作日 she had just corrected. The customer heard the right figure last, said as the
correction; the report has nothing to teach but what she already did.
"""

from __future__ import annotations

import re

from kb.chinese_text import sentence_spans

_TAKEN_BACK = re.compile(
    r"(刚才|刚刚|前面|之前|上一句|那句)[^。！？!?]{0,8}(说得?太满|说得?太绝对|说得?太肯定|说得?不对|说错|讲错|说得?不准确?|说得?有误"
    r"|不严谨|不准确|有误|不对|口误|记错|搞错|弄错)"
    r"|(更正|纠正|收回)(一下|刚才|我刚才|前面)"
)


def retraction(text: str) -> str:
    """The sentence of `text` that takes back what the agent said before, or "" when none does."""
    return next((sentence.strip() for _, _, sentence in sentence_spans(text) if _TAKEN_BACK.search(sentence)), "")


# Said wrong in the same breath (说错了 / 口误 / 不对不对 / 更正一下 / 应该是 / 准确地说), no 刚才 needed: the figure is still in the air.
_SAID_WRONG = re.compile(r"说错|讲错|口误|记错|搞错|弄错|不对不对|更正|纠正|应该是|准确(地|的|来)?说")


def taken_back_between(text: str, start: int, end: int) -> bool:
    """`text` between `start` and `end` (after a figure, before the next) says the agent's own words were wrong."""
    said = text[start:end]
    return bool(_TAKEN_BACK.search(said) or _SAID_WRONG.search(said))


def corrects_itself(text: str) -> bool:
    """`text` says the agent's own earlier words were wrong (刚才说错了 / 刚才是我口误 / 更正一下 / 应该是): with the right
    figure of an entry the last reply got wrong, that figure is put right in the next reply (judge53b)."""
    return bool(_TAKEN_BACK.search(text) or _SAID_WRONG.search(text))
