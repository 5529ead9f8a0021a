"""A checkpoint met in the trainee's own words, and the forms close in meaning that must not meet it."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import DialogueSession
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.checkpoint_meaning import (about_facts, checkpoint_references, credible, misses_a_refusal,
                                                 numbered_step, said_at_fault, said_cues, turned)

REAL_CONTENT_SCENARIOS = REAL_CONTENT / "scenarios"


def _checkpoint(scenario, checkpoint_id):
    return next(c for c in scenario.checkpoints if c.id == checkpoint_id)


def _entries(scenario, facts):
    return {i: facts.entry(i) for i in scenario.entry_ids()}


def _meets(scenario, facts, judge, checkpoint_id: str, text: str) -> bool:
    """Whether `text`, said as the first reply with every earlier ordered step done, meets the checkpoint."""
    session = DialogueSession(scenario, facts, judge=judge)
    session.start()
    session.state.done.update({c.id: 0 for c in scenario.checkpoints if c.order and c.id != checkpoint_id})
    session.reply(text)
    return session.state.done.get(checkpoint_id) == session.state.turn


# (scenario, checkpoint, trainee sentence, met?) — none of the met ones holds a cue of its checkpoint.
SENTENCES = [
    # own words, close to the model line "您可以挂断后自己拨打我们保单上印着的官方客服热线…"
    ("fraud-suspicious-callback", "official-channel", "您可以先挂断，再打我们官网上的客服电话核实。", True),
    ("fraud-suspicious-callback", "official-channel", "您挂了电话以后，自己打我们官方的客服电话再确认一遍。", True),
    # the same, hedged or negated: as close in meaning (0.965+), and not what the checkpoint asks
    ("fraud-suspicious-callback", "official-channel", "您可能可以先挂断，再打我们官网上的客服电话核实吧。", False),
    ("fraud-suspicious-callback", "official-channel", "您不用挂断，也不用再打官网上的客服电话核实。", False),
    # the opposite of a refusal, close to its FAQ answer ("…不会向您索要银行卡密码和验证码…"): was met
    ("fraud-suspicious-callback", "no-secrets", "请把您的银行卡密码和验证码告诉我。", False),
    ("fraud-suspicious-callback", "no-secrets", "您把收到的验证码报给我，我帮您核实。", False),
    # a negated decision is no respect for the customer's own
    ("grace-period-short-of-money", "customer-decides", "这事不能由您自己定。", False),
    # a cue said negated (由您决定 in 不由您决定) was met by the cue list
    ("grace-period-short-of-money", "customer-decides", "这个不由您决定。", False),
    # judge16: the bare form was flagged rude by the classifier (it reads like 爱办不办), so it earned no 做到; since
    # calls43t (stop 42) a decision left to the customer is no rudeness (`defers_choice`: 3 train lines, none rude; a
    # Baoji agent's good call hung up on 退不退、贷不贷，都是您自己定), so the bare form meets the point it says —
    # 您自己看着办吧 stays a brush-off (below)
    ("grace-period-short-of-money", "customer-decides", "办不办、怎么办都由您决定。", True),
    ("grace-period-short-of-money", "customer-decides", "您的难处我理解，办不办、怎么办都由您决定。", True),
    # judge14: a cue after a hedge in its own piece was met by the cue list
    ("grace-period-short-of-money", "customer-decides", "可能最后由您决定吧。", False),
    ("grace-period-short-of-money", "customer-decides", "最后大概还是由您决定。", False),
    # guards: a hedge after the cue, or in another piece, leaves it said; a negation in another piece too
    ("grace-period-short-of-money", "customer-decides", "您考虑好了再说。", True),
    ("grace-period-short-of-money", "customer-decides", "由您决定，可能要快一点交。", True),
    # stop 32: ("grace-period-short-of-money", "customer-decides", "不是逼您，最终由您决定。", True) left this table: on a
    # new machine (AMD EPYC, AVX-512) unchanged code (73fa910) judges it unmet (met on the machine before): a
    # borderline meaning score; the negation rows below still hold it as no refusal.
    # guard: a checkpoint that hedges itself (分红…可能为零) is met by its hedged cue
    ("callback-elderly-dividends", "not-guaranteed", "分红每年不一样，有的年份可能为零。", True),
    # judge14, cues from the checkpoint's description, its model answer and training data (not from held-out calls)
    ("grace-period-short-of-money", "customer-decides", "两个办法各有利弊，选哪个您自己定。", True),  # guard: met by meaning before
    ("grace-period-short-of-money", "customer-decides", "我不会替您做主，您慢慢想。", True),
    ("grace-period-short-of-money", "customer-decides", "这个不是由您决定的。", False),  # a two-character negation
    ("grace-period-short-of-money", "customer-decides", "这事不能您自己定。", False),  # guard
    ("grace-period-short-of-money", "customer-decides", "您自己看着办吧。", False),  # guard: a rude brush-off
    # judge14: own words with a negation in a piece about something else (别担心) were "negated"
    ("fraud-suspicious-callback", "official-channel", "您别担心，您挂了电话以后，自己打我们官方的客服电话再确认一遍。", True),
    # guard: the negation in the piece about the checkpoint still turns it
    ("fraud-suspicious-callback", "official-channel", "您可以先挂断，不用再打我们官网上的客服电话核实。", False),
    # judge14: the opposite of a refusal after a reassurance (别着急) negated nothing it was about
    ("fraud-suspicious-callback", "no-secrets", "您别着急，把您的银行卡密码和验证码告诉我。", False),
    # judge15: cues from the model answers and the training corpus (never the held-out calls)
    ("callback-elderly-dividends", "check-understanding", "我这样讲您听得懂吗？", True),
    ("callback-elderly-dividends", "check-understanding", "刚才讲的这几点，您那边都跟得上吗？", True),
    ("callback-elderly-dividends", "check-understanding", "您那边听得清楚吗？", False),  # guard: the line, not the words
    ("grace-period-short-of-money", "official-channel", "您带上身份证和合同到柜台办就行。", True),
    ("grace-period-short-of-money", "official-channel", "不用去柜台，钱交给我就行。", False),  # negated
    ("media-threat-unreasonable-demand", "decline-demand", "这个要求我没法答应您，不过我可以把您的意见原话记下来。", True),
    # judge16: a sentence at fault (rude, blaming, promising, reading out personal data) meets no checkpoint by
    # any path — cue, FAQ entry or behaviour — as judge13 ruled for meaning
    ("media-threat-unreasonable-demand", "decline-demand", "这个要求我没法答应您，爱找谁找谁。", False),  # cue, rude
    ("callback-cooperative", "surrender-loss", "退保会有损失，不过我保证您一分钱都不会亏。", False),  # cue, promise
    ("grace-period-short-of-money", "official-channel", "您到柜台办，别在电话里跟我磨叽。", False),  # cue, rude
    ("callback-cooperative", "close", "没别的事我挂了啊，烦死了，再见。", False),  # behaviour (closing), rude
    ("callback-cooperative", "identity", "您的身份证后四位是2046对吧？", False),  # behaviour, personal data read out
    # guards: the fault in another sentence, or none
    ("media-threat-unreasonable-demand", "decline-demand", "爱找谁找谁。这个要求我没法答应您，不过我可以把您的意见原话记下来。", True),
    ("callback-cooperative", "close", "感谢您的配合，祝您生活愉快，再见。", True),
    ("callback-cooperative", "identity", "为了您的信息安全，请您说一下身份证后四位。", True),
    ("callback-cooperative", "surrender-loss", "犹豫期过后退保只能拿回保单的钱，前几年拿回的比交的少。", True),
    # judge20: an impatient opener (服务忌语) costs its own clause; the right words after it still meet the step
    ("cooling-off-cancel", "within-period", "行了行了，我直接说吧，您还在犹豫期内，退的是全部保费，只扣不超过10元工本费。", True),
    ("cooling-off-cancel", "refund-amount", "行了行了，我直接说吧，您还在犹豫期内，退的是全部保费，只扣不超过10元工本费。", True),
    ("cooling-off-cancel", "verify", "赶紧的，您把身份证后四位报一下。", True),
    ("cooling-off-cancel", "refund-amount", "您听我说完行不行，犹豫期内退保只扣10元工本费。", True),
    ("media-threat-unreasonable-demand", "decline-demand", "我就说一遍，这个要求我没法当场答应您。", True),
    # guards: the content itself is the fault (judge16's choice), with or without an opener before it
    ("media-threat-unreasonable-demand", "decline-demand", "行了行了，这个要求我没法答应您，爱找谁找谁。", False),
    ("cooling-off-cancel", "verify", "赶紧的您把身份证后四位报一下。", False),  # no comma: the opener's clause is the request
    ("grace-period-short-of-money", "official-channel", "别打岔，您到柜台办，别在电话里跟我磨叽。", False),
]


@pytest.mark.parametrize("scenario_id, checkpoint_id, text, met", SENTENCES)
def test_a_checkpoint_is_met_by_its_meaning_not_by_a_hedged_or_negated_form(
        real_scenarios, real_facts, judge, scenario_id, checkpoint_id, text, met):
    assert _meets(real_scenarios[scenario_id], real_facts, judge, checkpoint_id, text) is met


def test_a_sentence_at_fault_meets_no_checkpoint_in_other_words(real_scenarios, real_facts):
    """judge12's rule holds here too: a rude or blaming sentence is never credited by meaning."""
    scenario = real_scenarios["fraud-suspicious-callback"]
    checkpoint, entries = _checkpoint(scenario, "official-channel"), _entries(scenario, real_facts)
    sentence = "您可以先挂断，再打我们官网上的客服电话核实。"
    assert credible(sentence, checkpoint, entries)
    assert not credible(sentence, checkpoint, entries, faults=(sentence,))
    assert not credible("好的。", checkpoint, entries)  # too short to mean anything in particular


