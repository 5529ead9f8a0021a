"""Other lines of insurance: a question that names one is not this hotline's, whatever words it shares.

A short question such as 车险理赔怎么报案 is closer to the FAQ's 怎么报案 than to any near-domain example, so
neither the scope check nor the learned gate refused it (qa18: answered with the claim-report entry). A
question that names a car or property product and no life product gets "no reliable answer" instead
(content/scope.yaml `other_lines`). A question that also names a life product (车险赔了以后意外险还能赔吗)
is searched as usual: it may well be ours.

Customers seldom say the product's name: they name what it insures (我那辆货车的保险, 房子的保险, 旅行保险).
search54b: a line's `objects` are such words; one directly before 保险 or 险 (or with 的 / 上的 / 那个 between)
names the line as its product words do. Not before 保险金: 延误的保险金 is a late claim payment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

# What may stand between an insured object and 保险 / 险: 车保险, 车的保险, 电动车上的保险, 车那个保险.
_BETWEEN = "(?:的|上的|那个|的那个)?"
_INSURANCE = "(?:保险(?!金)|险)"


@lru_cache(maxsize=None)
def _object_pattern(objects: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for 'an insurance of one of these objects' (None without objects)."""
    if not objects:
        return None
    names = "|".join(re.escape(word) for word in sorted(objects, key=len, reverse=True))
    return re.compile(f"(?:{names}){_BETWEEN}{_INSURANCE}")


@dataclass(frozen=True)
class OtherLine:
    """One line of business the hotline does not handle, by the product words that name it."""

    domain: str
    terms: tuple[str, ...]
    # Life-insurance words that make a question ours even when it names this line too.
    unless: tuple[str, ...] = ()
    # What the line insures (车, 房子, 旅行): named before 保险 or 险 they name the line as `terms` do.
    objects: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        """True when `text` names this line and none of the life-insurance words."""
        pattern = _object_pattern(self.objects)
        named = any(term in text for term in self.terms) or (pattern is not None and pattern.search(text) is not None)
        return named and not any(word in text for word in self.unless)


def other_line_of(texts: Sequence[str], lines: Sequence[OtherLine]) -> OtherLine | None:
    """The first line of business one of `texts` names (the query as typed, and as read), or None."""
    return next((line for line in lines for text in texts if line.named_in(text)), None)
