"""用户管理 — administrators add agents and instructors, import a team roster, reset passwords,
disable and enable accounts. Temporary passwords are shown once, to hand to the person."""

from __future__ import annotations


import streamlit as st

from trainer.sheets import csv_bytes
from trainer.users.signin import locked_until_now, unlock_account
from trainer.users.roster import RosterError, RosterPlan, apply_roster, plan_roster, read_roster
from trainer.users.passwords import temporary_password
from trainer.users.teams import existing_teams
from trainer.users.accounts import (ROLES, Account, AccountError, create_user, list_accounts, normalize_login,
                                    reset_password, set_disabled, update_user)
from ui.display import clock, role_name, roster_change
from ui.uploads import file_upload
from ui.i18n import tr
from ui.live_form import live_form
from ui.pages import require_page_user
from ui.render import code_span, escape_markdown
from ui.team_field import NOT_CONFIRMED, team_field
from ui.resources import database
from ui.widget_memory import kept_tabs

user = require_page_user(__file__)
db = database()

st.title(tr("用户管理", "Users"))
FLASH = "admin_flash"
PASSWORDS = "admin_new_passwords"  # temporary passwords not yet hidden by the admin (this session only, never stored)


def status(account: Account) -> str:
    if account.disabled:
        return tr("已停用", "disabled")
    if locked_until_now(account.locked_until):
        return tr("临时锁定至 ", "locked until ") + clock(account.locked_until)
    if not account.has_password:
        return tr("未设密码", "no password")
    if account.must_change_password:
        return tr("待改密码", "must change password")
    return tr("正常", "active")


def show_new_passwords(rows: list[tuple[str, str, str]]) -> None:
    """Temporary passwords, kept on the page until the admin hides them, with a CSV to hand out; each must be changed at
    first sign-in. They were shown for one run only: the next name typed, or a double click's second click on 添加,
    took them away before they were written down (the account then needed another reset)."""
    st.warning(tr("以下临时密码关闭后不再显示，请妥善转交本人；首次登录时须修改。",
                  "These temporary passwords are not shown again once hidden: hand them to each person; "
                  "they must be changed at the first sign-in."))
    st.dataframe([{tr("登录名", "Login"): login, tr("姓名", "Name"): name, tr("临时密码", "Temporary password"): pw}
                  for login, name, pw in rows], hide_index=True)
    st.download_button(tr("下载临时密码（CSV）", "Download the temporary passwords (CSV)"),
                       csv_bytes([("login", "name", "temporary_password"), *rows]), file_name="temporary-passwords.csv",
                       mime="text/csv", on_click="ignore")
    if st.button(tr("已转交，隐藏这些密码", "Handed over: hide these passwords"), key="admin_hide_passwords"):
        st.session_state.pop(PASSWORDS, None)
        st.rerun()


def done(zh: str, en: str, passwords: list[tuple[str, str, str]] | None = None) -> None:
    """Report a change after the page has been redrawn with it (tables show the new state)."""
    st.session_state[FLASH] = (zh, en, passwords or [])
    st.rerun()


# Always drawn, empty or not: the tabs below stay where they were when the message goes, or Streamlit draws them anew on
# their first tab (the next name typed after 添加 moved the page back to 账户列表, polish30: the fields are live).
with st.container():
    if FLASH in st.session_state:
        zh, en, passwords = st.session_state.pop(FLASH)
        st.success(tr(zh, en))
        # the message goes with the next run; the passwords stay, one table for several added in a row
        st.session_state[PASSWORDS] = [*st.session_state.get(PASSWORDS, []), *passwords]
    if st.session_state.get(PASSWORDS):
        show_new_passwords(st.session_state[PASSWORDS])

# Kept by place: a language switch opened 账户列表 again with 添加用户's fields behind it (polish30, polish31).
accounts_tab, add_tab, roster_tab = kept_tabs([tr("账户列表", "Accounts"), tr("添加用户", "Add a user"),
                                               tr("导入名单", "Import a roster")], "admin_tabs")

