"""Quantities (number + unit) in Chinese text: 15日, 15天, 十五天, 两年, 5个工作日, 30%, 15倍, 三成.

A range states both ends with one unit (10到15天, 10-15天, 十至十五天): each end is a quantity.

Fact checking compares the quantities an agent says with those in the FAQ answers, so both
sides must normalise the same way: 天 and 日 are the same unit, 十五 is 15, 两 is 2.
Calendar dates (3月15日, 2023年) are not quantities and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
_UNITS = {
    "个工作日": "工作日", "工作日": "工作日", "个月": "个月", "周岁": "岁", "小时": "小时", "万元": "万元",
    "天": "日", "日": "日", "年": "年", "岁": "岁", "元": "元", "%": "%", "％": "%", "倍": "倍",
}
_NUMBER = r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_RANGE_JOIN = r"\s*(?:到|至|-|－|~|～|—)\s*"
_QUANTITY = re.compile(
    r"(?P<percent>百分之(?P<pvalue>" + _NUMBER + r"))"
    r"|(?P<tenths>[一二两三四五六七八九]|\d)成(?![功为立本员年人交])"
    r"|(?:(?P<low>" + _NUMBER + r")" + _RANGE_JOIN + r")?(?P<value>" + _NUMBER + r")\s*(?P<unit>" + _UNIT + r")"
)


@dataclass(frozen=True)
class Quantity:
    """A number with its normalised unit, and where it was found."""

    value: float
    unit: str
    text: str
    start: int
    end: int

    @property
    def key(self) -> tuple[float, str]:
        return (self.value, self.unit)

    def __str__(self) -> str:
        number = int(self.value) if self.value == int(self.value) else self.value
        return f"{number}{self.unit}"


def chinese_number(text: str) -> float | None:
    """十五 -> 15, 一百八十 -> 180, 两 -> 2, 三十 -> 30; None when it is not a number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            if digit is not None:  # 一八〇-style digit strings
                digit = digit * 10 + _DIGITS[char]
            else:
                digit = _DIGITS[char]
        elif char in _MULTIPLIERS:
            total += (1 if digit is None else digit) * _MULTIPLIERS[char]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def _is_date_or_label(text: str, match: re.Match, unit: str, value: float) -> bool:
    before = text[max(0, match.start() - 1):match.start()]
    after = text[match.end():match.end() + 1]
    if unit == "日" and before == "月":
        return True  # 3月15日
    if unit == "年" and value >= 1900:
        return True  # 2023年
    if unit == "年" and after == "期":
        return True  # 一年期以上 (a product class, not a period being stated)
    if before == "第":
        return True  # 第十五条, 第3年 (an ordinal)
    return False


def quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order."""
    found = []
    for match in _QUANTITY.finditer(text or ""):
        if match.group("tenths"):
            value = chinese_number(match.group("tenths"))
            if value is not None:
                found.append(Quantity(value * 10, "%", match.group(0), match.start(), match.end()))
            continue
        if match.group("percent"):
            value = chinese_number(match.group("pvalue"))
            unit = "%"
        else:
            raw = match.group("value")
            if raw == "一":
                continue  # a bare 一 is usually a word (一天, 一年期), not a figure worth checking
            value = chinese_number(raw)
            unit = _UNITS[match.group("unit")]
        if value is None or _is_date_or_label(text, match, unit, value):
            continue
        low = match.group("low") if not match.group("percent") else None
        low_value = chinese_number(low) if low else None
        if low_value is not None:
            found.append(Quantity(low_value, unit, f"{low}{match.group('unit')}", match.start("low"), match.end("low")))
        start = match.start("value") if low_value is not None else match.start()
        found.append(Quantity(value, unit, text[start:match.end()], start, match.end()))
    return found
