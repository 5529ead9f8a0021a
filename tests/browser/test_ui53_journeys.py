"""ui53 in Chromium (qa28 K2, W1): a trainee's step done in words that state none of its entry's terms or figures,
contested and accepted by the instructor for that call alone — the card says why it cannot be an example, with no
validator block — and the trainee's saved call then shows the step withdrawn, the score as judged then."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.browser.conftest import ended_practice_call, signed_in

SAID = "您是上周二签收的，现在撤单完全来得及。"  # no 犹豫期, no 15天: it can never be the step's example
STEP = "确认仍在犹豫期内（15天）"
REASON = "我说了上周二签收，现在撤单来得及，就是还在犹豫期内"


@pytest.fixture
def newest_call(served_app):
    """The id of a login's newest saved call, read from the served app's store."""
    from settings import Settings
    from trainer.store.db import Database
    from trainer.store.models import DialogueRecord
    from trainer.users.accounts import get_user

    store = Database(Settings.from_env(served_app[1]).resolved_database_url, migrate=False)

    def newest(login: str) -> int:
        with store.session() as session:
            return session.scalars(select(DialogueRecord.id).where(DialogueRecord.user_id == get_user(store, login).id)
                                   .order_by(DialogueRecord.id.desc())).first()

    yield newest
    store.dispose()


def test_a_step_that_cannot_be_an_example_is_accepted_for_the_call_and_shown_withdrawn(open_context, accounts,
                                                                                        newest_call):
    agent = signed_in(open_context, "agent.wang")
    ended_practice_call(agent, "犹豫期内要撤单", SAID)
    call_id = newest_call("agent.wang")
    agent.open_tab("全部评分依据", step="practice report tab")
    agent.choose("哪个要点", f"未完成要点：{STEP}")
    agent.type_and_enter("简单说明原因", REASON)
    agent.click_button("我说了")
    agent.expect_text(f"已提交“要点其实做到了”（{STEP}）")
    agent.click_button("换个情景")

    teacher = signed_in(open_context, "teacher.li")
    teacher.open("/judge-corrections", step="open a page")
    card = teacher.page.locator("[class*=st-key-correction_]", has_text=REASON).last
    card.get_by_text("这句话没有说到要点依据的术语或数字，不能写入示例；可以只为这次通话接受。").wait_for(state="visible")
    assert "完成了：写入该要点的示例句" not in card.inner_text()
    teacher.act(card.get_by_role("button", name="完成了：只为这次通话接受").click, step="save")
    teacher.expect_no_text(REASON)
    assert "内容校验未通过" not in teacher.main_text() and "examples" not in teacher.main_text()

    agent.open(f"/call?id={call_id}", step="open a page")
    agent.expect_text("已撤回：培训师接受了异议")
    struck = agent.page.locator("del", has_text=f"未完成要点：{STEP}").first
    struck.wait_for(state="visible")
    text = agent.main_text()
    assert "总分和各项分数是当时评判的结果" in text and "已接受：只为这次通话更正（未写入内容）" in text, text
    agent.open("/progress", step="open a page")
    agent.expect_text("已接受：只为这次通话更正（未写入内容）")
