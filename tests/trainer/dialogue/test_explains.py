"""Sentences that explain nothing (qa14, judge20): the agent saying they do not know, and a plain question."""

from __future__ import annotations

import pytest

from trainer.dialogue import DialogueSession
from trainer.dialogue.explains import asks_only, bare_statement, unsure

SENTENCES = [  # (sentence, unsure, only asks)
    ("呃，我也不是很确定，我帮您查一下理赔的结论，好像是要看肌钙蛋白还有心功能什么的。", True, False),  # qa14
    ("这个我不太清楚，我帮您查一下。", True, False),
    ("说实话我也不清楚，得问理赔。", True, False),
    ("我也说不好。", True, False),
    ("投保单上的签名是您本人签的吗？", False, True),  # qa14
    ("请问您现在方便说话吗", False, True),
    ("王先生，投保单上的签名是您本人签的吗？", False, True),  # a short lead-in
    ("投保单上的签名要由投保人本人亲笔签，不能由别人代签，请问是您本人签的吗？", False, False),  # says the rule first
    # guards: saying more than "I do not know", a hedge about the outcome, and a statement with a tag question
    ("我不知道您收到短信没有。", False, False),
    ("能否赔付我也不能确定，要看理赔审核。", False, False),
    ("我知道您着急。", False, False),
    ("犹豫期是15天，您知道吗？", False, False),
    ("您是每年交一次，每年6000元，一共交10年，对吗？", False, False),
]


@pytest.mark.parametrize("sentence, bare", [
    ("分红不保证的。", True),  # qa18: the fact, not why
    ("合同上写了。", True),
    ("不会的。", True),
    # guards: a reason, a figure, a condition, a second clause, a question
    ("红利是不保证的，每年按实际经营情况确定。", False),
    ("犹豫期十五天。", False),
    ("过了宽限期才中止。", False),
    ("因为您没告知病史。", False),
    ("分红不保证吗？", False),
])
def test_a_bare_statement_is_told_apart(sentence, bare):
    assert bare_statement(sentence) is bare


@pytest.mark.parametrize("sentence, is_unsure, only_asks", SENTENCES)
def test_a_sentence_that_explains_nothing_is_told_apart(sentence, is_unsure, only_asks):
    assert unsure(sentence) is is_unsure
    assert asks_only(sentence) is only_asks


def _accurate(findings, turn):
    return [f for f in findings if f.turn_index == turn and f.ok and f.rubric in ("explanation", "answer")]


def _call(scenarios, facts, judge, scenario_id: str, *replies: str) -> DialogueSession:
    """A call of the scenario with the judge, these replies said."""
    call = DialogueSession(scenarios[scenario_id], facts, judge=judge, seed=0)
    call.start()
    for reply in replies:
        call.reply(reply)
    return call


# ci-claim-declined, after the identity check: the customer asks why the claim was declined.
@pytest.mark.parametrize("second, answered", [
    ("呃，我也不是很确定，我帮您查一下理赔的结论，好像是要看肌钙蛋白还有心功能什么的。", False),  # qa14: was 准确解释
    ("这个我也不太清楚，应该是较重急性心肌梗死的标准没达到吧。", False),
    # guard: the rule said plainly
    ("张先生，合同里的重疾心梗要求是较重急性心肌梗死，肌钙蛋白要到正常上限的15倍以上，您这次没达到。", True),
])
def test_saying_you_do_not_know_is_no_accurate_explanation(real_scenarios, real_facts, judge, second, answered):
    call = _call(real_scenarios, real_facts, judge, "ci-claim-declined", "您好，请问是张建国先生本人吗？", second)
    assert bool(_accurate(call.findings, 2)) is answered, call.findings
    assert ("explain-definition" in call.state.done) is answered


@pytest.mark.parametrize("second, accurate", [
    ("投保单上的签名是您本人签的吗？", False),  # qa14: was 准确解释 (it names 投保单)
    ("投保单上的签名要由投保人本人亲笔签，不能由别人代签，请问是您本人签的吗？", True),  # guard: it says the rule
])
def test_a_plain_question_explains_nothing_but_still_does_its_step(real_scenarios, real_facts, judge, second, accurate):
    call = _call(real_scenarios, real_facts, judge, "callback-proxy-signature", "您好，请问是赵军先生本人吗？", second)
    assert bool(_accurate(call.findings, 2)) is accurate, call.findings
    assert "ask-signature" in call.state.done  # asking is the step here
