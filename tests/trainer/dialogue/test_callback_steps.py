"""A next step that asks for her number so that someone calls her back is the next step (calls50: the dividend call's
麻烦您报一个现在能打通的电话 had no credit of its own; judge51b's training file content/dialogue/utterances/
w-callback-steps.yaml teaches next_step only). The sentences here are in none of the judge's training files."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence


def _credited(text: str, behaviour: str, judge, real_facts) -> bool:
    found = reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge)
    return any(e.behaviour == behaviour and e.ok for e in found)


@pytest.mark.parametrize("text", [
    "那您给我一个能找到您的号码，我这边让专员跟您约时间。",
    "您看您留个电话，我这边让负责的同事尽快给您回过去，好吧？",
])
def test_her_number_asked_for_a_call_back_is_the_next_step(text, judge, real_facts):
    assert _credited(text, "next_step", judge, real_facts)


@pytest.mark.parametrize("text", [
    "为了核实身份，请您报一下预留的手机号。",   # who she is, no step
    "您刚才说的号码我没记全，再说一遍好吗？",
])
def test_her_number_asked_for_anything_else_is_no_next_step(text, judge, real_facts):
    assert not _credited(text, "next_step", judge, real_facts)
