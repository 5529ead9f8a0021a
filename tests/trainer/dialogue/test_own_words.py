"""A term the customer said first is no jargon (`own_words`)."""

from __future__ import annotations

from trainer.dialogue.evidence import Evidence
from trainer.dialogue.own_words import customers_own_words, terms_in, without_her_terms

TERMS = ("重疾", "重疾险", "肌钙蛋白", "复效")
HEARD = "我这心梗都放支架了，怎么就不算重疾？"


def test_a_clause_whose_terms_she_said_is_her_own_words():
    assert customers_own_words("所以重疾这块没赔", HEARD, TERMS)


def test_a_term_she_did_not_say_or_a_longer_one_is_not():
    assert not customers_own_words("所以重疾险这块没赔", HEARD, TERMS)  # 重疾险 holds 重疾: she said only 重疾
    assert terms_in("所以重疾险这块没赔", TERMS) == ["重疾险"]
    assert not customers_own_words("重疾要看肌钙蛋白", HEARD, TERMS)
    assert not customers_own_words("这个您得再等等", HEARD, TERMS)  # no term named: the classifier's word stands


def test_only_jargon_findings_of_her_words_are_dropped():
    jargon = Evidence("jargon", False, "所以重疾这块没赔", "术语未解释")
    vague = Evidence("vague", False, "所以重疾这块没赔", "回应空泛")
    assert without_her_terms([jargon, vague], HEARD, TERMS) == [vague]


def test_her_policy_is_hers_beside_a_term_of_hers_but_not_alone():
    """judge53b: 您的保单如果有轻症责任 (two entries' scripts, shown as lessons) after a product 含轻症责任 needs no explaining;
    您保单的电子回执已经签了吧？ keeps its finding (a tune bad call's marked fault): 保单 alone is no term she said."""
    from trainer.dialogue.own_words import customers_own_words

    product = "康宁重大疾病保险（2020版定义，含轻症责任）"
    assert customers_own_words("您的保单如果有轻症责任，", product, ("保单", "轻症"), held=("保单",))
    assert not customers_own_words("您的保单如果有轻症责任，", product, ("保单", "轻症"))
    assert not customers_own_words("您保单的电子回执已经签了吧？", product, ("保单", "轻症"), held=("保单",))
