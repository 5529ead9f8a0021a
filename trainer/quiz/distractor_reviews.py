"""What a content reviewer said of generated distractors (content/distractor_reviews.yaml), as generation reads it.

A distractor swapped in because it echoes the question (`echo_swap`) is near the question's topic, so it may be
right too: 犹豫期内怎么申请撤单？ beside 回访在犹豫期内进行，犹豫期内投保人有权解除合同……须由投保人申请 (quiz48). Generation
swaps one in only where a reviewer read that option, for that question, as `wrong`; an option a reviewer found
`also_right` or `unclear` is never offered for that question, swapped in or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kb.content import DistractorReview
from trainer.quiz.question import normalize_answer

WRONG = "wrong"


@dataclass(frozen=True)
class Reviews:
    """Reviewed (question entry, distractor entry) pairs. A `wrong` verdict holds for the option text the reviewer
    read: an edited answer is another option, unreviewed. A rejection holds for the pair whatever its text."""

    wrong: frozenset[tuple[str, str, str]] = frozenset()
    rejected: frozenset[tuple[str, str]] = frozenset()
    # Swap in options no reviewer has read: only to write a review file (bench.quiz_items --propose), never in the app.
    unreviewed: bool = False

    @classmethod
    def of(cls, reviews: Iterable[DistractorReview], unreviewed: bool = False) -> "Reviews":
        reviews = tuple(reviews)
        return cls(frozenset((r.question, r.distractor, normalize_answer(r.option)) for r in reviews if r.verdict == WRONG),
                   frozenset((r.question, r.distractor) for r in reviews if r.verdict != WRONG), unreviewed)

    def rejects(self, question: str, distractor: str) -> bool:
        """Whether a reviewer found this entry's option right too, or unclear, for the question's entry."""
        return (question, distractor) in self.rejected

    def may_swap_in(self, question: str, distractor: str, option: str) -> bool:
        """Whether this option may be swapped in for an echoing one: a reviewer read it as wrong for this question."""
        if self.rejects(question, distractor):
            return False
        return self.unreviewed or (question, distractor, normalize_answer(option)) in self.wrong
