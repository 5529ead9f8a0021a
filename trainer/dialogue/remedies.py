"""Which line of the scenario's model call to suggest for a fault: one that shows what the reply
lacked, not whatever the model call happens to say at the same turn number.

A fault the evidence already words better (a wrong figure: the entry's script; a forbidden
phrase: its recommended wording) keeps that. For the others, the model line that shows a
behaviour remedying the fault (after blame: an apology or empathy; after reading out personal
data: asking the customer to verify), the one nearest the fault's point of the call. A reply that said
nothing of substance gets the model line for that point of the call (what to say there; the point is
placed by `model_call`, not taken from the reply's number). Else
none — no suggestion is better than an unrelated one.
"""

from __future__ import annotations

from typing import Sequence

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.scenario import Checkpoint

# Fault → behaviours that show how to do it instead, the most fitting first.
REMEDIES = {
    "blame": ("apology", "empathy"),
    "rude": ("empathy", "apology"),
    "absolute_promise": ("next_step", "escalation"),  # the process and time limits, not a promise
    "personal_data": ("verification",),
}
# Faults whose remedy is simply what the model call says at that point.
AT_THIS_POINT = ("vague",)


class ModelLines:
    """The scenario's model answers with the behaviours each one shows (cue rules: cheap, no encoder)."""

    def __init__(self, answers: Sequence[str], detectors: Detectors) -> None:
        self.answers = tuple(answers)
        self.shown = [{e.behaviour for e in detectors.positives(answer)} for answer in self.answers]

    def showing(self, behaviour: str) -> str:
        """The first model line that shows `behaviour` (empathy, closing …), or ""."""
        return next((answer for answer, shown in zip(self.answers, self.shown) if behaviour in shown), "")

    def for_fault(self, rubric: str, turn: int) -> str:
        """The model line that shows what a `rubric` fault lacked, or "": `turn` is the model answer for the
        fault's point of the call (1 = first; `model_call`), which is the reply's number only in the model call."""
        if rubric in AT_THIS_POINT:
            return self.answers[turn - 1] if 0 < turn <= len(self.answers) else ""
        for behaviour in REMEDIES.get(rubric, ()):
            showing = [n for n, shown in enumerate(self.shown) if behaviour in shown]
            if showing:
                return self.answers[min(showing, key=lambda n: (abs(n - (turn - 1)), n))]
        return ""


def model_line_for(checkpoint: Checkpoint, answers: Sequence[str]) -> str:
    """The model answer that meets `checkpoint` by its cues, or ""."""
    return next((answer for answer in answers if any(cue in answer for cue in checkpoint.cues)), "")
