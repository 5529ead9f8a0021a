"""Which model answer fits a point of a trainee's call, for the report's turn-by-turn view.

The report showed model answer N beside reply N: once the trainee was a turn behind (asked a question
first, or the customer repeated herself), every model answer after it answered another customer line.
Instead the scenario's model call is played once (its model answers in order, cue rules only, seed 0:
deterministic and a few milliseconds), and each model answer is remembered with what it did there —
the checkpoints it met, the customer's questions it answered — and the question it was said after.

A point of the trainee's call is what was done before a reply and the question the customer is
waiting on. The trainee's place in the model call moves on only when a reply does some of the work of
the model answer shown beside it or of a later one, and then to the first later model answer whose work
is not all done: a greeting question or a reply the customer has to repeat herself after keeps the
trainee where they were; a step skipped for good does not hold every later reply back; work the judge
credits early (a checkpoint met by meaning a turn before the model call meets it) does not skip the
model answer that finishes it. Two things bring an earlier model answer back beside a reply: the
customer waiting on a question it answered (what she had just asked), and an ordered checkpoint it met
still open (a callback script's steps go in order: until the identity check is done, no later step
counts, so the identity check is what the trainee should say). The question she is waiting on also
brings a later model answer forward, over model answers whose work the trainee has begun: she asks her
questions in the order the trainee's call leads her to (qa23 T4: beside 能转给我那个业务员让他帮我交吗？
stood the model answer about 减额交清, whose question the trainee had answered a turn early, so she never
asked it); a model answer not begun at all (the identity check before her first question) still comes
first, as it did in the model call. The model answers passed over are still to come.

A customer line that only reacts to a fault of the reply before it (我失业了又不是我想的！ after blaming) has no
counterpart in the model call, which made no fault: the session names those faults (`Report.reacting_to`)
and the report says so beside that turn instead of a model answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from trainer.dialogue.factbook import FactBook
from trainer.dialogue.scenario import Scenario


@dataclass(frozen=True)
class CallPoint:
    """Where a call stands before a reply: checkpoints met, questions answered, the question waiting ("" none)."""

    met: frozenset[str]
    answered: frozenset[str]
    waiting: str = ""


@dataclass(frozen=True)
class ModelStep:
    """Model answer `number` (1 = first) in the model call: the question it was said after, what it did."""

    number: int
    waiting: str
    met: frozenset[str]
    answered: frozenset[str]


def placed(points: Sequence[CallPoint], steps: tuple[ModelStep, ...], ordered: Sequence[str] = ()) -> list[int]:
    """For each reply, the number of the model answer for its point of the call (1 = first; 0 when the model
    call had ended by then). `points`: where the call stood before each reply, then where it stands now;
    `ordered`: the checkpoints that must be met in this order."""
    numbers, place = [], 1
    for before, after in zip(points, points[1:]):
        asked = next((s.number for s in steps if before.waiting and before.waiting in s.answered), place)
        if asked > place and any(not (s.met & before.met or s.answered & before.answered)
                                 for s in steps if place <= s.number < asked):
            asked = place  # a model answer the trainee has not begun comes first, as in the model call
        due = next((c for c in ordered if c not in before.met), "")
        gate = next((s.number for s in steps if due in s.met), asked)
        shown = min(asked, gate)
        numbers.append(shown if shown <= len(steps) else 0)
        met, answered = after.met - before.met, after.answered - before.answered
        if any(s.met & met or s.answered & answered for s in steps if s.number >= shown):
            # past the model answer shown; one she asked for ahead of the model call's order leaves the steps
            # before it still to come (qa23 T4: her question about paying the sales agent, asked before 减额交清)
            start = place if shown > place else shown + 1
            unfinished = (s.number for s in steps if s.number >= start and s.number != shown
                          and not (s.met <= after.met and s.answered <= after.answered))
            place = max(place, next(unfinished, len(steps) + 1))
    return numbers


@dataclass(frozen=True, eq=False)
class _Version:
    """A scenario and its fact book, equal by a digest of what the model call depends on."""

    digest: str
    scenario: Scenario
    kb: FactBook
    new_session: Callable[..., Any]

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Version) and other.digest == self.digest


def model_steps(scenario: Scenario, kb: FactBook, new_session: Callable[..., Any]) -> tuple[ModelStep, ...]:
    """The model call's steps, played once per version of the scenario, its FAQ entries and the service
    language (a cached resource: an edited scenario is played again). `new_session` is the session class
    (`DialogueSession`), passed in because the session imports this module to place its replies."""
    entries = [kb.entry(i) for i in scenario.entry_ids()]
    digest = hashlib.sha256(repr((scenario, entries, kb.content.forbidden_phrases)).encode("utf-8")).hexdigest()
    return _played(_Version(digest, scenario, kb, new_session))


@lru_cache(maxsize=64)
def _played(version: _Version) -> tuple[ModelStep, ...]:
    session = version.new_session(version.scenario, version.kb, placing=False)
    session.start()
    steps = []
    for number, answer in enumerate(version.scenario.model_answers, start=1):
        if session.done:
            break
        before = session.point()
        session.reply(answer)
        after = session.point()
        steps.append(ModelStep(number, before.waiting, after.met - before.met, after.answered - before.answered))
    return tuple(steps)
