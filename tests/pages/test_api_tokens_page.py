"""The API tokens page (AppTest): an admin creates a token (shown once), sees its last use and
revokes it; a nameless token is refused with a message; instructors and agents are refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from trainer.clock import as_utc
from trainer.users.accounts import create_user
from trainer.users.api_tokens import list_api_tokens, use_api_token

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "ui_pages/api_tokens.py")


def page(user) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["user"] = user
    return at.run()


@pytest.fixture
def admin_page(app_env, store) -> AppTest:
    return page(create_user(store, "boss", "老板", "admin"))


def token_table(at: AppTest) -> list[dict]:
    [table] = [d.value for d in at.dataframe if "最近使用（北京时间）" in d.value.columns]
    return table.to_dict("records")


def test_create_see_the_last_use_and_revoke(admin_page, store):
    at = admin_page
    assert "还没有 API 令牌" in at.info[0].value
    at.text_input(key="token_name").input("CRM 坐席桌面 北京")
    at.button(key="FormSubmitter:create-token-创建令牌").click().run()
    assert not at.exception and "已创建令牌“CRM 坐席桌面 北京”" in at.success[0].value
    [shown] = [c.value for c in at.code]
    assert shown.startswith("at_") and "隐藏后无法再次查看" in at.warning[0].value
    [row] = token_table(at)
    assert (row["名称"], row["创建人"], row["最近使用（北京时间）"], row["状态"]) == ("CRM 坐席桌面 北京", "老板（boss）", "从未使用", "有效")

    assert use_api_token(store, shown) is not None  # the desktop searches with it
    at.run()
    assert not at.success and [c.value for c in at.code] == [shown]  # the message goes, the token stays until hidden
    at.button(key="api_tokens_hide").click().run()
    assert not at.code  # hidden: never shown again
    [row] = token_table(at)
    assert row["最近使用（北京时间）"] not in ("", "从未使用")
    assert any(c.value.startswith("该令牌最近使用：20") for c in at.caption)  # shown beside the revoke choice too

    at.selectbox(key="token_revoke_choice").select(list_api_tokens(store)[0].id)
    confirm = revoke_step(at)
    assert confirm.label == "确认撤销"
    confirm.click().run()
    assert "已撤销令牌“CRM 坐席桌面 北京”" in at.success[0].value
    assert token_table(at)[0]["状态"].startswith("已撤销 ")
    assert use_api_token(store, shown) is None
    assert not [s for s in at.selectbox if s.key == "token_revoke_choice"]  # nothing left to revoke


def test_times_are_on_the_companys_clock_and_say_which(admin_page, store):
    """qa22: 08:25 shown for a token made at 00:25 UTC, with nothing saying it is Beijing time."""
    at = admin_page
    at.text_input(key="token_name").input("CRM 北京")
    at.button(key="FormSubmitter:create-token-创建令牌").click().run()
    [token] = list_api_tokens(store)
    beijing = (as_utc(token.created_at) + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    [row] = token_table(at)
    assert row["创建时间（北京时间）"] == beijing
    assert any(c.value == "该令牌最近使用：从未使用" for c in at.caption)
    at.selectbox(key="token_revoke_choice").select(token.id)
    revoke_step(at, "CRM 北京").click().run()
    [revoked] = list_api_tokens(store)
    assert token_table(at)[0]["状态"] == f"已撤销 {(as_utc(revoked.revoked_at) + timedelta(hours=8)):%Y-%m-%d %H:%M}（北京时间）"


def test_in_another_time_zone_the_times_move_and_name_it(app_env, store, monkeypatch):
    monkeypatch.setenv("AGENT_TRAINER_TIMEZONE", "Asia/Tokyo")
    at = page(create_user(store, "boss", "老板", "admin"))
    at.text_input(key="token_name").input("CRM 东京")
    at.button(key="FormSubmitter:create-token-创建令牌").click().run()
    [token] = list_api_tokens(store)
    [table] = [d.value for d in at.dataframe if "创建时间（Asia/Tokyo 时间）" in d.value.columns]
    assert table.to_dict("records")[0]["创建时间（Asia/Tokyo 时间）"] == \
        (as_utc(token.created_at) + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M")


def revoke_step(at: AppTest, name: str = "CRM 坐席桌面 北京"):
    """The 确认撤销 button, found inside the 撤销…… popover that names the token (qa22 A3: one click revoked)."""
    [popover] = [block for block in at.main.children.values() if block.type == "popover"]
    assert popover.proto.popover.label == "撤销……"
    assert any(f"撤销令牌“{name}”（#1）？" in m.value for m in popover.markdown)
    [button] = [b for b in popover.button if b.key == "token_revoke"]
    return button


def test_a_token_needs_a_name(admin_page, store):
    admin_page.button(key="FormSubmitter:create-token-创建令牌").click().run()
    assert "请为令牌命名" in admin_page.error[0].value
    assert list_api_tokens(store) == []


@pytest.mark.parametrize("role", ["agent", "instructor"])
def test_only_admins_may_open_the_page(app_env, store, role):
    at = page(create_user(store, "someone", "某人", role))
    assert any("无权访问" in e.value for e in at.error)
    assert not at.text_input and not at.dataframe


def test_a_new_token_stays_through_other_clicks_until_the_admin_hides_it(admin_page, store):
    """qa29: 孙主管 created the token for the workforce system and switched the page to English before copying it: the
    token was gone (it went with the next run of the page), and the only way on was to revoke it and make another."""
    at = admin_page
    at.text_input(key="token_name").input("WFM 排班系统（呼入三组）")
    at.button(key="FormSubmitter:create-token-创建令牌").click().run()
    [shown] = [c.value for c in at.code]
    at.session_state["lang"] = "en"
    at.run()
    assert [c.value for c in at.code] == [shown]
    assert any('The token "WFM 排班系统（呼入三组）" is shown only here' in w.value for w in at.warning)
    at.button(key="api_tokens_hide").click().run()
    assert not at.code and not [w for w in at.warning if "shown only here" in w.value]
