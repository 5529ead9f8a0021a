"""Agents' names next to their searches: their team's instructor (or one over all teams) and administrators only."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from trainer.search_feedback.privacy import asker, shows_name
from trainer.search_feedback.store import LoggedSearch
from trainer.users.accounts import UserInfo

AGENT_SEARCH = LoggedSearch(1, "宽限期多久", "", (), True, datetime(2026, 3, 10, tzinfo=timezone.utc), 7, "王小明", "一组", "agent")


@pytest.mark.parametrize(("viewer", "sees"), [
    (UserInfo(2, "li", "李老师", "instructor", "一组"), True),
    (UserInfo(3, "zhao", "赵老师", "instructor", "二组"), False),
    (UserInfo(4, "qian", "钱老师", "instructor", ""), True),  # no team: oversees every team, as on 团队概览
    (UserInfo(5, "admin", "管理员", "admin", ""), True),
    (UserInfo(7, "wang", "王小明", "agent", "一组"), True),
    (UserInfo(8, "liu", "刘坐席", "agent", "一组"), False),
])
def test_only_the_team_instructor_admins_and_the_agent_see_the_name(viewer: UserInfo, sees: bool) -> None:
    assert shows_name(viewer, AGENT_SEARCH) is sees
    assert asker(viewer, AGENT_SEARCH, "坐席") == ("王小明 · 一组" if sees else "坐席")


def test_a_search_whose_account_is_gone_shows_no_name() -> None:
    gone = LoggedSearch(2, "宽限期多久", "", (), True, AGENT_SEARCH.at, None, "", "", "")
    assert asker(UserInfo(5, "admin", "管理员", "admin", ""), gone, "坐席") == "坐席"
