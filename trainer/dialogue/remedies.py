"""Which line of the scenario's model call to suggest for a fault: one that shows what the reply
lacked, not whatever the model call happens to say at the same turn number.

A fault the evidence already words better (a wrong figure: the entry's script, `kb.placeholders.entry_wording`; a forbidden
phrase: its recommended wording) keeps that. For the others, the model line that shows a
behaviour remedying the fault (after blame: an apology or empathy; after reading out personal
data: asking the customer to verify), the one nearest the fault's point of the call. A fault of tone
(blame, rudeness) is remedied by tone alone: its better wording is the model sentence that soothes, and
one that also does a point of the call's content (its customer's questions' or checkpoints' cues) only
when no other soothes — "非常抱歉，合同解除以后就不能再复效了。如果您还需要保障，可以重新投保…" was the lesson
for blaming an angry customer whose policy had lapsed, a line about buying a new policy. The soothing words are
followed by what the model answer at the fault's point says of the call's content (`in_tone`): the turn the trainee
is in, said without the fault (qa27 J3: 这不是抢钱 at turn 2 was taught with the model's turn-1 greeting, 郑先生您好，
非常理解您的心情…您先说，我认真听着。, and 可别磨叽了 with 非常理解您的着急。 alone, not the model's 所以建议您尽快处理). Past the
opening, only the soothing clauses of the sentence are kept: no greeting mid-call. A reply that said
nothing of substance gets the model line for that point of the call (what to say there; the point is
placed by `model_call`, not taken from the reply's number). Else
none — no suggestion is better than an unrelated one.
"""

from __future__ import annotations

from typing import Sequence

from trainer.dialogue.detectors import Detectors, about_the_check
from trainer.dialogue.scenario import Checkpoint, FollowUp, Scenario
from trainer.dialogue.segments import Segment, clause_segments, sentence_segments

# Fault → behaviours that show how to do it instead, the most fitting first.
REMEDIES = {
    "blame": ("apology", "empathy"),
    "rude": ("empathy", "apology"),
    "absolute_promise": ("next_step", "escalation"),  # the process and time limits, not a promise
    "personal_data": ("verification",),
}
# Faults of tone: remedied by a sentence that soothes, not by a whole model answer about a point of the call.
TONE_FAULTS = ("blame", "rude")
# The behaviours that soothe: taught with their own sentence (a fault of tone, a missed 先共情 step).
SOOTHING = ("empathy", "apology")
SENTENCE_ENDS = ("。", "！", "？", "!", "?")
# Faults whose remedy is simply what the model call says at that point.
AT_THIS_POINT = ("vague",)


def topic_cues(scenario: Scenario) -> tuple[str, ...]:
    """The words that mark a point of the call's content: the cues of its customer's questions and checkpoints."""
    return tuple(dict.fromkeys([*(cue for f in scenario.lines.follow_ups for cue in f.cues),
                                *(cue for c in scenario.checkpoints for cue in c.cues)]))


