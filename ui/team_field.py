"""The 班组 box of 用户管理, with the teams that exist under it.

Assignments and 团队概览 reach people by the exact words of their team, and the box was free text: 王芳 added with
外呼1组 for 外呼一组 vanished from her team's assignments without a word (qa22 A2). The box says which teams exist,
names a new team as new, and a new name close to an existing one (trainer.users.teams) is saved only once the
administrator ticks that it is meant to be a new team."""

from __future__ import annotations

import streamlit as st

from trainer.users.accounts import clean_team
from trainer.users.teams import near_teams
from ui.i18n import tr
from ui.render import escape_markdown


def team_field(key: str, teams: list[str], value: str | None = None) -> tuple[str, bool]:
    """The team typed (or kept) and whether it may be saved: False while it is a near name not yet confirmed."""
    extra = {} if value is None else {"value": value}
    team = st.text_input(tr("班组", "Team"), key=key, max_chars=64, **extra)
    if teams:
        st.caption(tr("现有班组：", "Existing teams: ") + escape_markdown("、".join(teams)))
    typed = clean_team(team)
    if not typed or typed in teams:
        return team, True
    near = near_teams(typed, teams)
    if not near:
        st.caption(tr(f"新班组：{escape_markdown(typed)}", f"A new team: {escape_markdown(typed)}"))
        return team, True
    others = "”、“".join(near)
    st.warning(escape_markdown(tr(
        f"“{typed}”是新班组，与现有的“{others}”只差一点。同一班组请写成一样的，否则作业布置和团队概览都找不到这个人。",
        f"'{typed}' is a new team, close to the existing '{', '.join(near)}'. For the same team write it the same way: "
        "otherwise assignments and the team overview miss this person.")), icon=":material/warning:")
    return team, st.checkbox(tr(f"确认新建班组“{typed}”", f"Yes, '{typed}' is a new team"), key=f"{key}_new:{typed}")


NOT_CONFIRMED = ("请改成现有班组的写法，或勾选“确认新建班组”。", "Write the existing team's name, or tick that it is a new team.")
