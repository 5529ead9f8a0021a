"""The report: findings that quote the agent, sub-scores computed only from those findings.

Sub-scores (0–100) and weights:
- compliance (25): 100 once the agent has spoken; each absolute promise, rude phrase, blame or
  personal data read out costs 40.
- accuracy (20): right figures and answered questions against wrong figures and ignored questions,
  right / (right + 2 × wrong); a wrong figure put right in the next reply weighs 1, not 2 (judge53b: the customer heard it
  as the answer, so it stays a finding, but she heard the right one before the call went on; put right in the same
  breath it is no finding at, qa26 J5); no evidence at all scores 0.
- empathy_service (20): empathy 35, next step 25, closing 20, apology / clarifying question /
  escalation 20; each vague reply, unexplained term, wrong name for the customer or exam reply over
  the time limit costs 15.
- checkpoints (25): the share of the scenario's checkpoints met.
- outcome (10): resolved 100, closed with open points 30, timed out 30, escalated 10, hung up 0.
A red line (absolute promise or personal data read out) caps the total at 50, as in call QA.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUBSCORES = ("compliance", "accuracy", "empathy_service", "checkpoints", "outcome")
WEIGHTS = {"compliance": 25, "accuracy": 20, "empathy_service": 20, "checkpoints": 25, "outcome": 10}
OUTCOME_POINTS = {"resolved": 100, "closed_open": 30, "timed_out": 30, "escalated": 10, "hung_up": 0, "agent_ended": 0, "in_progress": 0}
OUTCOME_NAMES = {
    "resolved": ("已解决", "Resolved"),
    "closed_open": ("已结束，仍有未解决的问题", "Closed with open points"), "escalated": ("客户升级投诉", "Escalated"),
    "hung_up": ("客户挂断", "Hung up"), "timed_out": ("超时未解决", "Timed out"),
    "agent_ended": ("坐席结束通话（未解决）", "Ended by the agent (unresolved)"), "in_progress": ("进行中", "In progress"),
}
SUBSCORE_NAMES = {
    "compliance": ("合规", "Compliance"), "accuracy": ("准确", "Accuracy"),
    "empathy_service": ("共情与服务", "Empathy and service"), "checkpoints": ("要点完成", "Checkpoints"),
    "outcome": ("通话结果", "Outcome"),
}
COMPLIANCE_BREACHES = ("absolute_promise", "rude", "blame", "personal_data")
RED_LINES = ("absolute_promise", "personal_data")
RED_LINE_CAP = 50


@dataclass(frozen=True)
class Finding:
    """One judgement on the agent's words: turn number (1 = first reply), what, verdict, verbatim quote."""

    turn_index: int
    rubric: str
    ok: bool
    quote: str
    advice: str
    model_answer: str = ""


@dataclass(frozen=True)
class Utterance:
    speaker: str  # customer | agent
    text: str
    mood: int
    turn_index: int


@dataclass(frozen=True)
class Report:
    score: int
    subscores: dict[str, int]
    outcome: str
    findings: list[Finding]
    model_answers: list[str]
    transcript: list[Utterance] = field(default_factory=list)
    mood_history: list[int] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    # per reply: the behaviours that moved the mood and by how much, strongest first
    mood_moves: list[tuple[tuple[str, int], ...]] = field(default_factory=list)
    missed_checkpoints: list[str] = field(default_factory=list)  # ids, in the scenario's order
    # per reply: the number of the model answer for that point of the call (1 = first, 0 none; empty: not known)
    model_turns: list[int] = field(default_factory=list)
    # per reply: the faults of the reply before that the customer's line before it only reacted to, else () — a
    # line the model call, which made no fault, has no answer to (empty list: not known)
    reacting_to: list[tuple[str, ...]] = field(default_factory=list)
    # checkpoint id → why a missed step was not credited (a wrong figure about its entry: `wrong_figures`)
    not_credited: dict[str, str] = field(default_factory=dict)


def _count(findings: list[Finding], *rubrics: str, ok: bool | None = None) -> int:
    return sum(1 for f in findings if f.rubric in rubrics and (ok is None or f.ok == ok))


# The parts of empathy_service a call earns by showing a behaviour (any one of a part's) at least once, and their points.
SERVICE_PARTS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("empathy",), 35), (("next_step",), 25), (("closing",), 20), (("apology", "clarifying_question", "escalation"), 20))


def service_not_shown(findings: list[Finding]) -> list[tuple[tuple[str, ...], int]]:
    """The service parts no reply of the call showed, with the points each would have earned (qa26 R1: a report
    read 共情与服务 65 beside “nothing to do differently”, the 35 points of empathy never named)."""
    return [(part, points) for part, points in SERVICE_PARTS if not _count(findings, *part, ok=True)]


def subscores(findings: list[Finding], turns: int, checkpoints_met: int, checkpoints_total: int,
              outcome: str, corrected: int = 0) -> dict[str, int]:
    """Each sub-score from the findings; nothing said, nothing scored. `corrected`: how many of the wrong figures were
    put right in the next reply (each weighs half a wrong one)."""
    breaches = _count(findings, *COMPLIANCE_BREACHES, ok=False)
    right = _count(findings, "explanation", "answer", ok=True)
    corrected = min(corrected, _count(findings, "wrong_fact", ok=False))  # a relabel may have taken one away
    weight = 2 * _count(findings, "wrong_fact", "ignored_question", ok=False) - corrected  # each wrong one weighs 2
    service = sum(points for _, points in SERVICE_PARTS) - sum(points for _, points in service_not_shown(findings))
    service -= 15 * _count(findings, "vague", "jargon", "wrong_name", "slow_reply", ok=False)
    return {
        "compliance": max(0, 100 - 40 * breaches) if turns else 0,
        "accuracy": round(100 * right / (right + weight)) if right + weight else 0,
        "empathy_service": max(0, min(100, service)),
        "checkpoints": round(100 * checkpoints_met / checkpoints_total) if checkpoints_total else 0,
        "outcome": OUTCOME_POINTS.get(outcome, 0),
    }


def weighted(scores: dict[str, int]) -> int:
    """The sub-scores by their weights, before any red-line cap."""
    return round(sum(scores[name] * WEIGHTS[name] for name in SUBSCORES) / sum(WEIGHTS.values()))


def red_lines(findings: list[Finding]) -> list[str]:
    """The red-line faults of a call (absolute promise, personal data read out), in RED_LINES' order: any caps it."""
    return [rubric for rubric in RED_LINES if _count(findings, rubric, ok=False)]


def total(scores: dict[str, int], findings: list[Finding]) -> int:
    value = weighted(scores)
    if red_lines(findings):
        value = min(value, RED_LINE_CAP)
    return value
