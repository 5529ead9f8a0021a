"""qa26: a nervous week-1 agent's own words (小周: fillers 那个… 嗯… 不好意思, 你 for 您, sentences that never end with 。),
played through `DialogueSession` with the judge. Scenario surrender-year2-angry is 刘老师's, as she saved it (fixtures/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REAL_CONTENT
from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession
from trainer.dialogue.address_norm import address_note, informal_clauses
from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence
from trainer.dialogue.agent_referrals import forbids_sending_to_agent, pushed_onto_agent, sent_to_their_agent
from trainer.dialogue.dissuading import BETTER, COMPLAINING, GIVING_UP, dissuaded, forbidden_kinds
from trainer.dialogue.loading import check_scenario, folder_entries
from trainer.dialogue.scoring import Utterance
from trainer.dialogue.wording import english

SURRENDER = Path(__file__).parent / "fixtures" / "scenarios" / "surrender-year2-angry.yaml"

CLAIM_CALL = (
    "啊…您好您好，不好意思…那个您先别着急，我是客服小周…嗯…我先帮您查一下理赔的情况哈，麻烦您报一下身份证后四位",
    "嗯嗯…理解理解，放了支架住院确实很辛苦，不好意思哈…那个…我看一下哈…就是重疾里心梗写的是“较重急性心肌梗死”，"
    "要达到条款里那几个指标才算，比如…嗯…心功能那些…你这个可能是没达到那个标准",
    "那个…不好意思哈，这个结论我这边改不了…你可以先问问你的业务员…或者…嗯…如果有新的检查报告、出院小结这些，"
    "可以补充材料申请复核。还有你保单里有轻症责任，心梗没到重症的话可以看看轻症能不能赔",
    "投诉的话…嗯…一般是7个工作日吧…啊不好意思不好意思我说错了，是收到投诉之日起15日内给答复，情况复杂的可以延长。"
    "您要投诉的话我现在就可以帮您登记",
    "对不起对不起，刚才是我口误，以15日内答复为准…那个…还有其他我能帮你的吗？没有的话祝您早日康复，再见",
)
SURRENDER_CALL = (
    "啊…您好，不好意思不好意思，您先别生气…我是客服小周，嗯…麻烦您先报一下姓名和身份证后四位，我看一下您的保单哈",
    "好的钱先生…那个…我理解你的心情，交了两万多看到只退六千确实会难受…嗯…就是过了犹豫期退保的话，退的是保单的现金价值，"
    "不是交的保费，前两年扣了保障成本和费用所以会比较少",
    "嗯…那个…其实我建议你别退了，退了太亏了…不好意思…你要是手头紧，可以办减额交清，或者保单贷款先周转一下",
    "好的好的…那不好意思耽误您时间了，还有别的问题吗？没有的话祝您生活愉快，再见",
)


@pytest.fixture(scope="module")
def surrender_scenario():
    scenario, problems = check_scenario("scenarios/surrender-year2-angry.yaml", SURRENDER.read_text(encoding="utf-8"),
                                        folder_entries(REAL_CONTENT))
    assert not problems, problems
    return scenario


@pytest.fixture(scope="module")
def claim_report(judge, real_scenarios, real_facts):
    report, used = play(DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, seed=1), list(CLAIM_CALL))
    assert used == len(CLAIM_CALL)
    assert_quotes_verbatim(report)
    return report


@pytest.fixture(scope="module")
def surrender_report(judge, surrender_scenario, real_facts):
    report, used = play(DialogueSession(surrender_scenario, real_facts, judge=judge, seed=1), list(SURRENDER_CALL))
    assert used == len(SURRENDER_CALL)
    assert_quotes_verbatim(report)
    return report


def test_sending_the_customer_to_her_salesperson_is_no_escalation_and_a_fault_where_the_goal_forbids_it(claim_report):
    """J4: 你可以先问问你的业务员 was credited 规范升级 on ci-claim-declined (goal: 不推给业务员), no fault."""
    turn3 = [f for f in claim_report.findings if f.turn_index == 3]
    assert not any(f.rubric == "escalation" for f in turn3), turn3
    [blame] = [f for f in turn3 if f.rubric == "blame"]
    assert blame.quote == "你可以先问问你的业务员…" and not blame.ok
    assert "不推给业务员" in blame.advice and "业务员" in blame.model_answer
    # judge54b: the English page showed the lesson's words in Chinese
    assert "don't need to go back to the salesperson" in english(blame.model_answer)
    # the review route said after it is still her step
    assert "review-route" not in claim_report.missed_checkpoints
    assert any(f.rubric == "next_step" and f.ok and "申请复核" in f.quote for f in turn3)


def test_the_salesperson_is_a_fault_only_where_a_goal_forbids_it():
    said = "你可以先问问你的业务员…或者申请复核。"
    assert pushed_onto_agent(said, ["不承诺赔付，不指责客户，不推给业务员"])
    assert pushed_onto_agent(said, ["不推给业务员个人，把可能的销售误导登记为投诉"])
    assert not pushed_onto_agent(said, ["核实身份，解释拒赔理由"])
    assert not forbids_sending_to_agent(["告知可替代办法，尊重客户决定"])
    # the agent's own step, and a question about who sold it, send her nowhere
    assert not sent_to_their_agent("我帮您问问您的业务员，再给您回电话。")
    assert not sent_to_their_agent("当时是哪位业务员给您讲的？")
    assert not sent_to_their_agent("您不用自己去找业务员。") and not sent_to_their_agent("您也别先自个儿找业务员私下补个字儿")
    assert sent_to_their_agent("您得去找您的代理人。") and sent_to_their_agent("您可以先找一下您的业务员问问")


def test_understanding_said_in_a_sentence_that_never_ends_is_empathy(surrender_report, judge, real_facts):
    """J6: 好的钱先生…那个…我理解你的心情，交了两万多…确实会难受…嗯…就是… (no 。 in the reply) was no empathy, and the
    scenario's 回应客户的不满 step was taught as missing (73, 已结束，仍有未解决的问题). Her turn 1's 您先别生气… is empathy
    too since qa27 J2 (a soothing imperative), and the call reports empathy once: turn 2 is read on its own here."""
    detectors = Detectors(real_facts.content.forbidden_phrases)
    assert any(e.behaviour == "empathy" and e.ok and "理解你的心情" in e.quote
               for e in reply_evidence(SURRENDER_CALL[1], detectors, judge))
    assert any(f.rubric == "empathy" and f.ok and f.turn_index in (1, 2) for f in surrender_report.findings)
    assert "acknowledge" not in surrender_report.missed_checkpoints
    assert not any("回应客户的不满" in m for m in surrender_report.missed)


def test_an_unexplained_term_is_given_the_knowledge_base_s_plain_words(surrender_report):
    """J8: 术语未解释 on 可以办减额交清， gave 为什么 only."""
    [jargon] = [f for f in surrender_report.findings if f.rubric == "jargon"]
    assert "减额交清" in jargon.quote
    assert "以后不用再交保费" in jargon.model_answer and "保险金额会降低" in jargon.model_answer


def test_her_you_is_a_service_norm_note_not_a_scored_fault(claim_report, surrender_report):
    """J2, the lead's call: 你 for 您 is one line of the report, up to three of her clauses; no finding, no points."""
    note = address_note(claim_report.transcript)
    assert note.startswith("服务规范（不计分）") and "“您”" in note
    assert "“你这个可能是没达到那个标准”" in note and "“你可以先问问你的业务员”" in note
    assert "4 处" in note and note.endswith("等。")  # 还有其他我能帮你的吗, the fourth, is not quoted
    assert "Service norm (not scored)" in english(note) and "你可以先问问你的业务员" in english(note)
    assert informal_clauses(claim_report.transcript)[-1] == "还有其他我能帮你的吗"
    for report in (claim_report, surrender_report):
        assert not any("“你”" in f.advice for f in report.findings)
    # the customer's 你, her words quoted and a 你们 said back are not the agent's address
    assert surrender_report.transcript[0].speaker == "customer" and "你们" in surrender_report.transcript[0].text
    said_back = Utterance("agent", "您说“你说清楚”，你们公司是这么讲的吗？", 50, 1)
    assert informal_clauses(surrender_report.transcript[:1] + [said_back]) == []
    assert address_note([]) is None