def test_a_rude_decline_is_reported_rude_and_meets_nothing(real_scenarios, real_facts, judge):
    """The report does not contradict itself: the rude words are 不足 and earn no 做到 (judge16)."""
    session = DialogueSession(real_scenarios["media-threat-unreasonable-demand"], real_facts, judge=judge)
    session.start()
    session.reply("这个要求我没法答应您，爱找谁找谁。")
    findings = session.report().findings
    assert any(f.rubric == "rude" and not f.ok for f in findings)
    assert not any(f.ok for f in findings)


@pytest.mark.parametrize("text, quote, faults, at", [
    ("这个要求我没法答应您，爱找谁找谁。", "这个要求我没法答应您，", ("爱找谁找谁。",), True),  # the same sentence
    ("爱找谁找谁。这个要求我没法答应您。", "这个要求我没法答应您。", ("爱找谁找谁。",), False),  # another sentence
    ("这个要求我没法答应您，爱找谁找谁。", "这个要求我没法答应您，", (), False),
    ("您到柜台办，别跟我磨叽。", "您到柜台办，别跟我磨叽。", ("您到柜台办，别跟我磨叽。",), True),  # the fault is the sentence
    # qa23 T6: a whole sentence quoted with its full stop is not read on into the faulted sentence after it
    ("你可以用官方APP或者柜台交费，这样比较安全。交不上保费，那是你自己没规划好。",
     "你可以用官方APP或者柜台交费，这样比较安全。", ("那是你自己没规划好。",), False),
    ("您先别急！爱找谁找谁。", "您先别急！", ("爱找谁找谁。",), False),
])
def test_a_quote_is_at_fault_when_its_sentence_is(text, quote, faults, at):
    assert said_at_fault(text, quote, faults) is at


