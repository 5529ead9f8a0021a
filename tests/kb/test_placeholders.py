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
    ("可以挂断后拨打我们的官方客服热线XXXXX，报保单号完成回访。", ["XXXXX"]),  # five: polish27's pattern missed it
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


@pytest.mark.parametrize("sentence, said", [
    # a date restating the period just given: the period stays, with what follows it (polish28)
    ("您好，您的保单是X月X日起效力中止的。从中止那天起2年内，也就是X年X月X日前，您都可以申请复效。",
     "从中止那天起2年内，您都可以申请复效。"),
    ("您可以在中止之日起2年内，也就是X年X月X日前申请恢复效力，我可以跟您介绍一下办理方式。",
     "您可以在中止之日起2年内申请恢复效力，我可以跟您介绍一下办理方式。"),
    # a clause giving only the period's last day
    ("按您合同的约定（一般为60日），宽限期从应交日的次日起算，到X月X日为止。", "按您合同的约定（一般为60日），宽限期从应交日的次日起算。"),
    ("您的保单目前还在犹豫期内，截止到X月X日，在此期间您可以申请解除合同。", "您的保单目前还在犹豫期内，在此期间您可以申请解除合同。"),
    # the hotline's number after its name
    ("如果您不放心，可以挂断后拨打我们的官方客服热线XXXXX，报保单号完成回访。", "如果您不放心，可以挂断后拨打我们的官方客服热线，报保单号完成回访。"),
    # a blank the sentence needs: left out whole, not cut into a broken sentence (polish27's examples)
    ("我核对一下，系统登记的联系地址是X、电话尾号是X，请问还准确吗？", ""),
    ("您的宽限期到X月X日，在这之前交上保费保障不受影响。", ""),
    ("您这份合同的犹豫期是X天，按合同约定从X月X日起计算，到X月X日结束。", ""),
    ("我的工号是XXXX，我再重复一遍，XXXX。", ""),
])
def test_a_blank_the_sentence_can_do_without_is_left_out_and_the_sentence_kept(sentence, said):
    assert sayable(sentence) == said
