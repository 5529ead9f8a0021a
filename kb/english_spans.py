"""Durations said in English (bought 10 days ago, premium due 3 weeks ago) read as kb.durations reads 买了十天.

qa30 S1: "client bought the policy 10 days ago and wants to cancel, full refund?" opened cooling-off-just-expired
(15–30 days held) first, the within-period refund (under 15) second: content/durations.yaml's rules judged only spans
read from Chinese words. Ten days held is inside the cooling-off period (一般15日, /work/shared/domain/facts.md §2).
Only a span whose clause says what it measures is read, so no rule judges a span it does not measure: the policy
bought, signed or received ("held") or a premium missed ("lapse"). A span dating a complaint, a claim, a cancellation
or an illness ("complained 20 days ago", "cancelled 10 days ago, still no refund") is left out, as kb.durations leaves
out 走了三年.
"""

from __future__ import annotations

import re

from kb.durations import Span

DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "couple of": 2}
# A span stated, not named: "the 15 days", "within 15 days" name a period (the rule's own), "a 10 year policy", "a 5
# year old son" a term or an age.
_SPAN = re.compile(r"(?<!\bthe )(?<!\bwithin )(?<!\bin )(?<!\bfirst )\b(?P<number>\d+|"
                   + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
                   + r")[\s-]+(?P<unit>day|week|month|year)s?\b(?![\s-]*(?:old|policy|plan|term|contract|product))")
_CLAUSE_END = re.compile(r"[,.;!?，。；！？]|\b(?:and|but|so|then)\b")
# Checked in this order: an event dating the span outweighs a purchase said beside it ("bought in 2019, had a stroke
# 3 months ago"), a missed premium a purchase ("bought 2 years ago, missed the premium 20 days ago" is split by its
# comma).
_EVENT = re.compile(r"\b(?:complain\w*|submit\w*|claim\w*|cancel\w*|refund\w*|died|passed away|death|hospital\w*|"
                    r"surgery|operation|stroke|accident|diagnos\w*|sick|ill|illness|rejected|declined|applied for)\b")
_LAPSE = re.compile(r"\b(?:unpaid|overdue|lapsed?|stopped paying|(?:didn't|did not|not|never|forgot to|haven't|have not) "
                    r"pa(?:y|id)|missed (?:\w+ ){0,2}(?:premium|payment)s?|due)\b")
_HELD = re.compile(r"\b(?:bought|buy\w*|purchas\w*|signed|took out|taken out|got (?:the|my|a|his|her) "
                   r"(?:policy|contract)|received)\b")


def english_spans(text: str) -> list[Span]:
    """Every duration an English query states with what it measures (a lowercase query: kb.text.normalize)."""
    spans = []
    for match in _SPAN.finditer(text):
        clause = _clause(text, match.start(), match.end())
        if _EVENT.search(clause):
            continue
        measures = "lapse" if _LAPSE.search(clause) else "held" if _HELD.search(clause) else ""
        if not measures:
            continue
        unit = DAYS_PER_UNIT[match["unit"]]
        number = match["number"]
        days = (int(number) if number.isdigit() else NUMBER_WORDS[number]) * unit
        spans.append(Span(days, days + 1, measures))
    return spans


def _clause(text: str, start: int, end: int) -> str:
    """The words of text[start:end]'s clause: from the last clause end before it to the first after it."""
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:])[0]
    return f"{before} {after}"
