"""Chinese ordinal numbers as regulations write them: 第一百一十六条, （十二）, 二○一○.

Article numbers must be read (to check 第X条 follows 第X-1条) and written (to label an
article the same way however a citation spelt it: 第16条 → 第十六条).
"""

from __future__ import annotations

import re

from kb import chinese_text

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
_WRITE_DIGITS = "零一二三四五六七八九"


def parse_number(text: str) -> int | None:
    """一百一十六 -> 116, 十二 -> 12, 16 -> 16; None when `text` is not a whole number (kb.chinese_text reads it)."""
    value = chinese_text.parse_number(text.strip()) if text and text.strip() else None
    return int(value) if value is not None and value == int(value) else None


def write_number(value: int) -> str:
    """116 -> 一百一十六, 10 -> 十, 105 -> 一百零五 (the way statutes number articles)."""
    if value <= 0:
        return str(value)
    if value < 100:
        return chinese_text.chinese_numeral(value)
    parts, zero_pending = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit:
            if zero_pending:
                parts.append("零")
            parts.append(_WRITE_DIGITS[digit] + name)
            zero_pending = False
        elif parts:
            zero_pending = True
    text = "".join(parts)
    return text


ORDINAL = re.compile(rf"[{NUMERAL_CHARS}]+|\d+")
