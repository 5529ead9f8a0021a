"""The policy named with its status before the identity check (qa25 J4)."""

from __future__ import annotations

import pytest

from trainer.dialogue.before_the_check import status_before_the_check

PRODUCT = "福寿终身寿险"


@pytest.mark.parametrize("text, named", [
    ("陈先生您好，我是安泰人寿客服，工号2231。不是催你哈，您那份福寿终身寿险这期保费没扣成功，想跟你说下怎么处理。", True),  # qa25 J4
    ("陈先生，您这份福寿终身寿险12000的保费已经逾期20天了，身份证尾号6639的是您本人吧？", True),
    ("您的福寿终身寿险已经中止了。", True),
    # guards: the product alone (a callback says why it calls), the status without the product, nothing of either
    ("您上个月投保了福寿终身寿险，今天给您做个回访。", False),
    ("这期保费没扣成功，想跟你说下怎么处理。", False),
    ("陈先生您好，我是安泰人寿客服，先核实一下您的身份。", False),
])
def test_the_policy_with_its_status_is_told_apart(text, named):
    assert bool(status_before_the_check(text, PRODUCT)) is named


def test_no_product_names_nothing():
    assert status_before_the_check("您的保费没扣成功。", "") == []


@pytest.mark.parametrize("product, text, named", [
    # qa25 J4 as judge51 left it: a near form of the persona's name is the product, as the exact name is
    ("金福分红型两全保险", "阿姨您好，您那份金福分红两全这期保费没扣成功。", "金福分红两全"),
    ("金福分红两全", "您的金福分红两全保险已经中止了。", "金福分红两全保险"),  # the reverse
    ("康宁重大疾病保险（2020版定义，含轻症责任）", "您的康宁重疾险这期保费还没交。", "康宁重疾险"),
    # …and, alone, it names the product only (a callback says why it calls)
    ("金福分红型两全保险", "您上礼拜在银行买的金福分红两全，当时是不是做了录音录像？", ""),
    ("金福分红两全", "您上礼拜投保了金福分红两全保险，今天给您做个回访。", ""),
    ("福寿", "您那份福寿这期保费没扣成功。", ""),  # too short a name to tell the policy by
])
def test_a_near_form_of_the_product_s_name_is_the_product(product, text, named):
    assert [text[start:end] for start, end in status_before_the_check(text, product)] == ([named] if named else [])
