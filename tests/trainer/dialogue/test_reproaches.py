"""A question that reproaches the customer (judge42r, reproaches.py): found and quoted as rude, never credited as a
clarifying question — while a real question, a check back and a polite negative question stay what they are."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reproaches import only_reproaches, told_to_feel_lucky

from tests.trainer.dialogue.test_judge_findings import judge_scoring, reading


def found(text: str) -> set[tuple[str, str]]:
    """(behaviour, quote) of every rule finding with a classifier (the held spoken forms included)."""
    return {(e.behaviour, e.quote) for e in Detectors(()).rule_evidence(text, set())[0]}


@pytest.mark.parametrize("text, quote", [
    ("保单上白纸黑字印着，您这不是难为人吗？", "您这不是难为人吗？"),
    ("这不是早就跟您讲好的吗？", "这不是早就跟您讲好的吗？"),
    ("您不是当面签的字吗，签了字还来问什么？", "您不是当面签的字吗，"),
    ("条款都印着的事，还能改？", "还能改？"),
    ("单子是您自己签的，那您现在又来找什么呢？", "那您现在又来找什么呢？"),
    ("都写进合同里了，您现在来找么事咧？", "您现在来找么事咧？"),  # Wuhan: 么事 read 什么, quoted as said
])
def test_a_fresh_reproach_question_is_rude_and_quoted(text, quote):
    assert ("rude", quote) in found(text)
    assert "clarifying_question" not in {b for b, _ in found(text)}


@pytest.mark.parametrize("text", [
    "您要改的是缴费的银行卡，不是受益人，对吗？",   # a check back
    "您不是说想先了解一下退保能拿多少吗？",          # the customer's own words checked
    "您现在不方便接电话吗？那我晚点再打。",          # a negative question that asks
    "您不打算续保了吗？是哪方面不满意呢？",
    "改成月交，这不就轻松多了吗？",                  # a consequence offered
    "您不是投保人本人吗？",                          # who they are
    "那张卡您还用着呢不？",
    "这份保单后面还要补啥材料？",
])
def test_a_question_that_asks_is_no_reproach(text):
    assert "rude" not in {b for b, _ in found(text)}
    assert not only_reproaches(text)


def test_a_real_question_after_a_reproach_is_still_a_clarifying_question():
    text = "这不是写得清清楚楚吗？您是哪一条没看明白呢？"
    assert ("clarifying_question", "您是哪一条没看明白呢？") in found(text)
    assert ("rude", "这不是写得清清楚楚吗？") in found(text)


def test_the_classifier_does_not_credit_a_reproach_as_a_clarifying_question():
    judge = judge_scoring("clarifying_question", 0.5)
    assert judge.findings(reading("您说您这不是抬杠吗？合同上定好的事还能改？", [0.9, 0.9]), set()) == []
    asked = judge.findings(reading("您说的是哪一张保单呢？", [0.9]), set())
    assert [e.quote for e in asked] == ["您说的是哪一张保单呢？"]


@pytest.mark.parametrize("said, rude", [
    ("心梗能放个支架就好了的，算蛮轻的了，您应该庆幸撒，好多人冇得这个运气。", True),  # cw3-d (Wuhan), marked rude
    ("您该知足了，别人连保费都退不回来。", True),
    ("你就偷着乐吧。", True),
    ("幸好发现得早，我们也替您庆幸。", False),  # guard: the agent glad with her, nothing she is told to feel
    ("您不用庆幸，也不用自责，我们按合同办。", False),  # guard: told not to
])
def test_telling_the_customer_to_feel_lucky_about_her_loss_is_rude(said: str, rude: bool) -> None:
    """calls44: 您应该庆幸撒 said to a declined claim was no rule's; the rules read it as rudeness, quoted in her words."""
    from kb.content import load_content
    from tests.conftest import REAL_CONTENT
    from trainer.dialogue.detectors import Detectors

    found = [e for e in Detectors(load_content(REAL_CONTENT).forbidden_phrases).rule_evidence(said, set(), judged=False)[0]
             if e.behaviour == "rude"]
    assert bool(told_to_feel_lucky(said)) is rude
    assert bool(found) is rude and all(e.quote in said for e in found)
