"""Rules keep the wording and the scope of their official text.

Each rule here is a mistake the audit of issue #11 found (finding number in the name) that a
later edit could easily bring back: a statutory period hedged to the contract, an article cited
outside its scope, a definition paraphrased more strictly than the standard. A rule names the
sentences it applies to (`trigger`: every pattern must match) and what such a sentence must or
must not say. Texts are everything the pack reads out or teaches (see texts.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from tests.content.texts import Text, sentences

OUTBOUND_KINDS = ("outbound_callback", "outbound_reminder")
_IDENTITY_QUESTION = re.compile(r"本人吗|核实一下您的身份|核对一下您的身份")
_POLICY_DETAIL = re.compile(r"投保|买了|购买|保单|保费|保额|保险金")


@dataclass(frozen=True)
class WordingRule:
    """Sentences matching all of `trigger` must contain `required` and must not contain `forbidden`.

    `strip` is removed before checking (a document's own name must not count as the scope it
    names); with `anywhere_in_text`, `required` may stand in another sentence of the same text.
    """

    name: str
    trigger: tuple[str, ...]
    required: str = ""
    forbidden: str = ""
    lang: str = "zh"
    strip: str = ""
    anywhere_in_text: bool = False

    def applies(self, sentence: str) -> bool:
        return all(re.search(p, sentence, re.IGNORECASE) for p in self.trigger)

    def broken_by(self, sentence: str, text: str) -> bool:
        if self.strip:
            sentence, text = re.sub(self.strip, "", sentence), re.sub(self.strip, "", text)
        context = text if self.anywhere_in_text else sentence
        return bool((self.required and not re.search(self.required, context, re.IGNORECASE))
                    or (self.forbidden and re.search(self.forbidden, sentence, re.IGNORECASE)))


RULES = (
    WordingRule("1 一年期健康险含保证续保条款的属于长期健康险：有犹豫期、要回访",
                (r"(一年期及以下|一年及以下|短期险|短期产品)[^。；]{0,24}(犹豫期|回访|强制要求)",),
                required=r"保证续保", anywhere_in_text=True),
    WordingRule("1 (en) one-year health policies with guaranteed renewal are long-term",
                (r"one year or less[^.]{0,40}(cooling-off|callback|mandatory)",),
                required=r"guaranteed.renew", lang="en", anywhere_in_text=True),
    WordingRule("3 投诉延期：第十八条要求告知投诉人的是再延长30日",
                (r"(延期|延长)[^。；]{0,6}(必须|须|要|应)[^。；]{0,4}(告知|告诉|通知)",), required=r"再延长|第二次|审批"),
    WordingRule("4 诉讼时效由保险法第二十六条规定，不以合同条款为准", (r"诉讼时效",),
                forbidden=r"以[^。；]{0,16}(条款|合同)[^。；]{0,12}为准"),
    WordingRule("4 (en) the limitation period is the law's, not a contract clause", (r"limitation",),
                forbidden=r"clause of the contract|contract'?s? [^.]{0,20}clause", lang="en"),
    WordingRule("5 中止满2年未复效：保险公司有权解除（保险法第三十七条），不是自动解除",
                (r"(满|超过)\s*(2|两|二)\s*年", r"解除", r"中止|复效"), required=r"有权|权利"),
    WordingRule("6 诉讼时效自知道或者应当知道之日起算（保险法第二十六条）",
                (r"时效", r"知道", r"起算|计算|开始算|之日起"), required=r"应当知道|应知道"),
    WordingRule("6 (en) limitation runs from when the claimant knew or should have known",
                (r"limitation", r"\bknew\b"), required=r"should have known", lang="en"),
    WordingRule("7 脑中风后遗症按规范写一肢（含）以上肢体，不写一侧肢体", (r"肌力|脑中风|后遗症",),
                forbidden=r"一侧肢体"),
    WordingRule("11 保单贷款上限的基数：现金价值扣除各项欠款后的余额",
                (r"借款|贷款|可借|借到", r"[78]0\s*[%％]"), required=r"扣除[^。；]{0,10}欠款"),
    WordingRule("11 (en) the policy-loan cap is a share of the cash value after deducting what is owed",
                (r"loan|borrow", r"[78]0\s*%"), required=r"after deducting", forbidden=r"plus interest", lang="en"),
    WordingRule("12 撤单、退保须由投保人申请，可以书面委托他人代办", (r"申请|办理|撤单|退保",),
                forbidden=r"只有投保人本人|仅限投保人本人|必须由?投保人本人亲自"),
    WordingRule("14 保险销售行为管理办法第三十五条只规定回访可以简化",
                (r"保险销售行为管理办法第三十五条", r"简化"), forbidden=r"不能省|不得省|必须"),
    WordingRule("15 互联网保险业务监管办法第二十条、第二十八条只适用于互联网保险业务",
                (r"互联网保险业务监管办法第(二十|二十八)条",),
                required=r"互联网(保险)?(客户|业务)|只适用于互联网|线上变更受益人", strip=r"互联网保险业务监管办法"),
    WordingRule("15 (en) Internet Insurance Measures art. 20/28 cover internet business only",
                (r"Internet Insurance Measures,? art\.? ?(20|28)\b",),
                required=r"internet (insurance )?(business|customers)|online", lang="en",
                strip=r"Internet Insurance Measures"),
    WordingRule("16 互联网保险业务监管办法第十四条只管互联网销售和详情页面", (r"互联网保险业务监管办法第十四条",),
                required=r"互联网销售|页面", strip=r"互联网保险业务监管办法"),
    WordingRule("17 保险法第四十七条是解除合同后退还现金价值的规定", (r"第四十七条",), required=r"现金价值"),
    WordingRule("17 (en) Insurance Law Art. 47 is the cash-value refund", (r"Art\.? ?47\b",),
                required=r"cash value", lang="en"),
    WordingRule("polish16 保险法第三十六条：讲超过约定期限60日中止的，也讲催告后超过30日（测验解析、情景亦然）",
                (r"(超过|超出)约定[^。；]{0,8}(60|六十)\s*日",), required=r"催告", anywhere_in_text=True),
    WordingRule("polish16 (en) Insurance Law Art. 36: the 30 days after the demand for payment (催告) as well (quiz texts too)",
                (r"more than 60 days (after|past) the agreed",), required=r"after the insurer'?s demand|催告", lang="en",
                anywhere_in_text=True),
    # 人身保险产品信息披露管理办法 (L1-05) art. 2 splits personal insurance into 一年期以上 and 一年期及以下: a
    # one-year term is in the second half, so 一年期以上 excludes it (stop 31 reversed polish16's reading).
    WordingRule("(en) 一年期以上 is more than one year: 一年期及以下 holds the one-year term (L1-05 art. 2)",
                (r"(term|contract|polic(y|ies)|insurance|business)[^.]{0,40}one year",),
                forbidden=r"one year or (more|longer)|(at least|minimum of) one year", lang="en"),
    WordingRule("polish16 犹豫期退费“一般30日内”没有法规依据：情景的示范回答也只能说是公司实务",
                (r"一般[^。；]{0,12}(30|三十)\s*日内",), required=r"公司实务", anywhere_in_text=True),
    # content49: what two auditors found in the FAQ answers agents read out (docs/qa/audit49.md).
    WordingRule("audit49 保险法第二十七条：夸大损失只是虚报部分不赔，解除合同、不退保费是谎称出险或故意制造事故",
                (r"解除合同", r"不退(还)?保(险)?费"), required=r"谎称|没有发生|未发生|故意制造"),
    WordingRule("audit49 甲状腺癌Ⅰ期按轻度赔付，只在产品含轻症责任时（重疾规范2.1）",
                (r"甲状腺癌", r"轻度|轻症", r"赔"), required=r"含轻症|轻症责任|轻度责任|轻症保障", anywhere_in_text=True),
    WordingRule("audit49 离职通知（销售行为管理办法第三十六条）不要求安排新的服务人员，不能承诺",
                (r"离职",), forbidden=r"(会|将)[^。；]{0,4}安排[^。；]{0,6}新的服务人员"),
    WordingRule("audit49 投诉核查（投诉办法第二十条）只针对分支机构的处理结果",
                (r"上级机构[^。；]{0,8}申请核查",), required=r"分支机构"),
    WordingRule("audit49 犹豫期有的自签收当日、有的自次日起算：话术不能一律说签收当天开始算",
                (r"犹豫期", r"签收"), forbidden=r"从您签收[^。；，]{0,10}(的日子|那天|当天)开始算"),
    WordingRule("audit49 不需要体检并同意承保的，15个工作日内送达合同（基本服务规定第十一条第二款）",
                (r"需要体检", r"5个工作日内"), required=r"不需要体检", anywhere_in_text=True),
    WordingRule("audit49 基本服务规定第二十八条是隐私保护，不是只告知投保人",
                (r"基本服务规定第二十八条",), forbidden=r"只告知投保人|仅告知投保人"),
    WordingRule("audit49 (en) the new-policy callback (Basic Service Rules art. 15) covers all personal insurance",
                (r"callback", r"more than one year"), forbidden=r"life/health", lang="en"),
    WordingRule("audit49 (en) 催告 is a demand after the due date, not the pre-due-date payment reminder",
                (r"催告",), forbidden=r"reminder \(催告", lang="en"),
    # content50: audit49's note — 情节严重的还可能承担法律责任 had no source here; 保险法 art. 174 (行政处罚 where it is
    # not yet a crime) and art. 179 (刑事责任 where it is) are what sources/ holds, and say nothing of 情节严重.
    WordingRule("content50 骗保的法律责任：尚不构成犯罪的行政处罚（保险法第一百七十四条）、构成犯罪的追究刑事责任（第一百七十九条）",
                (r"法律责任|刑事责任|行政处罚",), required=r"第一百七十四条|第一百七十九条"),
    WordingRule("content50 (en) the liability for insurance fraud cites Insurance Law art. 174 / 179",
                (r"legal liability|criminal liability|administrative penalt",), required=r"Art\.? ?17[49]\b", lang="en"),
)


def _broken(rule: WordingRule, texts: list[Text]) -> list[str]:
    return [f"{t.where}: {s}" for t in texts if t.lang == rule.lang for s in sentences(t.text, t.lang)
            if rule.applies(s) and rule.broken_by(s, t.text)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rules_keep_the_wording_and_scope_of_their_source(rule: WordingRule, taught: list[Text]) -> None:
    assert _broken(rule, taught) == [], f"finding {rule.name}"


def test_every_wording_rule_applies_somewhere(taught: list[Text]) -> None:
    """A rule whose trigger never matches guards nothing: each must meet at least one sentence."""
    idle = [rule.name for rule in RULES
            if not any(rule.applies(s) for t in taught if t.lang == rule.lang for s in sentences(t.text, t.lang))]
    assert idle == []


def test_a_broken_wording_is_reported() -> None:
    """The checker itself, on the audit's own examples."""
    examples = {
        "3": "延期必须告知投诉人，不能默默拖过时限。",
        "5": "到现在已经超过2年，按合同约定，合同已经被解除，不能再申请复效了。",
        "6": "寿险身故保险金的请求时效是5年，从知道出险之日起计算。",
        "15": "电话、线上渠道办理必须核实客户身份（互联网保险业务监管办法第二十八条）。",
    }
    for finding, sentence in examples.items():
        rule = next(r for r in RULES if r.name.startswith(f"{finding} ") and r.lang == "zh")
        assert _broken(rule, [Text("example", sentence)]), rule.name


