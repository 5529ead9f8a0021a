"""Placeholders: the blanks of a live agent's script, which a line offered as said must not hold (polish27)."""

from __future__ import annotations

import pytest

from kb.placeholders import placeholders, sayable


@pytest.mark.parametrize("text, found", [
    ("我现在帮您查一下处理进度……目前的状态是X。", ["X"]),
    ("您好，我是XX人寿客服专员，工号XXXX。", ["XX", "XXXX"]),
    ("请问您是×××先生本人吗？", ["×××"]),
    ("按今天试算，现金价值大约是Ｘ元。", ["Ｘ"]),
    ("{姓名}您好，这里是回访中心。", ["{姓名}"]),
    ("某某业务员当时是怎么跟您说的？", ["某某"]),
    ("麻烦您在____处签字。", ["____"]),
    # none: a figure, a Latin word, an X-ray, a multiplication
    ("拍个X光片就行，CT也可以。", []),
    ("肌钙蛋白是正常上限的15倍，3×5的格子。", []),
    ("您在官方App上申请，工号0387。", []),
    ("TAX和XL都不是占位符。", []),
])
def test_placeholders_are_the_blanks_a_live_agent_fills_in(text, found):
    assert placeholders(text) == found


def test_sayable_leaves_out_the_sentences_with_a_blank_and_keeps_the_lines():
    script = ("您好，您的撤单申请我们已经收到，银行入账可能还需要一点时间。\n"
              "我现在帮您查一下处理进度……目前的状态是X。如果需要补充材料，我们会一次性告诉您。")
    assert sayable(script) == "您好，您的撤单申请我们已经收到，银行入账可能还需要一点时间。\n如果需要补充材料，我们会一次性告诉您。"
    assert sayable("目前的状态是X。") == ""
    assert sayable("犹豫期是15天。") == "犹豫期是15天。"
