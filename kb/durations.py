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
from dataclasses import dataclass, field

from kb.chinese_text import approximate_range, parse_number

DAYS_PER_UNIT = {"天": 1, "日": 1, "周": 7, "礼拜": 7, "星期": 7, "月": 30, "个月": 30, "年": 365}
_NUMBER = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百几]+"
_UNIT = r"个月|个礼拜|个星期|礼拜|星期|天|日|周|月|年"
_SPAN = re.compile(rf"半(?P<half_unit>个月|年)|(?P<number>{_NUMBER})个?(?P<approx>多|来|半)?个?(?P<unit>{_UNIT})(?P<after>半|多)?")
# A day named relative to today says how long a policy has been held when the clause says it was bought, signed
# or received then: 保单昨天才送到 is 1 day, 上礼拜买的 1–13 days, 前年投保的 1–3 years. Other events dated so (前年住院,
# 犹豫期前天到期了) say nothing of the policy's age. (今天 is left out: 今天第十八天了 names its span outright.)
RELATIVE_DAYS = {"大前天": (3, 4), "前天": (2, 3), "昨天": (1, 2), "上个礼拜": (1, 14), "上个星期": (1, 14),
                 "上礼拜": (1, 14), "上星期": (1, 14), "上周": (1, 14), "上个月": (1, 61), "上月": (1, 61),
                 "去年": (1, 731), "前年": (366, 1096)}
# The same day names date a missed premium when the clause says it was not paid or not debited then (search51b, qa26
# S1): 上个月保险钱没扣成 is a premium unpaid 1–61 days, inside the grace period (保险法第三十六条: 60 days), not a
# suspension. Only words for a payment missed: 上个月停了 / 失效了 may date the suspension itself.
MISSED_PAYMENT_CUES = ("没交", "没缴", "未交", "未缴", "没扣", "未扣", "扣款失败", "扣费失败", "扣失败", "扣不了", "扣不上",
                       "欠费", "欠缴", "晚交", "迟交")
_HELD_VERBS = ("买", "签", "收到", "送到", "投保")
_RELATIVE = re.compile("(" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")[^，,。.！!？?；;\s]{0,8}?("
                       + "|".join(sorted((*_HELD_VERBS, *MISSED_PAYMENT_CUES), key=len, reverse=True)) + ")")
# Being inside a span is everything up to its end: 还在十五天里面, 在那十五天里头 are 0–15 days, not the fifteenth day
# (which a rule ending at 15天 excludes: the cooling-off entries were pushed down for 还在十五天里面). Only with 在
# before it: 三十天内必须退钱 is a deadline and 不到两年不赔 a rule's bound, not how long the policy has been held
# (both read as bounds moved a right first answer down: docs/benchmarks.md, search19b).
_INSIDE = re.compile(r"在[那这]?(?:个)?$")
WITHIN_AFTER = ("以内", "之内", "内", "里面", "里头", "里", "之中", "当中")
# A span with no end (search50): 断交两年以上, 超过两年没交 are two years or more, not the two-year day; with the lapse
# rules' bound at 2年60天 the first read as exactly two years lost lapse-permanent-termination, whose own variant it is.
AT_LEAST_AFTER = ("以上", "之上", "开外")
_AT_LEAST_BEFORE = re.compile(r"(?:超过|超出|多于|(?<![不没未])满)$")
# Spans said one after the other in falling units are one span (search50): 两年零三个月, 一年又两个月, 2年60天 (a rule's
# bound). Read apart, 两年零三个月 was two years (and three months), which the reinstatement rule (to 2年60天) covers.
TOGETHER = ("", "又", "零")
# 几天 / 几年 asks (钱几天能到, 要交几年) unless a word before it states an amount: 才几天, 买了几天, 好几年, 这几天.
_STATED_FEW = "了才没好这过前"
# A four-digit number before 年 is a year of the calendar: 我2018年买的重疾险 was read as 2,018 years held, which every
# "at least" rule covers (uw-incontestable-two-years, lapse-permanent-termination, ci-old-policy-definition).
_CALENDAR_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# Which quantity a span measures (search22b). The rules measure one of two things: how long the policy has been
# held (`held`: the cooling-off period, the incontestable period, a surrender after it) or how long premiums have
# gone unpaid (`lapse`: the grace period, suspension, reinstatement, termination after two years). 交满三年了 is a
# policy held three years, not a lapse of three (lapse-permanent-termination came first for 这保单我要撤了，交满三年了);
# 断了仨月没交 is a lapse. A span that dates a death, an illness or a declined claim measures neither and is dropped:
# 老头子走了三年才找到保单 asks for the death-claim limitation, and gave the two-year rules a bonus.
_CLAUSE_END = re.compile(r"[，,。.！!？?；;、\s]")
_LAPSE_CUES = ("停", "断", "没交", "没缴", "莫交", "冇交", "未交", "不交", "唔交", "没续", "欠费", "欠缴", "中止",
               "失效", "过期", "拖", "晚交", "迟交", "晚缴", "迟缴", *MISSED_PAYMENT_CUES)