@pytest.mark.parametrize("text, quote, openers, at", [
    # judge20: an impatient opener costs its own clause, not the sentence
    ("行了行了，我直接说吧，您还在犹豫期内。", "您还在犹豫期内。", ("行了行了，",), False),
    ("行了行了，我直接说吧，您还在犹豫期内。", "行了行了，我直接说吧，您还在犹豫期内。", ("行了行了，",), False),  # credited past it
    ("赶紧的，您把身份证后四位报一下。", "赶紧的，", ("赶紧的，",), True),  # the opener's own words
    ("赶紧的您把身份证后四位报一下。", "赶紧的您把身份证后四位报一下。", ("赶紧的您把身份证后四位报一下。",), True),
    ("赶紧的您把身份证后四位报一下。", "身份证后四位", ("赶紧的您把身份证后四位报一下。",), True),  # inside its clause
])
def test_an_impatient_opener_is_at_fault_only_in_its_own_clause(text, quote, openers, at):
    assert said_at_fault(text, quote, (), openers) is at
    assert said_at_fault(text, quote, openers) is True  # read as a sentence fault (before judge20), always


def test_the_right_words_said_rudely_are_faulted_and_credited(real_scenarios, real_facts, judge):
    """judge20: the rudeness is 不足 and the content after it 做到, each quoting its own words; the score pays for
    the fault (服务规范) and no longer for the content too."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, judge=judge)
    session.start()
    session.reply("您好，请问是孙丽女士本人吗？麻烦您说一下身份证后四位。")
    session.reply("行了行了，我直接说吧，您还在犹豫期内，退的是全部保费，只扣不超过10元工本费。")
    report = session.report()
    turn = [f for f in report.findings if f.turn_index == 2]
    assert [f.quote for f in turn if f.rubric == "rude" and not f.ok] == ["行了行了，"]
    credited = {f.quote for f in turn if f.ok}
    assert {"within-period", "refund-amount"} <= set(session.state.done)
    assert credited and not any("行了行了" in q for q in credited)


def test_a_checkpoint_about_facts_is_met_only_by_a_sentence_stating_them(real_scenarios, real_facts):
    """judge26's rule: 讲清宽限期（一般60日）… names a topic term; its references and the sentence must too."""
    scenario = real_scenarios["grace-period-short-of-money"]
    entries = _entries(scenario, real_facts)
    grace, decides = _checkpoint(scenario, "grace-period"), _checkpoint(scenario, "customer-decides")
    assert about_facts(grace, entries) and not about_facts(decides, entries)
    references = checkpoint_references(grace, scenario.model_answers, entries)
    assert references and all("宽限期" in r or "60" in r for r in references)
    assert not credible("您别担心，这个我们慢慢说清楚。", grace, entries)
    assert credible("您别担心，这个我们慢慢说清楚。", decides, entries)


