"""Spaced repetition with FSRS: when each user should see each question again.

Training is daily, so there are no same-day learning steps: a miss is scheduled for the next
day (also for an item known for months: FSRS alone would wait a week), a right answer pushes the item further out each
time, and a right but slow answer (Hard) grows the interval less. Fuzzing is off so a
schedule can be explained to an agent ("comes back on the 14th") and tested exactly.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler

from trainer.clock import as_utc

# A miss comes back the next day, even for an item that had long intervals before.
MISSED_COMES_BACK = timedelta(days=1)


@dataclass(frozen=True)
class Schedule:
    """An item's spaced-repetition state after a review, ready to store."""

    card_json: str
    due: datetime
    reps: int
    lapses: int
    last_review: datetime


def scheduler() -> Scheduler:
    """The FSRS scheduler with the trainer's daily-session configuration."""
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(correct: bool, seconds: float, slow_after: float) -> Rating:
    """Correct → Good, wrong → Again, correct but slower than `slow_after` seconds → Hard."""
    if not correct:
        return Rating.Again
    return Rating.Hard if seconds > slow_after else Rating.Good


def new_card(item_id: str) -> Card:
    """A fresh card; its id comes from the item id (fsrs would otherwise derive one from the clock)."""
    return Card(card_id=zlib.crc32(item_id.encode("utf-8")))


def review(card_json: str | None, item_id: str, rating: Rating, now: datetime,
           reps: int = 0, lapses: int = 0) -> Schedule:
    """The schedule after answering `item_id` with `rating` at `now` (card_json None: first time)."""
    now = as_utc(now)
    card = Card.from_json(card_json) if card_json else new_card(item_id)
    card, _log = scheduler().review_card(card, rating, review_datetime=now)
    if rating == Rating.Again:
        card.due = min(as_utc(card.due), now + MISSED_COMES_BACK)
    return Schedule(card_json=card.to_json(), due=as_utc(card.due), reps=reps + 1,
                    lapses=lapses + (1 if rating == Rating.Again and reps > 0 else 0), last_review=now)