def test_outbound_model_calls_ask_who_is_speaking_before_naming_the_policy(scenarios) -> None:
    """Finding 13 (norms-outbound-opening): no policy detail before the identity question."""
    early = []
    for scenario in scenarios.values():
        if scenario.kind not in OUTBOUND_KINDS:
            continue
        first = scenario.model_answers[0]
        question = _IDENTITY_QUESTION.search(first)
        before = first[:question.start()] if question else first
        if question is None or _POLICY_DETAIL.search(before):
            early.append(f"scenarios/{scenario.id}: {before}")
    assert early == []


ANSWER_RULES = (
    WordingRule("polish15 保险法第三十六条：催告后超过30日与超过约定期限60日两种情形都要说",
                (r"(超过|超出)约定[^。；]{0,8}(60|六十)\s*日",), required=r"催告"),
    WordingRule("polish15 (en) Insurance Law Art. 36: 30 days after the demand for payment (催告) as well as 60 days past the date",
                (r"more than 60 days (after|past) the agreed",), required=r"after the insurer's demand|催告", lang="en"),
    WordingRule("polish15 犹豫期退费“一般30日内”没有法规依据，只能说是公司实务",
                (r"一般[^。；]{0,8}(30|三十)\s*日内",), required=r"公司实务", anywhere_in_text=True),
    WordingRule("polish15 (en) a cooling-off refund \"usually within 30 days\" is company practice",
                (r"usually[^.]{0,40}within 30 days",), required=r"company practice", lang="en", anywhere_in_text=True),
    WordingRule("polish15 (en) Sales Conduct Measures Art. 36 covers all personal insurance, not only life",
                (r"salesperson|departure", r"one year"), required=r"personal[- ]insurance", forbidden=r"life polic",
                lang="en"),
)


