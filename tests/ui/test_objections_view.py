"""What the trainee reads of an objection's outcome (ui/objections_view.outcome)."""

from __future__ import annotations

from datetime import datetime

from trainer.dialogue.corrections import Correction
from ui.objections_view import outcome


def _accepted(labels: tuple[str, ...], behaviour: str = "rude", ok: bool = False) -> Correction:
    return Correction(1, 1, "lapse-reinstatement", 3, behaviour, ok, "可别磨叽了", "所以您得抓紧整复效，可别磨叽了",
                      "判错了，别磨叽就是让她抓紧办", "accepted", labels, datetime(2026, 12, 7, 16, 20))


def test_an_accepted_objection_whose_relabel_keeps_the_fault_does_not_say_the_judge_was_corrected():
    """qa27: 阿杰 read “已接受：评判已更正” although Ms. Wang's labels (explanation, next_step, rude) kept 服务忌语."""
    kept = outcome(_accepted(("explanation", "next_step", "rude")))
    assert "评判已更正" not in kept and "仍判为“服务忌语”（不足）" in kept, kept
    assert "评判已更正" in outcome(_accepted(("explanation", "next_step"))), "the flag dropped: corrected"
    credit_kept = outcome(_accepted(("empathy",), behaviour="empathy", ok=True))
    assert "仍判为“共情安抚”（做到）" in credit_kept, credit_kept
