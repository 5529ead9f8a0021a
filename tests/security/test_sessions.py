"""Finding 4 (Medium) and defect 9 of issue #16: sign-out, a password change, disabling and expiry
end every open tab at its next click (sessions are server-side and checked on every run)."""

from __future__ import annotations

from sqlalchemy import update

from trainer.clock import utcnow
from trainer.store.models import AuthSession
from trainer.users.accounts import create_user, disable_user, reset_password
from tests.security.conftest import page

PASSWORD = "Correct-horse-7"


def signed_in_tab(login: str, password: str = PASSWORD):
    """A browser tab where the person signed in through the form (so it holds a real server-side session)."""
    at = page("ui_pages/account.py")
    at.text_input(key="sign_in_login").input(login)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click().run()
    assert at.session_state["user"].login == login and not at.exception
    return at


def signed_out(at) -> bool:
    return "user" not in at.session_state and [s.value for s in at.subheader] == ["登录"]


def agents(store):
    create_user(store, "admin", "管理员", "admin", password=PASSWORD)
    create_user(store, "li.na", "李娜", "agent", password=PASSWORD)


def test_signing_out_in_one_tab_ends_the_other_open_tab(app_env, store):
    agents(store)
    first, second = signed_in_tab("li.na"), signed_in_tab("li.na")
    first.sidebar.button(key="sign_out").click().run()
    second.run()  # the other tab's next click
    assert signed_out(second)
    assert "已退出登录" in second.warning[0].value


def test_a_password_reset_ends_every_open_tab(app_env, store):
    agents(store)
    tab = signed_in_tab("li.na")
    reset_password(store, "li.na")
    tab.run()
    assert signed_out(tab)


def test_disabling_ends_an_open_tab_that_signed_in_through_the_form(app_env, store):
    agents(store)
    tab = signed_in_tab("li.na")
    disable_user(store, "li.na")
    tab.run()
    assert signed_out(tab)


def test_an_expired_session_ends_the_open_tab(app_env, store):
    agents(store)
    tab = signed_in_tab("li.na")
    tab.run()
    assert not signed_out(tab)
    with store.session() as session:  # the session's time is up (36 s sessions in the attack)
        session.execute(update(AuthSession).values(expires_at=utcnow()))
        session.commit()
    tab.run()
    assert signed_out(tab)
