"""Promises without the forms the rules knew (judge52c, issue #12): money for a definite day
and hour, an exception granted, and a promise word whose gap or outcome the wide form did not read (按重疾, 给付, 补偿,
给您批下来, a deadline before 恢复效力, a concession's 没). The sentences are this test's own wording, not the hedge lines';
the clean rows are the counter-examples each form must leave alone (they pass on main too: guards)."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import promised_by_rules as _promised
from trainer.dialogue import DialogueSession


@pytest.mark.parametrize("text", [
    # money for a definite day and hour
    "您别急，后天上午十点以前退费就到您卡上。",
    "礼拜五下午两点前钱就打给您了。",
    # an exception to the rule granted on the call
    "过了犹豫期也没事，我给您破个例。",
    "这次我替您网开一面，材料晚点交也照样受理赔款。",
    # a promise word before the benefit, a sum on top, the review's outcome or a deadline
    "您这个情况肯定按全残给付。",
    "我跟领导说好了，一定给您补偿两千块。",
    "复核您不用担心，我保证给您批下来。",
    "您放心，我保证月底前帮您恢复效力。",
    "您别管体检报告了，哪怕没交也保证全额赔。",
    "签了字，保证下礼拜把钱退给你。",
    "只要您撤了投诉，我保证给您全退。",
])
def test_a_promise_in_a_form_the_rules_did_not_read_is_found(real_detectors, text):
    assert _promised(real_detectors, text)


@pytest.mark.parametrize("text", [
    # a dividend called fixed, guaranteed or capital-protected (facts.md §4: never 保证 / 固定收益 / 保本;
    # stated_outcomes.dividend_said_guaranteed, judge55a)
    "这款分红险的红利年年保底三个点，您放心买。",
    "阿姨，分红这块是保本的，亏不着您。",
    "今年红利少点不要紧，咱这款本来就是保本保息的。",  # the product, in a sentence about its dividend
    "红利这块呢，说白了是有保底的，就是今年行情差一些。",  # qa30 J2's form, in other words: the floor, then the amount
    "分红每年固定百分之四，跑不掉的。",
])
def test_a_dividend_called_fixed_is_a_promise(real_detectors, text):
    assert _promised(real_detectors, text)


@pytest.mark.parametrize("text", [
    "分红是不保证的，没有保底，哪年可能是零。",
    "业务员当初说分红保本，这个合同里没有写。",
    "现金价值表是合同里写死的，分红就没准了。",
    "您这个万能账户有保底利率，分红险的红利就不一定有。",
    "红利通知书每年固定寄给您。",
    "分红不是固定的，跟公司经营有关。",
    "分红险保本吗？这个要看您买的是哪一款。",
    "一般结论出来后十个工作日内到账，具体哪天我说不准。",
    "明天下午三点前我给您回个电话。",
    "退费已经在昨天下午四点打过去了。",
    "您明天上午十点前把材料传上来，钱就能早点到。",
    "我帮您申请一下特殊处理，结果以审核为准。",
    "这个真没法给您通融，犹豫期过了只能退现金价值。",
    "一定帮您恢复。",
    "保证按合同约定给付，这个是条款写的。",
    "我保证给您一个补偿方案的答复。",
    "就算没填也不一定赔，要看审核。",
    "好，您退保本人带身份证去柜面就行。",  # 退保 + 本人, no 保本
    "这款产品不保本，收益也不保证。",
    "分红是不确定的，它不像银行存款那样保本保息。",
    "分红不像定期存款一样是保底的。",
    # the guaranteed part named, a regional denial, someone else's claim recorded (judge55a)
    "合同保证的是基本保额，分红要看每年经营。",
    "保底的那部分是条款写死的，上面那块红利有多有少。",
    "分红冇得保底的，好年多分，差年少分。",
    "您反映的“分红保底5%”，我给您登记投诉。",
    "您说业务员讲分红保底，这个我给您记下来核实。",
])
def test_a_hedge_a_denial_or_a_step_is_no_promise(real_detectors, text):
    assert not _promised(real_detectors, text)


def test_a_dividend_called_floored_on_the_dividend_call_is_a_red_line_not_an_explanation(real_scenarios, real_facts,
                                                                                       judge):
    """qa30 J2: on the dividend call 小周's turn 2 called the dividend floored (其实是有保底的 — facts.md §4: dividends are
    not guaranteed, the scenario's first point) and was credited 准确解释 and 回答客户问题, 合规 100, 总分 100. The floor
    is now 绝对化承诺, and the sentence that promised it is no explanation."""
    session = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge)
    session.start()
    session.reply("林先生您好，我是客服小周，先核实一下您的身份，麻烦您说一下投保人姓名和身份证后四位。")
    session.reply("嗯，分红这块呢，其实是有保底的，只是每年多少会跟公司经营情况有关系，今年就分得少一些")
    report = session.report()
    second = [f for f in report.findings if f.turn_index == 2]
    assert any(f.rubric == "absolute_promise" and not f.ok and "保底" in f.quote for f in second), report.findings
    assert not [f for f in second if f.ok and f.rubric in ("explanation", "answer")], report.findings
    assert report.score < 100
