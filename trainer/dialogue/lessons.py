"""The report that teaches: what to do differently first, then what went well, turn by turn.

Built from a `Report` (and its scenario) without Streamlit, so the practice page, the saved-call
page and the benchmark read the same lessons:
- `do_differently`: at most three things, the most serious first — red lines, then faults that
  upset a customer, then checkpoints never met — each with the trainee's words, why, and a better
  wording. One lesson per kind of fault: three different things to fix, not one fault three times.
- `went_well`: the good findings grouped by behaviour, with the words that earned them.
- `turns`: each reply beside the customer's line before it and the model answer for that point of the
  call (`model_call`: not the one with the reply's number, which a trainee a turn behind never matched).
- `mood_notes`: the mood after each reply and the behaviours that moved it.
- `focus`: the checkpoint a "practise this again" should work on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.remedies import SOOTHING, ModelLines, model_line_for, own_part, topic_cues
from trainer.dialogue.scenario import Checkpoint, Scenario, due_order
from trainer.dialogue.scoring import Finding, Report
from trainer.dialogue.wording import Worded, english
from trainer.dialogue.wrong_figures import WRONG_FACT, faulted_sentence, figures_in

MAX_LESSONS = 3
# Faults from the most to the least serious (call QA order: compliance red lines first).
SEVERITY = ("absolute_promise", "personal_data", "rude", "blame", "wrong_fact", "ignored_question",
            "wrong_name", "slow_reply", "checkpoint_order", "jargon", "vague")
MISSED_CHECKPOINT = "missed_checkpoint"


@dataclass(frozen=True)
class Lesson:
    """One thing to do differently: the trainee's words (empty when never said), why (a `Worded` text
    where the trainer wrote it: wording.english gives its English), a better wording; a missed step's lesson names
    its checkpoint, so the report can mark it contested beside it (qa25 E2)."""

    rubric: str
    turn_index: int
    said: str
    why: str
    better: str
    checkpoint: str = ""


@dataclass(frozen=True)
class Strength:
    """A behaviour done well, with every (turn, words) that showed it; `wrong_figures` maps an example whose words
    also hold a wrong figure to (as said, as it should be) for each such figure (polish29)."""

    rubric: str
    examples: tuple[tuple[int, str], ...]
    wrong_figures: tuple[tuple[tuple[int, str], tuple[tuple[str, str], ...]], ...] = ()

    def wrong_in(self, example: tuple[int, str]) -> tuple[tuple[str, str], ...]:
        """The wrong figures in an example's words (none for most)."""
        return next((figures for at, figures in self.wrong_figures if at == example), ())


@dataclass(frozen=True)
class TurnPair:
    """A reply beside the model answer for the same point of the call: model answer `model_turn` (1 = first;
    0 and `model` empty when the model call had ended by then or the report does not know)."""

    turn_index: int
    customer_before: str
    said: str
    model: str
    faults: tuple[str, ...]
    good: tuple[str, ...]
    model_turn: int = 0
    # the faults of the reply before that the customer's line only reacted to: the model call has no answer to it
    reacting_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class MoodNote:
    """The mood after reply `turn_index` (0 = the opening), its change, and the behaviours behind it."""

    turn_index: int
    mood: int
    change: int
    causes: tuple[tuple[str, int], ...]
    # a good behaviour that moved the mood with no finding of it this turn → the turn it was credited at (0: never).
    # Service behaviours are credited once (`session.REPORT_ONCE`) but calm her, less each time, whenever said
    # (qa23 T6: the chart's 共情-6 at turn 5, credited at turn 3): the chart says so, the findings stay one per call.
    credited_at: tuple[tuple[str, int], ...] = ()


def _rank(finding: Finding) -> tuple[int, int]:
    return SEVERITY.index(finding.rubric) if finding.rubric in SEVERITY else len(SEVERITY), finding.turn_index


def _model_for(checkpoint: Checkpoint, scenario: Scenario) -> str:
    """The model answer that meets `checkpoint` by its cues, else the first that shows its behaviour
    (a 先共情 checkpoint has no cues) — for a soothing one its sentence that soothes, not the identity request
    after it —, else its hint, else none: never the checkpoint's description, which the lesson's "why" already says."""
    by_cues = own_part(model_line_for(checkpoint, scenario.model_answers), checkpoint, scenario)
    if by_cues or not checkpoint.behaviour:
        return by_cues or checkpoint.hint
    lines = ModelLines(scenario.model_answers, Detectors(()), topic_cues(scenario))
    if checkpoint.behaviour in SOOTHING:
        return lines.soothing((checkpoint.behaviour,), 1) or checkpoint.hint
    return lines.showing(checkpoint.behaviour) or checkpoint.hint


