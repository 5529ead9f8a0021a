"""The decision left to the customer, in fresh words (judge49, qa23 T3): respected, it is neither blame nor rudeness,
said with 你 or 您; with the agent's hands washed it stays a fault where the judge found one.

The lines (choice_lines/w-choice-lines.yaml) are tune-side: judge49 read them all (see the file's header)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence

LINES = yaml.safe_load((Path(__file__).parent / "choice_lines" / "w-choice-lines.yaml").read_text(encoding="utf-8"))["lines"]
# hands-washed lines the judge finds blame or rude (judge49, measured: 14 of 30 on main and on the branch — the others
# are a recall gap of rude / blame, not made here)
WASHED_FOUND_FLOOR = 14


def _faults(text: str, judge, real_facts) -> set[str]:
    found = reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge)
    return {e.behaviour for e in found if not e.ok} & {"blame", "rude"}


def test_the_writers_lines_are_as_briefed():
    kinds = [line["kind"] for line in LINES]
    assert (kinds.count("respect"), kinds.count("hands_washed"), kinds.count("neither")) == (70, 30, 20)
    assert sum("你" in line["text"] for line in LINES if line["kind"] == "respect") >= 25


def test_a_choice_left_to_the_customer_is_no_blame_or_rudeness(judge, real_facts):
    flagged = [(line["text"], faults) for line in LINES if line["kind"] != "hands_washed"
               if (faults := _faults(line["text"], judge, real_facts))]
    assert flagged == []


def test_a_choice_left_with_the_hands_washed_is_still_found(judge, real_facts):
    found = [line["text"] for line in LINES if line["kind"] == "hands_washed" if _faults(line["text"], judge, real_facts)]
    assert len(found) >= WASHED_FOUND_FLOOR, found
