"""The report's better wording for a fault is the model line that shows what the reply lacked,
not the model call's line at the same turn number (cue rules only: no encoder needed)."""

from __future__ import annotations

from tests.trainer.dialogue.conftest import play
from trainer.dialogue import DialogueSession


def faults(scenario, real_facts, replies):
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), replies)
    return {f.rubric: f for f in report.findings if not f.ok}


def test_blame_is_answered_with_the_model_line_that_shows_empathy(real_scenarios, real_facts):
    scenario = real_scenarios["ci-claim-declined"]
    blame = faults(scenario, real_facts, ["张先生您好。", "都是您自己没看清条款。"])["blame"]
    assert blame.turn_index == 2 and blame.model_answer != scenario.model_answers[1]  # not the 2nd line's figures
    assert blame.model_answer == scenario.model_answers[0] and "理解您的心情" in blame.model_answer


def test_reading_out_personal_data_is_answered_with_the_line_that_asks_the_customer(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]
    leak = faults(scenario, real_facts, ["您好，我是95519客服中心的回访专员。", "好的。", "您的身份证后四位是2046吧？"])["personal_data"]
    assert leak.turn_index == 3 and leak.model_answer != scenario.model_answers[2]
    assert "麻烦您说一下身份证后四位" in leak.model_answer


def test_a_reply_without_substance_gets_what_to_say_at_that_point(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]
    vague = faults(scenario, real_facts, ["您好，我是95519客服中心的回访专员。"])["vague"]
    assert vague.model_answer == scenario.model_answers[0]


def test_no_unrelated_suggestion_when_no_model_line_shows_the_remedy(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]  # its model call never needs to apologise
    blame = faults(scenario, real_facts, ["李女士您好，我是95519客服中心的回访专员，请问是您本人吗？",
                                          "都是你自己没看清楚，怪不得别人。"])["blame"]
    assert blame.model_answer == ""
