"""Measuring the judge: per-behaviour precision/recall on labelled utterances, and whole calls.

Used by bench/judge.py (figures for docs/benchmarks.md) and by the tests that hold the floors,
so both count the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

from trainer.dialogue.behaviours import NEGATIVE, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance
from trainer.dialogue.detectors import Detectors
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.reply import reply_evidence
from trainer.dialogue.scoring import Report
from trainer.dialogue.session import open_question
from trainer.dialogue.written_calls import WrittenCall

GOOD_SCORE = 70
BAD_SCORE = 50


@dataclass(frozen=True)
class BehaviourFigures:
    behaviour: str
    precision: float
    recall: float
    support: int
    flagged_counters: int = 0
    counters: int = 0

    @property
    def false_flag_rate(self) -> float:
        return self.flagged_counters / self.counters if self.counters else 0.0


def judged_behaviours(utterances: Sequence[LabelledUtterance], detectors: Detectors,
                      judge: MeaningJudge | None, embed: Callable[[Sequence[str]], np.ndarray] | None = None
                      ) -> list[set[str]]:
    """The behaviours found in each utterance, judged alone.

    Every sentence is encoded in one batch first, through `embed` (e.g. the disk cache) if given.
    """
    if judge is not None:
        texts = list(dict.fromkeys(piece for u in utterances for piece in judge.pieces(u.text)))
        judge.remember(texts, (embed or judge.embed)(texts))
    return [{e.behaviour for e in reply_evidence(u.text, detectors, judge)} for u in utterances]


def behaviour_figures(utterances: Sequence[LabelledUtterance], found: Sequence[set[str]],
                      behaviours: Iterable[str] = UTTERANCE_BEHAVIOURS) -> dict[str, BehaviourFigures]:
    figures = {}
    for behaviour in behaviours:
        truth = [u.shows(behaviour) for u in utterances]
        flagged = [behaviour in f for f in found]
        hits = sum(t and f for t, f in zip(truth, flagged))
        counters = [behaviour in u.counter for u in utterances]
        figures[behaviour] = BehaviourFigures(
            behaviour, hits / sum(flagged) if any(flagged) else 0.0, hits / sum(truth) if any(truth) else 0.0,
            sum(truth), sum(c and f for c, f in zip(counters, flagged)) if behaviour in NEGATIVE else 0,
            sum(counters) if behaviour in NEGATIVE else 0)
    return figures


@dataclass(frozen=True)
class CallResult:
    scenario: str
    kind: str  # good | bad | mixed
    outcome: str
    score: int
    faults: int
    found: int          # marked faults found at their turn, same behaviour, overlapping quote
    found_any: int      # marked faults quoted by any fault finding at their turn
    missed: int = 0         # checkpoints the writer marked missed (where the file maps them to ids)
    missed_found: int = 0   # of those, the report lists as missed too
    steps_open: int = 0     # the scenario's steps the report lists as not done at the end
    questions_open: int = 0  # the customer's questions asked and still open at the end

    @property
    def meets_target(self) -> bool:
        if self.kind == "good":
            return self.outcome not in ("hung_up", "escalated") and self.score >= GOOD_SCORE
        if self.kind == "bad":
            return self.score <= BAD_SCORE and self.found_any >= 1
        return True


def _overlaps(a: str, b: str) -> bool:
    """The two quotes share the words that matter: one holds the other, or they share 6 characters in a row."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return any(a[i:i + 6] in b for i in range(len(a) - 5))


def call_result(call: WrittenCall, report: Report) -> CallResult:
    """How a whole transcript came out against its writer's marks."""
    faults = [f for f in report.findings if not f.ok and f.rubric not in ("checkpoint_order",)]
    found = found_any = 0
    for mark in call.faults:
        at_turn = [f for f in faults if f.turn_index == mark.turn and _overlaps(f.quote, mark.quote)]
        found_any += bool(at_turn)
        found += any(f.rubric == mark.behaviour for f in at_turn)
    return CallResult(call.scenario, call.kind, report.outcome, report.score, len(call.faults), found, found_any,
                      len(call.missed_checkpoints),
                      sum(c in report.missed_checkpoints for c in call.missed_checkpoints),
                      len(report.missed_checkpoints), sum(bool(open_question(str(m))) for m in report.missed))