with accounts_tab:
    accounts = list_accounts(db)
    st.dataframe([{tr("登录名", "Login"): a.info.login, tr("姓名", "Name"): a.info.display_name,
                   tr("角色", "Role"): role_name(a.info.role), tr("班组", "Team"): a.info.team,
                   tr("入职日期", "Hired"): a.info.hire_date.isoformat() if a.info.hire_date else "",
                   tr("状态", "Status"): status(a)} for a in accounts], hide_index=True)
    by_login = {a.info.login: a for a in accounts}
    chosen = st.selectbox(tr("选择账户", "Choose an account"), list(by_login), key="admin_account",
                          format_func=lambda login: f"{by_login[login].info.display_name} ({login})",
                          placeholder=tr("选择账户", "Choose an account"))
    if chosen:
        account = by_login[chosen]
        # Not st.form: a language switch drew an unsaved 角色 back as it was saved (ui/live_form.py, polish30).
        with live_form("edit-account") as form:
            name = st.text_input(tr("姓名", "Name"), account.info.display_name, max_chars=128, key=f"edit_name_{chosen}")
            role = st.selectbox(tr("角色", "Role"), ROLES, index=ROLES.index(account.info.role), format_func=role_name,
                                key=f"edit_role_{chosen}", placeholder=tr("选择角色", "Choose a role"))
            team, team_ok = team_field(f"edit_team_{chosen}", existing_teams(accounts), account.info.team)
            hired = st.date_input(tr("入职日期（用于按入职月份查看）", "Hire date (to follow a hire-month cohort)"),
                                  account.info.hire_date, key=f"edit_hired_{chosen}")
            save = form.submit(tr("保存", "Save"))
        reset_col, toggle_col, unlock_col = st.columns(3)
        # Two steps naming the person, as API 令牌's 撤销…… → 确认撤销: one click on 重置密码 ended the chosen account's
        # password at once, and the list opens on whoever was chosen last (qa22's notes).
        person = escape_markdown(f"{account.info.display_name}（{chosen}）")
        with reset_col.popover(tr("重置密码……", "Reset password…")):
            st.markdown(tr(f"重置 {person} 的密码？当前密码立即失效，TA 须用新的临时密码登录并修改。",
                           f"Reset the password of {escape_markdown(account.info.display_name)} ({escape_markdown(chosen)})? "
                           "The current password stops working at once; they sign in with a new temporary one and change it."))
            reset = st.button(tr("确认重置", "Reset"), key="admin_reset", type="primary")
        if account.disabled:
            toggle = toggle_col.button(tr("启用账户", "Enable account"), key="admin_toggle")
        else:
            # Two steps naming the person, as 重置密码……: one click signed the chosen trainee out at once, mid-call,
            # whoever the list was left on (qa29's A3). Enabling again stays one click.
            myself = chosen == user.login
            with toggle_col.popover(tr("停用账户……", "Disable account…"), disabled=myself):
                st.markdown(tr(f"停用 {person}？TA 立即无法登录，已打开的页面在下一次点击时退出；学习记录保留。",
                               f"Disable {escape_markdown(account.info.display_name)} ({escape_markdown(chosen)})? They "
                               "cannot sign in from now on and open pages sign out at the next click; the training "
                               "history is kept."))
                toggle = st.button(tr("确认停用", "Disable"), key="admin_toggle", type="primary", disabled=myself)
        unlock = unlock_col.button(tr("解除锁定", "Unlock"), key="admin_unlock",
                                   disabled=not locked_until_now(account.locked_until))
        # The person by name, the login after it as 已添加 says it: a login alone (已重置 30101 的密码) made 孙主管 look up
        # whose it was, and two people of one name are told apart by the login (qa29).
        who_zh = f"{escape_markdown(account.info.display_name)}（{code_span(chosen)}）"
        who_en = f"{escape_markdown(account.info.display_name)} ({code_span(chosen)})"
        try:
            if save and not team_ok:
                st.error(tr(*NOT_CONFIRMED))
            elif save:
                update_user(db, chosen, display_name=name, role=role, team=team, hire_date=hired)
                done(f"已保存 {who_zh}。", f"Saved {who_en}.")
            if reset:
                password = reset_password(db, chosen)
                done(f"已重置 {who_zh}的密码。", f"Reset the password of {who_en}.",
                     [(chosen, account.info.display_name, password)])
            if unlock:
                unlock_account(db, chosen, user.login)
                done(f"已解除 {who_zh}的锁定。", f"Unlocked {who_en}.")
            if toggle:
                set_disabled(db, chosen, not account.disabled)
                if account.disabled:
                    done(f"已启用 {who_zh}。", f"Enabled {who_en}.")
                done(f"已停用 {who_zh}；学习记录保留。", f"Disabled {who_en}; the training history is kept.")
        except AccountError as error:
            st.error(tr(error.zh, error.en))