def test_talking_her_out_of_surrendering_is_a_fault_where_the_goal_forbids_it(surrender_report):
    """J7: 其实我建议你别退了，退了太亏了 on surrender-year2-angry (goal: 尊重客户决定，不劝阻) was only 术语未解释 on 减额交清."""
    turn3 = [f for f in surrender_report.findings if f.turn_index == 3 and not f.ok]
    [urged] = [f for f in turn3 if f.rubric == "blame"]
    assert urged.quote == "其实我建议你别退了，退了太亏了…"
    assert "不劝阻" in urged.advice and "talk them out of it" in english(urged.advice)
    assert "由您来决定" in urged.model_answer and "It is your decision" in english(urged.model_answer)
    assert surrender_report.subscores["compliance"] < 100
    # the report's first lesson is it, with why and better wording
    lesson = next(f for f in surrender_report.findings if f.rubric == "blame")
    assert lesson.turn_index == 3


COOLING_OFF_GOALS = ["可以了解原因，但尊重客户决定，不劝阻、不设障碍"]


@pytest.mark.parametrize("said", [
    "退保只能退现金价值，会有损失，您确认要退吗？",  # the loss the rules require her to hear
    "方便说一下为什么想退吗？",  # the reason asked once
    "如果只是资金周转，也可以考虑保单贷款，您自己决定。",  # an alternative as information, the choice hers
    "我不建议您在电话里冲动决定。",  # borderline, clean: against a way of deciding, no act given up (dissuading.py)
    "我不会劝您别退，只是把损失跟您说清楚。",
    "退不退由您决定，钱会退回到您的原卡。",
])
def test_what_the_agent_must_or_may_say_about_a_surrender_stays_clean(said):
    assert dissuaded(said, COOLING_OFF_GOALS) == []


