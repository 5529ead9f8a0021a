"""Golden conversations: an exemplary agent in their own words wins, a rude one loses, a wrong
figure is caught. The exemplary calls are deliberately not the scenarios' model answers."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import RUDE_REPLY, RUDE_WORDS, assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession

GOLDEN = {
    "ci-claim-declined": [
        "张先生，您先别着急，我能理解您现在的心情，住院又被拒赔，谁都会生气。我先核实一下您的身份，请您告诉我投保人姓名和身份证后四位，可以吗？",
        "谢谢，核实好了。您这份合同按2020版定义，心梗要达到“较重急性心肌梗死”才赔重疾，需要至少满足一项，比如肌钙蛋白达到正常上限15倍以上，或者确诊6周以后射血分数低于50%。目前的材料还没达到这些条件。",
        "也不是完全不赔。合同里有轻症责任，没达到较重标准的属于“较轻急性心肌梗死”，可以申请轻症，金额最多是重度保额的30%，以合同为准。",
        "您可以补充材料申请复核，比如之后复查的心脏彩超结果，理赔部门会重新审核；如果您坚持，我也可以帮您登记投诉，由专门人员处理。",
        "投诉一般15日内给您处理结果，复杂的可以延长到30日。请问还有其他可以帮您的吗？",
    ],
    "cooling-off-cancel": [
        "您好，理解您的担心，别着急，我来帮您看看。先核实一下您的身份，麻烦提供投保人姓名和身份证后四位，好吗？",
        "核实好了。您的合同犹豫期是15天，从签收次日起算，您现在还在犹豫期内，可以申请解除合同。",
        "犹豫期内解除，会退还您已交的全部保费，只扣不超过10元的工本费。",
        "您可以在官方App或者到柜面提交申请，带上您本人的身份证件和本人的银行账户就可以。",
        "我们收到申请后一般30日内把钱退回您的账户。请问还有其他可以帮您的吗？",
    ],
    "grace-period-short-of-money": [
        "陈先生您好，我是客服专员，工号5210。为了您的信息安全，先核实一下您的身份，请您说一下身份证后四位，好吗？",
        "谢谢您。理解您现在手头紧，不容易。您的保单还有效，现在在宽限期里，宽限期一般是应交日次日起60天，这期间保障照常。",
        "可以看看自动垫交，也就是用保单的现金价值先垫付这期保费，保单不断，垫付部分算借款要计息，要以合同条款为准。",
        "如果长期交不起，还有减额交清，就是用现金价值一次交清，以后不再交费，但保额会变低。怎么选由您决定。",
        "不可以交给业务员，请用本人账户、官方App或者柜面交费。请问还有其他可以帮您的吗？",
    ],
    "dividend-below-promise": [
        "林先生您好，非常理解您的心情，当初听到的和现在差这么多，确实让人生气。我先核实一下您的身份，请告诉我投保人姓名和身份证后四位，可以吗？",
        "谢谢您，核实好了。我如实跟您说，分红险的红利是不保证的，每年根据实际经营情况确定，有的年份可能为零。",
        "说明书里的利益演示是按几档假设做的举例，不代表实际红利，也不是承诺。",
        "业务员说保底5%的情况我会详细记录，给您登记投诉，由专门人员核实。",
        "投诉一般15日内给您处理结果，复杂的可以延长到30日。请问还有其他可以帮您的吗？",
    ],
}
# (scenario, turn to change, wrong wording replacing the right one, the wrong figure)
WRONG_FIGURES = [
    ("ci-claim-declined", 2, ("最多是重度保额的30%", "最多是重度保额的50%"), "50%"),
    ("cooling-off-cancel", 1, ("犹豫期是15天", "犹豫期是10天"), "10天"),
    ("grace-period-short-of-money", 1, ("一般是应交日次日起60天", "一般是应交日次日起30天"), "30天"),
    ("dividend-below-promise", 4, ("投诉一般15日内", "投诉一般10日内"), "10日"),
]


@pytest.mark.parametrize("scenario_id", sorted(GOLDEN))
def test_exemplary_agent_resolves_with_a_high_score(scenario_id, real_scenarios, real_facts):
    report, _ = play(DialogueSession(real_scenarios[scenario_id], real_facts, seed=3), GOLDEN[scenario_id])
    assert report.outcome == "resolved", report.missed
    assert report.score >= 80, report.subscores
    assert not [f for f in report.findings if f.rubric in ("absolute_promise", "rude", "blame", "wrong_fact")]
    assert_quotes_verbatim(report)


@pytest.mark.parametrize("scenario_id", sorted(GOLDEN))
def test_rude_agent_who_promises_payment_fails(scenario_id, real_scenarios, real_facts):
    report, _ = play(DialogueSession(real_scenarios[scenario_id], real_facts), [RUDE_REPLY] * 10)
    assert report.outcome in ("hung_up", "escalated")
    assert report.score <= 40
    quoted = " ".join(f.quote for f in report.findings if not f.ok)
    for words in RUDE_WORDS:
        assert words in quoted
    assert_quotes_verbatim(report)


@pytest.mark.parametrize("scenario_id, turn, change, figure", WRONG_FIGURES)
def test_a_wrong_figure_is_flagged_as_a_wrong_fact(scenario_id, turn, change, figure, real_scenarios, real_facts):
    replies = list(GOLDEN[scenario_id])
    assert change[0] in replies[turn]
    replies[turn] = replies[turn].replace(*change)
    report, _ = play(DialogueSession(real_scenarios[scenario_id], real_facts), replies)
    wrong = [f for f in report.findings if f.rubric == "wrong_fact"]
    assert len(wrong) == 1 and wrong[0].turn_index == turn + 1
    assert figure in wrong[0].quote and figure in wrong[0].advice
    assert wrong[0].model_answer  # the FAQ script to say instead
    assert_quotes_verbatim(report)
