"""Rudeness said in passing on whole calls (judge39c, brush_offs): the customer's words or feelings called useless —
held to the classifier's rude floor, as the other spoken forms — and a complaint said to change nothing."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors


def evidence(text: str) -> tuple[set[str], set[str], set[str]]:
    """The rude quotes counted with a classifier, those held to its floor, and those counted without one."""
    judged, held = Detectors(()).rule_evidence(text, set())
    alone, _ = Detectors(()).rule_evidence(text, set(), judged=False)
    return tuple({e.quote for e in found if e.behaviour == "rude" and not e.ok} for found in (judged, held, alone))


@pytest.mark.parametrize("text, quote", [
    ("合同上有标准，标准就是标准，您这样说也没用。", "您这样说也没用。"),
    ("女士，您先别激动，您这么说我们也没法处理，咱们一条条来。", "您这么说我们也没法处理，"),
    ("您急也没用，理赔是要走流程的。", "您急也没用，"),  # judge29's form: counted only without a classifier on main
])
def test_words_or_feelings_called_useless_are_rude_held_to_the_classifier(text, quote):
    judged, held, alone = evidence(text)
    assert quote in judged and quote in held and quote in alone


def test_a_complaint_said_to_change_nothing_is_rude_without_a_floor():
    text = "您要投诉也可以，不过结果一般也是一样的，理赔是按合同定的。"
    judged, held, alone = evidence(text)
    assert judged == alone == {"您要投诉也可以，不过结果一般也是一样的，"} and not held


@pytest.mark.parametrize("text", [
    "您说的情况我们也没办法马上查到，我记下来明天回您。",   # the case, not the customer's words
    "您打12378投诉也一样可以受理。",                       # a route
    "投诉和咨询的受理流程都是一样的，我帮您登记。",
])
def test_look_alikes_are_not_rude(text):
    assert evidence(text) == (set(), set(), set())


@pytest.mark.parametrize("text, quote", [  # judge42r: any recourse said to end the same
    ("申诉？申诉也是一样的结果，没啥意思。", "申诉也是一样的结果，"),
    ("您去找经理吧，经理来了也是这个答复。", "经理来了也是这个答复。"),
    ("您要上电视我们也不怕，不过结果都一样。", "不过结果都一样。"),
])
def test_a_recourse_said_to_end_the_same_is_rude_without_a_floor(text, quote):
    judged, held, alone = evidence(text)
    assert quote in judged and quote in alone and not held


@pytest.mark.parametrize("text", [
    "复核结果也可能是一样的，不过您有权申请，我帮您递上去。",  # hedged: a likelihood
    "这个结果改的可能性不大，但复核是您的权利。",
    "您在APP上办和去柜面办，结果都一样，看您方便。",          # no recourse: two ways to the same thing
])
def test_a_likely_outcome_said_honestly_is_not_rude(text):
    assert evidence(text) == (set(), set(), set())


@pytest.mark.parametrize("text, quote", [  # judge42r: the choice left to the customer, hands washed
    ("您要退就退吧，反正也不是我的钱。", "您要退就退吧，"),
    ("您不信就算了，我这边也没办法。", "您不信就算了，"),
    ("保单停了可别说我没提醒您。", "保单停了可别说我没提醒您。"),
    ("这个钱您非要现在取，以后后悔了也别找我。", "以后后悔了也别找我。"),
])
def test_the_choice_left_to_the_customer_with_hands_washed_is_rude_held_to_the_classifier(text, quote):
    judged, held, alone = evidence(text)
    assert quote in judged and quote in held


@pytest.mark.parametrize("text", [
    "能退的部分就退吧，剩下的我帮您申请。",  # advice, nobody's choice left
    "该交就交吧，别让保单失效了。",
    "什么时候回电话随您方便，我一直在。",     # an offer
    "您随时打过来都行。",
])
def test_advice_and_offers_are_no_dismissal(text):
    assert evidence(text) == (set(), set(), set())
