"""Item analysis: facility, discrimination between strong and weak agents, flagged items."""

from __future__ import annotations

from trainer.quiz.item_stats import ability_groups, first_answers, item_statistics


def _outcomes() -> list[tuple[int, str, bool]]:
    """Ten agents: 1-3 strong, 8-10 weak. 'good' separates them; 'bad' is missed by the strong ones."""
    rows = []
    for user in range(1, 11):
        strong, weak = user <= 3, user >= 8
        for n in range(6):
            rows.append((user, f"filler-{n}", n < (6 if strong else 2 if weak else 4)))
        rows.append((user, "good", not weak))
        rows.append((user, "bad", not strong))
        rows.append((user, "easy", True))
    return rows


def test_strong_and_weak_groups_are_the_top_and_bottom_27_percent() -> None:
    upper, lower = ability_groups(first_answers(_outcomes()))
    assert upper == {1, 2, 3} and lower == {8, 9, 10}


def test_an_item_strong_agents_miss_is_flagged_and_a_good_one_is_not() -> None:
    stats = {s.item_id: s for s in item_statistics(_outcomes())}
    assert stats["bad"].flagged and stats["bad"].discrimination == -1.0
    assert not stats["good"].flagged and stats["good"].discrimination == 1.0
    assert stats["easy"].facility == 1.0 and stats["easy"].discrimination == 0.0 and not stats["easy"].flagged
    assert stats["good"].facility == 0.7
    assert item_statistics(_outcomes())[0].item_id == "bad"  # flagged items first


def test_only_first_answers_count() -> None:
    rows = [(1, "q", False), (1, "q", True), (2, "q", True)]
    [stats] = item_statistics(rows)
    assert stats.answers == 2 and stats.facility == 0.5


def test_too_few_answers_give_no_discrimination() -> None:
    rows = [(1, "q", True), (2, "q", False), (3, "q", True)]
    [stats] = item_statistics(rows)
    assert stats.discrimination is None and not stats.flagged
