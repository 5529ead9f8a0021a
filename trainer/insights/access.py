"""Who may look at whose progress and calls.

An agent sees their own; an instructor sees the agents of their team (all teams when the
instructor has none); an administrator sees everyone. Pages check this for every agent or
call they open from a URL, so changing `?agent=` or `?call=` cannot reveal someone else's.
"""

from __future__ import annotations

from trainer.users.accounts import UserInfo

STAFF_ROLES = ("instructor", "admin")


def sees_all_teams(viewer: UserInfo) -> bool:
    return viewer.role == "admin" or (viewer.role == "instructor" and not viewer.team)


def can_view(viewer: UserInfo, owner: UserInfo) -> bool:
    """Whether `viewer` may see `owner`'s progress and practice calls."""
    if viewer.id == owner.id or sees_all_teams(viewer):
        return True
    return viewer.role == "instructor" and viewer.team == owner.team


def can_comment(viewer: UserInfo, owner: UserInfo) -> bool:
    """Instructors and administrators comment on the calls of agents they may see (not their own)."""
    return viewer.role in STAFF_ROLES and viewer.id != owner.id and can_view(viewer, owner)
