"""Whose words a fault is in: a quotation or a restatement reaches its clause, a report runs on, a question asks it back."""

from __future__ import annotations

import pytest

from trainer.dialogue.quotation import reported_at


def _at(text: str, words: str) -> bool:
    start = text.index(words)
    return reported_at(text, start, start + len(words))


@pytest.mark.parametrize("text, words, reported", [
    # the report's own clause, or inside quotation marks
    ("不会比业务员说的少的。", "不会比业务员说的少的", True),
    ("您刚说业务员讲“保证每年分红”，这个说法不对。", "保证每年分红", True),
    # the agent's own clause beside a named report (业务员说的那个数) or a quotation (judge21's train misses)
    ("分红肯定每年都有的，不会比业务员说的少的。", "分红肯定每年都有的", False),
    ("业务员说的那都是他个人说法，公司不认，你找他掰扯去。", "你找他掰扯去", False),
    ("回访时候您自己说的“都清楚”，录音都有，现在反悔可不行。", "现在反悔可不行", False),
    ("您别担心，业务员说的那个数，我们肯定会给您补上的。", "我们肯定会给您补上的", False),
    ("您自己说的“都清楚”，这又能怪谁呢？", "这又能怪谁呢", False),  # a rhetorical question asks nothing back
    # a report that runs on, and one asked back, stay someone else's words
    ("您是说，业务员当时跟您讲，每年分红至少五千。", "每年分红至少五千", True),
    ("业务员说，您这种情况保准能批下来。", "您这种情况保准能批下来", True),
    ("保证能赔，这是他说的吧？", "保证能赔", True),
    ("您是说业务员跟您讲这个分红是保证的，每年都有百分之五，是吧？", "每年都有百分之五", True),
    # her demand said back or recorded (judge55a): after a colon to the sentence's end, else its clause
    ("您的要求我都登记了：全额退、赔5万、今天到账。", "今天到账", True),
    ("您的诉求是全额退款、当天到账，我先给您登记。", "当天到账", True),
    ("您要的是今天到账，这个我们没法当场答应。", "今天到账", True),
    ("您的要求我记下了，钱今天一定到账。", "钱今天一定到账", False),  # recorded, then the agent's own promise
    ("您的诉求是全额退款，我保证今天给您到账。", "我保证今天给您到账", False),
    # a sentence with no report at all
    ("您放心，这笔钱下周肯定到账。", "这笔钱下周肯定到账", False),
])
def test_a_report_reaches_its_clause_and_what_it_runs_on_to(text, words, reported):
    assert _at(text, words) is reported
