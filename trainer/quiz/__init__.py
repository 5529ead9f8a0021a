"""Daily training: quiz questions (hand-written and generated), spaced repetition, daily plans,
progress and item statistics.

    from trainer.quiz import make_quiz
    questions = make_quiz(kb, n=10, category=None, seed=None)
"""

from trainer.quiz.bank import make_quiz, question_bank

__all__ = ["make_quiz", "question_bank"]
