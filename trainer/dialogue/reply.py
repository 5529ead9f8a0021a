"""One reply judged on its own (no case, no conversation): the cue rules, then meaning.

Shared by the practice session (which adds facts, questions and checkpoints) and the
benchmark of the utterance corpus, so both measure the same thing.
"""

from __future__ import annotations

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.judge import MeaningJudge, Reading
from trainer.dialogue.segments import sentence_segments


def meaning_findings(judge: MeaningJudge, reading: Reading, evidence: list[Evidence], skip: set[str]) -> list[Evidence]:
    """What the classifier sees that `evidence` (the rules, the facts) did not.

    A vague sentence is one that carries nothing: not flagged when the same sentence was
    already credited with something good.
    """
    found = judge.findings(reading, {e.behaviour for e in evidence} | skip)
    credited = [e.quote for e in evidence + found if e.ok]
    found = [e for e in found if e.behaviour != "vague" or not any(e.quote in q or q in e.quote for q in credited)]
    return [e for e in found if e.behaviour != "explanation" or not _explains_nothing(e.quote, evidence + found)]


# A promise of the outcome or an empty answer explains no rule: on the train split none of the 86 utterances
# labelled absolute_promise and none of the 101 labelled vague shows explanation (judge21).
EXPLAINS_NOTHING = ("absolute_promise", "vague")


def _explains_nothing(quote: str, evidence: list[Evidence]) -> bool:
    """The one sentence credited as an explanation carries a promise or an empty answer found in this reply."""
    return len(sentence_segments(quote)) == 1 and any(
        e.behaviour in EXPLAINS_NOTHING and not e.ok and e.quote in quote for e in evidence)


def reply_evidence(text: str, detectors: Detectors, judge: MeaningJudge | None = None) -> list[Evidence]:
    """Rule evidence for `text`, plus the classifier's when a judge is given."""
    evidence, spoken = detectors.rule_evidence(text, set(), judged=judge is not None)
    if judge is not None:
        reading = judge.read(text)
        evidence = judge.confirmed(reading, evidence, spoken)
        evidence += meaning_findings(judge, reading, evidence, set())
    return evidence
