"""Placeholders in a script: the blanks a live agent fills in (工号XXXX, 目前的状态是X, 大约是X元, XX人寿, ×××先生,
{姓名}, 某某). An FAQ script may hold them — on a live call the agent says the real figure — but a line the practice
call offers as said (a model answer, a hint, a better wording) must not: a trainee read "…目前的状态是X。" as the
wording to use (polish27).
"""

from __future__ import annotations

import re

from kb.chinese_text import sentences

# A run of X / × not part of a Latin word or a figure (X光, 3×5, CTX are none), a {name} slot, 某某, a ___ blank.
PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])[XxＸｘ×]{1,4}(?![A-Za-z0-9光线])|\{[^{}\n]{0,30}\}|某某|_{2,}|＿{2,}")


def placeholders(text: str) -> list[str]:
    """The placeholders in `text`, in order (empty when it can be said as it is)."""
    return [m.group() for m in PLACEHOLDER.finditer(text or "")]


def sayable(text: str) -> str:
    """`text` without its sentences that hold a placeholder (line breaks kept); "" when none is left."""
    lines = ["".join(s for s in sentences(line) if not placeholders(s)) for line in (text or "").strip().splitlines()]
    return "\n".join(line.strip() for line in lines if line.strip())
