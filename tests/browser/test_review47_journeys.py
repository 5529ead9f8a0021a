"""review47: a step done across two sentences, said in a practice call, contested by the trainee and taught by the
instructor on 评判纠错 as both sentences in a row — what the instructor sees and does in Chromium."""

from __future__ import annotations

from tests.browser.conftest import ended_practice_call, signed_in

SENTENCES = ("您是上周二签收的保单。", "到今天才第8天，离15天还早。")
STEP = "确认仍在犹豫期内（15天）"


def test_a_step_said_across_two_sentences_is_taught_by_both_on_judge_corrections(open_context, accounts):
    agent = signed_in(open_context, "agent.wang")
    ended_practice_call(agent, "犹豫期内要撤单", "".join(SENTENCES))
    agent.open_tab("全部评分依据", step="practice report tab")  # the objections are under the findings
    agent.choose("哪个要点", f"未完成要点：{STEP}")
    agent.type_and_enter("简单说明原因", "两句话合起来确认了还在犹豫期内")
    agent.click_button("我说了")
    agent.expect_text(f"已提交“要点其实做到了”（{STEP}）")
    agent.click_button("换个情景")

    teacher = signed_in(open_context, "teacher.li")
    teacher.open("/judge-corrections", step="open a page")
    teacher.expect_text("这句话完成了该要点吗？")
    label = "哪一句（或相邻的几句）完成了该要点（写入该要点的示例句）"
    teacher.choose(label, SENTENCES[1])  # beside the first, chosen by default
    teacher.page.keyboard.press("Escape")  # a multiselect's list stays open over the buttons after a choice
    # Read by the role and name, the button was not found after the choice (twice, load 15–19): an open list hides the
    # page around it from the accessibility tree. It is clicked by its words once the list is gone, as a user clicks
    # it once it is uncovered (it waited 3 s for that: suite48).
    teacher.page.wait_for_function("!document.querySelector('[role=listbox]')")
    teacher.act(lambda: teacher.page.get_by_text("完成了：写入该要点的示例句").first.click(), step="save")
    teacher.expect_text(f"要点“{STEP}”的示例句")  # qa30 W2: which step of which scenario, in which file
