"""kb.english_spans: durations said in English, with what they measure (qa30 S1)."""

import pytest

from kb.durations import DurationRule, Span
from kb.english_spans import english_spans


@pytest.mark.parametrize(("query", "spans"), [
    ("client bought the policy 10 days ago and wants to cancel, full refund?", [(10, "held")]),
    ("bought a policy two weeks ago, can i still change my mind", [(14, "held")]),
    ("forgot to pay my premium, it was due 3 weeks ago - still covered?", [(21, "lapse")]),
    ("not paid for 3 years, is the policy gone for good?", [(1095, "lapse")])])
def test_a_stated_span_is_read_with_what_it_measures(query: str, spans: list) -> None:
    assert [(s.low, s.measures) for s in english_spans(query)] == spans


@pytest.mark.parametrize("query", [
    "complained 20 days ago and still heard nothing",  # dates a complaint
    "cancelled my policy in the free look period 10 days ago, still no refund",  # dates the cancellation
    "do the 15 days start from when i paid or when i got the policy booklet",  # names the period
    "why did i have to be videoed buying a 10 year policy",  # a policy's term
    "can my in-laws buy life insurance for our 5 year old son?",  # an age
    "missed the cooling off by 2 days, any chance of a full refund?"])  # no premium missed
def test_a_span_that_dates_something_else_or_names_a_period_is_left_out(query: str) -> None:
    assert english_spans(query) == []


def test_ten_days_held_is_the_cooling_off_refunds_not_the_just_expired_entrys() -> None:
    """content/durations.yaml: the within-period refund up to 15 days, the just-expired entry from 15 to 30."""
    spans = english_spans("client bought the policy 10 days ago and wants to cancel, full refund?")
    assert DurationRule("cooling-off-refund-amount", max_days=15, measures="held").judge(spans) == 1
    assert DurationRule("cooling-off-just-expired", 15, 30, measures="held").judge(spans) == -1
    assert spans == [Span(10, 11, "held")]
