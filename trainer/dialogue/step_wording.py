"""How the practice call's advice names a scenario's steps, in both UI languages: one form per kind of advice,
written by the session and read back for a saved call.

A saved call keeps each finding's advice as it was written, with its English (trainer.dialogue.store). A step's
English name is the scenario's: before the scenarios had English (polish24) it was the Chinese description, so a
call saved then said "Checkpoint done: 核实投保人身份" on the English page for good. The Chinese advice names the
step by its description, which is how the scenario knows it (as a contested step is stored, ui.display.step_name),
so a saved call's advice is worded again from the scenario's steps as they are when it is read (`reworded`); a
step the scenario no longer has, or a scenario that is gone, leaves the advice as it was stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.wording import Worded, english


@dataclass(frozen=True)
class StepForm:
    """Advice naming steps: `zh` holds one "{}" per step, filled with its Chinese description; `en` the same
    places, filled with its English name."""

    zh: str
    en: str
    _pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pattern", re.compile("(.+?)".join(map(re.escape, self.zh.split("{}")))))

    def of(self, *steps: Checkpoint) -> Worded:
        """The advice about `steps`, in both languages."""
        return Worded(self.zh.format(*(s.description for s in steps)), self.en.format(*(s.name.en for s in steps)))

    def named(self, advice: str) -> tuple[str, ...] | None:
        """The steps' Chinese descriptions in `advice` when it is of this form, else None."""
        match = self._pattern.fullmatch(advice)
        return match.groups() if match else None


STEP_DONE = StepForm("完成要点：{}", "Checkpoint done: {}")
STEP_NOT_DONE = StepForm("未完成要点：{}", "Checkpoint not done: {}")
STEP_AFTER = StepForm("“{}”要在“{}”之后进行。", "“{}” comes after “{}”.")
FORMS = (STEP_DONE, STEP_NOT_DONE, STEP_AFTER)


def reworded(advice: str, steps: Sequence[Checkpoint]) -> Worded | None:
    """`advice` worded again from the scenario's `steps` as they are now, or None when it names no step or a step
    `steps` no longer has (the stored advice is then what there is)."""
    by_description = {step.description: step for step in steps}
    for form in FORMS:
        named = form.named(str(advice))
        if named is not None and all(d in by_description for d in named):
            return form.of(*(by_description[d] for d in named))
    return None


def point_reworded(point: str, step: Checkpoint) -> str:
    """A saved call's still-open `point` naming `step` as not done, in the step's wording now: a wrong figure's
    reason after it ("——why", " — why" in English) is kept as it was said."""
    if not_done_step(point) in (None, step.description):
        return point
    missed = STEP_NOT_DONE.of(step)
    zh, en = str(point), english(point)
    return Worded(str(missed) + (f"——{zh.split('——', 1)[1]}" if "——" in zh else ""),
                  missed.en + (f" — {en.split(' — ', 1)[1]}" if " — " in en else ""))


def not_done_step(point: str) -> str | None:
    """The Chinese description of the step a still-open `point` names as not done (STEP_NOT_DONE, with a wrong
    figure's "——why" after it or not), or None for another kind of point (a question left open)."""
    named = STEP_NOT_DONE.named(str(point).split("——", 1)[0])
    return named[0] if named else None


def steps_not_done(points: Sequence[str], steps: Sequence[Checkpoint], ids: Sequence[str] | None = None) -> list[str]:
    """The ids of `steps` a saved call left undone, in the scenario's order: the missed checkpoints a live report
    knows (its missed steps' lessons, and contesting them, ui51). `ids` are the ones stored with the call (ui52); a
    call saved before they were is read by the descriptions its still-open `points` name, which miss a step whose
    wording has changed since."""
    if ids is not None:
        return [step.id for step in steps if step.id in ids]
    named = {not_done_step(point) for point in points}
    return [step.id for step in steps if step.description in named]
