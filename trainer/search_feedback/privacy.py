"""Whose name an instructor may see next to a logged search: the same rule as for progress and calls.

Teams are a `team` text on each account (trainer/store/models.py `User.team`): an instructor and
the agents with the same team text form a team; there is no other link between them. The rule is
`trainer.insights.access.can_view`: an instructor sees their own team's names (every team's when
they have no team of their own), an administrator everyone's, and everyone their own. Any other
search is shown without a name.
"""

from __future__ import annotations

from trainer.insights.access import can_view
from trainer.search_feedback.store import LoggedSearch
from trainer.users.accounts import UserInfo


def shows_name(viewer: UserInfo, search: LoggedSearch) -> bool:
    """Whether `viewer` may see who made `search`."""
    if search.user_id is None:  # the account is gone: nobody to name
        return False
    asker = UserInfo(search.user_id, "", search.user_name, search.user_role, search.user_team)
    return can_view(viewer, asker)


def asker(viewer: UserInfo, search: LoggedSearch, hidden: str) -> str:
    """The asker's name and team as `viewer` may see them; `hidden` when they may not."""
    if not shows_name(viewer, search) or not search.user_name:
        return hidden
    return f"{search.user_name} · {search.user_team}" if search.user_team else search.user_name
