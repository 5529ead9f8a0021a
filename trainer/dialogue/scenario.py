"""The scenario model: who the customer is, what the agent must do, how the customer reacts.

Plain frozen dataclasses, built by `trainer.dialogue.schema` from content/scenarios/<id>.yaml
(the schema is documented for instructors in content/scenarios/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from trainer.dialogue.wording import Worded

KINDS = ("outbound_callback", "outbound_reminder", "inbound_question", "inbound_complaint")
KIND_NAMES = {
    "outbound_callback": ("新单回访", "New-policy callback"),
    "outbound_reminder": ("外呼提醒", "Outbound reminder"),
    "inbound_question": ("来电咨询", "Inbound question"),
    "inbound_complaint": ("来电投诉", "Inbound complaint"),
}


@dataclass(frozen=True)
class Persona:
    """The customer. `private` holds identity data (ID digits, phone) the agent must not read out first."""

    name: str
    description: str
    facts: Mapping[str, str] = field(default_factory=dict)
    private: Mapping[str, str] = field(default_factory=dict)
    verifies: bool = True
    description_en: str = ""  # optional: shown on the English page instead of the Chinese description


@dataclass(frozen=True)
class MoodSpec:
    """Mood thresholds on 0 (calm) … 100 (furious)."""

    start: int
    calm: int       # at or below: the customer can accept a resolution
    angry: int      # at or above: threats; staying here escalates the call
    hang_up: int    # at or above: the customer hangs up

    def band(self, mood: int) -> str:
        if mood <= self.calm:
            return "calm"
        if mood >= self.angry:
            return "angry"
        return "upset"


@dataclass(frozen=True)
class CaseFact:
    """The figures true for one topic of this customer's case (犹豫期 → 15日), backed by a FAQ entry.

    A figure of the same unit said next to one of `terms` must be one of `values`.
    """

    terms: tuple[str, ...]
    values: tuple[str, ...]
    entry: str


@dataclass(frozen=True)
class Checkpoint:
    """Something the agent must do; met by a detected behaviour or by any cue phrase."""

    id: str
    description: str
    behaviour: str = ""
    cues: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()
    order: int | None = None
    hint: str = ""
    line: int = 0
    description_en: str = ""  # optional English of description and hint, for the English page
    hint_en: str = ""
    # Trainees' sentences an instructor accepted as doing the step (评判纠错): references of its meaning check
    examples: tuple[str, ...] = ()
    # A question the step asks, read by its form beside the cues (`ASKED_QUESTIONS`): "understanding", a teach-back
    asks: str = ""

    @property
    def name(self) -> Worded:
        """The step as the hint and the report name it, in both languages (Chinese when no English is written)."""
        return Worded(self.description, self.description_en or self.description)

    @property
    def hint_text(self) -> Worded:
        """The training hint (default: the step's name). An English page without `hint_en` shows the step's English
        name rather than a Chinese hint."""
        if not self.hint:
            return self.name
        return Worded(self.hint, self.hint_en or self.description_en or self.hint)


def due_order(checkpoint: Checkpoint) -> tuple[bool, int]:
    """Sort key for "what is due next": the numbered steps in their order, then the unnumbered ones (due at
    any point, e.g. 告知犹豫期 or the closing) in file order. Sorting by `order or 0` put an unnumbered step
    first, so the hint and the report's first lesson named it before identity and signature (qa14, qa17)."""
    return (checkpoint.order is None, checkpoint.order or 0)


@dataclass(frozen=True)
class Trigger:
    """How the customer reacts to an agent behaviour: a mood change and, optionally, a line."""

    when: str
    mood: int
    say: str = ""


@dataclass(frozen=True)
class FollowUp:
    """A question the customer asks, answered when the reply has a cue or a right figure of `entry`."""

    id: str
    ask: str
    entry: str
    cues: tuple[str, ...]
    after: str = ""


@dataclass(frozen=True)
class EndLine:
    """A last line that tells of something the call may not have had (顺便把扣款的卡也换了: advice the trainee may never
    have given; 你也没给我个准话 after a complaint was registered), said instead of the plain `resolution` / `unfinished`
    only when the call had it (qa27 C1, qa28 C1): the trainee said one of `said`, did (or answered) every id of `done`,
    and none of `not_done` (`lines.fits`)."""

    end: str  # "resolution" or "unfinished"
    line: str
    said: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    not_done: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reacting:
    """What a mood line answers (qa27 C1: 怎么会这样，我一直以为保单好好的。 after the way to reinstate, news she had taken in
    two turns before): said only right after a reply that did one of `right_after` (a step met or question answered in
    it, or a behaviour of it: apology, explanation…) — and then said first — and only once the call had one of `after`."""

    right_after: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    def fits(self, reply_did: frozenset[str], had: frozenset[str]) -> bool:
        """The line follows from what was said: `reply_did` is what the last reply did, `had` all the call has met."""
        return ((not self.right_after or not reply_did.isdisjoint(self.right_after))
                and (not self.after or not had.isdisjoint(self.after)))


@dataclass(frozen=True)
class CustomerLines:
    opening: str
    bands: Mapping[str, tuple[str, ...]]
    pushback: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...]
    resolution: str
    hang_up: str
    escalated: str
    timed_out: str = "好了，我还有事，先这样吧。"
    verification_answer: str = ""
    verification_refusal: str = ""
    softened: tuple[str, ...] = ()   # once, when an apology or empathy calms her (defaults in trainer.dialogue.customer)
    unknown: tuple[str, ...] = ()    # asked something the customer does not know
    unfinished: str = ""             # the trainee closes while the customer still has open points
    # A mood or pushback line that asks something a follow-up or checkpoint answers → those ids: once one of
    # them is answered or met, the line is not said (a question already answered is not asked again).
    asking: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Last lines said only when the call had what they tell of, first fitting one first (else `resolution` / `unfinished`).
    end_lines: tuple[EndLine, ...] = ()
    # Mood lines that answer a kind of reply or presume news (`Reacting`); a line not listed fits any reply.
    reacting: Mapping[str, Reacting] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    title_en: str
    kind: str
    difficulty: int
    persona: Persona
    mood: MoodSpec
    goals: tuple[str, ...]
    checkpoints: tuple[Checkpoint, ...]
    triggers: tuple[Trigger, ...]
    lines: CustomerLines
    model_answers: tuple[str, ...]
    case_facts: tuple[CaseFact, ...] = ()
    max_turns: int = 12
    file: str = ""
    reply_seconds: int = 60  # exam mode: the time limit for each reply
    goals_en: tuple[str, ...] = ()  # optional: one English goal per goal, in the same order

    def description(self) -> Worded:
        """Who the customer is, as the trainee reads it before the call."""
        return Worded(self.persona.description, self.persona.description_en or self.persona.description)

    def goal_texts(self) -> tuple[Worded, ...]:
        """The goals in both languages; Chinese on the English page when the scenario has no English goals."""
        english = self.goals_en if len(self.goals_en) == len(self.goals) else self.goals
        return tuple(Worded(zh, en) for zh, en in zip(self.goals, english))

    def entry_ids(self) -> list[str]:
        """Every FAQ entry the scenario refers to, in first-use order."""
        ids = [f.entry for f in self.case_facts]
        for checkpoint in self.checkpoints:
            ids += checkpoint.entries
        ids += [f.entry for f in self.lines.follow_ups]
        return list(dict.fromkeys(i for i in ids if i))