# How far from the span its cue may stand, in characters: 才买了5天俺老汉就在地里摔断了腿 is a policy held five days
# (断 is a broken leg, twelve characters on).
_CUE_BEFORE, _CUE_AFTER = 8, 4
_HELD_CUES = ("买", "签", "收到", "送到", "拿到", "寄到", "投保", "交了", "交满", "缴了", "缴满", "交够", "保了", "生效")
# An event before the span (走了三年, 过身咗三年, 被拒三年了) or dated by it (三年前做的手术, 三个月前已经过身); premiums
# still to pay (还差8年没交完, 还剩5年没交) are no time passed either. (犹豫期就剩三天了 stays: still inside the period.)
_EVENT_BEFORE = re.compile(r"(?:(?:走|没)(?:了|咗)|(?:死|去世|过世|过身|离世|病故|被拒|拒赔)(?:了|咗|掉)?)(?:都|已经|有)?$")
_EVENT_AFTER = ("过身", "去世", "过世", "离世", "走", "死", "手术", "住院", "确诊", "查出", "出事", "病", "拒")


@dataclass(frozen=True)
class Span:
    """A duration in days, from `low` (inclusive) to `high` (exclusive)."""

    low: float
    high: float
    # What it measures: "held", "lapse" or "" (unknown: judged by every rule). Not part of equality: the same days.
    measures: str = field(default="", compare=False)

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
    spans = [Span(*RELATIVE_DAYS[m.group(1)], "lapse" if m.group(2) in MISSED_PAYMENT_CUES else "held")
             for m in _RELATIVE.finditer(text)]
    previous: tuple[int, float] | None = None  # where the last numbered span ended, and its unit in days
    for match in _SPAN.finditer(text):
        if match["number"] == "几" and text[match.start() - 1:match.start()] not in _STATED_FEW or \
                match["number"] == "几" and match.start() == 0:
            continue  # a question (几天能到账), not a stated span
        measures = span_measures(text, match.start(), match.end())
        if measures == "event":
            continue
        if match["half_unit"]:
            days = DAYS_PER_UNIT[match["half_unit"]] / 2
            spans.append(Span(days, days + 1, measures))
            continue
        approx, after = match["approx"], match["after"]
        if match["unit"] == "月" and "个" not in match.group(0) and not approx and not after:
            continue  # a month of the year (去年十月, 3月份买的, 现在都十月了), not ten months
        if match["unit"] == "年" and _CALENDAR_YEAR.fullmatch(match["number"]) and not approx and not after:
            continue  # a year of the calendar (2018年买的, 2020年停交的), not two thousand years (search51)
        value = chinese_number(match["number"])
        if value is None:
            continue
        low, high = value
        unit_days = DAYS_PER_UNIT[match["unit"].replace("个", "")]
        if after == "半" or approx == "半":  # 一年半, 一个半月
            low, high = low + 0.5, high + 0.5
        if approx == "多" or after == "多":
            step = 10 if low >= 10 and low % 10 == 0 else 1
            high += step
        elif approx == "来":
            low, high = low * 0.8, high * 1.2
        if text.startswith(WITHIN_AFTER, match.end()) and _INSIDE.search(text[:match.start()]):
            low = 0.0
        if text.startswith(AT_LEAST_AFTER, match.end()) or _AT_LEAST_BEFORE.search(text[:match.start()]):
            high = math.inf
        span = Span(low * unit_days, max(high * unit_days, low * unit_days + 1), measures)
        if previous and previous[1] > unit_days and text[previous[0]:match.start()] in TOGETHER:
            span = _added(spans.pop(), span)
        spans.append(span)
        previous = match.end(), unit_days
    return spans


