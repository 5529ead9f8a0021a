"""The term a choice question quotes, and whether an option says something of it (qa30 Q2)."""

from __future__ import annotations

import pytest

from trainer.quiz.subjects import quoted_terms, says_of

SEVERE = quoted_terms('什么样的癌症才算"恶性肿瘤——重度"？')
MILD = quoted_terms("哪些情况属于“恶性肿瘤——轻度”？")


def test_a_question_quotes_its_term_in_any_quotation_marks() -> None:
    assert SEVERE == {"恶性肿瘤——重度"} and MILD == {"恶性肿瘤——轻度"}
    assert quoted_terms("保险公司对免责条款的「明确说明」要达到什么程度？") == {"明确说明"}
    assert quoted_terms("犹豫期有多长？") == frozenset()


@pytest.mark.parametrize("option, terms, named", [
    ('2020版规范下，TNMⅠ期或更轻的甲状腺癌不属于"恶性肿瘤——重度"，而属于"恶性肿瘤——轻度"……', SEVERE, True),
    ("2020版规范要求恶性肿瘤（重度、轻度）均须经组织病理学检查（含骨髓病理学检查）明确诊断", SEVERE, True),
    ("2020版规范要求恶性肿瘤（重度、轻度）均须经组织病理学检查（含骨髓病理学检查）明确诊断", MILD, True),
    ("恶性肿瘤重度须经组织病理学检查明确诊断", SEVERE, True),
    ("3种轻度疾病是：恶性肿瘤——轻度、较轻急性心肌梗死、轻度脑中风后遗症", SEVERE, False),
    ("恶性肿瘤（重度）须经组织病理学检查", MILD, False),
    ("规范内每种轻度疾病的累计保险金额，分别不得高于相应重度疾病累计保险金额的30%", SEVERE, False),
    ("《重大疾病保险的疾病定义使用规范（2020年修订版）》规定了28种重度疾病和3种轻度疾病", SEVERE, False),
], ids=["thyroid names severe", "pathology lists severe", "pathology lists mild", "words without dashes",
        "mild only", "severe only in brackets", "another rule", "the count"])
def test_an_option_names_the_quoted_term_by_its_words_or_by_its_kind_in_brackets(
        option: str, terms: frozenset[str], named: bool) -> None:
    assert says_of(option, terms) is named
