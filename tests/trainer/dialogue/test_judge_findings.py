"""Which unit a judge finding quotes when the best-scoring one fails its behaviour's checks."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from trainer.dialogue.judge import MeaningJudge, Reading
from trainer.dialogue.segments import sentence_segments


def judge_scoring(behaviour: str, threshold: float) -> MeaningJudge:
    """A judge whose classifier knows one behaviour (no encoder, no training: `findings` reads the scores)."""
    judge = object.__new__(MeaningJudge)
    judge.classifier = SimpleNamespace(behaviours=(behaviour,), thresholds={behaviour: threshold})
    return judge


def reading(text: str, scores: list[float]) -> Reading:
    units = sentence_segments(text)
    return Reading(text, units, np.zeros((len(units), 1)), np.array(scores, dtype=float)[:, None])


def test_a_hedged_best_unit_gives_way_to_the_next_unit_above_the_threshold() -> None:
    text = "这个我不敢保证。您放心，肯定给您全额退。"
    found = judge_scoring("absolute_promise", 0.5).findings(reading(text, [0.9, 0.7]), set())
    assert [e.behaviour for e in found] == ["absolute_promise"]
    assert "肯定给您全额退" in found[0].quote and "不敢保证" not in found[0].quote


def test_nothing_is_found_when_no_unit_above_the_threshold_survives_the_checks() -> None:
    text = "这个我不敢保证。全额退肯定不行。"
    assert judge_scoring("absolute_promise", 0.5).findings(reading(text, [0.9, 0.8]), set()) == []
    assert judge_scoring("absolute_promise", 0.5).findings(reading("您放心，肯定给您全额退。", [0.4]), set()) == []
