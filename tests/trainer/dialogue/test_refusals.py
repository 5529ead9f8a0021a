"""A refusal read in the trainee's everyday or regional words, and the certain-outcome forms that are no refusal."""

from __future__ import annotations

import pytest

from trainer.dialogue.refusals import declines, is_refusal_cue, refused_back

# (sentence, refuses?) — calls46's own words
SENTENCES = [
    ("这个事我真做不了这个主。", True),
    ("您说的这几样，我们确实办不到。", True),
    ("我冇这个权限，帮唔到您。", True),  # Cantonese 冇 read as 没
    ("这个要求我这边满足不了。", True),
    ("赔5万这事俺给不了您。", True),
    ("今天到账我说了不算。", True),
    ("这个我无权答应您。", True),
    ("额应承不了您。", True),  # Shaanxi 应承 read as 答应
    ("这事我没法当场答应。", True),  # the script's own form
    ("您这几项要求，恕我不能从命。", True),  # the written register (calls47)
    ("全额退还再赔偿5万元之要求，本人恕难照办。", True),
    ("此项要求碍难照办，敬请谅解。", True),
    ("今日到账一节，恕难从命。", True),
    ("您的要求我们难以满足。", True),
    ("这个事情比较难办，我帮您问问。", False),  # hard to do is no refusal
    ("全额退、赔5万、今天到账，这个额这儿办不成。", True),  # calls47's own calls: Shaanxi, Wuhan, a young agent's words
    ("这几条我这里真的搞不成。", True),
    ("这个真的安排不了，我也不能给您画大饼。", True),
    ("您这事办成了，钱明天到账。", False),
    ("您放心，这笔钱少不了您的。", False),  # the outcome said certain
    ("这个钱跑不了，肯定到账。", False),
    ("我帮您办，三天就能到账。", False),
    ("按合同退的是现金价值。", False),
]


@pytest.mark.parametrize("sentence, refuses", SENTENCES)
def test_a_negated_ability_or_authority_to_grant_is_a_refusal(sentence, refuses):
    assert declines(sentence) is refuses


@pytest.mark.parametrize("cue, refusal", [("没法答应", True), ("无法当场承诺", True), ("不能当场答应", True),
                                          ("不能代签", False), ("没法保证", False), ("现金价值", False)])
def test_a_cue_that_refuses_the_demand_is_told_apart(cue, refusal):
    assert is_refusal_cue(cue) is refusal


# (reply, the words read, said back and refused?) — judge55a's own wordings of media-threat's demand
REFUSED_BACK = [
    ("全额退保费、赔5万块、今天到账，这几样我都办不到。", "今天到账", True),
    ("您说的全额退、补偿5万、当天到账，这些我这边真满足不了。", "当天到账", True),
    ("今天就到账这个要求，我这边没法当场答应您。", "今天就到账", True),  # the list named her demand, refused after it
    ("全额退再赔五万今天到账的要求我做不了主。", "今天到账", True),
    ("退保金今天就到您卡上，全额退我做不了主。", "今天就到您卡上", False),  # the refusal is of something else
    ("我保证今天到账，这个别的我办不了。", "保证今天到账", False),  # certain, and not the list referred back to
    ("全额退、赔5万、保证今天到账，这个我办不了。", "保证今天到账", False),  # a certainty word in the list
    ("今天到账这个没问题，全额退我办不了。", "今天到账", False),  # granted, the refusal is of another demand
]


@pytest.mark.parametrize("text, words, refused", REFUSED_BACK)
def test_her_demand_said_back_and_refused_is_told_from_a_promise_beside_a_refusal(text, words, refused):
    start = text.index(words)
    assert refused_back(text, start, start + len(words)) is refused
