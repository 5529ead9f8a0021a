"""A figure a reply got wrong, in the rest of the report (polish29; cue rules only: no encoder needed)."""

from __future__ import annotations

from tests.trainer.dialogue.conftest import play
from trainer.dialogue import DialogueSession, lessons
from trainer.dialogue.wording import english
from trainer.dialogue.wrong_figures import figures_in, rule_sentence

LAPSE = ["黄女士您好，我是安泰人寿客服专员，工号6018，麻烦您说一下身份证后四位。",
         "谢谢，您的保单因为续期保费没扣成功，现在是效力中止状态，保障暂停了，但合同还在。",
         "非常理解您的着急。中止期间出险一般不赔，建议您尽快处理。"]
WRONG_DEADLINE = "您的保单从效力中止之日起1年内可以申请复效，需要填复效申请书、做健康告知、补交保费。"


def lapse_call(real_scenarios, real_facts, replies):
    session = DialogueSession(real_scenarios["lapse-reinstatement"], real_facts, seed=0)
    report, _ = play(session, replies)
    return session, report


def test_a_credit_on_words_with_a_wrong_figure_says_the_step_was_right_and_the_figure_wrong(real_scenarios, real_facts):
    """polish28 saw 给出下一步 praised on "您的保单从效力中止之日起1年内可以申请复效，", the words faulted 事实错误 (应为2年),
    with "给了客户具体的下一步。" alone. Offering to reinstate was right (the credit stays: the trainee should keep doing
    it); the praise now says the 1年 in it is wrong, in the findings and in 做得好的."""
    _, report = lapse_call(real_scenarios, real_facts, [*LAPSE, WRONG_DEADLINE])
    step = next(f for f in report.findings if f.ok and f.rubric == "next_step" and f.turn_index == 4)
    assert "1年内可以申请复效" in step.quote
    assert "这一点对，但这句话里的“1年”说错了（应为2年），见“事实错误”" in step.advice, step.advice
    assert "that was right, but “1年” in these words is wrong (it should be 2年): see “Wrong fact”" in english(step.advice)
    shown = next(s for s in lessons.went_well(report) if s.rubric == "next_step")
    assert shown.wrong_in((4, step.quote)) == (("1年", "2年"),)
    # a credit in another sentence of a reply is not touched
    empathy = next(f for f in report.findings if f.ok and f.rubric == "empathy")
    assert "说错" not in empathy.advice


def test_a_step_a_wrong_figure_kept_open_says_which_figure_and_the_rule(real_scenarios, real_facts):
    """polish28 saw "未完成要点：讲清复效的期限、材料和补交保费" though the reply named every material: the 1年 kept it open,
    and the report did not say so. The open point and the lesson name the figure, the turn and the rule's sentence."""
    session, report = lapse_call(real_scenarios, real_facts, [*LAPSE, WRONG_DEADLINE])
    why = "第4轮说的“1年”与知识库不符，应为2年：“从中止那天起2年内，您都可以申请复效”，所以这一步不算完成"
    assert f"未完成要点：讲清复效的期限、材料和补交保费——{why}" in report.missed, report.missed
    assert any(why in str(p) for p in session.open_points())
    lesson = next(l for l in lessons.do_differently(report, session.scenario, limit=9)
                  if l.rubric == lessons.MISSED_CHECKPOINT and "复效的期限" in str(l.why))
    assert why in str(lesson.why) and "turn 4 said “1年”, but the knowledge base says 2年" in english(lesson.why)
    # a step missed for no wrong figure reads as before
    assert "未完成要点：礼貌结束" in report.missed


def test_a_figure_put_right_later_no_longer_explains_a_step_left_open(real_scenarios, real_facts):
    _, report = lapse_call(real_scenarios, real_facts, [*LAPSE, WRONG_DEADLINE, "不好意思，我说错了，是2年内可以申请复效。"])
    assert not [m for m in report.missed if "1年" in str(m)], report.missed


def test_the_rule_is_the_sentence_of_the_wording_that_states_the_right_figure():
    wording = "从中止那天起2年内，您都可以申请复效。复效需要补交欠交的保费等。"
    assert rule_sentence(wording, "2年") == "从中止那天起2年内，您都可以申请复效。"
    assert rule_sentence(wording, "60日") == ""
    assert figures_in("“1年”与知识库不符，应为2年（甲？）；“10元”与知识库不符，应为20元（乙？）") == [("1年", "2年"), ("10元", "20元")]
