"""Which model answer sits beside a reply: the one said at the same point of the model call, not the one
with the reply's number (a trainee a turn behind saw every later model answer answer another line)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.trainer.dialogue.conftest import QA23_GRACE_CALL, play
from trainer.dialogue import DialogueSession
from trainer.dialogue.lessons import turns
from trainer.dialogue.model_call import CallPoint, ModelStep, model_steps, placed
from tests.trainer.dialogue.test_all_scenarios import SCENARIO_IDS

STEPS = (ModelStep(1, "", frozenset({"verify"}), frozenset()),
         ModelStep(2, "how-long", frozenset({"period"}), frozenset({"how-long"})),
         ModelStep(3, "refund", frozenset(), frozenset({"refund"})))


def point(met: str = "", answered: str = "", waiting: str = "") -> CallPoint:
    return CallPoint(frozenset(met.split()), frozenset(answered.split()), waiting)


@pytest.mark.parametrize("points, numbers", [
    ([point(), point("verify", "", "how-long"), point("verify period", "how-long", "refund"),
      point("verify period", "how-long refund")], [1, 2, 3]),                          # the model call itself
    ([point(), point("", "", "how-long"), point("verify", "", "how-long")], [1, 1]),   # a greeting question first
    ([point(), point("verify", "how-long", "refund"), point("verify", "how-long refund"),
      point("verify period", "how-long refund")], [1, 3, 2]),  # step 2 begun, so she asks for step 3 first (qa23 T4):
                                                                # its answer beside her question, then step 2's rest
    ([point(), point("verify", "", "how-long"), point("verify", "", "how-long"),
      point("verify period", "how-long", "refund")], [1, 2, 2]),                       # the customer repeated herself
    ([point(), point("period", "", "how-long"), point("period", "how-long", "refund"),
      point("period", "how-long refund")], [1, 2, 3]),                                 # the identity check skipped for good
    ([point(), point("verify period", "", "how-long"), point("verify period", "how-long", "refund")],
     [1, 2]),                                                                          # step 2 half done early: not skipped
    ([point(), point("verify period", "refund", "how-long"), point("verify period", "refund how-long"),
      point("verify period", "refund how-long")], [1, 2, 0]),                          # her question first; then it had ended
])
def test_each_reply_finds_the_model_answer_for_its_point_of_the_call(points, numbers):
    assert placed(points, STEPS) == numbers


def test_an_ordered_step_still_open_is_the_model_answer_until_it_is_done():
    """A callback script: nothing counts before the identity check, so that is the model answer for every reply."""
    points = [point(), point("", "how-long"), point("", "how-long refund"), point("verify", "how-long refund")]
    assert placed(points, STEPS, ["verify", "period"]) == [1, 1, 1]
    assert placed(points, STEPS) == [1, 2, 0]


@pytest.mark.parametrize("with_judge", [False, True], ids=["rules", "judge"])
@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_the_model_call_sits_beside_itself(scenario_id, with_judge, real_scenarios, real_facts, request):
    """Each model answer beside itself, also when the judge reads the call by meaning (the steps are cue rules')."""
    scenario = real_scenarios[scenario_id]
    judge = request.getfixturevalue("judge") if with_judge else None
    session = DialogueSession(scenario, real_facts, seed=3, judge=judge)
    report, used = play(session, list(scenario.model_answers))
    if not with_judge:
        assert report.model_turns == list(range(1, used + 1))
        return
    # The judge may credit a model answer's work a turn early (by meaning): that answer said again adds nothing,
    # and the one for the customer's next question sits beside it. Never an earlier one, never past the end.
    steps = {s.number: s for s in model_steps(scenario, real_facts, DialogueSession)}
    for number, (shown, before) in enumerate(zip(report.model_turns, session.state.points), start=1):
        step = steps[number]
        assert shown == number or (shown > number and step.met <= before.met and step.answered <= before.answered), \
            (number, report.model_turns)


def test_the_model_call_is_played_once_per_version_of_the_scenario(real_scenarios, real_facts):
    scenario = real_scenarios["cooling-off-cancel"]
    steps = model_steps(scenario, real_facts, DialogueSession)
    assert model_steps(scenario, real_facts, DialogueSession) is steps
    assert [s.number for s in steps] == [1, 2, 3, 4, 5] and "verify" in steps[0].met and steps[1].waiting == "still-in-time"
    edited = replace(scenario, model_answers=scenario.model_answers[1:])
    assert model_steps(edited, real_facts, DialogueSession) is not steps


def test_a_vague_reply_a_turn_behind_is_taught_with_the_model_answer_for_where_the_call_is(real_scenarios, real_facts):
    """The better wording of a reply that says nothing was the model answer with the reply's number: at turn 2,
    still before the identity check, "感谢您，身份已经核对。…" (judge24)."""
    scenario = real_scenarios["callback-proxy-signature"]
    session = DialogueSession(scenario, real_facts)
    session.start()
    session.reply("嗯嗯，您稍等。")
    session.reply("嗯嗯，您稍等。")
    [vague] = [f for f in session.report().findings if f.turn_index == 2 and f.rubric == "vague"]
    assert vague.model_answer == scenario.model_answers[0]


def test_each_turn_is_beside_the_model_answer_to_what_the_customer_said_in_it(real_scenarios, real_facts, judge):
    """qa23 T4: she covered 减额交清 in turn 3, so the customer skipped that question and asked about paying through
    her sales agent; beside it stood the model answer about 减额交清, and the answer to her question (不可以。按照规定，
    业务员不能代收保费…) came under turn 5 (我失业了又不是我想的！) and again under turn 6."""
    scenario = real_scenarios["grace-period-short-of-money"]
    report, used = play(DialogueSession(scenario, real_facts, judge=judge), list(QA23_GRACE_CALL))
    assert used == 6
    pairs = turns(report)
    pay_agent = scenario.model_answers[4]
    assert "业务员" in pairs[3].customer_before and pairs[3].model == pay_agent and pairs[3].model_turn == 5
    assert pairs[4].customer_before == "我失业了又不是我想的！"
    assert pairs[4].model == "" and pairs[4].reacting_to == ("blame",), "a reaction to her blaming: no model line"
    assert pay_agent not in (pairs[4].model, pairs[5].model)
    assert pairs[5].model == scenario.model_answers[3], "the model answer she skipped is still to come"
