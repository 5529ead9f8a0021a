"""A stage or period numbered in a fill-in answer, read the way a trainee may type it.

慢性肾脏病5期 is also written 慢性肾脏病五期 or 慢性肾脏病第5期, and a trainee filling …分期达到____ types the stage alone:
5期, 五期, 第五期 (qa30 Q1: each was marked wrong). Digits, Chinese numerals and an optional 第 name one stage; another
number (4期) is another stage.
"""

from __future__ import annotations

import re

from kb.chinese_text import format_number, parse_number

# 第 optional, then one number in digits or Chinese numerals, then 期. A unit between (一年期, 3个月期) is a term of
# cover, no stage, and is left as written.
_STAGE = re.compile(r"第?(\d+|[零〇一二两三四五六七八九十百]+)期")
# An answer that names what is staged and ends with its stage: 慢性肾脏病5期 (the name two characters at least).
_NAMED_STAGE = re.compile(r"^(?P<name>\D{2,}?)(?P<stage>\d+期)$")


def _in_digits(match: re.Match[str]) -> str:
    value = parse_number(match.group(1))
    return match.group(0) if value is None else f"{format_number(value)}期"


def fold_stages(text: str) -> str:
    """`text` (normalised) with every numbered stage written in digits without 第: 第五期 → 5期, 慢性肾脏病第5期 → 慢性肾脏病5期."""
    return _STAGE.sub(_in_digits, text)


def stage_alone(answer: str) -> str:
    """The stage of an answer that names what is staged (慢性肾脏病5期 → 5期), folded; "" for any other answer. The
    blank asks which stage (…分期达到____): the stage alone answers it."""
    match = _NAMED_STAGE.match(fold_stages(answer))
    return match.group("stage") if match else ""