def test_references_are_the_description_and_the_model_clauses_holding_a_cue(real_scenarios, real_facts):
    scenario = real_scenarios["grace-period-short-of-money"]
    entries = _entries(scenario, real_facts)
    assert checkpoint_references(_checkpoint(scenario, "customer-decides"), scenario.model_answers, entries) == [
        "尊重客户自己的决定", "最终由您决定，", "我不会替您做主。"]
    assert checkpoint_references(_checkpoint(scenario, "acknowledge"), scenario.model_answers, entries) == []


@pytest.mark.parametrize("sentence, reference, differs", [
    ("选哪个都由您自己定。", "最终由您决定，", False),
    ("这事不能由您自己定。", "最终由您决定，", True),
    ("可能最后由您决定吧。", "最终由您决定，", True),
    ("我们绝不会问您要密码。", "我们不会向您索要银行卡密码和验证码，", False),
    ("请把您的密码告诉我。", "我们不会向您索要银行卡密码和验证码，", True),
    # judge14: the negation or hedge belongs to a piece about something else
    ("不是逼您，最终由您决定。", "最终由您决定，", False),
    ("选哪个都由您自己定，我不会替您做主。", "最终由您决定，", False),
    ("您别担心，挂了电话以后自己打官方客服热线。", "您可以挂断后自己拨打我们保单上印着的官方客服热线", False),
    ("也许您有顾虑，最终由您决定。", "最终由您决定，", False),
    # guards: in the piece about the reference it still turns it
    ("您可以先挂断，不用再打客服热线。", "您可以挂断后自己拨打我们保单上印着的官方客服热线", True),
    ("最终由您决定，可能吧。", "最终由您决定，", True),
])
def test_a_negation_or_hedge_the_reference_lacks_turns_the_meaning(sentence, reference, differs):
    assert turned(sentence, reference) is differs


@pytest.mark.parametrize("sentence, misses", [
    ("请把您的银行卡密码和验证码告诉我。", True),
    ("我们不会找您要密码。", False),
    ("您别着急，请把您的银行卡密码和验证码告诉我。", True),  # judge14: 别 was about something else
    ("好的，我们不会找您要密码。", False),  # guard
])
def test_a_refusal_checkpoint_is_not_met_by_a_sentence_that_negates_nothing(sentence, misses):
    refusal = ["说明不会索要密码、验证码，不会要求转账", "我们不会向您索要银行卡密码和验证码，"]
    assert misses_a_refusal(sentence, refusal) is misses
    assert not misses_a_refusal(sentence, ["尊重客户自己的决定", "最终由您决定，"])


