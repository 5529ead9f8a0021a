"""The customer's mood (0 calm … 100 furious), moved by what the agent does.

Each behaviour has a default effect; a scenario's triggers override it and may add a line the
customer says in reaction. Good behaviour calms less each time it repeats (saying 理解您 five
times is not five times as soothing); bad behaviour costs its full price every time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Collection, Iterable

from trainer.dialogue.scenario import MoodSpec, Trigger

DEFAULT_EFFECTS = {
    "empathy": -12, "apology": -6, "verification": 0, "clarifying_question": -3, "explanation": -6,
    "answer": -6, "next_step": -8, "escalation": -6, "closing": -2,
    "absolute_promise": 15, "rude": 30, "blame": 25, "jargon": 6, "personal_data": 15,
    "wrong_fact": 10, "ignored_question": 10, "vague": 8,
    "wrong_name": 8,
    "slow_reply": 8,  # the customer waited in silence (exam mode)
}
# A step she resents (the wary customer's 又要核实我身份？) asked with the reason for it (为了保护您的信息安全): she
# hears why and calms a little, as after a clarifying question, instead of her trigger's anger (judge31).
EXPLAINED = -3


@dataclass(frozen=True)
class Reaction:
    behaviour: str
    delta: int
    say: str


class MoodModel:
    """Current mood, its history, and the reactions behind each change."""

    def __init__(self, spec: MoodSpec, triggers: Iterable[Trigger]) -> None:
        self.spec = spec
        self.triggers = {t.when: t for t in triggers}
        self.value = spec.start
        self.history = [spec.start]
        self._seen: Counter[str] = Counter()

    def react(self, behaviours: Iterable[str], explained: Collection[str] = ()) -> list[Reaction]:
        """Apply one turn's behaviours (each counted once); the reactions, strongest first. A behaviour in
        `explained` came with its reason: if it would upset her, it calms her a little instead (`EXPLAINED`)."""
        reactions = []
        for behaviour in dict.fromkeys(behaviours):
            trigger = self.triggers.get(behaviour)
            base = trigger.mood if trigger else DEFAULT_EFFECTS.get(behaviour, 0)
            say = trigger.say if trigger else ""
            if behaviour in explained and base > 0:
                base, say = EXPLAINED, ""
            delta = round(base / (1 + self._seen[behaviour])) if base < 0 else base
            self._seen[behaviour] += 1
            reactions.append(Reaction(behaviour, delta, say))
        self.value = max(0, min(100, self.value + sum(r.delta for r in reactions)))
        self.history.append(self.value)
        return sorted(reactions, key=lambda r: (0 if r.delta > 0 else 1, -abs(r.delta)))

    @property
    def band(self) -> str:
        return self.spec.band(self.value)

    def wait(self, behaviour: str) -> int:
        """A reaction that comes with the last turn (a silence before the reply): the turn's mood moves, no new turn."""
        trigger = self.triggers.get(behaviour)
        delta = trigger.mood if trigger else DEFAULT_EFFECTS.get(behaviour, 0)
        self.value = max(0, min(100, self.value + delta))
        self.history[-1] = self.value
        return delta