def login_holder(login: str) -> Account | None:
    """The account that has `login` already (None for a login that is free or not valid)."""
    try:
        wanted = normalize_login(login)
    except AccountError:
        return None
    return next((a for a in list_accounts(db) if a.info.login == wanted), None)


def same_name_note(name: str, accounts: list[Account]) -> None:
    """Say which accounts already have the name typed: 孙主管 added 吴磊 by his staff number, then again by his e-mail,
    and two accounts of one trainee split his training record with nothing said (qa29). Another person of the same
    name may still be added."""
    same = [a for a in accounts if name.strip() and a.info.display_name == name.strip()]
    if not same:
        return
    known = "；".join(f"{code_span(a.info.login)} · {role_name(a.info.role)} · {escape_markdown(a.info.team or '—')}"
                     + (tr("（已停用）", " (disabled)") if a.disabled else "") for a in same)
    st.warning(tr(f"已有同名账户：{known}。同一个人请不要再添加（在“账户列表”里修改即可）；同名的另一个人可以继续添加。",
                  f"An account with this name exists: {known}. Do not add the same person twice (edit the account "
                  "under Accounts); another person of the same name can be added."), icon=":material/warning:")


with add_tab:
    # Not st.form: a language switch drew an unsent 角色 back as 坐席 (ui/live_form.py, polish30).
    with live_form("add-user", defaults={"add_name": "", "add_login": "", "add_role": ROLES[0], "add_team": "",
                                         "add_hired": None}) as add_form:
        name = st.text_input(tr("姓名", "Name"), key="add_name", max_chars=128)
        same_name_note(name, list_accounts(db))
        login = st.text_input(tr("登录名（工号或邮箱）", "Login (staff number or e-mail)"), key="add_login", max_chars=64)
        role = st.selectbox(tr("角色", "Role"), ROLES, key="add_role", format_func=role_name,
                            placeholder=tr("选择角色", "Choose a role"))
        team, team_ok = team_field("add_team", existing_teams(list_accounts(db)))
        hired = st.date_input(tr("入职日期（可不填）", "Hire date (optional)"), None, key="add_hired")
        add = add_form.submit(tr("添加", "Add"), type="primary")
    if add and not team_ok:
        st.error(tr(*NOT_CONFIRMED))
    elif add:
        password = temporary_password(login)
        try:
            created = create_user(db, login, name, role, team, password=password, must_change_password=True,
                                  hire_date=hired)
        except AccountError as error:
            st.error(tr(error.zh, error.en))
            if holder := login_holder(login):
                # whose it is (qa29: 孙主管 typed 郑婷's staff number as 30102, 吴磊's, and read only 已被使用)
                st.caption(tr(f"这个登录名是 {escape_markdown(holder.info.display_name)}（{role_name(holder.info.role)} · "
                              f"{escape_markdown(holder.info.team or '—')}）的账户。",
                              f"This login is the account of {escape_markdown(holder.info.display_name)} "
                              f"({role_name(holder.info.role)} · {escape_markdown(holder.info.team or '—')})."))
        else:
            add_form.clear_on_next_run()
            # the login as code: an e-mail login was drawn as a mailto link (qa23's A4)
            name, login_shown = escape_markdown(created.display_name), code_span(created.login)
            done(f"已添加 {name}（{login_shown}）。", f"Added {name} ({login_shown}).",
                 [(created.login, created.display_name, password)])