def _faq_answers(spoken: list[Text]) -> list[Text]:
    return [t for t in spoken if t.where.startswith("faq/") and t.where.endswith("answer")]


@pytest.mark.parametrize("rule", ANSWER_RULES, ids=lambda r: r.name)
def test_faq_answers_keep_the_wording_and_scope_of_their_source(rule: WordingRule, spoken: list[Text]) -> None:
    """What an answer states as the rule: a scenario's agent may speak of 我们 (the company's own
    practice) where an answer must say whose rule it is, so these apply to FAQ answers only."""
    answers = _faq_answers(spoken)
    assert any(rule.applies(s) for t in answers if t.lang == rule.lang for s in sentences(t.text, t.lang)), \
        f"{rule.name} guards nothing"
    assert _broken(rule, answers) == [], f"finding {rule.name}"


def _english_prompt(item) -> str:
    english = item.en
    if english is None:
        return ""
    return str(english.get("prompt", "") if isinstance(english, Mapping) else getattr(english, "prompt", "") or "")


def test_english_quiz_prompts_say_what_the_chinese_says_of_a_salespersons_contracts(pack) -> None:
    """polish16 left: q-norms-agent-departure-1 said "still running" for 尚未履行完毕 (svc-orphan-policy: "have not
    been fully performed"); q-surrender-salesperson-left-1 too. 一年期以上 is "more than one year" (stop 31, L1-05 art. 2)."""
    checked, wrong = 0, []
    for item in pack.quiz_items.values():
        english = _english_prompt(item)
        if not english:
            continue
        if "未履行完毕" in item.prompt:
            checked += 1
            if "not been fully performed" not in english or "still running" in english:
                wrong.append(f"{item.id}: {english}")
        if "一年期以上" in item.prompt and (not re.search(r"more than one year", english)
                                            or re.search(r"one year or (more|longer)", english)):
            wrong.append(f"{item.id}: {english}")
    assert checked >= 2 and wrong == [], wrong


