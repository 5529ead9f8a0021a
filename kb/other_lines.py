"""Other lines of insurance: a question that names one is not this hotline's, whatever words it shares.

A short question such as 车险理赔怎么报案 is closer to the FAQ's 怎么报案 than to any near-domain example, so
neither the scope check nor the learned gate refused it (qa18: answered with the claim-report entry). A
question that names a car or property product and no life product gets "no reliable answer" instead
(content/scope.yaml `other_lines`). A question that also names a life product (车险赔了以后意外险还能赔吗)
is searched as usual: it may well be ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class OtherLine:
    """One line of business the hotline does not handle, by the product words that name it."""

    domain: str
    terms: tuple[str, ...]
    # Life-insurance words that make a question ours even when it names this line too.
    unless: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        """True when `text` names this line and none of the life-insurance words."""
        return any(term in text for term in self.terms) and not any(word in text for word in self.unless)


def other_line_of(texts: Sequence[str], lines: Sequence[OtherLine]) -> OtherLine | None:
    """The first line of business one of `texts` names (the query as typed, and as read), or None."""
    return next((line for line in lines for text in texts if line.named_in(text)), None)
