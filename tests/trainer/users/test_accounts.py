"""Accounts on a real SQLite file: creation rules, passwords kept only as hashes, admin guard."""

from __future__ import annotations

import sqlite3

import pytest

from trainer.users.passwords import hash_password, verify_password
from trainer.users.accounts import (AccountError, admin_exists, change_password, create_first_admin, create_user,
                           disable_user, enable_user, get_account, get_or_create_by_name, list_accounts,
                           replace_temporary_password, reset_password, update_user)

PASSWORD = "Correct-horse-7"


def stored_hash(db, login: str) -> str | None:
    path = db.engine.url.database
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT password_hash FROM users WHERE login = ?", (login,)).fetchone()
    return row[0]


def test_password_is_stored_only_as_an_argon2_hash(db):
    create_user(db, "li.na", "李娜", "agent", "外呼一组", password=PASSWORD)
    raw = stored_hash(db, "li.na")
    assert raw.startswith("$argon2id$")
    assert PASSWORD not in raw
    with sqlite3.connect(db.engine.url.database) as connection:
        dump = "\n".join(connection.iterdump())
    assert PASSWORD not in dump
    assert verify_password(raw, PASSWORD) and not verify_password(raw, "wrong-password")


def test_create_user_normalises_and_validates(db):
    user = create_user(db, "  Wang.Wei ", " 王  伟 ", "Instructor", " 培训部 ")
    assert (user.login, user.display_name, user.role, user.team) == ("wang.wei", "王 伟", "instructor", "培训部")
    with pytest.raises(AccountError, match="already taken"):
        create_user(db, "WANG.WEI", "Another", "agent")
    with pytest.raises(AccountError, match="Invalid login"):
        create_user(db, "has space", "X", "agent")
    with pytest.raises(AccountError, match="Invalid role"):
        create_user(db, "x1", "X", "supervisor")
    with pytest.raises(AccountError, match="at least 8"):
        create_user(db, "x2", "X", "agent", password="short")
    assert [a.info.login for a in list_accounts(db)] == ["wang.wei"]


def test_first_admin_only_once(db):
    assert not admin_exists(db)
    create_first_admin(db, "admin", "系统管理员", PASSWORD)
    assert admin_exists(db)
    with pytest.raises(AccountError, match="already exists"):
        create_first_admin(db, "admin2", "Second", PASSWORD)


def test_last_enabled_admin_cannot_be_disabled_or_demoted(db):
    create_first_admin(db, "admin", "Admin", PASSWORD)
    with pytest.raises(AccountError, match="last enabled administrator"):
        disable_user(db, "admin")
    with pytest.raises(AccountError, match="last enabled administrator"):
        update_user(db, "admin", role="agent")
    create_user(db, "boss", "Boss", "admin")
    disable_user(db, "admin")
    assert get_account(db, "admin").disabled


def test_disable_keeps_the_account_and_enable_restores_it(db):
    create_user(db, "agent1", "坐席一", "agent", password=PASSWORD)
    disable_user(db, "agent1")
    account = get_account(db, "agent1")
    assert account.disabled and account.info.display_name == "坐席一"
    enable_user(db, "agent1")
    assert not get_account(db, "agent1").disabled


def test_reset_forces_a_change_and_change_needs_the_current_password(db):
    create_user(db, "agent1", "坐席一", "agent", password=PASSWORD)
    temporary = reset_password(db, "agent1")
    assert get_account(db, "agent1").must_change_password
    assert verify_password(stored_hash(db, "agent1"), temporary)
    assert not verify_password(stored_hash(db, "agent1"), PASSWORD)
    with pytest.raises(AccountError, match="current password is not correct"):
        change_password(db, "agent1", PASSWORD, "Brand-new-pass-1")
    with pytest.raises(AccountError, match="must differ"):
        change_password(db, "agent1", temporary, temporary)
    change_password(db, "agent1", temporary, "Brand-new-pass-1")
    assert not get_account(db, "agent1").must_change_password
    assert verify_password(stored_hash(db, "agent1"), "Brand-new-pass-1")


def test_a_temporary_password_is_replaced_without_typing_it_again_but_only_once(db):
    create_user(db, "agent1", "坐席一", "agent", password=PASSWORD)
    temporary = reset_password(db, "agent1")
    with pytest.raises(AccountError, match="must differ"):
        replace_temporary_password(db, "agent1", temporary)
    replace_temporary_password(db, "agent1", "Brand-new-pass-1")
    assert verify_password(stored_hash(db, "agent1"), "Brand-new-pass-1")
    assert not get_account(db, "agent1").must_change_password
    with pytest.raises(AccountError, match="no temporary password"):
        replace_temporary_password(db, "agent1", "Another-pass-22")


def test_a_password_containing_the_login_is_refused_wherever_one_is_set_but_an_old_one_still_signs_in(db):
    """qa29 A4: 周晓雨 chose 30101301 (her login 30101 + 301) at the first sign-in and it was accepted."""
    create_user(db, "30101", "周晓雨", "agent")
    with sqlite3.connect(db.engine.url.database) as connection:  # a password set before the rule keeps working
        connection.execute("UPDATE users SET password_hash = ? WHERE login = '30101'", (hash_password("30101301"),))
    assert verify_password(stored_hash(db, "30101"), "30101301")
    temporary = reset_password(db, "30101")
    with pytest.raises(AccountError, match=r"cannot contain the login \(30101\)") as refused:
        replace_temporary_password(db, "30101", "30101301")
    assert "不能包含登录名" in refused.value.zh
    with pytest.raises(AccountError, match="cannot contain the login"):
        change_password(db, "30101", temporary, "My30101-pass")
    with pytest.raises(AccountError, match="cannot contain the login"):
        create_user(db, "Wu.Lei@antai-life.com", "吴磊", "agent", password="WU.LEI-2026!")  # the e-mail's name, any case
    with pytest.raises(AccountError, match="cannot contain the login"):
        create_first_admin(db, "boss", "老板", "Big-Boss-2026")
    replace_temporary_password(db, "30101", "Xiaoyu-2026-spring")
    assert verify_password(stored_hash(db, "30101"), "Xiaoyu-2026-spring")


def test_a_short_login_does_not_refuse_every_password_holding_its_letters(db):
    create_user(db, "li", "李", "agent", password="Olive-tree-7")
    assert verify_password(stored_hash(db, "li"), "Olive-tree-7")


def test_unknown_login_is_a_clear_error(db):
    with pytest.raises(AccountError, match="no user with the login 'nobody'"):
        reset_password(db, "nobody")


def test_get_or_create_by_name_still_works(db):
    first = get_or_create_by_name(db, "Zhang San")
    again = get_or_create_by_name(db, "Zhang San")
    assert first == again and first.login == "zhang-san" and first.role == "agent"
    assert get_or_create_by_name(db, "张三").login == "张三"
