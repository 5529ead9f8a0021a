"""Choosing the customer's next line: an end line, or a reaction plus what is still unanswered.

The reaction is, in order of precedence: the scenario's line for the worst thing the agent just
did; pushback when the agent was vague or ignored the question; the line for the best thing the
agent did; otherwise a line of the current mood band. Then comes the identity answer (or refusal)
if the agent asked for it, then the open follow-up question. Choices among several lines are
drawn from a seeded generator, so the same seed replays the same call.
"""

from __future__ import annotations

import random
from typing import Sequence

from trainer.dialogue.mood import Reaction
from trainer.dialogue.scenario import CustomerLines, FollowUp


def end_line(lines: CustomerLines, outcome: str) -> str:
    return {"resolved": lines.resolution, "hung_up": lines.hang_up, "escalated": lines.escalated,
            "timed_out": lines.timed_out}[outcome]


def reaction_line(lines: CustomerLines, reactions: Sequence[Reaction], band: str, pushed_back: bool,
                  rng: random.Random) -> str:
    worst = next((r for r in reactions if r.delta > 0 and r.say), None)
    if worst is not None:
        return worst.say
    if pushed_back:
        return rng.choice(lines.pushback)
    best = next((r for r in reactions if r.delta <= 0 and r.say), None)
    if best is not None:
        return best.say
    return rng.choice(lines.bands[band])


def next_follow_up(follow_ups: Sequence[FollowUp], asked: set[str], done_checkpoints: set[str]) -> FollowUp | None:
    """The first question not yet asked whose `after` checkpoint (if any) is met."""
    for follow_up in follow_ups:
        if follow_up.id not in asked and (not follow_up.after or follow_up.after in done_checkpoints):
            return follow_up
    return None


def compose(*parts: str) -> str:
    return "".join(p.strip() for p in parts if p and p.strip())