@pytest.mark.parametrize("scenario_id, checkpoint_id, text, cues", [
    ("grace-period-short-of-money", "customer-decides", "这个不由您决定。", []),
    ("grace-period-short-of-money", "customer-decides", "最终由您决定，我不会替您做主。", ["由您决定", "不会替您做主"]),
    ("grace-period-short-of-money", "customer-decides", "不由您决定的是条款，选哪个方案还是由您决定。", ["由您决定"]),
    # judge14: hedged before the cue in its own piece
    ("grace-period-short-of-money", "customer-decides", "可能最后由您决定吧。", []),
    ("grace-period-short-of-money", "customer-decides", "也许您来决定比较好。", []),
    ("grace-period-short-of-money", "customer-decides", "可能您有顾虑，最后由您决定。", ["由您决定"]),  # guard: another piece
    ("grace-period-short-of-money", "customer-decides", "您考虑好了再说。", ["您考虑"]),  # guard: the hedge after it
    ("callback-elderly-dividends", "not-guaranteed", "分红不保证，有的年份可能为零。", ["不保证", "可能为零"]),
    ("callback-cooperative", "surrender-loss", "退保的话可能会有一定损失。", ["会有一定损失"]),  # its own words hedge
    ("cooling-off-cancel", "within-period", "您大概还在犹豫期内吧。", []),
    ("grace-period-short-of-money", "customer-decides", "这个不是由您决定的。", []),
    ("grace-period-short-of-money", "customer-decides", "不能您自己定，得投保人定。", []),
    ("grace-period-short-of-money", "customer-decides", "我不会替您做主。", ["不会替您做主"]),
    ("grace-period-short-of-money", "customer-decides", "两个办法各有利弊，选哪个您自己定。", ["您自己定"]),
    # judge15: check-understanding asked in the training corpus's and model answers' words
    ("callback-elderly-dividends", "check-understanding", "这一点您清楚吗？", ["您清楚吗"]),
    ("callback-elderly-dividends", "check-understanding", "请问我讲的您都清楚了吗？", ["都清楚了吗"]),
    ("callback-elderly-dividends", "check-understanding", "我这样讲您听得懂吗？", ["听得懂吗"]),
    ("callback-elderly-dividends", "check-understanding", "那我讲完了喔，您这边明白了吗？", ["明白了吗"]),
    ("callback-elderly-dividends", "check-understanding", "您看是我说得太快了吗？", ["说得太快了吗"]),
    ("callback-elderly-dividends", "check-understanding", "您那边听得清楚吗？", []),  # the line, not the words
    ("callback-elderly-dividends", "check-understanding", "您听懂了没有啊？", []),  # the corpus's rude form
    ("callback-elderly-dividends", "check-understanding", "这个我也不清楚。", []),
    # the other checkpoints of `--cue-gaps`
    ("callback-cooperative", "surrender-loss", "过了犹豫期再退保会有损失。", ["会有损失"]),
    ("callback-cooperative", "surrender-loss", "退保不会有损失，交多少退多少。", []),  # negated (a corpus fault)
    ("callback-cooperative", "surrender-loss", "退保可能会有损失。", ["会有损失"]),  # its own words hedge
    ("callback-elderly-dividends", "not-guaranteed", "分红每年不一样，以实际公布的为准。", ["每年不一样"]),
    ("callback-elderly-dividends", "not-guaranteed", "上头那块分红就没准了，有多有少。", ["有多有少"]),
    ("callback-elderly-dividends", "not-guaranteed", "分红没法保证，基本保额那部分是保证的。", ["没法保证"]),
    ("callback-elderly-dividends", "not-guaranteed", "分红好像每年不一样。", []),  # hedged
    ("grace-period-short-of-money", "official-channel", "您带上身份证到柜台办就行。", ["到柜台"]),
    ("grace-period-short-of-money", "official-channel", "不用去柜台，交给我就行。", []),  # negated
    ("media-threat-unreasonable-demand", "decline-demand", "这个要求我没法答应您。", ["没法答应"]),
    ("media-threat-unreasonable-demand", "decline-demand", "不是不能答应，是要走流程。", []),  # negated: it can
    ("media-threat-unreasonable-demand", "decline-demand", "可能没法答应您。", []),  # hedged
])
def test_a_cue_counts_only_said_plainly(real_scenarios, scenario_id, checkpoint_id, text, cues):
    assert said_cues(text, _checkpoint(real_scenarios[scenario_id], checkpoint_id)) == cues


# judge18: a sentence that only soothes or only introduces the agent states nothing of an FAQ entry; close in
# meaning (e5 cosine ≥ 0.90) to an answer, it met fact checkpoints on main. Each False row fails on main; the
# True rows are guards (a soothing clause in a sentence that goes on, the rule in the next sentence).
SOOTHING_AND_GREETINGS = [
    ("stroke-claim-early", "mild-benefit", "您好，我是95519客服。您爱人生病住院，您一个人前前后后跑，真的辛苦了。", False),
    ("stroke-claim-early", "explain-180", "真的辛苦了，家里有病人还要操心理赔。", False),
    ("stroke-claim-early", "reapply", "真的辛苦了，家里有病人还要操心理赔。", False),
    ("media-threat-unreasonable-demand", "cash-value", "王女士，我明白您现在急着用钱，心里肯定很烦。", False),
    ("media-threat-unreasonable-demand", "register", "您好王女士，听得出来您现在很着急，换谁遇到这种事都会着急。", False),
    # judge31: the rest of the sentence past the soothing clause says nothing of an entry (the clause quote of a
    # spoken rule no longer needs the classifier's whole-sentence quote); both met 轻症责任 on main
    ("stroke-claim-early", "mild-benefit", "辛苦您了，一边照顾爱人一边跑保险公司。", False),
    ("stroke-claim-early", "mild-benefit", "心疼您，照顾病人还要为理赔的事操心。", False),
    ("stroke-claim-early", "acknowledge", "您好，我是95519客服。您爱人生病住院，您一个人前前后后跑，真的辛苦了。", True),
    ("stroke-claim-early", "mild-benefit",
     "您好，我是95519客服。您先生这种情况，合同里有轻症责任，可以先按轻度脑中风后遗症申请轻症赔付。", True),
    ("callback-cooperative", "surrender-loss", "您别着急，犹豫期过后退保只能拿回保单的钱，前几年拿回的比交的少。", True),
    ("callback-cooperative", "surrender-loss", "您好，我是回访专员小王。犹豫期过后退保只能拿回保单的钱，前几年拿回的比交的少。", True),
]


