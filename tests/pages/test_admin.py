"""The admin page (AppTest): add a user, reset a password, disable, roster dry run then apply."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from trainer.clock import as_utc
from trainer.users import signin as auth
from trainer.users.accounts import create_user, get_account

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Correct-horse-7"


@pytest.fixture
def admin_page(store) -> AppTest:
    admin = create_user(store, "boss", "老板", "admin", password=PASSWORD)
    at = AppTest.from_file(str(ROOT / "ui_pages/admin.py"), default_timeout=60)
    at.session_state["user"] = admin
    return at.run()


def temporary_passwords(at: AppTest) -> dict[str, str]:
    tables = [d.value for d in at.dataframe if "临时密码" in d.value.columns]
    assert len(tables) == 1
    return dict(zip(tables[0]["登录名"], tables[0]["临时密码"]))


def test_a_new_users_temporary_password_stays_until_the_admin_hides_it(admin_page, store, app_env):
    at = admin_page
    at.text_input(key="add_name").input("李娜")
    at.text_input(key="add_login").input("li.na")
    at.selectbox(key="add_role").select("instructor")
    at.text_input(key="add_team").input("培训部")
    at.date_input(key="add_hired").set_value(date(2026, 3, 2))
    at.button(key="add-user-submit").click().run()
    assert not at.exception and "已添加 李娜" in at.success[0].value
    password = temporary_passwords(at)["li.na"]
    assert get_account(store, "li.na").info.role == "instructor"
    assert get_account(store, "li.na").info.cohort == "2026-03"
    # the form is empty again for the next person (st.form's clear_on_submit, kept by ui.live_form)
    assert [at.text_input(key=k).value for k in ("add_name", "add_login", "add_team")] == ["", "", ""]
    assert at.selectbox(key="add_role").value == "agent" and at.date_input(key="add_hired").value is None
    result = auth.authenticate(store, app_env, "li.na", password)
    assert result.ok and result.must_change_password
    at.text_input(key="add_name").input("王伟").run()  # the next person begun: the message goes, the password stays
    assert not at.success and temporary_passwords(at) == {"li.na": password}
    at.button(key="admin_hide_passwords").click().run()
    assert not [d for d in at.dataframe if "临时密码" in d.value.columns]


def test_an_e_mail_login_is_said_as_written_not_as_a_mail_link(admin_page):
    """qa23's A4: 已添加 Olivia Brown（olivia.brown@example.com） drew the login as a mailto link."""
    at = admin_page
    at.text_input(key="add_name").input("Olivia Brown")
    at.text_input(key="add_login").input("olivia.brown@example.com")
    at.text_input(key="add_team").input("培训部")
    at.button(key="add-user-submit").click().run()
    assert not at.exception and at.success[0].value == "已添加 Olivia Brown（`olivia.brown@example.com`）。"


def test_reset_and_disable(admin_page, store, app_env):
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)
    at = admin_page.run()
    at.selectbox(key="admin_account").select("li.na").run()
    reset_step(at, "李娜（li.na）").click().run()
    password = temporary_passwords(at)["li.na"]
    assert not auth.authenticate(store, app_env, "li.na", PASSWORD).ok
    assert auth.authenticate(store, app_env, "li.na", password).must_change_password

    at.button(key="admin_toggle").click().run()
    assert "已停用 李娜（`li.na`）；学习记录保留。" in at.success[0].value and get_account(store, "li.na").disabled
    assert at.button(key="admin_toggle").label == "启用账户"


def reset_step(at: AppTest, person: str):
    """The 确认重置 button inside the 重置密码…… popover, which names the person (qa22: one click reset a password)."""
    [popover] = [block for block in at.main.get("popover") if "重置" in block.proto.popover.label]
    assert popover.proto.popover.label == "重置密码……"
    assert any(f"重置 {person} 的密码？" in m.value.replace("\\", "") for m in popover.markdown)
    [button] = [b for b in popover.button if b.key == "admin_reset"]
    assert button.label == "确认重置"
    return button


