"""Whether a figure in a rule is a bound (a cap or a floor), and which wrong figures a bound may be changed to.

The rule caps mild cover at 30 % of the severe sum (规范2.2) and products pay 20 %, 25 % or 30 %: a statement changed to
…按轻度赔付（≤重度保额25%） is true of a product paying 25 % and was marked false (qa30 Q3). A cap changed to less, or a
floor to more, says what some contract does; a cap raised (≤50%) or a floor lowered says a bound the rule does not set.
"""

from __future__ import annotations

import re

# The words right before a figure that make it an upper or a lower bound (…不得高于…的30%: "的" and the measured noun
# may stand between, within a short clause).
_CAP = re.compile(r"(?:≤|<|＜|不超过|不得超过|不应超过|不高于|不得高于|不应高于|最多|至多|最高)[^，。；,;≤≥]{0,16}$")
_FLOOR = re.compile(r"(?:≥|>|＞|不少于|不得少于|不低于|不得低于|至少|最少|最低)[^，。；,;≤≥]{0,16}$")


def bound(before: str) -> str:
    """"cap", "floor" or "" for a figure preceded by `before` (its sentence up to the figure)."""
    if _CAP.search(before):
        return "cap"
    if _FLOOR.search(before):
        return "floor"
    return ""


def fair_wrong_value(kind: str, right: float, wrong: float) -> bool:
    """Whether `wrong` in place of `right` makes the bound false under every contract: a cap only raised, a floor only
    lowered; any other figure changed either way."""
    return (kind != "cap" or wrong > right) and (kind != "floor" or wrong < right)
