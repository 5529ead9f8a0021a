"""Durations in customers' words, and which entries' rules they fall in."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kb.durations import DurationRule, Span, StatedSpan, chinese_number, parse_limit, query_spans, stated_spans


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


@pytest.mark.parametrize(("text", "low", "high"), [
    ("停了七八个月了", 210, 240),          # two neighbouring digits are an estimate (7–8 months), not 78
    ("住了二十七八天", 27, 28),
    ("断了三四个月", 90, 120),
    ("保单昨天才送到家", 1, 2),             # a day before today, said of buying, signing or receiving the policy
    ("上礼拜买的", 1, 14),
    ("合同是前天才签收的", 2, 3),
    ("前年投保的", 366, 1096),
])
def test_estimates_and_days_named_from_today(text: str, low: float, high: float) -> None:
    assert query_spans(text) == [Span(low, high)]


@pytest.mark.parametrize("text", [
    "我七十多了", "交了很久",
    "犹豫期前天到期了",                     # a day of some other event says nothing of the policy's age
    "前年住院以后就忘了交",
    "钱几天能到账",                         # 几 asking, not stating
    "到底要交几年",
])
def test_no_span_without_a_stated_duration(text: str) -> None:
    assert query_spans(text) == []


@pytest.mark.parametrize(("text", "low", "high"), [
    ("还在十五天里面", 0, 15), ("在那十五天里头能退不", 0, 15), ("现在还在那十几天里面", 0, 19),
    ("解除合同三十天内必须退钱吗", 30, 31),   # a deadline, not how long the policy has been held
    ("不到两年不赔", 730, 731)])              # a rule's bound
def test_being_inside_a_span_is_everything_up_to_its_end(text: str, low: float, high: float) -> None:
    """search19b: 还在十五天里面 was the fifteenth day, which the cooling-off rules (under 15 days) exclude."""
    assert query_spans(text) == [Span(low, high)]


@pytest.mark.parametrize(("text", "low", "high"), [("买了才几天", 2, 9), ("好几年了", 730, 3285), ("这几天", 2, 9)])
def test_a_few_stated_is_a_span(text: str, low: float, high: float) -> None:
    assert query_spans(text) == [Span(low, high)]


def test_cancelling_after_four_years_of_premiums_is_a_surrender_not_a_cooling_off_cancellation() -> None:
    cooling_off = DurationRule("cooling-off-lost-policy", max_days=parse_limit("15天"))
    surrender = DurationRule("surrender-refund-amount", min_days=parse_limit("15天"))
    spans = query_spans("俺要撤单 这保险都交了四年了")
    assert cooling_off.judge(spans) == -1 and surrender.judge(spans) == 1
    spans = query_spans("俺要退保 保单昨天才送到家")
    assert cooling_off.judge(spans) == 1 and surrender.judge(spans) == -1
    spans = query_spans("我要退保 还在十五天里面 要怎么退")  # search19b: inside the fifteen days, not the fifteenth day
    assert cooling_off.judge(spans) == 1 and surrender.judge(spans) == -1


@pytest.mark.parametrize("text", ["阿姨说上个月保险钱没扣成 她以为保险到期了 现在住院还管不管",
                                  "喂 阿姨说她那个保险到期了 上个月钱没扣 她说她儿子帮她签的字 现在她住院了"])
def test_a_premium_missed_last_month_is_inside_the_grace_period(text: str) -> None:
    """qa26 S1: a premium not debited last month has gone unpaid 1–61 days, inside the 60-day grace period
    (保险法第三十六条): the grace-period entry's rule covers it, the suspension entry's does not."""
    grace = DurationRule("lapse-grace-period-coverage", max_days=parse_limit("60天"), measures="lapse")
    suspended = DurationRule("lapse-claim-during-suspension", min_days=parse_limit("60天"),
                             max_days=parse_limit("2年60天"), measures="lapse")
    cooling_off = DurationRule("cooling-off-claim-during", max_days=parse_limit("15天"), measures="held")
    spans = query_spans(text)
    assert spans == [Span(1, 61)] and spans[0].measures == "lapse"
    assert grace.judge(spans) == 1 and suspended.judge(spans) == -1 and cooling_off.judge(spans) == 0
    assert query_spans("上个月买的保险")[0].measures == "held"  # bought last month: how long it is held, as before


def test_chinese_numbers() -> None:
    assert chinese_number("二十三") == (23, 23)
    assert chinese_number("十七") == (17, 17)
    assert chinese_number("十几") == (11, 19)
    assert chinese_number("七八") == (7, 8) and chinese_number("二十七八") == (27, 28)
    assert chinese_number("七九") == (79, 79)  # not neighbours: a figure
    assert chinese_number("一百二三十") == (120, 130) and chinese_number("二十几") == (21, 29)  # judge20 (was 330)
    assert parse_limit("2年") == 730 and parse_limit("15天") == 15


def test_one_year_and_more_is_within_the_two_year_reinstatement_rule_not_after_it() -> None:
    reinstate = DurationRule("lapse-reinstatement-deadline", max_days=parse_limit("2年"))
    terminated = DurationRule("lapse-permanent-termination", min_days=parse_limit("2年"))
    spans = query_spans("保单停了一年多了")
    assert reinstate.judge(spans) == 1 and terminated.judge(spans) == -1
    spans = query_spans("停了三年了")
    assert reinstate.judge(spans) == -1 and terminated.judge(spans) == 1
    assert reinstate.judge([]) == 0


def test_the_idiom_three_or_five_is_an_estimate() -> None:
    assert chinese_number("三五") == (3, 5) and chinese_number("一两") == (1, 2)
    assert query_spans("买了三五天") == [Span(3, 5)]


def test_words_that_say_the_cooling_off_period_is_over_are_judged_like_a_number_of_days() -> None:
    over = StatedSpan(("过了犹豫期", "犹豫期过了"), Span(15, math.inf))
    within_rule, after_rule = DurationRule("refund-within", max_days=15), DurationRule("refund-after", min_days=15)
    spans = stated_spans("犹豫期过了退保能退多少钱", [over])
    assert spans == [Span(15, math.inf)]
    assert (within_rule.judge(spans), after_rule.judge(spans)) == (-1, 1)
    assert stated_spans("犹豫期内退保能退多少钱", [over]) == []


@pytest.mark.parametrize("text", [
    "老头子走咗三年，执屋先喺柜桶底搵到张保丹",   # how long ago a death was, not how long a policy was held
    "舅死了三年多了才知道他有保险，还能领不",
    "执屋先搵到阿爷份保单，佢三年前已经过身",
    "三年前做的手术当时不知道保险能报",           # an operation dated three years back
    "重疾被拒三年了 现在还能去法院告吗",           # a declined claim
    "娃的保险还差8年没交完 还得俺接着交吗",        # a term still to run
])
def test_a_span_that_dates_a_death_an_illness_or_a_declined_claim_is_no_rule_s(text: str) -> None:
    """search22b: 走了三年 gave the two-year rules (lapse-permanent-termination, uw-incontestable-two-years) a bonus in
    questions about the death-claim limitation."""
    assert query_spans(text) == []


def test_premiums_paid_for_years_are_a_policy_held_not_a_lapse() -> None:
    """search22b: 这保单我要撤了，交满三年了 gave lapse-permanent-termination (unpaid two years or more) the bonus."""
    terminated = DurationRule("lapse-permanent-termination", min_days=parse_limit("2年"), measures="lapse")
    surrender = DurationRule("surrender-refund-amount", min_days=parse_limit("15天"), measures="held")
    held = query_spans("这保单我要撤了，交满三年了，现在断掉能拿回多少钱")
    assert [s.measures for s in held] == ["held"]
    assert terminated.judge(held) == 0 and surrender.judge(held) == 1
    unpaid = query_spans("我那个保险莫交钱两年多了 是不是彻底莫得了")
    assert [s.measures for s in unpaid] == ["lapse"]
    assert terminated.judge(unpaid) == 1 and surrender.judge(unpaid) == 0
    assert [s.measures for s in query_spans("他三个月冇交钱了")] == ["lapse"]   # the cue after the span
    assert [s.measures for s in query_spans("过咗十几日先谂返唔想要")] == [""]  # nothing says: every rule judges it


def test_a_rule_bound_may_be_two_years_and_the_grace_period() -> None:
    assert parse_limit("2年60天") == 790
    assert parse_limit("2年多") == 730 and parse_limit("2年x") is None


@pytest.mark.parametrize(("text", "low", "high"), [
    ("都两年零三个月了一直停着没交", 820, 821),     # one span, not two years and (separately) three months
    ("停了一年又两个月", 425, 426),
    ("断交两年以上保单还在吗", 730, math.inf),
    ("超过两年没交了", 730, math.inf),
    ("保单停了满两年了", 730, math.inf),
    ("还没满两年", 730, 731),
])
def test_spans_said_together_or_open_ended(text: str, low: float, high: float) -> None:
    assert query_spans(text) == [Span(low, high)]


def _lapse_rules() -> dict[str, DurationRule]:
    from kb.content import load_content
    content = load_content(Path(__file__).resolve().parents[2] / "content")
    return {rule.entry: rule for rule in content.duration_rules if rule.entry.startswith("lapse-")}


def test_premiums_stopped_two_years_ago_are_still_within_reinstatement() -> None:
    """qa24 G1: suspension begins after the 60-day grace period (保险法第三十六条) and reinstatement's two years count
    from it (第三十七条): a customer who stopped paying two years ago has been suspended some 22 months."""
    rules = _lapse_rules()
    spans = query_spans("客户说他两年前就没再交钱了，现在想问保单还有没有效，还能不能接着交")
    assert rules["lapse-reinstatement-deadline"].judge(spans) == 1
    assert rules["lapse-permanent-termination"].judge(spans) == -1
    spans = query_spans("都两年零三个月了老娘那个保险一直停着没交")   # 27 months unpaid: 25 suspended
    assert rules["lapse-reinstatement-deadline"].judge(spans) == -1
    assert rules["lapse-permanent-termination"].judge(spans) == 1


def test_a_span_mostly_past_a_bound_is_judged_past_it() -> None:
    """两年多 (730–1095 days unpaid) is the termination's: only its first 60 days are within 2年60天."""
    reinstate = DurationRule("lapse-reinstatement-deadline", max_days=790, measures="lapse")
    terminated = DurationRule("lapse-permanent-termination", min_days=790, measures="lapse")
    spans = query_spans("停了两年多 保单作废了吗")
    assert reinstate.judge(spans) == -1 and terminated.judge(spans) == 1
    after_expiry = DurationRule("refund-after", min_days=15)
    assert after_expiry.judge(stated_spans("犹豫期过了", [StatedSpan(("犹豫期过了",), Span(15, math.inf))])) == 1


@pytest.mark.parametrize("text", ["客户说3月份买的重疾", "我爸去年十月脑出血走的", "现在都十月了才想起来", "材料是九月三号交的"])
def test_a_month_of_the_year_is_no_span(text: str) -> None:
    """去年十月买的 was ten months (300 days) and judged every rule; a number of months is said with 个 (三个月)."""
    assert query_spans(text) == []


@pytest.mark.parametrize("text", ["我2018年买的重疾险用新标准理赔吗", "2020年停交的保单还能复效吗", "1998年投保的老保单"])
def test_a_year_of_the_calendar_is_no_span(text: str) -> None:
    """search51: 2018年买的 was 2,018 years held, which every rule with only a lower bound covers."""
    assert query_spans(text) == []
    assert query_spans("买了2年了") == [Span(730, 731)]


def test_a_month_and_a_half_is_forty_five_days() -> None:
    assert query_spans("孩他娘去年十月买的重疾险才一个半月") == [Span(1, 731), Span(45, 46)]
    assert query_spans("两个半月没交") == [Span(75, 76)]