def test_resetting_a_password_takes_a_second_step_that_names_the_person(admin_page, store, app_env):
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)
    create_user(store, "wang.fang", "王芳", "agent", password=PASSWORD)
    at = admin_page.run()
    at.selectbox(key="admin_account").select("wang.fang").run()
    confirm = reset_step(at, "王芳（wang.fang）")
    assert auth.authenticate(store, app_env, "wang.fang", PASSWORD).ok  # opening the step changed nothing
    confirm.click().run()
    # qa29: 已重置 30101 的密码 named the login only; the person by name, the login after it, as 已添加 says it
    assert "已重置 王芳（`wang.fang`）的密码" in at.success[0].value and "wang.fang" in temporary_passwords(at)
    assert auth.authenticate(store, app_env, "li.na", PASSWORD).ok


def test_disabling_takes_a_second_step_that_names_the_person_and_enabling_one(admin_page, store, app_env):
    """qa29's A3: one click on 停用账户 signed the chosen trainee out at once (mid-call), whoever the list was left on;
    重置密码 and API 令牌's 撤销 already took a second step naming whom."""
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)
    at = admin_page.run()
    at.selectbox(key="admin_account").select("li.na").run()
    [popover] = [block for block in at.main.get("popover") if "停用" in block.proto.popover.label]
    assert popover.proto.popover.label == "停用账户……"
    assert any("停用 李娜（li.na）？TA 立即无法登录" in m.value.replace("\\", "") for m in popover.markdown)
    [confirm] = [b for b in popover.button if b.key == "admin_toggle"]
    assert confirm.label == "确认停用" and not get_account(store, "li.na").disabled  # opening the step changed nothing
    confirm.click().run()
    assert get_account(store, "li.na").disabled and not auth.authenticate(store, app_env, "li.na", PASSWORD).ok
    at.button(key="admin_toggle").click().run()  # 启用账户: one click
    assert not get_account(store, "li.na").disabled and "已启用 李娜（`li.na`）" in at.success[0].value


def test_admin_cannot_disable_themselves(admin_page):
    admin_page.selectbox(key="admin_account").select("boss").run()
    assert admin_page.button(key="admin_toggle").disabled


def test_roster_dry_run_then_apply(admin_page, store):
    at = admin_page
    roster = "name,login,role,team\n李娜,li.na,agent,外呼一组\n王伟,wang.wei,agent,外呼二组\n".encode()
    at.file_uploader(key="roster_file").upload("team.csv", roster, "text/csv").run()
    assert [m.value for m in at.metric] == ["2", "0", "0", "0"]
    assert get_account(store, "li.na") is None  # the dry run changes nothing
    at.button(key="roster_apply").click().run()
    assert "新增 2 个" in at.success[0].value
    assert set(temporary_passwords(at)) == {"li.na", "wang.wei"}
    assert get_account(store, "wang.wei").info.team == "外呼二组"
    assert "无需导入" in at.info[0].value  # the same file again: nothing to do


def test_a_roster_change_is_shown_in_words_not_field_codes(admin_page, store):
    """qa15: the dry run listed a team leader's changes as "role: agent → instructor；team: 外呼一组 → 外呼二组；
    hire_date:  → 2024-05-01", codes and English on the Chinese page."""
    create_user(store, "wang.fang", "王芳", "agent", team="外呼一组", password=PASSWORD)
    at = admin_page
    roster = "姓名,工号,角色,班组,入职日期\n王芳,wang.fang,培训师,外呼二组,2024-05\n".encode()
    at.file_uploader(key="roster_file").upload("team.csv", roster, "text/csv").run()
    changes = next(d.value for d in at.dataframe if "变更" in d.value.columns)["变更"][0]
    assert changes == "角色：坐席 → 培训师；班组：外呼一组 → 外呼二组；入职日期：（空） → 2024-05-01", changes


def test_malformed_roster_lists_rows_and_offers_no_apply(admin_page, store):
    at = admin_page
    bad = "name,login,role,team\n李娜,li na,agent,\n王伟,wang.wei,boss,\n".encode()
    at.file_uploader(key="roster_file").upload("team.csv", bad, "text/csv").run()
    assert "整个文件都不会导入" in at.error[0].value
    [problems] = [m.value for m in at.markdown if "第 2 行" in m.value]  # every problem readable, not cut (qa23 A1)
    assert problems.startswith("- 第 2 行（`li na`）：") and "\n- 第 3 行（`wang.wei`）：" in problems, problems
    assert not [b for b in at.button if b.key == "roster_apply"]
    assert get_account(store, "wang.wei") is None


