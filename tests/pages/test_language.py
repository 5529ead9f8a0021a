"""The language a user picks is theirs: kept in the store, found again by a fresh session
(a reload, another tab or PC), and a choice made before signing in is kept for them."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from trainer.users.accounts import create_user, set_password
from trainer.users.preferences import set_user_language, user_language

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
PASSWORD = "Correct-horse-7"


def app(user=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if user is not None:
        at.session_state["user"] = user
    return at.run()


def test_switching_language_is_remembered_for_the_next_session(app_env, store) -> None:
    user = create_user(store, "agent-wang", "王芳")
    at = app(user)
    assert at.sidebar.title[0].value == "坐席陪练"
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    assert not at.exception
    assert at.sidebar.title[0].value == "Agent Trainer"
    assert user_language(store, user.id, ("zh", "en")) == "en"
    reloaded = app(user)  # a new browser session of the same user
    assert reloaded.sidebar.title[0].value == "Agent Trainer"
    assert reloaded.sidebar.radio(key="lang_choice").value == "en"


def test_signing_in_brings_the_users_language_and_a_choice_made_before_is_kept(app_env, store) -> None:
    create_user(store, "admin", "管理员", role="admin")
    wang = create_user(store, "agent-wang", "王芳")
    li = create_user(store, "agent-li", "李雷")
    for login in ("agent-wang", "agent-li"):
        set_password(store, login, PASSWORD)
    set_user_language(store, wang.id, "en")

    at = app()
    at.text_input(key="sign_in_login").input("agent-wang")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert at.sidebar.title[0].value == "Agent Trainer", "the signed-in user's own language"

    at = app()
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    at.text_input(key="sign_in_login").input("agent-li")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert at.sidebar.title[0].value == "Agent Trainer"
    assert user_language(store, li.id, ("zh", "en")) == "en", "picked on the sign-in screen, kept for the user"


def test_after_signing_out_and_in_again_the_switch_shows_and_changes_the_language(app_env, store) -> None:
    create_user(store, "admin", "管理员", role="admin")
    wang = create_user(store, "agent-wang", "王芳")
    set_password(store, "agent-wang", PASSWORD)
    set_user_language(store, wang.id, "en")

    at = app()  # the sign-in screen, in the site's default language
    at.text_input(key="sign_in_login").input("agent-wang")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert at.sidebar.title[0].value == "Agent Trainer"
    assert at.sidebar.radio(key="lang_choice").value == "en", "the switch shows the language in use"
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    assert at.sidebar.title[0].value == "坐席陪练"
    assert user_language(store, wang.id, ("zh", "en")) == "zh"

    at.sidebar.button(key="sign_out").click().run()
    at.sidebar.radio(key="lang_choice").set_value("en").run()  # someone picks English on the sign-in screen
    at.text_input(key="sign_in_login").input("agent-wang")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert at.sidebar.title[0].value == "坐席陪练", "the user's own choice wins"
    assert at.sidebar.radio(key="lang_choice").value == "zh"
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    assert at.sidebar.title[0].value == "Agent Trainer", "the switch still works"
