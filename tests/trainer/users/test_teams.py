"""A new team name that is probably a slip for an existing one (qa22 A2: 外呼1组 saved for 外呼一组)."""

from __future__ import annotations

import pytest

from trainer.users.accounts import create_user, list_accounts
from trainer.users.teams import existing_teams, near_teams

TEAMS = ["外呼一组", "外呼二组", "续期组", "Team A"]


@pytest.mark.parametrize("typed, near", [
    ("外呼1组", ["外呼一组"]), ("外呼１组", ["外呼一组"]), ("外乎一组", ["外呼一组"]), ("续期 组", ["续期组"]),
    ("team a", ["Team A"]), ("外呼10组", []),
])
def test_a_slip_names_the_team_it_is_close_to(typed, near):
    assert near_teams(typed, TEAMS) == near


@pytest.mark.parametrize("typed", ["外呼一组", "外呼三组", "续期二组", "理赔组", ""])
def test_an_existing_team_or_a_plainly_new_one_is_no_slip(typed):
    """外呼三组 beside 外呼二组 is another team: a numeral that differs is not a slip."""
    assert near_teams(typed, TEAMS) == []


def test_the_existing_teams_are_the_accounts_teams_without_the_empty_one(db):
    create_user(db, "a1", "甲", "agent", "外呼二组")
    create_user(db, "a2", "乙", "agent", "外呼一组")
    create_user(db, "a3", "丙", "agent", "")
    assert existing_teams(list_accounts(db)) == ["外呼一组", "外呼二组"]
