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
