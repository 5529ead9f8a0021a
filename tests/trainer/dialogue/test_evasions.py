"""An answer that only says "it depends" is vague, held to the classifier's floor (judge39c, evasions)."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors


def vague(text: str) -> tuple[set[str], set[str]]:
    judged, held = Detectors(()).rule_evidence(text, set())
    return tuple({e.quote for e in found if e.behaviour == "vague"} for found in (judged, held))


@pytest.mark.parametrize("text, quote", [
    ("放支架这个吧，具体还得看情况，不是说放了就赔，也不是说放了就不赔，这个不好一概而论。", "具体还得看情况，"),
    ("这个嘛，不好一概而论。", "不好一概而论。"),
])
def test_it_depends_with_nothing_it_depends_on_is_vague_held_to_the_classifier(text, quote):
    judged, held = vague(text)
    assert quote in judged and quote in held


@pytest.mark.parametrize("text", [
    "这个要看情况：如果是轻度脑中风后遗症，就按轻症赔。",
    "具体要看情况，主要看确诊180天后的肌力。",
])
def test_it_depends_with_its_condition_is_no_vague_answer(text):
    assert vague(text) == (set(), set())
