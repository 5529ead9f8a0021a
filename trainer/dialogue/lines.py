"""The scenario's fixed lines: the end line for an outcome, and the customer's next question.

What the customer says in reaction to each reply is chosen by `trainer.dialogue.customer`.
"""

from __future__ import annotations

from typing import Sequence

from trainer.dialogue.scenario import CustomerLines, FollowUp


def end_line(lines: CustomerLines, outcome: str) -> str:
    return {"resolved": lines.resolution, "hung_up": lines.hang_up, "escalated": lines.escalated,
            "timed_out": lines.timed_out}[outcome]


def next_follow_up(follow_ups: Sequence[FollowUp], asked: set[str], done_checkpoints: set[str]) -> FollowUp | None:
    """The first question not yet asked whose `after` checkpoint (if any) is met."""
    for follow_up in follow_ups:
        if follow_up.id not in asked and (not follow_up.after or follow_up.after in done_checkpoints):
            return follow_up
    return None
