"""Team names that look like a slip for an existing team.

A team is free text on an account, and assignments and 团队概览 reach people by its exact words: 王芳 saved with
外呼1组 for 外呼一组 vanished from her instructor's team and from an exam assignment, silently (qa22 A2). A new name
that folds to an existing one (一 ↔ 1, full-width ↔ half-width, case, spaces) or differs from it by one character
that is not a numeral is a likely slip; 外呼三组 beside 外呼二组 is a new team, not a slip."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from trainer.users.accounts import Account, clean_team

# 十 and 10 both fold to X, so that 十组 and 10组 are the same one character.
_NUMERALS = dict(zip("〇零一二两三四五六七八九十", "0012234567 89X".replace(" ", "")))


def existing_teams(accounts: Iterable[Account]) -> list[str]:
    """The teams accounts have, in order, without the empty one."""
    return sorted({account.info.team for account in accounts if account.info.team})


def _folded(team: str) -> str:
    """`team` with width, case, spaces and Chinese numerals folded away."""
    text = unicodedata.normalize("NFKC", team).casefold().replace(" ", "").replace("10", "X")
    return "".join(_NUMERALS.get(char, char) for char in text)


def _one_letter_apart(new: str, old: str) -> bool:
    """One character swapped, added or dropped, and that character not a numeral (二组 and 三组 are two teams)."""
    if new == old or abs(len(new) - len(old)) > 1 or min(len(new), len(old)) < 2:
        return False
    start = 0
    while start < min(len(new), len(old)) and new[start] == old[start]:
        start += 1
    end = 0
    while end < min(len(new), len(old)) - start and new[-1 - end] == old[-1 - end]:
        end += 1
    differ = new[start:len(new) - end] + old[start:len(old) - end]
    return len(new[start:len(new) - end]) <= 1 and len(old[start:len(old) - end]) <= 1 \
        and not any(char.isdigit() or char == "X" for char in differ)


def near_teams(team: str, teams: Iterable[str]) -> list[str]:
    """The existing `teams` that `team` is probably a slip for; none when `team` is empty or is one of them."""
    team = clean_team(team)
    teams = list(teams)
    if not team or team in teams:
        return []
    mine = _folded(team)
    return [other for other in teams if _folded(other) == mine or _one_letter_apart(mine, _folded(other))]
