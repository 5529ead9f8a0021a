"""今日训练 — today's training session: what to ask, how an answer is recorded, how it went.

Order of business: reviews that are due (what the agent is about to forget), then new
questions drawn more often from the agent's weakest categories. "Retry my mistakes" asks
again every item whose latest answer was wrong.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo
from typing import Iterable, Mapping, Sequence

from trainer.clock import as_utc
from trainer.quiz.progress import Attempt, CategoryMastery, ProgressStore, ReviewInfo, share
from trainer.quiz.question import Question, Response
from trainer.quiz.bank import prepare, spread_over_entries
from trainer.quiz.srs import rating_for, review

DAILY, MISTAKES = "daily", "mistakes"
MODES = (DAILY, MISTAKES)
# A category's weight for new questions is 1 + WEAKNESS_WEIGHT × (1 − mastery).
WEAKNESS_WEIGHT = 3.0
# Mastery assumed for a category the agent has not touched yet: weaker than known, not the weakest.
UNSEEN_MASTERY = 0.5
# Hand-written items are checked by an instructor; they come up this many times as often.
HANDWRITTEN_WEIGHT = 2.0


def category_weights(mastery: Mapping[str, CategoryMastery], categories: Iterable[str]) -> dict[str, float]:
    """How strongly each category is drawn for new questions: weaker categories more."""
    weights = {}
    for category in categories:
        known = mastery[category].mastery if category in mastery and mastery[category].items_seen else UNSEEN_MASTERY
        weights[category] = 1.0 + WEAKNESS_WEIGHT * (1.0 - known)
    return weights


def weighted_order(questions: Sequence[Question], weights: Mapping[str, float], rng: random.Random) -> list[Question]:
    """A random order in which heavier questions tend to come first (weighted sampling without replacement)."""
    def key(question: Question) -> float:
        weight = weights.get(question.category, 1.0) * (1.0 if question.generated else HANDWRITTEN_WEIGHT)
        return rng.random() ** (1.0 / weight)

    return sorted(questions, key=key, reverse=True)


def _fill(picked: list[Question], candidates: Iterable[Question], size: int) -> None:
    """Append candidates until `size`, not repeating a question or (while avoidable) an entry."""
    taken = {q.id for q in picked}
    rest = [q for q in candidates if q.id not in taken]
    entries = {q.entry_id for q in picked}
    fresh = [q for q in rest if q.entry_id not in entries]
    repeated = [q for q in rest if q.entry_id in entries]
    for question in spread_over_entries(fresh, len(fresh)) + repeated:
        if len(picked) >= size:
            return
        picked.append(question)


def in_english_only(bank: Mapping[str, Question]) -> dict[str, Question]:
    """The questions an English round asks: those with an English version. A Chinese-only item in an English round
    read "This item is in Chinese" under a Chinese fill-in (qa28 Q1); it is asked in a Chinese round instead."""
    return {qid: q for qid, q in bank.items() if not q.in_chinese_only()}


def chinese_only_count(bank: Mapping[str, Question], category: str | None = None) -> int:
    """How many questions of `category` (None: all) have no English version: what an English round leaves out."""
    return sum(1 for q in bank.values() if q.in_chinese_only() and (category is None or q.category == category))


def plan_session(bank: Mapping[str, Question], store: ProgressStore, user_id: int, size: int, now: datetime,
                 category: str | None = None, mode: str = DAILY, seed: int | None = None) -> list[Question]:
    """Today's questions for a user, options shuffled, at most `size` of them (an English round passes
    `in_english_only(bank)`)."""
    if mode not in MODES:
        raise ValueError(f"unknown training mode {mode!r}; expected one of {', '.join(MODES)}")
    rng = random.Random(seed)
    in_scope = {qid: q for qid, q in bank.items() if category is None or q.category == category}
    if mode == MISTAKES:
        wrong = [a.item_id for a in store.latest_results(user_id).values() if not a.correct]
        return prepare([in_scope[i] for i in wrong if i in in_scope][:size], rng)
    states = store.review_states(user_id)
    by_due = sorted((s for s in states.values() if s.item_id in in_scope), key=lambda s: (s.due, s.item_id))
    picked = [in_scope[s.item_id] for s in by_due if s.due <= as_utc(now)][:size]
    new = [q for q in in_scope.values() if q.id not in states]
    weights = category_weights(store.mastery_by_category(user_id), {q.category for q in new})
    _fill(picked, weighted_order(new, weights, rng), size)
    # Everything seen and nothing due: practise what comes due soonest.
    _fill(picked, (in_scope[s.item_id] for s in by_due), size)
    return prepare(picked, rng)


def plan_round(bank: Mapping[str, Question], store: ProgressStore, user_id: int, size: int, now: datetime,
               category: str | None = None, mode: str = DAILY, english: bool = False, top_up: bool = False,
               seed: int | None = None) -> list[Question]:
    """A round as the page starts it: in English (`english`), only questions with an English version — unless
    `top_up` (an assigned quiz, which asks its number of its category): then Chinese-only ones make up the number,
    after the English ones, and the page says how many before the round starts (`chinese_only_count`)."""
    if not english:
        return plan_session(bank, store, user_id, size, now, category, mode, seed)
    asked = plan_session(in_english_only(bank), store, user_id, size, now, category, mode, seed)
    if not top_up or len(asked) >= size:
        return asked
    taken = {q.id for q in asked}
    rest = {qid: q for qid, q in bank.items() if qid not in taken}
    return asked + plan_session(rest, store, user_id, size - len(asked), now, category, mode, seed)


@dataclass(frozen=True)
class AnswerResult:
    """What happened to one answer: right or wrong, and when the question comes back."""

    correct: bool
    next_due: datetime


def record_answer(store: ProgressStore, user_id: int, question: Question, response: Response, seconds: float,
                  session_id: str, now: datetime, slow_after: float) -> AnswerResult:
    """Mark an answer, store it and reschedule the question for this user."""
    correct = question.is_correct(response)
    previous = store.review_state(user_id, question.id)
    schedule = review(previous.card_json if previous else None, question.id,
                      rating_for(correct, seconds, slow_after), now,
                      previous.reps if previous else 0, previous.lapses if previous else 0)
    store.record_attempt(
        Attempt(user_id=user_id, item_id=question.id, correct=correct, entry_id=question.entry_id,
                category=question.category, question_type=question.type,
                answer_given=question.describe(response), seconds=round(seconds, 1), session_id=session_id,
                answered_at=as_utc(now)),
        ReviewInfo(user_id=user_id, item_id=question.id, card_json=schedule.card_json, due=schedule.due,
                   entry_id=question.entry_id, category=question.category, reps=schedule.reps,
                   lapses=schedule.lapses, last_review=schedule.last_review))
    return AnswerResult(correct, schedule.due)


def end_of_day(now: datetime, tz: tzinfo, days_ahead: int = 0) -> datetime:
    """The last moment of the local day `days_ahead` after `now`'s day, in UTC."""
    local_day = as_utc(now).astimezone(tz).date() + timedelta(days=days_ahead + 1)
    return as_utc(datetime.combine(local_day, time.min, tzinfo=tz)) - timedelta(microseconds=1)


def coming_back(store: ProgressStore, user_id: int, now: datetime, tz: tzinfo) -> list[ReviewInfo]:
    """Reviews due by the end of tomorrow (what the session summary announces for tomorrow)."""
    return store.due_reviews(user_id, end_of_day(now, tz, days_ahead=1))


@dataclass(frozen=True)
class SessionSummary:
    """The end-of-session result: score, time and how each category went (category -> (right, asked))."""

    asked: int
    correct: int
    seconds: float
    by_category: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return share(self.correct, self.asked)


def summarize(results: Iterable[tuple[Question, bool, float]]) -> SessionSummary:
    """Summarise a finished session from (question, correct, seconds) per answer."""
    asked = right = 0
    seconds = 0.0
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for question, correct, spent in results:
        asked += 1
        right += bool(correct)
        seconds += spent
        per_category[question.category][0] += bool(correct)
        per_category[question.category][1] += 1
    return SessionSummary(asked, right, seconds, {c: (r, n) for c, (r, n) in sorted(per_category.items())})
