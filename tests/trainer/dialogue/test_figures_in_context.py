"""Figures in context: a figure is judged as the rule only when it is stated as the rule.

Each row: scenario, what the agent says, and the verdict on every figure judged
(figure, right?) in order; figures the customer measured or said are not judged at all.
"""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import play
from trainer.dialogue import DialogueSession
from trainer.dialogue.wrong_figures import WRONG_FACT

CI, COOL, GRACE, STROKE = "ci-claim-declined", "cooling-off-cancel", "grace-period-short-of-money", "stroke-claim-early"
TABLE = [
    # the customer's own value against the rule, and comparisons
    (CI, "肌钙蛋白最高大概是正常上限的8倍，没到15倍。", [("15倍", True)]),
    (CI, "您的肌钙蛋白是正常上限的8倍，没达到15倍的标准。", [("15倍", True)]),
    (CI, "检查结果肌钙蛋白是正常上限的6倍。", []),
    (CI, "肌钙蛋白要超过正常上限的15倍才算较重。", [("15倍", True)]),
    (CI, "肌钙蛋白要达到正常上限的10倍才算。", [("10倍", False)]),
    (CI, "肌钙蛋白达到正常上限的十五倍以上才符合。", [("15倍", True)]),
    (CI, "肌钙蛋白只要5倍就够了。", [("5倍", False)]),
    (CI, "您测出来射血分数是55%，没低于50%。", [("50%", True)]),
    (CI, "射血分数低于50%才符合这一项。", [("50%", True)]),
    (CI, "射血分数低于百分之五十才符合。", [("50%", True)]),
    (CI, "射血分数要低于40%才行。", [("40%", False)]),
    (CI, "轻症最多赔重度保额的30%。", [("30%", True)]),
    (CI, "轻症最多赔重度保额的三成。", [("30%", True)]),
    (CI, "轻症可以赔保额的一半，也就是50%。", [("50%", False)]),
    (CI, "轻症最多赔百分之三十。", [("30%", True)]),
    (CI, "投诉一般15到30日内给您结果。", [("15日", True), ("30日", True)]),
    (CI, "投诉一般十五至三十天内处理完。", [("15日", True), ("30日", True)]),
    (CI, "投诉一般10到20天处理完。", [("10日", False), ("20日", False)]),
    (CI, "投诉15日内答复，复杂的延长到30日。", [("15日", True), ("30日", True)]),
    (CI, "投诉我们7天内就答复。", [("7日", False)]),
    (CI, "诉讼时效是两年。", [("2年", True)]),
    (CI, "诉讼时效是5年。", [("5年", False)]),
    (CI, "您是3月15日出院的对吧？", []),
    (CI, "2023年投保的这份合同。", []),
    (CI, "按合同第十五条的约定处理。", []),
    (COOL, "犹豫期是15天。", [("15日", True)]),
    (COOL, "犹豫期是十五天。", [("15日", True)]),
    (COOL, "犹豫期是10天。", [("10日", False)]),
    (COOL, "犹豫期一共二十天。", [("20日", False)]),
    (COOL, "您签收才8天，没超过15天的犹豫期。", [("15日", True)]),
    # qa25 J1: her elapsed days (8天前签收) beside the period are how far she is into it, not its length
    (COOL, "来得及 犹豫期15天 你8天还在犹豫期内 全退 就扣10块钱工本费 别担心", [("15日", True), ("10元", True)]),
    (COOL, "我说了啊 犹豫期是15天 你签收才8天 来得及 保费全退 扣不超过10块工本费", [("15日", True), ("10元", True)]),
    (COOL, "您已经8天了，犹豫期15天，来得及。", [("15日", True)]),
    (COOL, "今天是第8天，犹豫期是15天。", [("15日", True)]),
    (COOL, "您是8天前签收的，犹豫期有15天。", [("15日", True)]),
    # guards: the period said beside her days, or after 你, is still the period
    (COOL, "您签收才8天 犹豫期10天 来得及", [("10日", False)]),
    (COOL, "你8天还在犹豫期内 犹豫期是10天", [("10日", False)]),
    (COOL, "犹豫期的话你10天内都能退。", [("10日", False)]),
    (COOL, "犹豫期你才10天。", [("10日", False)]),
    (COOL, "犹豫期是8天。", [("8日", False)]),
    (COOL, "工本费不超过10元。", [("10元", True)]),
    (COOL, "工本费最多二十元。", [("20元", False)]),
    (COOL, "退款一般30日内到账。", [("30日", True)]),
    (COOL, "退款一般三十天内退回您账户。", [("30日", True)]),
    (COOL, "退款一般7天到账。", [("7日", False)]),
    # judge16: the refund said as 退到 (a term of the refund's case fact now): its 30天 was judged as the 犹豫期's
    ("callback-cooperative", "犹豫期里退的话，一般30天内钱会退到您账户。", [("30日", True)]),
    (COOL, "犹豫期里退的话，一般30天内钱会退到您账户。", [("30日", True)]),
    # guards: the wrong figure for the 犹豫期 is still wrong, in its clause or in another
    ("callback-cooperative", "犹豫期是30天。", [("30日", False)]),
    ("callback-cooperative", "犹豫期的话，一共是20天。", [("20日", False)]),
    (GRACE, "宽限期是60天。", [("60日", True)]),
    (GRACE, "宽限期是六十天，这期间保障有效。", [("60日", True)]),
    (GRACE, "宽限期只有30天。", [("30日", False)]),
    (GRACE, "中止后两年内可以申请复效。", [("2年", True)]),
    (GRACE, "复效要在三年内申请。", [("3年", False)]),
    (STROKE, "脑中风要确诊满180天后评估。", [("180日", True)]),
    (STROKE, "脑中风要确诊满一百八十天才能评估。", [("180日", True)]),
    (STROKE, "确诊满90天就能评估。", [("90日", False)]),
    (STROKE, "您现在才确诊40天，没到180天。", [("180日", True)]),
    # judge20: an estimate of the tens (was 330日) and 十几 (stated no figure): each end judged, as a range is
    (STROKE, "确诊满一百二三十天就能评估。", [("120日", False), ("130日", False)]),
    (STROKE, "脑中风要确诊满一百七八十天才评估。", [("170日", False), ("180日", True)]),
    (COOL, "犹豫期是十几天。", [("11日", False), ("19日", False)]),
    # judge24: tens of days is no figure, neither wrong (10日) nor right
    (COOL, "犹豫期有几十天呢，您放心。", []),
    (STROKE, "确诊以后要等上几十天才能评估。", []),
    (STROKE, "轻度脑中风后遗症按30%赔。", [("30%", True)]),
    # calls45: 八成 / 九成 before a verb is "most likely" (no ratio); of an amount it is one, and judged
    (STROKE, "您八成是担心恢复得还行就不赔，轻度脑中风后遗症按30%赔。", [("30%", True)]),
    (STROKE, "轻症那块儿，您家这情况八成能够上。", []),
    (STROKE, "轻度脑中风后遗症按保额的八成赔。", [("80%", False)]),
    (CI, "轻症最多赔重度保额的三成，赔到九成是不可能的。", [("30%", True), ("90%", False)]),
    # judge50 (qa24 T6): working days said for a rule in days, the rule's term earlier in the sentence; working days
    # of the rule are right
    (CI, "投诉的话我这边可以帮你登记，一般7个工作日内会给你答复", [("7工作日", False)]),
    (CI, "投诉登记以后，15个工作日内给您答复。", [("15工作日", False)]),
    ("callback-proxy-signature", "后面会有专门的同事在15个工作日内联系您。", [("15工作日", True)]),
    ("callback-proxy-signature", "这个情况会有专人处理，一般10个工作日以内。", [("10工作日", False)]),
    # money as it is said (judge51b): 块 / 块钱 are 元
    (COOL, "工本费就扣10块钱，其他全退。", [("10元", True)]),
    (COOL, "工本费要扣20块钱。", [("20元", False)]),
    # an estimate said as a bound inside a deadline the rule puts on the company is no wrong figure (judge51b: the
    # rule is 15个工作日内…予以解决); past the deadline, stated as the rule (一般), or shorter than a period that is hers
    # (犹豫期), it stays wrong
    ("callback-proxy-signature", "大概10天以内会有专人联系你处理。", []),
    ("callback-proxy-signature", "这个情况会有专人跟您联系处理，差不多7天以内。", []),
    ("callback-proxy-signature", "大概30天以内会有专人联系你处理。", [("30日", False)]),
    (CI, "投诉我们大概10天以内就给您答复。", []),
    (COOL, "犹豫期大概10天以内都可以退。", [("10日", False)]),
]

