"""A cap or a floor in a rule turned false only where no contract may put it (qa30 Q3)."""

from __future__ import annotations

import pytest

from kb.content import collect_content
from tests.conftest import REAL_CONTENT
from trainer.quiz.bounds import bound
from trainer.quiz.facts import Fact, wrong_numbers
from trainer.quiz.generation import true_false_questions


@pytest.mark.parametrize("before, kind", [
    ("只在产品含轻症责任时按轻度赔付（≤重度保额", "cap"), ("分别不得高于相应重度疾病累计保险金额的", "cap"),
    ("一般扣除不超过", "cap"), ("每次借款期限一般最多", "cap"), ("犹豫期不少于", "floor"), ("至少", "floor"),
    ("保险公司应在", ""), ("不超过10元，退还", ""),
])
def test_a_figure_is_a_bound_by_the_words_right_before_it(before: str, kind: str) -> None:
    assert bound(before) == kind


def _fact(sentence: str, figure: str) -> Fact:
    start = sentence.index(figure)
    return Fact(sentence, start, start + len(figure), "number", figure.lstrip("0123456789."))


def test_a_cap_is_only_raised_a_floor_only_lowered_and_any_other_figure_moved_either_way() -> None:
    cap = _fact("产品含轻症责任时按轻度赔付（≤重度保额30%）。", "30%")
    assert wrong_numbers(cap, cap.sentence) and all(float(w[:-1]) > 30 for w in wrong_numbers(cap, cap.sentence))
    floor = _fact("犹豫期不少于15日。", "15日")
    assert wrong_numbers(floor, floor.sentence) and all(float(w[:-1]) < 15 for w in wrong_numbers(floor, floor.sentence))
    plain = _fact("保险公司应在30日内作出核定。", "30日")
    said = [float(w[:-1]) for w in wrong_numbers(plain, plain.sentence)]
    assert min(said) < 30 < max(said)


def test_the_real_thyroid_statement_never_says_a_share_a_product_may_pay() -> None:
    """qa30 Q3: …只在产品含轻症责任时按轻度赔付（≤重度保额25%） was "false" while products pay 20 %, 25 % or 30 % (the rule
    caps it at 30 %, 规范2.2). Every mild-cover statement of the real content changed from 30 % says more than 30 %."""
    content = collect_content(REAL_CONTENT)[0]
    changed = [q for entry_id in ("ci-thyroid-cancer", "ci-cancer-mild", "ci-ami-mild", "ci-stroke-mild")
               for q in true_false_questions(content.entries[entry_id], content)
               if q.answer == 1 and "重度保额30%" in q.correct_statement]
    assert {q.entry_id for q in changed} >= {"ci-thyroid-cancer"}
    for q in changed:
        said = q.prompt.split("重度保额", 1)[1].split("%", 1)[0]
        assert float(said) > 30, q.prompt
        assert "2.2" in q.explanation, q.explanation  # the rule the figure is, cited