BARE_HEDGE = re.compile(r"^(具体)?以[^。；]{0,4}(合同|条款)[^。；]{0,4}为准$")


def test_a_text_on_the_limitation_period_does_not_hedge_it_to_the_contract_in_a_sentence_of_its_own(taught) -> None:
    """Finding 4 again, one sentence on (qa24): q-claims-limitation-period-1 taught 诉讼时效为2年……人寿保险才是5年。
    具体以合同条款为准。 — rule 4 reads the sentence that names the period, and the hedge stood in the next one. The
    entry says the opposite: 这两个期间由法律规定，合同条款不能改变."""
    hedged = [f"{t.where}: {s}" for t in taught if t.lang == "zh" and "诉讼时效" in t.text
              for s in sentences(t.text) if BARE_HEDGE.search(s)]
    assert hedged == []


def test_the_termination_script_looks_up_the_suspension_date_before_it_says_the_contract_ended(pack) -> None:
    """qa27 S6: 我保险断了两年多了还能续上不 → 保单中止满2年还没复效，会怎么样？, whose 话术 read 系统显示合同已于X年X月X日解除，
    所以不能再申请复效了 — two years unpaid may still be inside reinstatement (60 days of grace first, then 2 years from
    suspension: 保险法第三十六条, 第三十七条). The 话术 looks the date up first; the end of the contract is said only
    as what the system may show, and reinstatement within the 2 years is offered."""
    said = sentences(pack.entries["lapse-permanent-termination"].script)
    assert "查" in said[0] and "中止" in said[0], said[0]
    ended = [s for s in said if "不能再申请复效" in s]
    assert ended and all(s.startswith("如果") for s in ended), ended
    assert any(s.startswith("如果") and "还没满2年" in s and "申请复效" in s for s in said), said