# A wrong figure is corrected with the one value of the rule the sentence is about (judge51b: the complaint deadline's
# 应为15日、30日、60日 named three): what the entry says beside that value, else the rule said first.
RULE_VALUES = [
    (CI, "投诉的话我这边可以帮你登记，一般7个工作日内会给你答复", "15日"),
    (CI, "投诉登记以后，15个工作日内给您答复。", "15日"),
    (CI, "投诉的话，情况复杂一点的可以延长到45天。", "30日"),
    (CI, "投诉处理最长一共90天。", "60日"),
]


def test_the_table_is_big_enough():
    assert len(TABLE) >= 40


@pytest.mark.parametrize("scenario_id, sentence, expected", TABLE)
def test_figures_are_judged_in_context(scenario_id, sentence, expected, real_scenarios, real_facts):
    session = DialogueSession(real_scenarios[scenario_id], real_facts)
    assert [(str(c.quantity), c.ok) for c in session.facts.check(sentence)] == expected


@pytest.mark.parametrize("scenario_id, sentence, expected", RULE_VALUES)
def test_a_wrong_figure_is_corrected_with_the_one_value_of_its_rule(scenario_id, sentence, expected, real_scenarios,
                                                                    real_facts):
    session = DialogueSession(real_scenarios[scenario_id], real_facts)
    assert [c.expected for c in session.facts.check(sentence) if not c.ok] == [expected]


def test_her_elapsed_days_are_no_wrong_fact_and_the_step_is_met(real_scenarios, real_facts):
    """qa25 J1, 阿强's words: 犹豫期15天 你8天还在犹豫期内 was 事实错误 “8天”…应为15日 twice (the customer: 到底是几天？),
    and 确认仍在犹豫期内（15天） stayed open for the 8天 — her days since she signed (the model answer: 您8天前签收的)."""
    replies = ["你好 我是客服 请问是孙丽本人吗 报下身份证后四位",
               "来得及 犹豫期15天 你8天还在犹豫期内 全退 就扣10块钱工本费 别担心",
               "怎么了",
               "我说了啊 犹豫期是15天 你签收才8天 来得及 保费全退 扣不超过10块工本费"]
    report, _ = play(DialogueSession(real_scenarios[COOL], real_facts), replies)
    assert not [f for f in report.findings if f.rubric == WRONG_FACT and not f.ok]
    assert any(f.rubric == "checkpoint" and f.ok and "确认仍在犹豫期内（15天）" in f.advice for f in report.findings)
    said = " ".join(u.text for u in report.transcript if u.speaker == "customer")
    assert "到底是几天" not in said
