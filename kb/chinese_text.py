"""Chinese text as rules are stated in it: quantities (number + unit) and sentences and clauses.

One parser for everyone who compares figures: the quiz blanks and swaps them, the dialogue
judge checks the ones an agent says against the FAQ answers. Both must agree that 15日, 15天
and 十五天 are the same period, that 18周岁 is 18岁, and that 3月15日, 2023年, 第十五条 and
一年期 are not quantities at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
_NUMERALS = "零一二三四五六七八九"
# Every spelling of a unit -> its one normalised form.
UNITS = {
    "个工作日": "工作日", "工作日": "工作日", "个月": "个月", "周岁": "岁", "岁": "岁", "小时": "小时",
    "万元": "万元", "天": "日", "日": "日", "年": "年", "元": "元", "%": "%", "％": "%", "倍": "倍",
    "块钱": "元", "块": "元", "角": "角", "毛钱": "角", "毛": "角",  # money as it is said (扣10块钱工本费: judge51b)
}
# Units a quantity is read in as a fraction of another: 5毛 / 五毛钱 / 5角 are 0.5元, the unit every figure of money in the
# content is stated in (judge51b read them as 5角, a figure no entry states, so nothing judged it).
_FRACTION_OF = {"角": ("元", 10)}
# Spoken money units that are also other words right before these characters: 三块地, 两块儿, 一块头 (a bare 一 is no
# figure anyway: 一块补上 "together", 这一块 "this part", 分之一毛保费); 五毛病 is no amount.
_NOT_A_UNIT_BEFORE = {"块": "儿头地状糖", "毛": "病笔衣巾发"}
# Possessive quantifiers (++, *+) never give back what they matched, and a number always
# matches to its end (the unit is optional), so scanning a 100,000-digit reply is linear: the
# old `\d+ \s* unit` pattern retried every suffix of a digit run and took minutes.
_NUMBER = r"\d++(?:\.\d++)?+|[零〇一二两三四五六七八九十百千]++(?:(?<=十)几)?+"
_UNIT = "|".join(re.escape(u) + (f"(?![{_NOT_A_UNIT_BEFORE[u]}])" if u in _NOT_A_UNIT_BEFORE else "")
                 for u in sorted(UNITS, key=len, reverse=True))
_RANGE_JOIN = r"\s*+(?:到|至|-|－|~|～|—)\s*+"
# A range states both ends with one unit (15到30日, 10-15天, 十至十五天): each end is a quantity.
# 三成 is 30 %. 八成 / 九成 before a verb or modal is the adverb "most likely" (他八成是忘了, 八成能够上), no ratio: read as
# 80 % it was judged against the mild-cover cap (30 %) and faulted 数据错误 in a good reply (calls45, a call of its own in
# Jinan speech). Of an amount (保额的八成就是八万, 贷八成) it stays a ratio; the train split's eleven 成 ratios (现金价值的八成，/
# 八成左右 / 保额七成走的) all read as before.
_LIKELY = "是能会要就得也没不还已可够过准肯怕"
_QUANTITY = re.compile(
    r"(?P<percent>百分之(?P<pvalue>" + _NUMBER + r"))"
    r"|(?P<tenths>[一二两三四五六七八九]|\d)成(?![功为立本员年人交])(?<!(?<![的贷借赔报付退到按])[八九]成(?=[" + _LIKELY + r"]))"
    r"|(?:(?P<low>" + _NUMBER + r")" + _RANGE_JOIN + r")?(?P<value>" + _NUMBER + r")(?:\s*+(?P<unit>" + _UNIT + r"))?"
)
SENTENCE_ENDS = "。！？!?；;\n"
FULL_STOPS = "。！？!?\n"
CLAUSE_ENDS = "，," + SENTENCE_ENDS


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

    @property
    def in_digits(self) -> bool:
        """Written with Arabic digits (15日), not numerals (十五日, 百分之三十)."""
        return self.text[:1].isdigit()

    def __str__(self) -> str:
        return f"{format_number(self.value)}{self.unit}"


def parse_number(text: str) -> float | None:
    """15 -> 15, 十五 -> 15, 一百八十 -> 180, 两 -> 2, 三十 -> 30; None when it is not a number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char] if digit is None else digit * 10 + _DIGITS[char]  # 一八〇-style digit strings
        elif char in _MULTIPLIERS:
            total += (1 if digit is None else digit) * _MULTIPLIERS[char]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


