"""A promise taken back in the next reply (qa25 J9)."""

from __future__ import annotations

import pytest

from trainer.dialogue.retractions import retraction


@pytest.mark.parametrize("text, taken_back", [
    ("不好意思，我刚才说得太满了，能不能复效要公司审核。有时间限制的，从中止那天起2年内都能申请。",
     "不好意思，我刚才说得太满了，能不能复效要公司审核。"),  # qa25 J9, Mei's words
    ("不好意思阿姨，我刚才说错了，是15天。", "不好意思阿姨，我刚才说错了，是15天。"),
    ("我更正一下，能不能赔要看理赔审核。", "我更正一下，能不能赔要看理赔审核。"),
    # guards: the rule said on its own corrects nothing; her earlier words are not the agent's
    ("能不能复效要公司审核。", ""),
    ("刚才说的宽限期是60天。", ""),
])
def test_a_retraction_is_the_sentence_that_takes_words_back(text, taken_back):
    assert retraction(text) == taken_back
