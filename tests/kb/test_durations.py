"""Durations in customers' words, and which entries' rules they fall in."""

from __future__ import annotations

import pytest

from kb.durations import DurationRule, Span, chinese_number, parse_limit, query_spans


@pytest.mark.parametrize(("text", "low", "high"), [
    ("停了一年多", 365, 730),
    ("签收到今天十七天了", 17, 18),
    ("过了七十多天", 70, 80),
    ("断交一年半了", 547.5, 548.5),
    ("买了才几天", 2, 9),
    ("两个多月了", 60, 90),
    ("一个多礼拜", 7, 14),
    ("半年了", 182.5, 183.5),
    ("停交了２３个月", 690, 691),
])
def test_spans_in_customers_words(text: str, low: float, high: float) -> None:
    import unicodedata
    assert query_spans(unicodedata.normalize("NFKC", text)) == [Span(low, high)]


@pytest.mark.parametrize("text", ["我七十多了", "上礼拜买的", "交了很久"])
def test_no_span_without_a_number_and_unit(text: str) -> None:
    assert query_spans(text) == []


def test_chinese_numbers() -> None:
    assert chinese_number("二十三") == (23, 23)
    assert chinese_number("十七") == (17, 17)
    assert chinese_number("十几") == (11, 19)
    assert parse_limit("2年") == 730 and parse_limit("15天") == 15


def test_one_year_and_more_is_within_the_two_year_reinstatement_rule_not_after_it() -> None:
    reinstate = DurationRule("lapse-reinstatement-deadline", max_days=parse_limit("2年"))
    terminated = DurationRule("lapse-permanent-termination", min_days=parse_limit("2年"))
    spans = query_spans("保单停了一年多了")
    assert reinstate.judge(spans) == 1 and terminated.judge(spans) == -1
    spans = query_spans("停了三年了")
    assert reinstate.judge(spans) == -1 and terminated.judge(spans) == 1
    assert reinstate.judge([]) == 0
