"""Scheduling: misses come back the next day, right answers push the next review out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from fsrs import Rating

from trainer.quiz.srs import rating_for, review

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def test_a_wrong_answer_is_due_again_within_a_day() -> None:
    first = review(None, "q-1", rating_for(False, 5, slow_after=45), NOW)
    assert NOW < first.due <= NOW + timedelta(days=1)


def test_a_string_of_right_answers_pushes_the_next_review_out() -> None:
    schedule, intervals, moment = None, [], NOW
    for _ in range(5):
        schedule = review(schedule.card_json if schedule else None, "q-1", Rating.Good, moment,
                          schedule.reps if schedule else 0)
        intervals.append(schedule.due - moment)
        moment = schedule.due
    assert intervals == sorted(intervals) and intervals[-1] > timedelta(days=60)
    assert schedule.reps == 5 and schedule.lapses == 0


def test_a_miss_after_long_intervals_still_comes_back_the_next_day() -> None:
    schedule = review(None, "q-1", Rating.Good, NOW)
    for _ in range(4):
        schedule = review(schedule.card_json, "q-1", Rating.Good, schedule.due, schedule.reps)
    missed_at = schedule.due
    missed = review(schedule.card_json, "q-1", Rating.Again, missed_at, schedule.reps, schedule.lapses)
    assert missed.due <= missed_at + timedelta(days=1) and missed.lapses == 1


def test_slow_right_answers_are_hard_and_grow_the_interval_less() -> None:
    assert rating_for(True, 60, slow_after=45) == Rating.Hard
    assert rating_for(True, 10, slow_after=45) == Rating.Good
    assert rating_for(False, 1, slow_after=45) == Rating.Again
    base = review(None, "q-1", Rating.Good, NOW)
    good = review(base.card_json, "q-1", Rating.Good, base.due, 1)
    hard = review(base.card_json, "q-1", Rating.Hard, base.due, 1)
    assert hard.due < good.due


def test_naive_times_are_taken_as_utc() -> None:
    naive = review(None, "q-1", Rating.Good, NOW.replace(tzinfo=None))
    assert naive.due == review(None, "q-1", Rating.Good, NOW).due