# Two numerals side by side at the end of a number are an estimate, not one figure: 一两天 is 1–2 days (not 12),
# 二十七八岁 27–28, 三五天 3–5. Neighbouring digits (七八) and the idiom 三五 only: 七九 or 一八 spell a figure
# digit by digit (一八年 is 2018). The pair may count tens or hundreds (一百二三十天 120–130, not 330; 两三百元
# 200–300), and 十几 / 二十几 is 11–19 / 21–29 (judge20: it stated no figure).
_APPROXIMATE_PAIRS = {(a, a + 1) for a in range(1, 9)} | {(3, 5)}
_ESTIMATE_UNITS = {"十": 10, "百": 100, "千": 1000}
_NEXT_UNIT = {1: "十", 10: "百", 100: "千", 1000: "万"}


def approximate_range(text: str) -> tuple[float, float] | None:
    """一两 -> (1, 2), 二十七八 -> (27, 28), 三五 -> (3, 5), 一百二三十 -> (120, 130), 十几 -> (11, 19);
    None when `text` is not such an estimate."""
    if len(text) >= 2 and text.endswith("几"):
        head = text[:-1]
        if not head.endswith("十") or head.strip("十一二三四五六七八九"):
            return None  # 几 alone (a few) or 几十 (tens of) states no figure
        base = parse_number(head)
        return None if base is None else (base + 1, base + 9)
    scale = _ESTIMATE_UNITS.get(text[-1:], 1) if len(text) >= 3 else 1
    digits = text[:-1] if scale > 1 else text
    if len(digits) < 2 or digits[-2] not in _DIGITS or digits[-1] not in _DIGITS:
        return None
    pair = (_DIGITS[digits[-2]], _DIGITS[digits[-1]])
    head = digits[:-2]
    if pair not in _APPROXIMATE_PAIRS or head.strip("十百千一二两三四五六七八九"):
        return None
    if head and not head.endswith(_NEXT_UNIT[scale]):
        return None  # 一二三, 百二三 (the ones after 百), 十二三十: not an estimate of the next place down
    base = parse_number(head) if head else 0.0
    return None if base is None else (base + pair[0] * scale, base + pair[1] * scale)