def _added(larger: Span, smaller: Span) -> Span:
    """两年 and 零三个月 said together: one span of two years and three months (820 days), not two spans."""
    return Span(larger.low + smaller.low, larger.low + smaller.high, larger.measures or smaller.measures)


def span_measures(text: str, start: int, end: int) -> str:
    """What the span text[start:end] measures, read in its clause: "lapse", "held", "event" (a death, an illness
    or a declined claim: no rule's) or "" (nothing says)."""
    before = _CLAUSE_END.split(text[:start])[-1][-_CUE_BEFORE:]
    clause_after = _CLAUSE_END.split(text[end:])[0]
    after = clause_after[:_CUE_AFTER]
    if _EVENT_BEFORE.search(before) or before.endswith(("还差", "还剩", "剩下")) and "交" in after:
        return "event"
    if clause_after.startswith("前") and any(cue in clause_after for cue in _EVENT_AFTER) \
            and not any(cue in clause_after for cue in (*_HELD_CUES, *_LAPSE_CUES)):
        return "event"
    if any(cue in before or cue in after for cue in _LAPSE_CUES):
        return "lapse"
    if any(cue in before for cue in _HELD_CUES):
        return "held"
    return ""


def parse_limit(text: str) -> float | None:
    """A rule's bound such as 15天, 2年, 60日 or 2年60天 (two years and the grace period: search50) in days; None
    if it does not parse or says more than durations back to back."""
    parts = list(_SPAN.finditer(text))
    if not parts or "".join(part.group(0) for part in parts) != text:
        return None
    spans = query_spans(text)
    return spans[0].low if len(spans) == 1 else None


@dataclass(frozen=True)
class DurationRule:
    """Entry `entry` answers for spans from `min_days` up to (not including) `max_days`."""

    entry: str
    min_days: float = 0.0
    max_days: float = math.inf
    line: int = 0
    # What the rule's span measures ("held" or "lapse", durations.yaml `measures`); "" judges every span.
    measures: str = ""

    def judge(self, spans: list[Span]) -> int:
        """+1 when a query span falls in the rule, -1 when every span falls outside, 0 without spans (spans that
        measure something else than the rule does are left out)."""
        spans = [s for s in spans if not (self.measures and s.measures and s.measures != self.measures)]
        if not spans:
            return 0
        return 1 if any(self.covers(span) for span in spans) else -1

    def covers(self, span: Span) -> bool:
        """An open span (两年以上, 过了犹豫期) when it reaches the rule; a closed one when at least half of it is in
        the rule (search50): 两年多 (730–1095 days unpaid) is the termination's, although its first 60 days are
        still within reinstatement's 2年60天."""
        covered = Span(self.min_days, self.max_days)
        if not span.overlaps(covered) or math.isinf(span.high):
            return span.overlaps(covered)
        inside = min(span.high, self.max_days) - max(span.low, self.min_days)
        return inside >= (span.high - span.low) / 2


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

