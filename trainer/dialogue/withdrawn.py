"""What an instructor withdrew from a saved call by accepting its trainee's objections: the findings the judge was
wrong about, the steps counted as done after all, and the questions those findings left open.

A saved call keeps its findings and still-open points as the judge wrote them; the objections live beside it
(trainer.dialogue.corrections). qa28 W1: after 赵组长 accepted 未回应问题, 小美's saved call still listed
未回答客户问题：投诉了多久给我答复？ under 还没解决的 and made it lesson 1. The report now reads both together.

The score is not computed again. It is no function of the stored findings alone: the outcome sub-score is how the
simulated customer ended the call after hearing the faults (a withdrawn one may have moved her), and the step
sub-score counts the scenario's steps as they were then, which a call does not store. The report says the score is
as judged then.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

from trainer.dialogue.corrections import Correction, contested_step, missed_step, verdict_kept
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.scoring import Report
from trainer.dialogue.session import NOT_ANSWERED
from trainer.dialogue.step_wording import not_done_step

IGNORED = "ignored_question"


@dataclass(frozen=True)
class Withdrawn:
    """Of one saved call's report: the findings withdrawn (numbers in `report.findings`) and the steps counted as
    done after all (checkpoint ids)."""

    findings: frozenset[int] = frozenset()
    steps: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.findings or self.steps)


def upheld(correction: Correction) -> bool:
    """An objection the instructor agreed with: accepted, and not relabelled so that the verdict still holds."""
    return correction.status == "accepted" and not verdict_kept(correction)


def withdrawn(report: Report, checkpoints: Sequence[Checkpoint], objections: Sequence[Correction]) -> Withdrawn:
    """What `objections` (filed on the call of `report`, whose scenario has `checkpoints`) withdrew."""
    agreed = [o for o in objections if upheld(o)]
    findings = {n for n, f in enumerate(report.findings) for o in agreed if not missed_step(o)
                and (o.turn_index, o.behaviour, o.verdict_ok, o.quote) == (f.turn_index, f.rubric, f.ok, f.quote)}
    steps = {o.step_id or (step.id if (step := contested_step(o, checkpoints)) else "") for o in agreed if missed_step(o)}
    return Withdrawn(frozenset(findings), frozenset(steps - {""}))


def withdrawn_points(report: Report, checkpoints: Sequence[Checkpoint], taken: Withdrawn) -> list[bool]:
    """For each of `report.missed` (still open when saved), whether it was withdrawn: a step counted as done, or a
    question the customer asked that a withdrawn 未回应问题 finding said was not answered (its advice quotes it)."""
    by_description = {c.description: c.id for c in checkpoints}
    asked = [str(report.findings[n].advice) for n in taken.findings if report.findings[n].rubric == IGNORED]

    def gone(point: str) -> bool:
        step = not_done_step(point)
        if step is not None:
            return by_description.get(step) in taken.steps
        words, _, question = point.partition("：")
        return words == str(NOT_ANSWERED) and any(f"“{question}”" in advice for advice in asked)

    return [bool(taken) and gone(str(point)) for point in report.missed]


def without_withdrawn(report: Report, checkpoints: Sequence[Checkpoint], taken: Withdrawn) -> Report:
    """`report` as its lessons read it once `taken` is left out: no lesson for a withdrawn finding or a step done."""
    gone = withdrawn_points(report, checkpoints, taken)
    return dataclasses.replace(
        report, findings=[f for n, f in enumerate(report.findings) if n not in taken.findings],
        missed=[p for p, out in zip(report.missed, gone) if not out],
        missed_checkpoints=[c for c in report.missed_checkpoints if c not in taken.steps])
