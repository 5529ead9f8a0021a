"""What instructors withdrew from the calls a page averages: per trainee or scenario, how many of its calls had an
objection upheld and how many judgements (findings, or steps counted done after all) those withdrew.

A stored call score is as judged then: accepting an objection does not recompute it (ui53, trainer.dialogue.withdrawn:
the outcome and step sub-scores are no function of the stored findings). So an average on 团队概览 or 薄弱情景 may hold
points lost to findings an instructor has since accepted as wrong; these counts say so beside it, without recomputing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, Mapping, TypeVar

from sqlalchemy import select

from trainer.dialogue.corrections import Correction, missed_step
from trainer.dialogue.withdrawn import upheld
from trainer.insights.calls import CallScore
from trainer.store.db import Database
from trainer.store.models import JudgeCorrection

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class Withdrawals:
    """Of a group of calls: how many had a judgement withdrawn, and how many judgements in all."""

    calls: int = 0
    judgements: int = 0

    def __bool__(self) -> bool:
        return self.calls > 0


def withdrawn_per_call(db: Database, calls: Iterable[CallScore]) -> dict[int, int]:
    """How many judgements of each of `calls` an instructor withdrew by upholding its trainee's objection (calls with
    none are absent). Read by trainee, not by call id: accepted objections are few, and a six-month console's
    ~22,000 call ids would not fit one query."""
    ids = {call.id for call in calls}
    users = sorted({call.user_id for call in calls})
    if not ids:
        return {}
    with db.session() as session:
        rows = session.scalars(select(JudgeCorrection).where(JudgeCorrection.user_id.in_(users),
                                                             JudgeCorrection.status == "accepted",
                                                             JudgeCorrection.dialogue_id.is_not(None))).all()
        accepted = [Correction.of(row) for row in rows]
    taken: dict[int, set] = defaultdict(set)
    for correction in accepted:
        if correction.dialogue_id in ids and upheld(correction):
            # one judgement once, however many times the trainee objected to it
            step = missed_step(correction)
            what = (step,) if step else (correction.turn_index, correction.behaviour, correction.verdict_ok,
                                         correction.quote)
            taken[correction.dialogue_id].add(what)
    return {call_id: len(found) for call_id, found in taken.items()}


def withdrawals_by(calls: Iterable[CallScore], per_call: Mapping[int, int],
                   key: Callable[[CallScore], Key]) -> dict[Key, Withdrawals]:
    """`per_call` folded by `key` of each call (its trainee, its scenario); groups with nothing withdrawn are absent."""
    found: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for call in calls:
        if per_call.get(call.id):
            found[key(call)][0] += 1
            found[key(call)][1] += per_call[call.id]
    return {group: Withdrawals(*counts) for group, counts in found.items()}
