import pytest

from kb.content import ForbiddenPhrase
from trainer.dialogue.detectors import Detectors

FORBIDDEN = (
    ForbiddenPhrase("forbid-guarantee-payout", "保证能赔", "absolute_promise", "承诺赔付属于误导。", "会按条款审核。", ("肯定能赔",)),
    ForbiddenPhrase("forbid-go-complain", "你去投诉啊", "rude", "激化矛盾。", "我帮您登记。"),
)


def behaviours(evidence):
    return {e.behaviour: e.quote for e in evidence}


def test_positive_behaviours_quote_the_agents_words():
    text = "非常理解您的心情，给您带来不便非常抱歉。请问您是投保人本人吗？您是哪天出院的？我帮您登记投诉，请问还有其他可以帮您的吗？"
    found = behaviours(Detectors(FORBIDDEN).positives(text))
    assert set(found) >= {"empathy", "apology", "verification", "clarifying_question", "next_step", "escalation", "closing"}
    for quote in found.values():
        assert quote in text


def test_forbidden_phrases_and_promises_are_flagged_with_the_phrase():
    found = Detectors(FORBIDDEN).negatives("放心吧，肯定能赔，赔不了你去投诉啊。", set())
    quotes = {e.behaviour: e.quote for e in found}
    assert "肯定能赔" in quotes["absolute_promise"]
    assert "你去投诉啊" in quotes["rude"]
    assert found[0].better == "会按条款审核。"


def test_negated_promise_is_not_a_promise():
    assert Detectors(FORBIDDEN).negatives("现在还不能保证能赔，要看审核结果。", set()) == []


@pytest.mark.parametrize("text", [
    "您还有别的要问的吗？",            # offering to close
    "喂，您还能听到吗？",              # checking the line
])
def test_questions_that_do_something_else_are_not_clarifying_questions(text):
    assert "clarifying_question" not in behaviours(Detectors(()).positives(text))


def test_a_question_about_the_case_is_a_clarifying_question():
    assert behaviours(Detectors(()).positives("嗯，您是哪天住的院？"))["clarifying_question"] == "嗯，您是哪天住的院？"


@pytest.mark.parametrize("text", [
    "那个…我没办法跟您保证一定能赔，这个要理赔审核的。",  # the negation seven characters before the promise
    "瞅您这单，电话登记的是您儿子的，难怪您没接着。",      # 难怪您: no wonder, not blame
    "您刚才是说，保单是您闺女替您签的，您自己没签，是这个意思吧？",  # restating the customer
])
def test_negated_excused_and_restated_faults_are_not_flagged(text):
    assert Detectors(FORBIDDEN).negatives(text, set()) == []


def test_a_negation_in_an_earlier_clause_does_not_cancel_a_promise():
    found = Detectors(()).negatives("不用担心，一定能赔。", set())
    assert [e.behaviour for e in found] == ["absolute_promise"]


def test_promise_pattern_works_without_service_language():
    found = Detectors(()).negatives("这个病一定会赔的。", set())
    assert [e.behaviour for e in found] == ["absolute_promise"]


def test_blame_is_flagged():
    found = Detectors(FORBIDDEN).negatives("那是你自己没看条款。", set())
    assert [e.behaviour for e in found] == ["blame"]


def test_jargon_needs_an_explanation_once():
    detectors, explained = Detectors(FORBIDDEN), set()
    assert [e.behaviour for e in detectors.negatives("您可以办理减额交清。", explained)] == ["jargon"]
    assert detectors.negatives("减额交清，也就是用现金价值一次交清、降低保额。", set()) == []
    assert detectors.negatives("复效要恢复效力。", {"复效"}) == []


def test_plain_words_containing_a_term_are_not_jargon():
    assert Detectors(FORBIDDEN).negatives("补交保费后合同恢复效力。", set()) == []