def test_a_new_team_close_to_an_existing_one_is_added_only_once_confirmed(admin_page, store):
    """qa22 A2: 王芳 added with 外呼1组 for 外呼一组 silently made a second team; she missed her team's assignments."""
    create_user(store, "li.na", "李娜", "agent", "外呼一组")
    at = admin_page.run()
    assert any(c.value == "现有班组：外呼一组" for c in at.caption)
    at.text_input(key="add_name").input("王芳")
    at.text_input(key="add_login").input("wang.fang")
    at.text_input(key="add_team").input("外呼1组")
    at.button(key="add-user-submit").click().run()
    assert get_account(store, "wang.fang") is None and not at.success
    assert any("与现有的“外呼一组”只差一点" in w.value for w in at.warning)
    assert any("勾选“确认新建班组”" in e.value for e in at.error)
    at.checkbox(key="add_team_new:外呼1组").check()
    at.button(key="add-user-submit").click().run()
    assert "已添加 王芳" in at.success[0].value and get_account(store, "wang.fang").info.team == "外呼1组"


def test_an_existing_team_or_a_plainly_new_one_is_added_at_once(admin_page, store):
    create_user(store, "li.na", "李娜", "agent", "外呼一组")
    at = admin_page.run()
    for login, team in (("wang.fang", "外呼一组"), ("zhao.lei", "外呼三组")):
        at.text_input(key="add_name").input("某人")
        at.text_input(key="add_login").input(login)
        at.text_input(key="add_team").input(team)
        at.button(key="add-user-submit").click().run()
        assert not [w for w in at.warning if "只差一点" in w.value] and get_account(store, login).info.team == team


def test_a_lockout_says_until_when_on_the_companys_clock_and_names_it(admin_page, store, app_env):
    """qa22: times on 用户管理 were unlabelled (08:25 for a lockout ending at 00:25 UTC)."""
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)
    for _ in range(app_env.max_login_failures):
        auth.authenticate(store, app_env, "li.na", "wrong-password-1")
    until = as_utc(get_account(store, "li.na").locked_until) + timedelta(hours=8)
    [accounts] = [d.value for d in admin_page.run().dataframe if "状态" in d.value.columns]
    status = dict(zip(accounts["登录名"], accounts["状态"]))["li.na"]
    assert status == f"临时锁定至 {until:%H:%M}（北京时间）"


def test_a_name_already_taken_is_said_before_adding_and_another_person_of_that_name_can_still_be_added(admin_page, store):
    """qa29: 孙主管 added 吴磊 as 30102, then again as wu.lei@antai-life.com (the same trainee): nothing said so, and his
    training would have been split over two accounts."""
    create_user(store, "30102", "吴磊", "agent", "呼入三组")
    at = admin_page
    at.text_input(key="add_name").input("吴磊").run()
    [note] = [w.value for w in at.warning if "同名" in w.value]
    assert note.startswith("已有同名账户：`30102` · 坐席 · 呼入三组。同一个人请不要再添加"), note
    at.text_input(key="add_login").input("wu.lei@antai-life.com")
    at.button(key="add-user-submit").click().run()
    assert not at.exception and get_account(store, "wu.lei@antai-life.com").info.display_name == "吴磊"
    at.text_input(key="add_name").input("郑婷").run()
    assert not [w for w in at.warning if "同名" in w.value]


def test_a_login_already_taken_says_whose_it_is(admin_page, store):
    """qa29: 孙主管 typed 郑婷's staff number as 30102 — 吴磊's — and read only 登录名“30102”已被使用。"""
    create_user(store, "30102", "吴磊", "agent", "呼入三组")
    at = admin_page
    at.text_input(key="add_name").input("郑婷")
    at.text_input(key="add_login").input("30102")
    at.button(key="add-user-submit").click().run()
    assert [e.value for e in at.error] == ["登录名“30102”已被使用。"]
    assert "这个登录名是 吴磊（坐席 · 呼入三组）的账户。" in [c.value for c in at.caption]