@pytest.mark.parametrize("scenario_id, checkpoint_id, text, met", SOOTHING_AND_GREETINGS)
def test_a_sentence_that_only_soothes_or_greets_meets_no_fact_checkpoint(real_scenarios, real_facts, judge,
                                                                         scenario_id, checkpoint_id, text, met):
    assert _meets(real_scenarios[scenario_id], real_facts, judge, checkpoint_id, text) is met


# judge18, found by playing every scenario as a plain, a nervous and an impatient agent: plain words for the
# payment item (a train-split writer says 每年交一次), and a nervous agent's "…" ends what a hedge reaches.
PLAIN_AND_NERVOUS = [
    ("callback-cooperative", "payment", "最后确认一下交费：您是每年交一次，每年6000元，一共交10年，对吗？另外如果哪年没按时交，"
                                        "也不会马上失效，有60天的宽限期，宽限期里照样有保障。", True),
    ("callback-elderly-dividends", "check-understanding",
     "有的年份多，有的年份也可能一分都没有…我这么说您听得明白吗？", True),
    ("callback-elderly-dividends", "check-understanding", "可能您听得明白吧。", False),  # the hedge in its own piece
    ("callback-cooperative", "payment", "您以后不是一共交十年吗？我也不清楚。", False),  # negated before the cue
]


@pytest.mark.parametrize("scenario_id, checkpoint_id, text, met", PLAIN_AND_NERVOUS)
def test_plain_and_nervous_wordings_of_a_step(real_scenarios, real_facts, judge, scenario_id, checkpoint_id, text, met):
    assert _meets(real_scenarios[scenario_id], real_facts, judge, checkpoint_id, text) is met


def test_the_illustration_question_is_answered_by_saying_the_figures_are_assumptions(real_scenarios, real_facts, judge):
    """The same FAQ entry's follow-up in dividend-below-promise already took 假设 as an answer."""
    session = DialogueSession(real_scenarios["callback-elderly-dividends"], real_facts, judge=judge)
    session.start()
    session.state.pending = next(f for f in session.scenario.lines.follow_ups if f.id == "illustration")
    session.state.asked.add("illustration")
    session.reply("说明书上那些数字，是按几种情况假设算出来的，不是以后每年都能拿这么多。")
    assert "illustration" in session.state.answered