def chinese_numeral(value: int) -> str:
    """1 … 99 in Chinese numerals (十五, 六十); other values as digits."""
    if not 0 < value < 100:
        return str(value)
    tens, ones = divmod(value, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return text + (_NUMERALS[ones] if ones else "")


def format_number(value: float) -> str:
    """15.0 -> "15", 1.5 -> "1.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def unit_spellings(unit: str) -> set[str]:
    """Every spelling of the unit `unit` is written in (日 -> {日, 天}; 周岁 -> {周岁, 岁})."""
    normal = UNITS.get(unit, unit)
    return {spelling for spelling, form in UNITS.items() if form == normal} | {unit}


def _is_date_or_label(text: str, match: re.Match, unit: str, value: float) -> bool:
    before = text[max(0, match.start() - 1):match.start()]
    after = text[match.end():match.end() + 1]
    if unit == "日" and before == "月":
        return True  # 3月15日
    if unit == "年" and value >= 1900:
        return True  # 2023年
    if unit == "年" and after == "期":
        return True  # 一年期以上 (a product class, not a period being stated)
    if before == "第" or (before.isdigit() or before == "."):
        return True  # 第十五条, 第3年 (an ordinal); the tail of a longer figure
    return False


# 几十天, 数百元, 上千元, 好几十万: tens or hundreds of, no figure (几十天 was read as 10日, the 十 after 几).
_VAGUE_BEFORE = {"十": "几数", "百": "几数上", "千": "几数上"}


def _vague_tens(text: str, start: int) -> bool:
    """The number at `start` begins with 十, 百 or 千 right after 几 / 数 (上 before 百, 千): a vague amount."""
    return start > 0 and text[start - 1] in _VAGUE_BEFORE.get(text[start], "")


def quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order."""
    found = []
    for match in _QUANTITY.finditer(text or ""):
        if match.group("tenths"):
            tenths = parse_number(match.group("tenths"))
            if tenths is not None:
                found.append(Quantity(tenths * 10, "%", match.group(0), match.start(), match.end()))
            continue
        if match.group("percent"):
            value = parse_number(match.group("pvalue"))
            unit = "%"
        elif match.group("unit") is None:
            continue  # a bare number: consumed whole, so no later match starts inside it
        else:
            raw = match.group("value")
            if raw == "一" or _vague_tens(text, match.start("value")):
                continue  # a bare 一 is usually a word (一天, 一年期), not a figure worth checking
            value = parse_number(raw)
            unit = UNITS[match.group("unit")]
            estimate = approximate_range(raw) if not match.group("low") else None
            if estimate is not None and not _is_date_or_label(text, match, unit, estimate[1]):
                # each end on its own, as a stated range is (一两天 -> 1日 and 2日), both quoting the words said
                found.extend(Quantity(end, unit, match.group(0), match.start(), match.end()) for end in estimate)
                continue
        if value is None or _is_date_or_label(text, match, unit, value):
            continue
        low = match.group("low") if not match.group("percent") and not _vague_tens(text, match.start("low")) else None
        low_value = parse_number(low) if low else None
        if low_value is not None:
            found.append(Quantity(low_value, unit, f"{low}{match.group('unit')}", match.start("low"), match.end("low")))
        start = match.start("value") if low_value is not None else match.start()
        found.append(Quantity(value, unit, text[start:match.end()], start, match.end()))
    return [_in_whole_units(q) for q in found]


def _in_whole_units(quantity: Quantity) -> Quantity:
    """`quantity` in the unit it is a fraction of (5角 → 0.5元), else as it is."""
    if quantity.unit not in _FRACTION_OF:
        return quantity
    unit, parts = _FRACTION_OF[quantity.unit]
    return Quantity(quantity.value / parts, unit, quantity.text, quantity.start, quantity.end)


# ---- sentences and clauses ---------------------------------------------------------------------

def sentence_spans(text: str, ends: str = SENTENCE_ENDS) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`, its closing punctuation included."""
    pattern = re.compile(f"[^{re.escape(ends)}]+[{re.escape(ends.replace(chr(10), ''))}]?")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text or "") if m.group(0).strip()]


def sentences(text: str, ends: str = SENTENCE_ENDS) -> list[str]:
    """The sentences of `text`, trimmed, leaving out those that are only punctuation."""
    return [s.strip() for _, _, s in sentence_spans(text, ends) if s.strip().strip("。；")]


def span_bounds(text: str, start: int, end: int, ends: str = SENTENCE_ENDS) -> tuple[int, int]:
    """The bounds of the stretch of `text` around [start, end) that no mark in `ends` interrupts
    (the mark itself left out): the sentence or clause a match sits in."""
    left = start
    while left > 0 and text[left - 1] not in ends:
        left -= 1
    right = end
    while right < len(text) and text[right] not in ends:
        right += 1
    return left, right


def _span(text: str, start: int, end: int, ends: str) -> str:
    left, right = span_bounds(text, start, end, ends)
    if right < len(text):
        right += 1  # keep the punctuation mark: 吗？ reads better than 吗
    return text[left:right].strip() or text[start:end]


def clause_at(text: str, start: int, end: int) -> str:
    """The comma-delimited clause of `text` around [start, end): a short verbatim quote."""
    return _span(text, start, end, CLAUSE_ENDS)


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` around [start, end) (commas do not end it)."""
    return _span(text, start, end, SENTENCE_ENDS)
