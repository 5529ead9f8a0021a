"""Durations in a customer's words (停了一年多, 买了才五天, 第六十五天) and the entries they decide.

Some answers depend on how long something has lasted: a policy suspended for 一年多 can
still be reinstated, one suspended for 满两年 cannot. content/durations.yaml says which
entries cover which spans; a query that names a span favours the entries covering it
over those excluding it (search.NUMBER_BONUS / NUMBER_PENALTY). Numbers are read by
kb.chinese_text.parse_number; this module adds what only speech needs: approximate spans
(多, 来, 几, 半) and the units people count time in (礼拜, 星期, 周).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.chinese_text import approximate_range, parse_number

DAYS_PER_UNIT = {"天": 1, "日": 1, "周": 7, "礼拜": 7, "星期": 7, "月": 30, "个月": 30, "年": 365}
_NUMBER = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百几]+"
_UNIT = r"个月|个礼拜|个星期|礼拜|星期|天|日|周|月|年"
_SPAN = re.compile(rf"半(?P<half_unit>个月|年)|(?P<number>{_NUMBER})个?(?P<approx>多|来)?个?(?P<unit>{_UNIT})(?P<after>半|多)?")
# A day named relative to today says how long a policy has been held when the clause says it was bought, signed
# or received then: 保单昨天才送到 is 1 day, 上礼拜买的 1–13 days, 前年投保的 1–3 years. Other events dated so (前年住院,
# 犹豫期前天到期了) say nothing of the policy's age. (今天 is left out: 今天第十八天了 names its span outright.)
RELATIVE_DAYS = {"大前天": (3, 4), "前天": (2, 3), "昨天": (1, 2), "上个礼拜": (1, 14), "上个星期": (1, 14),
                 "上礼拜": (1, 14), "上星期": (1, 14), "上周": (1, 14), "上个月": (1, 61), "上月": (1, 61),
                 "去年": (1, 731), "前年": (366, 1096)}
_RELATIVE = re.compile("(" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")[^，,。.！!？?；;\s]{0,8}?(?:买|签|收到|送到|投保)")
# Being inside a span is everything up to its end: 还在十五天里面, 在那十五天里头 are 0–15 days, not the fifteenth day
# (which a rule ending at 15天 excludes: the cooling-off entries were pushed down for 还在十五天里面). Only with 在
# before it: 三十天内必须退钱 is a deadline and 不到两年不赔 a rule's bound, not how long the policy has been held
# (both read as bounds moved a right first answer down: docs/benchmarks.md, search19b).
_INSIDE = re.compile(r"在[那这]?(?:个)?$")
WITHIN_AFTER = ("以内", "之内", "内", "里面", "里头", "里", "之中", "当中")
# 几天 / 几年 asks (钱几天能到, 要交几年) unless a word before it states an amount: 才几天, 买了几天, 好几年, 这几天.
_STATED_FEW = "了才没好这过前"


@dataclass(frozen=True)
class Span:
    """A duration in days, from `low` (inclusive) to `high` (exclusive)."""

    low: float
    high: float

    def overlaps(self, other: "Span") -> bool:
        return self.low < other.high and other.low < self.high


def chinese_number(text: str) -> tuple[float, float] | None:
    """Value range of a spoken number: 十七 → 17–17, 几 → 2–9, 十几 → 11–19, 七八 → 7–8, 二十七八 → 27–28
    (an estimate, `kb.chinese_text.approximate_range`; kb.chinese_text for the rest)."""
    estimate = approximate_range(text)
    if estimate is not None:
        return estimate
    if "几" not in text:
        value = parse_number(text)
        return (value, value) if value else None
    if text.endswith("几") and len(text) > 1:
        base = parse_number(text[:-1])
        return (base + 1, base + 9) if base else None
    return 2.0, 9.0


def query_spans(text: str) -> list[Span]:
    """Every duration the query names, as day ranges (一年多 → 365–730, 七十多天 → 70–80, 昨天 → 1–2)."""
    spans = [Span(*RELATIVE_DAYS[m.group(1)]) for m in _RELATIVE.finditer(text)]
    for match in _SPAN.finditer(text):
        if match["number"] == "几" and text[match.start() - 1:match.start()] not in _STATED_FEW or \
                match["number"] == "几" and match.start() == 0:
            continue  # a question (几天能到账), not a stated span
        if match["half_unit"]:
            days = DAYS_PER_UNIT[match["half_unit"]] / 2
            spans.append(Span(days, days + 1))
            continue
        approx, after = match["approx"], match["after"]
        value = chinese_number(match["number"])
        if value is None:
            continue
        low, high = value
        unit_days = DAYS_PER_UNIT[match["unit"].replace("个", "")]
        if after == "半":
            low, high = low + 0.5, high + 0.5
        if approx == "多" or after == "多":
            step = 10 if low >= 10 and low % 10 == 0 else 1
            high += step
        elif approx == "来":
            low, high = low * 0.8, high * 1.2
        if text.startswith(WITHIN_AFTER, match.end()) and _INSIDE.search(text[:match.start()]):
            low = 0.0
        spans.append(Span(low * unit_days, max(high * unit_days, low * unit_days + 1)))
    return spans


def parse_limit(text: str) -> float | None:
    """A rule's bound such as 15天, 2年, 60日 in days (None if it does not parse)."""
    spans = query_spans(text)
    return spans[0].low if len(spans) == 1 else None


@dataclass(frozen=True)
class DurationRule:
    """Entry `entry` answers for spans from `min_days` up to (not including) `max_days`."""

    entry: str
    min_days: float = 0.0
    max_days: float = math.inf
    line: int = 0

    def judge(self, spans: list[Span]) -> int:
        """+1 when a query span falls in the rule, -1 when every span falls outside, 0 without spans."""
        if not spans:
            return 0
        covered = Span(self.min_days, self.max_days)
        return 1 if any(span.overlaps(covered) for span in spans) else -1


@dataclass(frozen=True)
class StatedSpan:
    """Words that state a span without a number: 过了犹豫期 is 15 days or more, 还在犹豫期 under 15 (durations.yaml
    `stated`), so the rules judge 犹豫期过了退保能退多少 as they judge 买了二十天退保能退多少."""

    words: tuple[str, ...]
    span: Span
    line: int = 0

    def found_in(self, text: str) -> bool:
        return any(word in text for word in self.words)


def stated_spans(text: str, stated: "tuple[StatedSpan, ...] | list[StatedSpan]") -> list[Span]:
    """The spans the query states in words (stated phrases found in `text`)."""
    return [phrase.span for phrase in stated if phrase.found_in(text)]