# polish26: a step about facts is met by the sentence that says it, not by a fragment that names its topic.
# (scenario, checkpoint, reply, the words that meet it by its cue or None)
NAMING = [
    # polish25's call: the cue's clause only names the topic; its sentence tells the 180 days
    ("stroke-claim-early", "explain-180",
     "重疾里的严重脑中风后遗症，按行业统一的疾病定义，要在确诊180天以后，还留有肢体功能障碍这些永久的后遗症，才算达到标准。",
     "重疾里的严重脑中风后遗症，按行业统一的疾病定义，要在确诊180天以后，还留有肢体功能障碍这些永久的后遗症，才算达到标准。"),
    # the model answer: the term named, then explained in words of the step (举例, 承诺), no figure
    ("dividend-below-promise", "illustration",
     "说明书上的利益演示，是按低、中、高几档假设算出来的举例，帮助理解保单利益，不代表实际能拿到的红利，也不是公司的承诺。",
     "说明书上的利益演示，是按低、中、高几档假设算出来的举例，帮助理解保单利益，不代表实际能拿到的红利，也不是公司的承诺。"),
    # the topic named and nothing of it said: no credit by the cue
    ("stroke-claim-early", "explain-180", "严重脑中风后遗症，这个我帮您查一下。", None),
    # guards: a clause that says the rule itself keeps its own words; a cue that is its whole sentence is left as it was;
    # a step that is no fact (告知再次申请需要的材料 names no term or figure) keeps the clause
    ("stroke-claim-early", "explain-180", "严重脑中风后遗症要确诊180天后才能评定，您先别急。", "严重脑中风后遗症要确诊180天后才能评定，"),
    ("grace-period-short-of-money", "grace-period", "您现在还在宽限期内。", "您现在还在宽限期内。"),
    ("stroke-claim-early", "documents", "诊断证明，您到时候带上就行。", "诊断证明，"),
    # a cue that says what is done (重新投保 is no topic term of the entry) is met in its own clause (tune good call)
    ("permanent-lapse-angry", "options", "您要是还需要寿险保障，也可以重新投保，保费会按您现在的年龄和身体情况重新定。",
     "也可以重新投保，"),
    # a clause that does more than name the term keeps its own words: a number after it (tune good call), a verb before
    # it, a figure
    ("fraud-suspicious-callback", "introduce", "我是回访专员小罗，工号0387，今天打给您是做新单回访。", "工号0387，"),
    ("grace-period-short-of-money", "paid-up", "您也可以申请减额交清，以后就不用再交保费了。", "您也可以申请减额交清，"),
    ("media-threat-unreasonable-demand", "cash-value", "正常退保的话，退还的是保单的现金价值，前几年通常会低于已交保费。",
     "退还的是保单的现金价值，"),  # the model answer's words
    ("cooling-off-cancel", "refund-amount", "您交的保费全退，最多只扣不超过10块钱的工本费，不会亏很多。",
     "最多只扣不超过10块钱的工本费，"),
    # calls50: a clause that ends its sentence on the topic names it too, and is read in its own sentence, not on into
    # the next (as `said_at_fault`, report49): the next sentence's 180天 is no part of the words that meet the step
    ("stroke-claim-early", "explain-180", "您先生这个情况，属于重疾里的严重脑中风后遗症。要等满180天再评。", None),
    ("stroke-claim-early", "explain-180", "满180天还有永久性功能障碍的，属于重疾里的严重脑中风后遗症。您先别急。",
     "满180天还有永久性功能障碍的，属于重疾里的严重脑中风后遗症。"),
    ("stroke-claim-early", "explain-180", "这属于严重脑中风后遗症。要等满180天再评。", "这属于严重脑中风后遗症。"),  # its own sentence
]


@pytest.mark.parametrize("scenario_id, checkpoint_id, reply, words", NAMING)
def test_a_step_about_facts_is_met_by_a_sentence_that_says_it_not_a_fragment_naming_it(real_scenarios, real_facts,
                                                                                       scenario_id, checkpoint_id, reply,
                                                                                       words):
    from trainer.dialogue.checkpoint_meaning import naming_words
    from trainer.dialogue.detectors import cue_evidence

    scenario = real_scenarios[scenario_id]
    checkpoint = _checkpoint(scenario, checkpoint_id)
    clause = cue_evidence(reply, "checkpoint", said_cues(reply, checkpoint)).quote
    assert naming_words(reply, clause, checkpoint, _entries(scenario, real_facts)) == words


# (scenario, checkpoint, trainee sentence, met?) — a callback's checklist item said by the number the scenario gives it
# (第七项：确认缴费期间和缴费频率) and told, with no cue of the step (缴费期间, 一共交 …); calls46's own words.
NUMBERED = [
    ("callback-cooperative", "payment", "好嘞，第七项：您这张单是月交，每个月500元，要交20年，对吧？", True),
    ("callback-cooperative", "payment", "第7项，您这份每年扣1200块，扣满15年就不用再交了。", True),
    ("callback-cooperative", "payment", "最后第七项，交钱的频率和年数您都晓得噻？", True),  # words of its description
    ("callback-cooperative", "payment", "第七项，没问题吧？", False),  # the number alone tells nothing
    ("callback-cooperative", "payment", "第六项：您这份每年交1200元，交15年。", False),  # another item's number
    ("callback-cooperative", "cooling-off", "第七项：您这份每年交1200元，交15年。", False),  # not this step's number
    ("cooling-off-cancel", "how-to", "第七项：带上身份证和银行卡来办。", False),  # a step the scenario does not number
]


@pytest.mark.parametrize("scenario_id, checkpoint_id, sentence, met", NUMBERED)
def test_a_checklist_item_announced_by_its_number_and_told_is_that_step(scenario_id, checkpoint_id, sentence, met,
                                                                         real_scenarios, real_facts):
    scenario = real_scenarios[scenario_id]
    found = numbered_step(sentence, _checkpoint(scenario, checkpoint_id), _entries(scenario, real_facts))
    assert (found is not None) == met, found


