"""A goal that leaves the decision to the customer, in any of its wordings, forbids talking her out of it (judge53b).

judge52 read 不劝阻 / 不阻拦 / 不设障碍 / 不挽留; the scenarios also say 尊重客户决定, 由客户自己决定 and 不施压 — one meaning.
"""

from __future__ import annotations

import pytest

from trainer.dialogue import DialogueSession
from trainer.dialogue.dissuading import ADVICE, COMPLAINING, GIVING_UP, forbidden_kinds


@pytest.mark.parametrize("goal", ["尊重客户选择", "尊重客户的决定", "不干涉客户的决定", "由客户自己决定", "让客户自己选择",
                                  "讲清宽限期和逾期后果，不施压", "说明自动垫交、减额交清等选项（以条款为准），由客户自己决定",
                                  "可以了解原因，但尊重客户决定，不劝阻、不设障碍"])
def test_a_goal_that_leaves_the_decision_to_her_forbids_talking_her_out_of_giving_it_up(goal):
    assert forbidden_kinds([goal]) == (GIVING_UP,)


def test_a_goal_naming_a_complaint_forbids_talking_her_out_of_the_complaint():
    assert forbidden_kinds(["讲清正常退保退还现金价值；尊重客户向12378反映的权利，不阻拦"]) == (COMPLAINING,)


@pytest.mark.parametrize("goal", ["客户说出代签后如实记录，不引导客户改口", "理解客户的谨慎，不索要密码、验证码，不要求转账，也不反复逼问身份信息",
                                  "不承诺赔付，不指责客户，不推给业务员", "核实本人后再谈保单"])
def test_other_goals_forbid_nothing(goal):
    assert forbidden_kinds([goal]) == ()


def _grace_call(judge, scenarios, facts, reply: str) -> DialogueSession:
    """grace-period-short-of-money after its model answers 1–2 (identity, grace period), then `reply` at turn 3."""
    scenario = scenarios["grace-period-short-of-money"]
    session = DialogueSession(scenario, facts, judge=judge, seed=1)
    session.start()
    for answer in scenario.model_answers[:2]:
        session.reply(answer)
    session.reply(reply)
    return session


def test_urging_her_to_keep_the_policy_is_flagged_in_the_grace_period_call(judge, real_scenarios, real_facts):
    """grace-period-short-of-money's goals say 不施压 and 由客户自己决定 (no 不劝阻): an agent who tells the customer short of
    money not to give the policy up decides for him — 推诿指责 with the dissuasion lesson, as on the cooling-off call."""
    session = _grace_call(judge, real_scenarios, real_facts, "陈先生，我劝您千万别退保，退了太亏了，钱再紧也得想办法交上。")
    urged = [f for f in session.findings if f.turn_index == 3 and f.rubric == "blame" and not f.ok]
    assert urged and urged[0].advice == ADVICE and "别退保" in urged[0].quote, session.findings


def test_leaving_the_choice_to_him_stays_clean_in_the_grace_period_call(judge, real_scenarios, real_facts):
    session = _grace_call(judge, real_scenarios, real_facts,
                          "如果实在交不上，也可以考虑减额交清，也就是以后不用再交保费、保额相应降低；退保会有损失，怎么选由您自己决定。")
    assert not [f for f in session.findings if f.turn_index == 3 and f.rubric == "blame"], session.findings
