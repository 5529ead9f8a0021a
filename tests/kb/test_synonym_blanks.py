"""A fill-in blank that asks for another name of the word beside it (qa28 Q1: 红利通知书（____） wanted 分红报告)."""

from __future__ import annotations

import pytest

from kb.synonym_blanks import synonym_beside, synonyms_of

GROUPS = synonyms_of([("红利通知书", "分红通知书", "分红报告", "分红通知"), ("犹豫期", "冷静期", "反悔期"), ("红利", "分红")])


@pytest.mark.parametrize(("before", "answer", "after", "beside"), [
    ("分红险一般每个保单年度寄送红利通知书（", "分红报告", "），列明当年红利金额。", "红利通知书"),  # qa28 Q1
    ("分红险一般每个保单年度寄送", "红利通知书", "（分红报告），列明当年红利金额。", "分红报告"),  # the other way round
    ("投保后有一段", "犹豫期", "（冷静期）", "冷静期"),
    ("犹豫期、", "冷静期", "都是指同一段时间", "犹豫期"),
])
def test_a_blank_beside_its_synonym_is_found(before: str, answer: str, after: str, beside: str) -> None:
    assert synonym_beside(before, answer, after, GROUPS) == beside


@pytest.mark.parametrize(("before", "answer", "after"), [
    ("分红险一般每个保单年度寄送红利通知书，", "犹豫期", "不少于15天"),  # another group's word beside
    ("长期健康保险的", "犹豫期", "不得少于15天"),  # no synonym beside
    ("分红险每年寄送的文件通常称为", "红利通知书", "。"),  # the answer names the thing the sentence describes
    ("寄送红利通知书（", "15日", "）"),  # the answer in no group
])
def test_a_blank_with_no_synonym_beside_it_is_not(before: str, answer: str, after: str) -> None:
    assert synonym_beside(before, answer, after, GROUPS) == ""
