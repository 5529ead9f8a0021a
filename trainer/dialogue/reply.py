"""One reply judged on its own (no case, no conversation): the cue rules, then meaning.

Shared by the practice session (which adds facts, questions and checkpoints) and the
benchmark of the utterance corpus, so both measure the same thing.
"""

from __future__ import annotations

from trainer.dialogue.detectors import Detectors, calming_only
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


def explaining_in_earnest(evidence: list[Evidence]) -> list[Evidence]:
    """`evidence` without a spoken form's explanation credit (no fact of an entry: `Evidence.entry`) whose one sentence
    carries a promise or an empty answer found in this reply — what `meaning_findings` asks of the classifier's.

    judge40p: the spoken forms (因为 / 所以 / 按…赔 / X就是…) were credited inside promises (肯定可以按轻症赔的，两三天钱就到卡上啦～,
    这种产品买了就是稳赚不赔的): on the tune replies 3 of explanation's 38 false credits. Train split: none of the 94 lines
    labelled absolute_promise and none of the 136 labelled vague is labelled explanation (tune replies: 0 of 43, 0 of 52)."""
    return [e for e in evidence if not (e.ok and e.behaviour == "explanation" and not e.entry
                                        and _explains_nothing(e.quote, evidence))]


# A reply that blames or is rude to someone shows no empathy: on the train split none of the 173 utterances labelled blame
# and 1 of the 241 labelled rude is labelled empathy (the TUNE replies: 0 of 46, 0 of 52) — the classifier credited the
# agent's own plight in them (您这样说我也很为难的呀，又不是我让您买的～ / 这事儿得怪医院，我们也没辙。, judge42q).
UNCARING = ("blame", "rude")
# …and the customer calmed (您别急 / 莫慌, `detectors.calming_only`) beside a promise or an empty answer is their opener:
# 您别急，我跟领导说一声，这个拒赔能给您改过来。 / 反正会有人联系您的，您别急。 (train: 3 of the 5 such lines not labelled empathy).
CALMING_EMPTILY = ("absolute_promise", "vague")


def caring_in_earnest(evidence: list[Evidence]) -> list[Evidence]:
    """`evidence` without empathy credits in a reply found blaming or rude (`UNCARING`), nor a credit for calming the
    customer alone beside a promise or an empty answer found in it (`CALMING_EMPTILY`; judge42q)."""
    faults = {e.behaviour for e in evidence if not e.ok}
    if faults.intersection(UNCARING):
        return [e for e in evidence if not (e.ok and e.behaviour == "empathy")]
    if faults.intersection(CALMING_EMPTILY):
        return [e for e in evidence if not (e.ok and e.behaviour == "empathy" and calming_only(e.quote))]
    return evidence


def in_earnest(evidence: list[Evidence]) -> list[Evidence]:
    """`evidence` without the credits its own faults take back (`explaining_in_earnest`, `caring_in_earnest`): read
    once the rules and the classifier have both spoken, by the session and the corpus benchmarks alike."""
    return caring_in_earnest(explaining_in_earnest(evidence))


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
        evidence = in_earnest(evidence + meaning_findings(judge, reading, evidence, set()))
    return evidence