def missed_checkpoints(report: Report, scenario: Scenario) -> list[Checkpoint]:
    """The scenario's checkpoints the call did not meet, in the order they are due."""
    missed = [c for c in scenario.checkpoints if c.id in report.missed_checkpoints]
    return sorted(missed, key=due_order)


def do_differently(report: Report, scenario: Scenario, limit: int = MAX_LESSONS) -> list[Lesson]:
    """At most `limit` lessons, the most serious first, one per kind of fault."""
    lessons: list[Lesson] = []
    seen: set[str] = set()
    for finding in sorted((f for f in report.findings if not f.ok), key=_rank):
        if finding.rubric in seen:
            continue
        seen.add(finding.rubric)
        lessons.append(Lesson(finding.rubric, finding.turn_index, finding.quote, finding.advice, finding.model_answer))
    for checkpoint in missed_checkpoints(report, scenario):
        why = Worded(f"这通电话没有做到：{checkpoint.description}", f"This call did not do: {checkpoint.name.en}")
        if checkpoint.id in report.not_credited:  # a wrong figure kept it open: which, and the rule (polish29)
            reason = report.not_credited[checkpoint.id]
            why = Worded(f"{why}——{reason}", f"{english(why)} — {english(reason)}")
        lessons.append(Lesson(MISSED_CHECKPOINT, 0, "", why, _model_for(checkpoint, scenario), checkpoint.id))
    return lessons[:limit]


def went_well(report: Report) -> list[Strength]:
    """Good findings grouped by behaviour, in the order first shown."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for finding in report.findings:
        if finding.ok:
            groups.setdefault(finding.rubric, []).append((finding.turn_index, finding.quote))
    faults = [(f.turn_index, f.quote, f.advice) for f in report.findings if f.rubric == WRONG_FACT and not f.ok]
    strengths = []
    for rubric, examples in groups.items():
        examples = list(dict.fromkeys(examples))
        wrong = tuple(((turn, words), tuple(figures_in(advice))) for turn, words in examples
                      if (advice := faulted_sentence(words, turn, faults)) is not None)
        strengths.append(Strength(rubric, tuple(examples), wrong))
    return strengths


def turns(report: Report) -> list[TurnPair]:
    """Each reply of the trainee beside the customer's line before it and the model answer for that point."""
    pairs, before = [], ""
    for utterance in report.transcript:
        if utterance.speaker == "customer":
            before = utterance.text
            continue
        number = utterance.turn_index
        at_turn = [f for f in report.findings if f.turn_index == number]
        reacting = report.reacting_to[number - 1] if 0 < number <= len(report.reacting_to) else ()
        fitting = report.model_turns[number - 1] if 0 < number <= len(report.model_turns) and not reacting else 0
        model = report.model_answers[fitting - 1] if 0 < fitting <= len(report.model_answers) else ""
        pairs.append(TurnPair(number, before, utterance.text, model,
                              tuple(dict.fromkeys(f.rubric for f in at_turn if not f.ok)),
                              tuple(dict.fromkeys(f.rubric for f in at_turn if f.ok)), fitting if model else 0,
                              reacting))
    return pairs


def mood_notes(report: Report) -> list[MoodNote]:
    """The mood at the opening and after each reply, with what moved it."""
    history = report.mood_history
    notes = [MoodNote(0, history[0], 0, ())] if history else []
    for number, mood in enumerate(history[1:], start=1):
        causes = report.mood_moves[number - 1] if number - 1 < len(report.mood_moves) else ()
        notes.append(MoodNote(number, mood, mood - history[number - 1], tuple(causes),
                              _credited_elsewhere(report, number, causes)))
    return notes


def _credited_elsewhere(report: Report, number: int, causes: Sequence[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The good behaviours among `causes` of reply `number` with no finding of that turn, each with the turn of its
    first good finding (0: none — the judge heard it, the report credits it nowhere)."""
    found = {f.rubric for f in report.findings if f.turn_index == number}
    return tuple((behaviour, next((f.turn_index for f in report.findings if f.ok and f.rubric == behaviour), 0))
                 for behaviour, delta in causes if delta < 0 and behaviour not in found)


def focus(report: Report, scenario: Scenario) -> Checkpoint | None:
    """The first checkpoint the call missed: what "practise this again" works on."""
    missed = missed_checkpoints(report, scenario)
    return missed[0] if missed else None
