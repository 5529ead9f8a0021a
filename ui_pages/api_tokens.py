"""API 令牌 — administrators create a named token for each agent desktop or CRM that calls the
search API (docs/search-api.md), see when each was last used, and revoke it. A new token is
shown once; the store keeps only its hash (trainer/users/api_tokens.py)."""

from __future__ import annotations

import streamlit as st

from trainer.users.api_tokens import MAX_NAME_CHARS, ApiTokenError, ApiTokenInfo, create_api_token, list_api_tokens, \
    revoke_api_token
from trainer.users.accounts import list_accounts
from ui.display import time_heading, when, when_labelled
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database

user = require_page_user(__file__)
db = database()

st.title(tr("API 令牌", "API tokens"))
st.caption(tr("坐席桌面或 CRM 系统调用知识搜索接口（/api/v1/search）时，在请求头中携带令牌："
              "Authorization: Bearer <令牌>。每个系统或每个地点使用一个令牌，便于单独撤销。",
              "Agent desktops and CRMs call the search API (/api/v1/search) with a token in the header "
              "Authorization: Bearer <token>. Give each system or site its own token so it can be revoked alone."))
FLASH = "api_tokens_flash"


def status(info: ApiTokenInfo) -> str:
    return tr("已撤销 ", "revoked ") + when_labelled(info.revoked_at) if info.revoked_at else tr("有效", "active")


def creator(login: str, names: dict[str, str]) -> str:
    """Who created a token: the person's name with the login, as 用户管理 says it (qa29: 创建人 sun.li beside 孙丽); the
    login alone for an account gone or a token made on the command line."""
    return tr(f"{names[login]}（{login}）", f"{names[login]} ({login})") if login in names else login


def done(zh: str, en: str, new_token: tuple[str, str] | None = None) -> None:
    """Report a change after the page has been redrawn with it (the table shows the new state); `new_token`: the
    (name, token) just created."""
    st.session_state[FLASH] = (zh, en, new_token)
    st.rerun()


NEW_TOKEN = "api_tokens_new"  # (name, token) not yet hidden by the admin (this session only, never stored)


def show_new_token(name: str, token: str) -> None:
    """The new token, kept on the page until the admin hides it, as 用户管理 keeps temporary passwords: it went with the
    next click of anything (a language switch, a token chosen to revoke), before it was copied (qa29)."""
    name = escape_markdown(name)
    st.warning(tr(f"令牌“{name}”只在这里显示，隐藏后无法再次查看：请立即复制并配置到对应系统中；系统只保存它的摘要。",
                  f"The token \"{name}\" is shown only here and cannot be shown again once hidden: copy it into the "
                  "system that uses it now. Only its hash is kept."))
    st.code(token, language=None)
    if st.button(tr("已复制，隐藏令牌", "Copied: hide the token"), key="api_tokens_hide"):
        st.session_state.pop(NEW_TOKEN, None)
        st.rerun()


if FLASH in st.session_state:
    zh, en, new_token = st.session_state.pop(FLASH)  # the message goes with the next run; the token stays until hidden
    st.success(tr(zh, en))
    if new_token:
        st.session_state[NEW_TOKEN] = new_token
if NEW_TOKEN in st.session_state:
    show_new_token(*st.session_state[NEW_TOKEN])

with st.form("create-token", clear_on_submit=True):
    name = st.text_input(tr("令牌名称（使用它的系统或地点）", "Token name (the system or site that uses it)"),
                         max_chars=MAX_NAME_CHARS, key="token_name", placeholder=tr("如：CRM 坐席桌面 北京", "e.g. CRM desktop Beijing"))
    create = st.form_submit_button(tr("创建令牌", "Create token"), type="primary")
if create:
    try:
        info, token = create_api_token(db, name, user.login)
    except ApiTokenError as error:
        st.error(tr(error.zh, error.en))
    else:
        done(f"已创建令牌“{info.name}”。", f"Created the token \"{info.name}\".", (info.name, token))

tokens = list_api_tokens(db)
if not tokens:
    st.info(tr("还没有 API 令牌。", "There are no API tokens yet."))
else:
    names = {a.info.login: a.info.display_name for a in list_accounts(db)}
    st.dataframe([{tr("编号", "No."): t.id, tr("名称", "Name"): t.name, tr("创建人", "Created by"): creator(t.created_by, names),
                   time_heading("创建时间", "Created"): when(t.created_at),
                   time_heading("最近使用", "Last used"): when(t.last_used_at, tr("从未使用", "never")),
                   tr("状态", "Status"): status(t)} for t in tokens], hide_index=True)
    st.caption(tr("最近使用时间精确到分钟。", "The last use is noted to the minute."))

active = {t.id: t for t in tokens if t.active}
if active:
    st.subheader(tr("撤销令牌", "Revoke a token"))
    chosen = st.selectbox(tr("选择令牌", "Choose a token"), list(active), key="token_revoke_choice",
                          format_func=lambda token_id: f"{active[token_id].name} (#{token_id})",
                          placeholder=tr("选择令牌", "Choose a token"))
    st.caption(tr("该令牌最近使用：", "This token was last used: ")
               + when_labelled(active[chosen].last_used_at, tr("从未使用", "never")))
    st.caption(tr("撤销后，各服务器在 5 秒内拒绝该令牌，且不可恢复；使用它的系统需要新的令牌。",
                  "A revoked token is refused by every server within 5 seconds, for good; "
                  "the system that used it needs a new token."))
    # Two steps, as 作业布置's 撤销…… → 确认撤销: the choice opens on the first active token, and one click on 撤销 cut
    # a site's CRM off its search for good (qa22 A3). The second step names the token it will revoke.
    with st.popover(tr("撤销……", "Revoke…")):
        name = escape_markdown(active[chosen].name)
        st.markdown(tr(f"撤销令牌“{name}”（#{chosen}）？使用它的系统将无法再搜索。",
                       f"Revoke the token “{name}” (#{chosen})? The system that uses it can no longer search."))
        if st.button(tr("确认撤销", "Revoke"), key="token_revoke", type="primary"):
            try:
                info = revoke_api_token(db, chosen)
            except ApiTokenError as error:
                st.error(tr(error.zh, error.en))
            else:
                done(f"已撤销令牌“{info.name}”。", f"Revoked the token \"{info.name}\".")
