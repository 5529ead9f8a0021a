"""Exam mode's per-reply time limit: a late reply is a fault of its turn, and the wait upsets the customer."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import DialogueSession
from trainer.dialogue.loading import check_scenario


def test_a_late_reply_is_reported_on_its_turn_and_raises_the_mood(real_facts, real_scenarios) -> None:
    scenario = real_scenarios["cooling-off-cancel"]
    on_time, late = (DialogueSession(scenario, real_facts, mode="exam") for _ in range(2))
    for call in (on_time, late):
        call.start()
        call.reply(scenario.model_answers[0])
    late.note_slow_reply(75, 60)
    assert late.mood.value > on_time.mood.value and late.mood.history[-1] == late.mood.value
    assert len(late.mood.history) == len(on_time.mood.history)  # no extra turn in the mood chart
    [slow] = [f for f in late.report().findings if f.rubric == "slow_reply"]
    assert slow.turn_index == 1 and not slow.ok and "75 秒" in slow.advice and "60 秒" in slow.advice
    assert late.report().subscores["empathy_service"] < on_time.report().subscores["empathy_service"]


def test_nothing_to_time_before_the_first_reply(real_facts, real_scenarios) -> None:
    call = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, mode="exam")
    call.start()
    with pytest.raises(RuntimeError):
        call.note_slow_reply(90, 60)


@pytest.mark.parametrize("written, expected", [("", 60), ("reply_seconds: 30\n", 30)])
def test_the_reply_time_limit_defaults_to_60_seconds(real_facts, written, expected) -> None:
    text = (REAL_CONTENT / "scenarios" / "cooling-off-cancel.yaml").read_text(encoding="utf-8") + written
    scenario, problems = check_scenario("scenarios/cooling-off-cancel.yaml", text, real_facts.content.entries)
    assert problems == [] and scenario.reply_seconds == expected


def test_a_limit_out_of_range_names_the_field(real_facts) -> None:
    text = (REAL_CONTENT / "scenarios" / "cooling-off-cancel.yaml").read_text(encoding="utf-8") + "reply_seconds: 3\n"
    _, problems = check_scenario("scenarios/cooling-off-cancel.yaml", text, real_facts.content.entries)
    assert [p.field for p in problems] == ["reply_seconds"]
