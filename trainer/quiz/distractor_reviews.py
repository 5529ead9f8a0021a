"""What a content reviewer said of generated distractors (content/distractor_reviews.yaml), as generation reads it.

A distractor swapped in because it echoes the question (`echo_swap`) is near the question's topic, so it may be
right too: 犹豫期内怎么申请撤单？ beside 回访在犹豫期内进行，犹豫期内投保人有权解除合同……须由投保人申请 (quiz48). Generation
swaps one in only where a reviewer read that option, for that question, as `wrong`; an option a reviewer found
`also_right` or `unclear` is never offered for that question, swapped in or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from kb.content import DistractorReview
from trainer.quiz.question import normalize_answer

WRONG = "wrong"


@dataclass(frozen=True)
class Reviews:
    """Reviewed (question entry, distractor entry) pairs. A `wrong` verdict holds for the option text the reviewer
    read: an edited answer is another option, unreviewed. A rejection holds for the pair whatever its text."""

    # (question entry, distractor entry) → the option read as wrong, normalised
    wrong: Mapping[tuple[str, str], str] = field(default_factory=dict)
    rejected: frozenset[tuple[str, str]] = frozenset()
    # Swap in options no reviewer has read: only to write a review file (bench.quiz_swap_review), never in the app.
    unreviewed: bool = False

    @classmethod
    def of(cls, reviews: Iterable[DistractorReview], unreviewed: bool = False) -> "Reviews":
        reviews = tuple(reviews)
        return cls({(r.question, r.distractor): normalize_answer(r.option) for r in reviews if r.verdict == WRONG},
                   frozenset((r.question, r.distractor) for r in reviews if r.verdict != WRONG), unreviewed)

    def swaps_for(self, question: str) -> bool:
        """Whether any option may be swapped into this entry's item (most have no reviewed option: nothing to try)."""
        return self.unreviewed or any(asked == question for asked, _ in self.wrong)

    def rejects(self, question: str, distractor: str) -> bool:
        """Whether a reviewer found this entry's option right too, or unclear, for the question's entry."""
        return (question, distractor) in self.rejected

    def may_swap_in(self, question: str, distractor: str, option: str) -> bool:
        """Whether this option may be swapped in for an echoing one: a reviewer read it as wrong for this question."""
        if self.rejects(question, distractor):
            return False
        read = self.wrong.get((question, distractor))
        return self.unreviewed or (read is not None and read == normalize_answer(option))

    def undone_by_edit(self, distractor: str, read: str, now: str | None) -> list[str]:
        """The questions into whose item `distractor`'s option was swapped in as a reviewer read it (`read`, its option
        before an edit) and no longer is (`now`, after it; None: deleted): unreviewed again, those items' options are
        picked anew at the next bank, which the editor says (an edit used to turn the swap off silently)."""
        before, after = normalize_answer(read), normalize_answer(now or "")
        return sorted(question for (question, of), text in self.wrong.items()
                      if of == distractor and text == before != after)