def show_plan(plan: RosterPlan) -> None:
    """The dry-run report: counts, then each group with its row numbers."""
    counts = st.columns(4)
    counts[0].metric(tr("新增", "New"), len(plan.new))
    counts[1].metric(tr("变更", "Changed"), len(plan.changed))
    counts[2].metric(tr("不变", "Unchanged"), len(plan.unchanged))
    counts[3].metric(tr("无效", "Invalid"), len(plan.invalid))
    if plan.invalid:
        st.error(tr("文件中有无效的行，整个文件都不会导入。请修改后重新上传：",
                    "The file has invalid rows, so nothing will be imported. Fix them and upload again:"))
        # a list, not a table: a row's problems are a sentence or two, and a table's cell cut them off (qa23's A1)
        st.markdown("\n".join(tr(f"- 第 {i.row} 行（{code_span(i.login)}）：{escape_markdown(i.zh)}",
                                 f"- Row {i.row} ({code_span(i.login)}): {escape_markdown(i.en)}")
                              for i in plan.invalid))
    if plan.near_teams:
        st.warning(tr("以下行的班组是新的，但与已有班组只差一点（仍可导入）：",
                      "These rows bring a new team close to an existing one (the file can still be imported):"),
                   icon=":material/warning:")
        st.dataframe([{tr("行", "Row"): i.row, tr("登录名", "Login"): i.login, tr("班组", "Team"): tr(i.zh, i.en)}
                      for i in plan.near_teams], hide_index=True)
    if plan.new:
        st.caption(tr("新增账户", "New accounts"))
        st.dataframe([{tr("行", "Row"): c.row, tr("登录名", "Login"): c.login, tr("姓名", "Name"): c.name,
                       tr("角色", "Role"): role_name(c.role), tr("班组", "Team"): c.team} for c in plan.new], hide_index=True)
    if plan.changed:
        st.caption(tr("变更的账户", "Changed accounts"))
        st.dataframe([{tr("行", "Row"): c.row, tr("登录名", "Login"): c.login,
                       tr("变更", "Changes"): tr("；", "; ").join(roster_change(*change) for change in c.changes)}
                      for c in plan.changed], hide_index=True)


with roster_tab:
    st.caption(tr("CSV 或 Excel 文件，列：name（姓名）、login（登录名）、role（agent/instructor/admin）、team（班组），"
                  "可选 hire_date（入职日期，如 2026-03-02 或 2026-03）。"
                  "名单中没有的账户不受影响。",
                  "A CSV or Excel file with the columns name, login, role (agent/instructor/admin), team and, "
                  "optionally, hire_date (e.g. 2026-03-02 or 2026-03). Accounts missing from the file are left alone."))
    upload = file_upload("名单文件", "Roster file", ["csv", "xlsx"], key="roster_file")
    if upload is not None:
        try:
            rows = read_roster(upload.getvalue(), upload.name)
        except RosterError as error:
            st.error(tr(error.zh, error.en))
        else:
            st.subheader(tr("预览（尚未修改任何账户）", "Dry run (nothing changed yet)"))
            plan = plan_roster(db, rows)
            show_plan(plan)
            if plan.ok and not plan.has_changes:
                st.info(tr("名单与现有账户一致，无需导入。", "The roster matches the accounts; nothing to import."))
            elif plan.ok and st.button(tr("确认导入", "Apply the roster"), type="primary", key="roster_apply"):
                applied, created = apply_roster(db, rows)
                if applied.ok:
                    done(f"已导入：新增 {len(applied.new)} 个，变更 {len(applied.changed)} 个。",
                         f"Imported: {len(applied.new)} new, {len(applied.changed)} changed.",
                         [(a.login, a.name, a.temporary_password) for a in created])
                else:
                    st.error(tr("账户在预览后已被修改，请重新检查。", "Accounts changed since the dry run; check again."))
                    show_plan(applied)
