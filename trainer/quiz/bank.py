"""Quizzes: the question bank (hand-written items plus questions generated from the FAQ) and `make_quiz`.

Public surface (docs/architecture.md), re-exported as `trainer.quiz.make_quiz`:
    questions = make_quiz(kb, n=10, category=None, seed=None)
    # Question: id, type, prompt, options, answer (index or indices or text), explanation, entry_id
"""

from __future__ import annotations

import random
from typing import Iterable, Sequence

from kb import KnowledgeBase
from trainer.quiz.question import Question, from_quiz_item
from trainer.quiz.generation import generated_questions

__all__ = ["Question", "question_bank", "make_quiz", "spread_over_entries", "prepare"]


def question_bank(kb: KnowledgeBase, category: str | None = None, unreviewed_swaps: bool = False
                  ) -> dict[str, Question]:
    """Every question the content yields, by id: hand-written items first, then generated ones.

    Hand-written items whose FAQ entry is missing are left out (the loader reports them). `unreviewed_swaps`
    (`generated_questions`) only writes a review file, never in the app.
    """
    entries = kb.content.entries
    questions = [from_quiz_item(item) for item in kb.content.quiz_items.values() if item.entry in entries]
    questions += generated_questions(kb, unreviewed_swaps)
    return {q.id: q for q in questions if category is None or q.category == category}


def spread_over_entries(questions: Iterable[Question], n: int) -> list[Question]:
    """Up to `n` questions taken in order, but no entry a second time before every entry had one.

    Two questions on the same fact in one session give each other away.
    """
    rounds: list[list[Question]] = []
    seen: dict[str, int] = {}
    for question in questions:
        round_number = seen.get(question.entry_id, 0)
        seen[question.entry_id] = round_number + 1
        while len(rounds) <= round_number:
            rounds.append([])
        rounds[round_number].append(question)
    return [q for round_ in rounds for q in round_][:max(n, 0)]


def prepare(questions: Sequence[Question], rng: random.Random) -> list[Question]:
    """The questions as asked: choice options shuffled so the right one is anywhere."""
    return [q.with_shuffled_options(rng) for q in questions]


def make_quiz(kb: KnowledgeBase, n: int = 10, category: str | None = None, seed: int | None = None) -> list[Question]:
    """`n` questions (fewer if the content has fewer), spread over entries; same seed, same quiz."""
    rng = random.Random(seed)
    bank = list(question_bank(kb, category).values())
    rng.shuffle(bank)
    return prepare(spread_over_entries(bank, n), rng)