@pytest.mark.parametrize("said", ["其实我建议你别退了。", "我劝您还是再考虑考虑。", "退保的话就不划算了。",
                                  "您先别撤单，我帮您再算算。", "保单还是留着吧。"])
def test_urging_her_to_keep_the_policy_is_a_fault_only_where_a_goal_forbids_it(said):
    assert [e.behaviour for e in dissuaded(said, COOLING_OFF_GOALS)] == ["blame"]
    assert dissuaded(said, ["核实投保人身份", "讲清退保损失"]) == []


def test_talking_her_out_of_a_complaint_is_read_from_a_goal_that_names_the_complaint():
    """media-threat's goal: 尊重客户向12378反映的权利，不阻拦 — a complaint, not her surrender."""
    goals = ["讲清正常退保退还现金价值；尊重客户向12378反映的权利，不阻拦"]
    assert forbidden_kinds(goals) == (COMPLAINING,)
    [urged] = dissuaded("您千万别投诉了，投诉也没用。", goals)
    assert urged.quote == "您千万别投诉了，投诉也没用。" and "投诉" in urged.better
    assert dissuaded("其实我建议你别退了。", goals) == []
    assert forbidden_kinds(COOLING_OFF_GOALS) == (GIVING_UP,)


def test_talking_her_out_of_cancelling_is_flagged_in_the_cooling_off_call(judge, real_scenarios, real_facts):
    """cooling-off-cancel's goal says 不劝阻、不设障碍: the customer hears it and pushes back (its blame trigger)."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, judge=judge, seed=1)
    session.start()
    turn = session.reply("孙女士您好，我是客服小周。其实我建议您别退了，退了太可惜了，重疾险早买早保障。")
    assert any(f.rubric == "blame" and not f.ok and "别退了" in f.quote for f in session.findings), session.findings
    assert turn.mood > 50


def test_the_better_wording_for_talking_her_out_of_it_draws_no_fault_itself(judge, real_scenarios, real_facts):
    """The lesson's own words, said on the cooling-off call, must not be faulted in turn (no unexplained term, no
    urging): a trainee who copies them is not marked down."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, judge=judge, seed=1)
    session.start()
    session.reply(str(BETTER))
    assert not [f for f in session.findings if not f.ok], session.findings


def test_a_figure_put_right_in_the_same_breath_is_no_wrong_fact(claim_report):
    """J5: 一般是7个工作日吧…啊不好意思不好意思我说错了，是收到投诉之日起15日内给答复 was 事实错误 on the 7个工作日 she had
    just corrected; the 15日 she said is still credited."""
    turn4 = [f for f in claim_report.findings if f.turn_index == 4]
    assert not any(f.rubric == "wrong_fact" for f in turn4), turn4
    assert any(f.rubric == "explanation" and f.ok and "15日" in f.quote for f in turn4), turn4


@pytest.mark.parametrize("said", [
    "投诉的话一般是7个工作日，不对不对，应该是收到投诉之日起15日内给答复。",
    "投诉一般是7个工作日给您答复，啊说错了，是15日内给您答复。",
    "投诉的话一般7个工作日给您答复，更正一下，应该是15日内。",
])
def test_other_words_for_the_same_correction_are_read_too(judge, real_scenarios, real_facts, said):
    session = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, seed=1)
    session.start()
    session.reply(said)
    assert not any(f.rubric == "wrong_fact" for f in session.findings), session.findings


def test_a_wrong_figure_not_taken_back_is_still_wrong_and_its_lesson_quotes_only_the_rule(judge, real_scenarios,
                                                                                            real_facts):
    """…and the lesson's better wording was the entry's whole script, ending with 请问您方便接听电话的时间和号码是？ — a
    question about something else."""
    session = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, seed=1)
    session.start()
    session.reply("投诉的话，一般是7个工作日给您答复，情况复杂的15日内。")  # a right figure after it, no correction said
    [wrong, *_] = [f for f in session.findings if f.rubric == "wrong_fact"]
    assert "15日内给您处理结果" in wrong.model_answer
    assert "号码" not in wrong.model_answer and "？" not in wrong.model_answer