@pytest.mark.parametrize("sentence, met", [
    ("第十一项：续保方式您这份是自动续保。", True),
    ("第11项，续保方式是自动的。", True),
    ("第一项：续保方式您这份是自动续保。", False),  # the first item, not the eleventh
])
def test_an_item_numbered_past_ten_is_read_by_its_whole_number(sentence, met) -> None:
    """A checklist longer than ten items: 第十一项 is the eleventh (the numeral read as the content's figures are)."""
    step = Checkpoint("renewal", "第十一项：确认续保方式", cues=("续保方式是",))
    assert (numbered_step(sentence, step, {}) is not None) is met


def test_a_numbered_item_said_without_a_cue_meets_its_step_in_a_call(real_scenarios, real_facts, judge):
    """The payment step of the callback checklist met by "第七项：…月交，每个月500元，要交20年" (no cue said): on main it
    stayed open — no cue, and by meaning e5 read the sentence nearer another entry (cw3-e's good call timed out at 75)."""
    assert _meets(real_scenarios["callback-cooperative"], real_facts, judge, "payment",
                  "好嘞，第七项：您这张单是月交，每个月500元，要交20年，从您那张卡上扣，对吧？")


@pytest.mark.parametrize(("scenario_id", "checkpoint_id", "sentence"), [
    # qa21 J1's step: about facts, the sentence states its figure (15天) without a cue (犹豫期内, 还在犹豫期)
    ("cooling-off-cancel", "within-period", "您签收才8天，15天之内都来得及。"),
    ("grace-period-short-of-money", "customer-decides", "交不交您回去跟家里人商量好了再告诉我就行。"),
])
def test_a_sentence_an_instructor_added_as_an_example_meets_the_step_from_the_next_load(
        tmp_path, real_scenarios, real_facts, judge, scenario_id, checkpoint_id, sentence):
    """review46: accepting a missed step writes the trainee's sentence into the scenario file as an example of the
    step; the scenario read back from that file has it among the step's references, and a call meets the step with it.
    Before, the same sentence left the step missed."""
    from trainer.dialogue import load_scenarios
    from trainer.editing.yaml_style import add_to_list_field

    source = REAL_CONTENT_SCENARIOS / f"{scenario_id}.yaml"
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / source.name).write_text(
        add_to_list_field(source.read_text(encoding="utf-8"), "checkpoints", checkpoint_id, "examples", sentence),
        encoding="utf-8")
    taught = load_scenarios(tmp_path)[scenario_id]
    step = _checkpoint(taught, checkpoint_id)
    assert step.examples == (sentence,)
    assert sentence in checkpoint_references(step, taught.model_answers, _entries(taught, real_facts))
    assert not _meets(real_scenarios[scenario_id], real_facts, judge, checkpoint_id, f"好的。{sentence}")
    assert _meets(taught, real_facts, judge, checkpoint_id, f"好的。{sentence}")


TWO_SENTENCES = ("您是上周二签收的保单。", "到今天才第8天，离15天还早。")


def _taught(tmp_path, scenario_id: str, checkpoint_id: str, example: str):
    from trainer.dialogue import load_scenarios
    from trainer.editing.yaml_style import add_to_list_field

    source = REAL_CONTENT_SCENARIOS / f"{scenario_id}.yaml"
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / source.name).write_text(
        add_to_list_field(source.read_text(encoding="utf-8"), "checkpoints", checkpoint_id, "examples", example),
        encoding="utf-8")
    return load_scenarios(tmp_path)[scenario_id]


@pytest.mark.parametrize(("said", "met"), [
    ("".join(TWO_SENTENCES), True),
    (f"好的，孙女士。{''.join(TWO_SENTENCES)}您看还有什么想了解的吗？", True),  # the two in a row within a longer reply
    (TWO_SENTENCES[0], False),  # half the step
    (TWO_SENTENCES[1], False),
    (f"{TWO_SENTENCES[0]}好的，孙女士。{TWO_SENTENCES[1]}", False),  # not in a row
])
def test_a_step_taught_across_two_sentences_is_met_by_both_in_a_row_and_not_by_half(
        tmp_path, real_scenarios, real_facts, judge, said, met):
    """review47: 确认仍在犹豫期内（15天） done across two sentences — neither meets it alone, untaught or taught. Taught
    as one example, the reply saying both in a row meets it. Read whole against single sentences (as a one-sentence
    example is), one sentence of the pair came within 0.95 of it (e5: 93/93 model-answer pairs), so half the step met it."""
    example = "".join(TWO_SENTENCES)
    taught = _taught(tmp_path, "cooling-off-cancel", "within-period", example)
    step = _checkpoint(taught, "within-period")
    assert step.examples == (example,)
    assert not _meets(real_scenarios["cooling-off-cancel"], real_facts, judge, "within-period", said)
    assert _meets(taught, real_facts, judge, "within-period", said) is met
