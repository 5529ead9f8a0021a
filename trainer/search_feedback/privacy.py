"""Whose name an instructor may see next to a logged search.

Teams are a `team` text on each account (trainer/store/models.py `User.team`): an instructor
and the agents with the same team text form a team; there is no other link between them.
An instructor sees the names of their own team's searches; an administrator sees every name;
an instructor with no team is nobody's team instructor and sees no other person's name.
Everyone sees their own searches by name.
"""

from __future__ import annotations

from trainer.search_feedback.store import LoggedSearch
from trainer.users.accounts import UserInfo


def shows_name(viewer: UserInfo, search: LoggedSearch) -> bool:
    """Whether `viewer` may see who made `search`."""
    if viewer.role == "admin" or (search.user_id is not None and search.user_id == viewer.id):
        return True
    return viewer.role == "instructor" and bool(viewer.team) and viewer.team == search.user_team


def asker(viewer: UserInfo, search: LoggedSearch, hidden: str) -> str:
    """The asker's name and team as `viewer` may see them; `hidden` when they may not."""
    if not shows_name(viewer, search) or not search.user_name:
        return hidden
    return f"{search.user_name} · {search.user_team}" if search.user_team else search.user_name
