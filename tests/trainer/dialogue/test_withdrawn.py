"""What an instructor withdrew from a saved call by upholding its trainee's objections (qa28 W1, K1, K2)."""

from __future__ import annotations

from datetime import datetime

from trainer.dialogue.corrections import MISSED_STEP, Correction
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.scoring import Finding, Report
from trainer.dialogue.withdrawn import withdrawn, withdrawn_points, without_withdrawn

STEPS = [Checkpoint("illustration", "讲清利益演示只是举例，不是承诺", "", ("利益演示",)),
         Checkpoint("deadline", "告知投诉处理时限", "", ("15日",))]
QUESTION = "投诉了多久给我答复？"
FINDINGS = [Finding(1, "slow_reply", False, "林先生您好，实在抱歉让您久等了。", "回复超过了限时。"),
            Finding(3, "explanation", True, "高、中、低那几档数字只是参考。", "…"),
            Finding(6, "ignored_question", False, "好的，那就先这样。", f"客户问的是“{QUESTION}”，这一轮没有答到点上。"),
            Finding(6, "rude", False, "好的，那就先这样。", "…")]
MISSED = ["未完成要点：讲清利益演示只是举例，不是承诺", "未完成要点：告知投诉处理时限", f"未回答客户问题：{QUESTION}"]


def report() -> Report:
    return Report(78, {}, "closed_open", list(FINDINGS), [], missed=list(MISSED),
                  missed_checkpoints=["illustration", "deadline"])


def objection(turn: int, behaviour: str, quote: str, status: str = "accepted", labels: tuple[str, ...] = (),
              ok: bool = False, step_id: str = "") -> Correction:
    return Correction(1, 1, "dividend-below-promise", turn, behaviour, ok, quote, "…", "…", status, labels,
                      datetime(2026, 12, 8), 1, step_id=step_id)


def test_upheld_objections_withdraw_their_findings_the_step_and_the_question_the_finding_left_open() -> None:
    """小美's call (qa28): 未回应问题 accepted, 回复超时 accepted for the call (the page stalled), the 利益演示 step accepted
    for the call. The kept objection and the relabel that kept its fault withdraw nothing."""
    objections = [objection(6, "ignored_question", FINDINGS[2].quote),
                  objection(1, "slow_reply", FINDINGS[0].quote),
                  objection(3, "checkpoint", MISSED_STEP + STEPS[0].description, step_id="illustration"),
                  objection(6, "rude", FINDINGS[3].quote, labels=("rude",)),  # relabelled, the fault kept
                  objection(3, "explanation", FINDINGS[1].quote, status="rejected", ok=True)]
    taken = withdrawn(report(), STEPS, objections)
    assert (taken.findings, taken.steps) == ({0, 2}, {"illustration"})
    assert withdrawn_points(report(), STEPS, taken) == [True, False, True]
    lessons = without_withdrawn(report(), STEPS, taken)
    assert [f.rubric for f in lessons.findings] == ["explanation", "rude"]
    assert lessons.missed == [MISSED[1]] and lessons.missed_checkpoints == ["deadline"]


def test_a_step_accepted_before_its_id_was_recorded_is_known_by_its_wording_and_nothing_upheld_withdraws_nothing() -> None:
    step = objection(3, "checkpoint", MISSED_STEP + STEPS[1].description)
    assert withdrawn(report(), STEPS, [step]).steps == {"deadline"}
    assert not withdrawn(report(), STEPS, [objection(6, "ignored_question", FINDINGS[2].quote, status="open")])
    assert withdrawn_points(report(), STEPS, withdrawn(report(), STEPS, [])) == [False, False, False]
