"""kb.script_states: a 话术 names a state of the customer's policy only as a condition, a blank or a question (qa26 S4)."""

from __future__ import annotations

import pytest

from kb.script_states import unchecked_states


@pytest.mark.parametrize("sentence", [
    "您现在仍在犹豫期内，如有需要也可以申请解除合同。",           # qa26 S4's callback 话术 on a live call
    "您现在仍在犹豫期内，依法享有解除合同的权利。",
    "您新投保的长期保险还在犹豫期内，按照规定我们需要对您做一次新单回访。",
    "您的保单已经过了宽限期，所以效力中止了。",
    "您的合同已经解除，不能再申请复效了。",
    "您的保单中止到现在已经超过2年。",
])
def test_a_state_of_her_policy_told_as_a_fact_is_found(sentence: str) -> None:
    assert unchecked_states("感谢您如实告诉我们。" + sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "如果系统显示您的保单还在犹豫期内，如有需要也可以申请解除合同；",         # a condition
    "如果已经过了犹豫期，后续怎么处理，专门人员联系您时会一并跟您说明。",
    "您的保单目前还在犹豫期内，截止到X月X日，在此期间您可以申请解除合同。",     # a blank filled from the system
    "系统显示合同已于X年X月X日解除，所以不能再申请复效了。",
    "请问您的保单现在还在犹豫期内吗？",                                        # a question
    "宽限期内您的保单仍然有效，如果在这期间发生了保险事故，会按合同约定处理。",   # a rule of the period
    "您好，犹豫期内合同已经按约定生效。",
    "按照规定我们需要在犹豫期内对您做一次新单回访。",
])
def test_a_condition_a_blank_a_question_or_a_rule_passes(sentence: str) -> None:
    assert unchecked_states(sentence) == []
