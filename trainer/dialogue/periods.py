"""A waiting period said in another unit than the rule's (确诊满一年 against 180天; judge39c).

The fact checker compares a figure with a case fact of the same unit only, so "严重脑中风后遗症要等确诊满一年以后再评估"
(a tune-set bad call: the rule is 180 days after diagnosis, content ci-stroke-180-days) was credited as an explanation.
A period stated as a threshold (满 / 超过 … a figure, or a figure followed by 以后 / 之后 / 后 / 以内 / 内) in a clause
that names the rule's term is compared in days; months and years are approximate, so a figure within a tenth of the
rule is the rule (6个月 for 180天), anything else is wrong (一年 = 365 days).
"""

from __future__ import annotations

import re

from kb.chinese_text import Quantity
from kb.durations import DAYS_PER_UNIT

# The period units a fact checker's quantity carries, in days as the customer-duration reader counts them. A working day
# is a fifth of a week: 7个工作日 said for a rule of 15日 is a wrong figure (qa24 T6: 投诉…一般7个工作日内会给你答复 was no
# figure at all to the checker, and her question about the complaint's time limit was judged ignored instead, judge50).
WORKING_DAY = 7 / 5
DAYS = {**{unit: float(DAYS_PER_UNIT[unit]) for unit in ("日", "个月", "年")}, "工作日": WORKING_DAY}
DAY_UNITS = ("日", "工作日")  # days of either kind
# After the figure: the period runs from a date (一年以后, 180天内).
_RUNS_FROM = re.compile(r"^(以后|之后|后|以内|之内|内)")
TOLERANCE = 0.1


# 满一年 / 超过一个月 / 不到一天: a bare 一 is no quantity for `kb.chinese_text.quantities` (一天, 一年期 are words), but
# after a threshold word it is the figure of the rule.
_ONE_AFTER_THRESHOLD = re.compile(r"(?<=满|过|到)一(?P<unit>年|个月|天|日)")
_UNIT_OF = {"年": "年", "个月": "个月", "天": "日", "日": "日"}


def one_periods(text: str) -> list[Quantity]:
    """The periods of one year / month / day said after a threshold word (确诊满一年以后)."""
    return [Quantity(1.0, _UNIT_OF[m["unit"]], m.group(), m.start(), m.end()) for m in _ONE_AFTER_THRESHOLD.finditer(text)]


def in_days(quantity: Quantity) -> float | None:
    """The period in days, or None when the quantity is no period."""
    return quantity.value * DAYS[quantity.unit] if quantity.unit in DAYS else None


def stated_as_threshold(text: str, quantity: Quantity, compared: bool) -> bool:
    """The period is a threshold of the rule (`compared`: 满一年, 超过30天) or runs from a date (一年以后, 180天内)."""
    return compared or bool(_RUNS_FROM.search(text[quantity.end:quantity.end + 2]))


def same_period(said: Quantity, rule: Quantity) -> bool:
    """`said` states the rule's period: the same figure, or in another unit within `TOLERANCE` of it in days."""
    if said.unit == rule.unit:
        return said.value == rule.value
    days, expected = in_days(said), in_days(rule)
    return days is not None and expected is not None and abs(days - expected) <= TOLERANCE * expected
