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


def test_taken_back_as_a_slip_of_the_tongue():
    """刚才是我口误 (qa26's 小周, turn 5) takes words back as 刚才说错了 does."""
    assert retraction("刚才是我口误，以15日内答复为准。") == "刚才是我口误，以15日内答复为准。"


def _cooling_off_call(real_scenarios, real_facts, judge, replies):
    from trainer.dialogue import DialogueSession

    scenario = real_scenarios["cooling-off-cancel"]
    session = DialogueSession(scenario, real_facts, judge=judge, seed=1)
    session.start()
    for reply in [scenario.model_answers[0], *replies]:
        session.reply(reply)
    return session


WRONG = "您的合同犹豫期是10天，在犹豫期内可以申请撤单。"


def test_a_wrong_figure_put_right_in_the_next_reply_stays_a_finding_counted_as_corrected(judge, real_scenarios, real_facts):
    """judge53b: 犹豫期是10天, then 不好意思，我刚才说错了，犹豫期是15天 — the 事实错误 of turn 2 stays (the customer heard it),
    its lesson says the correction was right, and accuracy weighs it as one wrong figure, not two."""
    from trainer.dialogue.scoring import subscores

    corrected = _cooling_off_call(real_scenarios, real_facts, judge, [WRONG, "不好意思，我刚才说错了，犹豫期是15天，从您签收合同次日算起。"])
    plain = _cooling_off_call(real_scenarios, real_facts, judge, [WRONG, "犹豫期是15天，从您签收合同次日算起。"])
    wrong = [f for f in corrected.findings if f.rubric == "wrong_fact" and not f.ok]
    assert [f.turn_index for f in wrong] == [2], corrected.findings
    assert "第3轮您更正成了15日" in wrong[0].advice and "counted as corrected" in wrong[0].advice.en
    assert not any("更正" in f.advice for f in plain.findings if f.rubric == "wrong_fact")  # no correction said: none noted
    report, left = corrected.report(), plain.report()
    assert report.subscores["accuracy"] > left.subscores["accuracy"]
    right = sum(1 for f in report.findings if f.ok and f.rubric in ("explanation", "answer"))
    assert report.subscores["accuracy"] == round(100 * right / (right + 1))  # one wrong figure, weighing 1