class ModelLines:
    """The scenario's model answers with the behaviours each one shows (cue rules: cheap, no encoder).
    `topics`: the cues of the call's points (`topic_cues`), which a remedy for a fault of tone avoids."""

    def __init__(self, answers: Sequence[str], detectors: Detectors, topics: Sequence[str] = ()) -> None:
        self.answers = tuple(answers)
        self.detectors = detectors
        self.shown = [{e.behaviour for e in detectors.positives(answer)} for answer in self.answers]
        self.sentences = [(n, segment.text, {e.behaviour for e in detectors.positives(segment.text)})
                          for n, answer in enumerate(self.answers) for segment in sentence_segments(answer)]
        self.topics = tuple(topics)

    def showing(self, behaviour: str) -> str:
        """The first model line that shows `behaviour` (empathy, closing …), or ""."""
        return next((answer for answer, shown in zip(self.answers, self.shown) if behaviour in shown), "")

    def for_fault(self, rubric: str, turn: int) -> str:
        """The model line that shows what a `rubric` fault lacked, or "": `turn` is the model answer for the
        fault's point of the call (1 = first; `model_call`), which is the reply's number only in the model call."""
        if rubric in AT_THIS_POINT:
            return self.answers[turn - 1] if 0 < turn <= len(self.answers) else ""
        if rubric in TONE_FAULTS:
            return self.in_tone(REMEDIES[rubric], turn)
        for behaviour in REMEDIES.get(rubric, ()):
            showing = [n for n, shown in enumerate(self.shown) if behaviour in shown]
            if showing:
                return self.answers[min(showing, key=lambda n: (abs(n - (turn - 1)), n))]
        return ""

    def in_tone(self, remedies: Sequence[str], turn: int) -> str:
        """A fault of tone's better wording at model answer `turn`: the words that soothe (`soothing`; past the first
        answer only its clauses from the first to the last that soothe, so no greeting mid-call), then the sentences
        of model answer `turn` that say a point of the call (`topics`; not the identity check, 身份已经核实。): how the
        model says what the trainee was saying, without the fault. "" where the model call never soothes."""
        sentence = self.soothing(remedies, turn)
        if not sentence:
            return ""
        soothing = sentence if turn <= 1 else self._soothing_clauses(sentence, remedies)
        point = [text.strip() for n, text, _ in self.sentences if n == turn - 1 and text.strip() != sentence
                 and any(cue in text for cue in self.topics) and not about_the_check(text)]
        return "".join([soothing, *point])

    def _soothing_clauses(self, sentence: str, remedies: Sequence[str]) -> str:
        """`sentence` from its first to its last clause that shows one of `remedies`, ended as a sentence: 非常理解您的心情，
        …换作是我也会很着急。 of 郑先生您好，非常理解您的心情，…换作是我也会很着急，您先说，我认真听着。"""
        clauses = clause_segments(Segment(sentence, 0, len(sentence)))
        soothing = [c for c in clauses if {e.behaviour for e in self.detectors.positives(c.text)} & set(remedies)]
        if not soothing:
            return sentence
        words = sentence[soothing[0].start:soothing[-1].end].rstrip("，,、；;")
        return words if words.endswith(SENTENCE_ENDS) else words + "。"

    def soothing(self, remedies: Sequence[str], turn: int) -> str:
        """The model sentence that shows one of `remedies` (the first listed preferred), nearest model answer `turn`:
        one that does no point of the call's content first, so the lesson is about the tone, not another topic."""
        fitting = [(any(cue in text for cue in self.topics), min(remedies.index(b) for b in shown if b in remedies),
                    abs(n - (turn - 1)), n, text)
                   for n, text, shown in self.sentences if set(shown) & set(remedies)]
        return min(fitting)[-1].strip() if fitting else ""


def model_line_for(checkpoint: Checkpoint, answers: Sequence[str]) -> str:
    """The model answer that meets `checkpoint` by its cues, or ""."""
    return next((answer for answer in answers if any(cue in answer for cue in checkpoint.cues)), "")


def own_part(line: str, checkpoint: Checkpoint, scenario: Scenario) -> str:
    """`line` or, when it also holds another checkpoint's cues, the first model sentence with this
    checkpoint's cues and no other's (else the first with its cues): two missed checkpoints met by one
    model line were taught with the same "better wording". A customer's question answered in the same line
    (本次通话全程录音) is not the step either."""
    answers = [cue for f in scenario.lines.follow_ups for cue in f.cues if cue not in checkpoint.cues]
    others = [cue for c in scenario.checkpoints if c.id != checkpoint.id for cue in c.cues] + answers
    if not any(cue in line for cue in others):
        return line
    mine = [s.text for answer in scenario.model_answers for s in sentence_segments(answer)
            if any(cue in s.text for cue in checkpoint.cues)]
    alone = [s for s in mine if not any(cue in s for cue in others)]
    return (alone or mine or [line])[0]


def answer_wording(question: FollowUp, answers: Sequence[str], wording: str) -> str:
    """The better wording for her `question` left unanswered: the entry's `wording` when it says what answers it (a cue
    of the question), else the model call's sentence that does, else the entry's wording. The refund-timing script names
    no time (钱多久能到账？ wants 30日) and the 12378 script no 12378: shown as lessons, neither answered her (judge53b)."""
    if any(cue in wording for cue in question.cues):
        return wording
    said = (s.text.strip() for answer in answers for s in sentence_segments(answer))
    return next((s for s in said if any(cue in s for cue in question.cues)), wording)
