from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession
from trainer.dialogue.wording import english


def session(real_scenarios, real_facts, scenario_id="ci-claim-declined", **kwargs) -> DialogueSession:
    return DialogueSession(real_scenarios[scenario_id], real_facts, **kwargs)


def test_same_seed_replays_the_same_call(real_scenarios, real_facts):
    replies = ["您好，请问有什么可以帮您？", "嗯。", "这个要看情况。"]
    first, _ = play(session(real_scenarios, real_facts, seed=7), replies)
    second, _ = play(session(real_scenarios, real_facts, seed=7), replies)
    assert [u.text for u in first.transcript] == [u.text for u in second.transcript]
    assert first.mood_history == second.mood_history


def test_empathy_calms_and_rudeness_angers(real_scenarios, real_facts):
    calm = session(real_scenarios, real_facts)
    start = calm.start().mood
    assert calm.reply("非常理解您的心情，您先别着急。").mood < start
    angry = session(real_scenarios, real_facts)
    angry.start()
    assert angry.reply("你快点讲。").mood > start


def test_training_mode_gives_hints_and_exam_mode_does_not(real_scenarios, real_facts):
    training = session(real_scenarios, real_facts, scenario_id="cooling-off-cancel", mode="training")
    training.start()
    hints = training.reply("这个病肯定能赔。").hints
    assert any("肯定能赔" in hint for hint in hints)
    assert any(hint.startswith("下一个要点") for hint in hints)
    exam = session(real_scenarios, real_facts, scenario_id="cooling-off-cancel", mode="exam")
    exam.start()
    assert exam.reply("这个病肯定能赔。").hints == ()


def test_ignoring_the_question_is_pushed_back_and_reported(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts)
    call.start()
    asked = call.reply("张先生您好，非常理解您的心情。为了您的信息安全，请说一下身份证后四位，好吗？").text
    assert "凭什么拒赔" in asked
    turn = call.reply("我们公司服务一直很好。")
    assert turn.text in call.scenario.lines.pushback  # pressed again, in other words than the question
    ignored = [f for f in call.report().findings if f.rubric == "ignored_question"]
    assert ignored and ignored[0].turn_index == 2 and ignored[0].quote == "我们公司服务一直很好。"


def test_reading_out_unconfirmed_personal_data_is_a_red_line(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts)
    call.start()
    call.reply("您是身份证尾号3518的张建国先生吧？")
    report = call.report()
    leak = [f for f in report.findings if f.rubric == "personal_data"]
    assert leak and "3518" in leak[0].quote
    assert report.subscores["compliance"] < 100


def test_personal_data_the_customer_said_may_be_repeated(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts)
    call.start()
    call.reply("非常理解您的心情。请您说一下身份证后四位，我核对一下，好吗？")
    call.reply("好的，后四位3518核对无误。")
    assert not [f for f in call.report().findings if f.rubric == "personal_data"]


def test_callback_items_must_follow_the_script_order(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts, scenario_id="callback-cooperative")
    call.start()
    call.reply("您好，这份保险的责任免除部分您清楚吗？")
    findings = call.report().findings
    assert [f.rubric for f in findings if not f.ok] == ["checkpoint_order"]
    assert not [f for f in findings if f.rubric == "checkpoint"]


def test_a_step_out_of_order_is_taught_with_the_model_sentence_of_the_step_due(real_scenarios, real_facts):
    """The better wording for 责任免除 before 第二项 was the whole model answer with a 第二项 cue, which first answers the
    recording question (本次通话全程录音); it is the model sentence of the step due (`own_part`, as for a missed step)."""
    scenario = real_scenarios["callback-cooperative"]
    call = DialogueSession(scenario, real_facts)
    call.start()
    call.reply(scenario.model_answers[0])
    call.reply("这份保险的责任免除部分您清楚吗？")
    order = next(f for f in call.report().findings if f.rubric == "checkpoint_order")
    assert "亲笔签名" in order.model_answer and "录音" not in order.model_answer, order.model_answer
    assert order.model_answer in scenario.model_answers[1] and order.model_answer != scenario.model_answers[1]


def test_a_finished_call_takes_no_more_replies_and_empty_replies_are_refused(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts)
    with pytest.raises(RuntimeError):
        call.reply("您好")
    call.start()
    with pytest.raises(ValueError):
        call.reply("   ")
    report, _ = play_until_end(call, "你快点讲，跟公司无关。")
    assert call.done and report.outcome in ("hung_up", "escalated")
    with pytest.raises(RuntimeError):
        call.reply("您好")
    assert_quotes_verbatim(report)


def play_until_end(call: DialogueSession, reply: str):
    used = 0
    while not call.done:
        call.reply(reply)
        used += 1
    return call.report(), used


def test_a_bad_mode_or_missing_entry_is_a_clear_error(real_scenarios, real_facts):
    with pytest.raises(ValueError, match="mode"):
        session(real_scenarios, real_facts, mode="quiz")


def test_report_before_the_end_is_in_progress_with_what_is_missing(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts)
    call.start()
    report = call.report()
    assert report.outcome == "in_progress" and report.score == 0
    assert any("较重急性心肌梗死" in item for item in report.missed)
    assert report.model_answers == list(real_scenarios["ci-claim-declined"].model_answers)


def test_what_the_session_writes_for_the_trainee_has_english_for_the_english_ui(real_facts, real_scenarios) -> None:
    scenario = real_scenarios["stroke-claim-early"]
    session = DialogueSession(scenario, real_facts, seed=2)
    session.start()
    turn = session.reply("嗯嗯。")  # says nothing: vague, and the next checkpoint is hinted
    report = session.report()
    assert turn.hints and report.missed
    assert all(english(text) != text for text in [*turn.hints, *report.missed])  # each has its own English
    assert any(english(h).startswith("Next checkpoint: ") for h in turn.hints)
    assert all(english(m).startswith(("Checkpoint not done: ", "Customer's question not answered: ")) for m in report.missed)
    [vague] = [f for f in report.findings if f.rubric == "vague"]
    assert vague.advice.startswith("这句话没有回应客户") and english(vague.advice).startswith("This reply neither answered")
    session.note_slow_reply(75, 60)
    [slow] = [f for f in session.report().findings if f.rubric == "slow_reply"]
    assert "75 秒" in slow.advice and "took 75 s" in english(slow.advice) and "limit of 60 s" in english(slow.advice)


def test_the_same_finding_on_the_same_words_is_listed_once(real_facts, real_scenarios) -> None:
    scenario = real_scenarios["cooling-off-cancel"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=1),
                     ["这个我不清楚。", "这个我不清楚。", "犹豫期是20天，犹豫期是20天。"])
    wrong = [f for f in report.findings if f.rubric == "wrong_fact"]
    assert len(wrong) == 1 and wrong[0].quote == "犹豫期是20天，犹豫期是20天。"  # said twice in one sentence: one finding

    scenario = real_scenarios["callback-elderly-dividends"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=1), list(scenario.model_answers))
    keys = [(f.turn_index, f.rubric, f.ok, f.quote) for f in report.findings]
    assert len(keys) == len(set(keys))
    [both] = [f for f in report.findings if f.rubric == "explanation" and "15天" in f.quote and "10元" in f.quote]
    assert "15天" in both.advice and "10元" in both.advice  # each figure's check is kept, in one finding


# judge16: a report does not credit and fault the same words. (scenario, replies, the turn's (rubric, ok)
# pairs that must not be in the report, those that must.) The replies are written for this test.
CONSISTENT = [
    # a rhetorical blaming question is no clarifying question (the classifier reads both)
    ("callback-cooperative", ["这个你自己看合同去，当初买的时候怎么不问清楚？"],
     [("clarifying_question", True)], [("rude", False)]),
    # asking for the identity check the scenario needs first is not ignoring the customer's question
    ("ci-claim-declined", ["张先生，您住院做了支架，又收到拒赔通知，心里肯定特别着急，我非常理解。",
                           "为了查您的保单，麻烦您先说一下投保人姓名和身份证后四位，我来核对。"],
     [("ignored_question", False)], [("verification", True)]),
    ("permanent-lapse-angry", ["郑先生，交了好几年的保单说没就没了，换谁都会生气，您先说，我听着。",
                               "麻烦您先说一下身份证后四位，我核对一下身份。"],
     [("ignored_question", False)], [("verification", True)]),
    # guard: once verified, asking again for the ID digits does not answer her question
    ("permanent-lapse-angry", ["郑先生您好，麻烦您先说一下身份证后四位，我核对一下身份。",
                               "麻烦您再说一遍身份证后四位。"],
     [], [("ignored_question", False)]),
]


@pytest.mark.parametrize("scenario_id, replies, absent, present", CONSISTENT)
def test_a_report_does_not_credit_and_fault_the_same_words(real_scenarios, real_facts, judge, scenario_id, replies,
                                                           absent, present):
    session = DialogueSession(real_scenarios[scenario_id], real_facts, judge=judge)
    report, _ = play(session, replies)
    last = [(f.rubric, f.ok) for f in report.findings if f.turn_index == len(replies)]
    assert not set(absent) & set(last), last
    assert set(present) <= set(last), last
    assert_quotes_verbatim(report)
    faults = [f for f in report.findings if not f.ok and f.rubric in ("rude", "blame", "absolute_promise")]
    for credit in (f for f in report.findings if f.ok):
        assert not any(credit.turn_index == f.turn_index and (f.quote in credit.quote or credit.quote in f.quote)
                       for f in faults), credit


def test_an_identity_request_answers_no_question_and_meets_no_checkpoint_by_meaning(real_scenarios, real_facts,
                                                                                      judge):
    """judge16: the model's identity request ("…麻烦您说一下投保人姓名和身份证后四位。") is e5-cosine ≥ 0.90
    from several FAQ answers; it met 告知合同的轻症责任 and answered 万一他恢复得还行… before she asked, so
    the model's own answer to it was then 未回应问题."""
    scenario = real_scenarios["stroke-claim-early"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    report, _ = play(session, scenario.model_answers)
    assert not [f for f in report.findings if not f.ok], [f for f in report.findings if not f.ok]
    assert session.state.done["mild-benefit"] == 3  # with the model's sentence about 轻症, not the ID request
    session = DialogueSession(real_scenarios["permanent-lapse-angry"], real_facts, judge=judge)
    report, _ = play(session, ["郑先生您好，麻烦您先说一下身份证后四位，我核对一下身份。", "麻烦您再说一遍身份证后四位。"])
    assert [(f.rubric, f.ok) for f in report.findings if f.turn_index == 2] == [("ignored_question", False)]


@pytest.mark.parametrize("replies", [
    None,  # the scenario's model answers
    ["您好，我是保险公司客服，工号2231，今天打电话是做一下新保单的回访。请问您是李秀兰女士本人吗？麻烦您报一下身份证最后四位。",
     "谢谢您。通话是有录音的，请您放心。想跟您确认一下，这份保险是您自己买的吧？投保单上的名字都是您本人签的吗？"],
])
def test_thanks_for_an_answer_is_no_closing_out_of_order(real_scenarios, real_facts, judge, replies):
    """judge16: "感谢您的配合。是的，…" opening the model's second reply was 礼貌结束 做到 and 顺序错误 (the closing
    checkpoint before 第二项) on the same words; the call's real closing then earned no credit."""
    scenario = real_scenarios["callback-cooperative"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    report, used = play(session, replies or scenario.model_answers)
    assert not [f for f in report.findings if f.rubric == "checkpoint_order"]
    assert all(f.turn_index == len(scenario.model_answers) for f in report.findings if f.rubric == "closing")


def callback_after_two_model_answers(real_scenarios, real_facts, judge) -> DialogueSession:
    """callback-cooperative with the identity checked and the recording question answered (the model's first two)."""
    scenario = real_scenarios["callback-cooperative"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    session.start()
    for reply in scenario.model_answers[:2]:
        session.reply(reply)
    return session


@pytest.mark.parametrize("thanks", ["好的谢谢。", "好的，谢谢您。", "嗯嗯，明白了，谢谢。", "好的，感谢您的配合。"])
def test_thanks_before_the_next_question_does_not_end_the_call(real_scenarios, real_facts, judge, thanks):
    """qa15: 好的谢谢。请问…亲笔签的吗？ was read as a closing (a short reply is all "at the end"), and the call
    ended at turn 4 with four of seven checks open and a score of 43."""
    session = callback_after_two_model_answers(real_scenarios, real_facts, judge)
    turn = session.reply(thanks + "请问投保单和健康告知上的签名都是您本人亲笔签的吗？")
    assert not session.done, turn.text
    findings = session.report().findings
    assert not [f for f in findings if f.rubric in ("closing", "checkpoint_order")], findings


@pytest.mark.parametrize("reply, rude", [
    ("您是想退保还是想投诉？", False),
    ("您要是再骂人，我就只能先结束通话了。", False),
    ("您到底想退保还是想投诉啊，说清楚！", True),
    ("再骂我就挂了。", True),
])
def test_a_choice_offered_or_a_fair_warning_keeps_the_customer_on_the_line(real_scenarios, real_facts, judge,
                                                                         reply, rude):
    """judge37a: on main a plain choice question and a warning before ending an abusive call were 服务忌语 and the
    customer hung up at once; the same words pressed or a bare threat still are."""
    session = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge)
    session.start()
    turn = session.reply(reply)
    assert bool([f for f in session.report().findings if f.rubric == "rude"]) == rude
    assert turn.done == rude


@pytest.mark.parametrize("reply", ["这个要求我没法答应您，爱找谁找谁，您还在犹豫期内。", "您爱找谁就找谁吧。"])
def test_go_to_whoever_you_like_is_rude_wherever_it_is_said(real_scenarios, real_facts, reply):
    """judge20 found 爱找谁找谁 mid-sentence not flagged at all (the classifier reads the clause with its polite
    sentence's vector): it is the documented 你去投诉啊，随便投诉 in other words, now one of its wordings."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts)
    session.start()
    session.reply(reply)
    rude = [f for f in session.report().findings if f.rubric == "rude"]
    assert rude and "找谁" in rude[0].quote and not rude[0].ok


@pytest.mark.parametrize("reply", ["什么事，快点说，我这边后面还排着一堆电话呢。",
                                   "犹豫期是15天，这个我都讲了好几遍了，您到底有没有在听？"])
def test_impatience_in_spoken_words_costs_compliance(real_scenarios, real_facts, reply):
    """#12: "什么事，快点说，我这边后面还排着一堆电话呢" was 合规 100 — rules and classifier alike read no rudeness in it.
    judge29's spoken forms (hurrying the customer, "I said it many times") find it without the judge too."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts)
    session.start()
    session.reply(reply)
    report = session.report()
    rude = [f for f in report.findings if f.rubric == "rude" and not f.ok]
    assert rude and rude[0].quote in reply, report.findings
    assert report.subscores["compliance"] < 100


@pytest.mark.parametrize("reply", ["好的谢谢。接下来跟您确认说明书。", "好的谢谢，接下来跟您确认说明书。",
                                   "嗯，谢谢。那我再跟您说一下犹豫期。", "好的，感谢您的配合。下面我说一下交费的事。"])
def test_thanks_before_saying_what_comes_next_does_not_end_the_call(real_scenarios, real_facts, judge, reply):
    """judge24: a thanks followed by a statement that goes on with the call (not only by a question) is no closing."""
    session = callback_after_two_model_answers(real_scenarios, real_facts, judge)
    turn = session.reply(reply)
    assert not session.done, turn.text
    assert not [f for f in session.report().findings if f.rubric in ("closing", "checkpoint_order")]


def test_thanks_before_what_happens_after_the_call_is_still_a_closing(real_scenarios, real_facts, judge):
    """Guard: "接下来工作人员会联系您" is after the call, not the agent going on with it."""
    session = callback_after_two_model_answers(real_scenarios, real_facts, judge)
    session.reply("好的，谢谢您的配合。接下来工作人员会联系您。")
    assert session.done and any(f.rubric == "closing" and f.ok for f in session.report().findings)


@pytest.mark.parametrize("closing", ["还有其他问题吗？没有的话就不打扰您了，再见。", "好的，谢谢您的配合，祝您生活愉快，再见！",
                                     "好的，感谢您的配合。"])  # a bare thanks: no closing mid-call (judge27), the end here
def test_a_real_closing_still_ends_the_call(real_scenarios, real_facts, judge, closing):
    """Guard for the fix above: a goodbye after all seven checks ends the call, resolved."""
    scenario = real_scenarios["callback-cooperative"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    session.start()
    for reply in scenario.model_answers[:-1]:
        session.reply(reply)
    session.reply("不会马上失效。续期保费有宽限期，一般是应交日的次日起60天，宽限期内保障不受影响，我们也会提前提醒您。")
    session.reply(closing)
    assert session.state.outcome == "resolved", session.open_points()


@pytest.mark.parametrize("scenario_id, text, checkpoint_id", [
    ("grace-period-short-of-money", "还可以办减额交清，以后不用再交保费，但保额会降低。", "paid-up"),
    ("lapse-reinstatement", "恢复的话叫复效，两年内补交欠的保费和利息就可以，带上身份证和申请书办理。", "how-to-reinstate"),
])
def test_a_term_explained_in_the_same_reply_is_not_unexplained_jargon(real_scenarios, real_facts, scenario_id, text,
                                                                     checkpoint_id):
    """judge16 left: the clause that met 说明减额交清的含义 was also 术语未解释. The report says one thing now."""
    session = DialogueSession(real_scenarios[scenario_id], real_facts, seed=0)
    session.start()
    session.state.done.update({c.id: 0 for c in session.scenario.checkpoints if c.order})
    session.reply(text)
    assert session.state.done.get(checkpoint_id) == 1
    assert not [f for f in session.findings if f.rubric == "jargon"], session.findings
    guard = DialogueSession(real_scenarios[scenario_id], real_facts, seed=0)  # the bare term stays flagged
    guard.start()
    guard.reply("您可以办减额交清。" if checkpoint_id == "paid-up" else "您这单得先走二核。")  # 复效 is no listed term (judge40p)
    assert [f.quote for f in guard.findings if f.rubric == "jargon" and not f.ok]


# media-threat starts at 80 with the angry threshold at 88: one polite line the judge finds vague (+8) puts her
# at the threshold. The identity check the scenario asks first holds the mood (verification moves nothing).
SOOTHED_BUT_VAGUE = "王女士，您别急，您的要求我都记下了，咱们一件一件来。"
IDENTITY_REQUEST = "为了保护您的账户安全，麻烦您先说一下身份证后四位，我核实一下。"


def test_an_identity_check_at_the_angry_threshold_is_progress_not_stalling(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts, scenario_id="media-threat-unreasonable-demand")
    call.start()
    assert call.reply(SOOTHED_BUT_VAGUE).mood >= call.scenario.mood.angry
    turn = call.reply(IDENTITY_REQUEST)
    assert not turn.done and "9023" in turn.text  # the check goes on: she gives her ID, the call is not escalated
    turn = call.reply("谢谢王女士。全额退还再赔5万、今天到账的要求，我没法当场答应您，退保金额要按合同来定。")
    assert not turn.done and turn.mood < call.scenario.mood.angry


@pytest.mark.parametrize("second", ["您稍等，我这边查一下。", "你吵什么吵，爱找谁找谁去。"])
def test_a_stalling_or_rude_reply_at_the_angry_threshold_still_ends_the_call(real_scenarios, real_facts, second):
    call = session(real_scenarios, real_facts, scenario_id="media-threat-unreasonable-demand")
    call.start()
    call.reply(SOOTHED_BUT_VAGUE)
    assert call.reply(second).outcome in ("escalated", "hung_up")



# judge19: asking who is on the line is no identity check; a real check still is (stroke-claim-early, with the judge).
@pytest.mark.parametrize("first, verified", [
    ("您好，请问是哪位？", False),
    ("喂，您是谁呀？", False),
    ("您好，请问是李秀兰女士本人吗？", True),  # guard
    ("您好，请您说一下身份证后四位，我核实一下。", True),  # guard
])
def test_asking_who_is_calling_does_not_verify_the_policyholder(real_scenarios, real_facts, judge, first, verified):
    call = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(first)
    assert ("verify" in call.state.done) is verified, call.findings
    assert any(f.rubric == "verification" and f.ok for f in call.findings) is verified


def media_threat_after_identity(real_scenarios, real_facts, judge, reply: str) -> DialogueSession:
    """media-threat with the judge: the identity check the scenario asks first, then `reply`."""
    call = DialogueSession(real_scenarios["media-threat-unreasonable-demand"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(IDENTITY_REQUEST)
    call.reply(reply)
    return call


# judge19: the trainee repeating the customer's own figure (her demand's 5万) states no rule: the decline is done,
# 讲清…现金价值 is not; a sentence that also states the rule's term is still credited.
DEMAND_ECHO = "您提的全额退还再赔5万的要求，我没法当场答应您，这个得按合同来。"


@pytest.mark.parametrize("second, cash_value", [
    (DEMAND_ECHO, False),
    ("您说的全额退再赔5万、今天到账，这个我没法答应您，得按合同来办。", False),
    ("您提的全额退还再赔5万，我没法答应；正常退保退的是保单的现金价值，不是全部保费。", True),  # guard: states the rule
])
def test_repeating_the_customers_figure_is_no_statement_of_the_rule(real_scenarios, real_facts, judge, second, cash_value):
    call = media_threat_after_identity(real_scenarios, real_facts, judge, second)
    assert ("cash-value" in call.state.done) is cash_value, call.findings
    assert "decline-demand" in call.state.done


# cues41: the scripts write 没法答应; a trainee says 没办法答应 / 没有办法答应 — the demand answered and the refusal step
# done, not "我问的你还没回答！" (the tune call of w-calls-senior refused in those words and was pressed twice).
@pytest.mark.parametrize("refusal, declined", [
    ("全额退还四万再加五万精神损失费、今天到账，这几个要求我在电话里没办法答应您，退多少要按合同来。", True),
    ("全额退还再赔5万、今天到账，这个我没有办法答应您，得按合同来办。", True),
    ("全额退还再赔5万、今天到账，这个我没法答应您，得按合同来办。", True),  # guard: the script's own words
    ("全额退还再赔5万、今天到账，这个办法我得跟您讲讲，得按合同来办。", False),  # guard: 办法 alone refuses nothing
])
def test_a_refusal_in_more_words_answers_the_demand(real_scenarios, real_facts, judge, refusal, declined):
    call = media_threat_after_identity(real_scenarios, real_facts, judge, refusal)
    assert ("decline-demand" in call.state.done) is declined, call.findings
    assert ("demand" in call.state.answered) is declined, call.findings


# judge20: judge18's three agents all missed 先共情 in permanent-lapse-angry with this line (with the judge).
@pytest.mark.parametrize("first, acknowledged", [
    ("郑先生，换我也急，您先说，我听着。", True),
    ("郑先生，…换我也急，您先说，我听着。", True),  # the nervous agent's trailing-off
    ("您先说，我听着。", False),  # guard: listening alone is not empathy
    ("郑先生，换我也会这样处理，您先说。", False),  # guard: no feeling
])
def test_anyone_would_be_upset_meets_the_empathy_step(real_scenarios, real_facts, judge, first, acknowledged):
    call = DialogueSession(real_scenarios["permanent-lapse-angry"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(first)
    assert ("acknowledge" in call.state.done) is acknowledged, call.findings


# judge20: the second identity request of a reply is no statement of a rule either (the verification finding quotes the first).
@pytest.mark.parametrize("first, mild", [
    ("您好，请问是本人吗？麻烦您说一下身份证后四位。", False),  # met 告知合同的轻症责任 on main
    ("您好，请问是张建国先生本人吗？您这份合同有轻症责任，较轻急性心肌梗死可以按轻症申请。", True),  # guard: it says the rule
])
def test_a_second_identity_request_meets_no_fact_checkpoint(real_scenarios, real_facts, judge, first, mild):
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(first)
    assert ("mild-benefit" in call.state.done) is mild, call.findings


@pytest.mark.parametrize("thanks", ["好的谢谢。", "嗯，谢谢您。", "好的，感谢您的配合。"])
def test_a_bare_thanks_in_the_middle_of_a_callback_does_not_end_it(real_scenarios, real_facts, judge, thanks):
    """judge24 left (and the lead's notes, stop 32): a lone "好的谢谢。" at turn 3 of callback-cooperative ended the call
    (closed_open, 礼貌结束 顺序错误) with five checks still to do. The agent leads an outbound call: a bare thanks there
    acknowledges the customer's answer; the customer waits for the next check, and it costs nothing but the turn."""
    call = callback_after_two_model_answers(real_scenarios, real_facts, judge)
    turn = call.reply(thanks)
    assert not call.done and turn.outcome == "in_progress", turn.text
    assert not [f for f in call.report().findings if f.turn_index == 3], call.report().findings
    call.reply(call.scenario.model_answers[2])  # the call goes on with 第三项 as if nothing happened
    assert "read-docs" in call.state.done and not call.done


def test_a_call_that_did_everything_and_closed_politely_is_resolved(real_scenarios, real_facts):
    """The lead's notes (stop 32): a call with every checkpoint met and a polite close scored 80, "已结束，仍有未解决的
    问题", with nothing unresolved in its report — the customer's mood above calm was its only open point. She is
    not calm yet, but nothing she asked is open: the call is resolved, and she says the scenario's resolution line.
    (media-threat's model call with the calm line moved from 50 to 10, so that it ends above calm, far from angry.)"""
    from dataclasses import replace

    scenario = real_scenarios["media-threat-unreasonable-demand"]
    scenario = replace(scenario, mood=replace(scenario.mood, calm=10))
    call = DialogueSession(scenario, real_facts)
    report, used = play(call, list(scenario.model_answers))
    assert used == len(scenario.model_answers) and not report.missed, report.missed
    assert scenario.mood.calm < call.mood.value < scenario.mood.angry  # not calm: the case this is about
    assert report.outcome == "resolved" and report.subscores["outcome"] == 100, call.open_points()
    assert report.transcript[-1].text.endswith(scenario.lines.resolution)


def test_a_close_with_a_question_still_open_is_not_resolved(real_scenarios, real_facts):
    """Guard: a goodbye while her last question waits stays 已结束，仍有未解决的问题, and the report names the question."""
    scenario = real_scenarios["media-threat-unreasonable-demand"]
    call = DialogueSession(scenario, real_facts)
    report, _ = play(call, [*scenario.model_answers[:3], "好的王女士，感谢您的来电，再见。"])
    assert report.outcome == "closed_open"
    assert any("未回答客户问题" in point for point in report.missed), report.missed


def test_words_that_meet_a_checkpoint_answer_the_question_about_the_same_point(real_scenarios, real_facts):
    """"…这个我没法答应您" met 礼貌说明无法当场答应全额退还和额外赔偿 (its cue) while 全额退再赔5万，今天能不能到账？ —
    the same point, whose cues share 无法当场答应 — was judged 未回应问题 on the same reply and stayed open to the close."""
    scenario = real_scenarios["media-threat-unreasonable-demand"]
    call = DialogueSession(scenario, real_facts)
    call.start()
    call.reply(scenario.model_answers[0])
    call.reply("核对好了。全额退再赔5万、今天到账，这个我没法答应您，退多少要按合同来。")
    at_two = {(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 2}
    assert ("checkpoint", True) in at_two and ("answer", True) in at_two and ("ignored_question", False) not in at_two
    assert "demand" in call.state.answered


def test_the_live_hint_for_a_vague_reply_shows_the_wording_for_that_point(real_scenarios, real_facts):
    """The lead's notes (stop 32): the hint after a vague reply said what was wrong and no better wording, while the
    report's lesson showed the model answer for that point of the call (judge24). The hint shows the same words."""
    scenario = real_scenarios["callback-cooperative"]
    call = DialogueSession(scenario, real_facts)
    call.start()
    turn = call.reply("这个嘛，看情况吧。")
    vague = next(f for f in call.report().findings if f.rubric == "vague")
    assert vague.model_answer == scenario.model_answers[0]
    assert any(hint.endswith(f"可以这样说：{scenario.model_answers[0]}") for hint in turn.hints), turn.hints
    assert any(english(hint).endswith(f"You could say: {scenario.model_answers[0]}") for hint in turn.hints)


def test_a_hint_after_a_vague_reply_a_turn_behind_shows_the_model_answer_for_where_the_call_is(real_scenarios, real_facts):
    """The hint's wording is placed like the report's: a greeting question first, then a vague reply, gets model answer 1
    (the identity check not yet done), not model answer 2."""
    scenario = real_scenarios["callback-cooperative"]
    call = DialogueSession(scenario, real_facts)
    call.start()
    call.reply("您好，请问有什么可以帮您？")
    turn = call.reply("嗯嗯，您稍等。")
    assert any(f"可以这样说：{scenario.model_answers[0]}" in hint for hint in turn.hints), turn.hints
    assert not any(scenario.model_answers[1] in hint for hint in turn.hints)


def test_the_live_hint_for_blame_shows_the_same_better_wording_as_the_report(real_scenarios, real_facts):
    scenario = real_scenarios["ci-claim-declined"]
    call = DialogueSession(scenario, real_facts)
    call.start()
    call.reply("张先生您好。")
    turn = call.reply("都是您自己没看清条款。")
    blame = next(f for f in call.report().findings if f.rubric == "blame")
    assert blame.model_answer and any(hint.endswith(f"可以这样说：{blame.model_answer}") for hint in turn.hints), turn.hints

def test_the_next_checkpoint_hint_follows_the_scripts_order(real_scenarios, real_facts):
    """qa14/qa17: in the 代签 callback the hint said 下一个要点：告知犹豫期内可以申请解除合同 from the first turn
    on, before the identity and signature checks it must follow (a step with no `order` sorted as 0, first);
    a trainee who did as told was flagged 顺序错误."""
    call = session(real_scenarios, real_facts, scenario_id="callback-proxy-signature", mode="training")
    call.start()
    after_identity = call.reply("您好，我是XX人寿客服，请问是赵军先生本人吗？").hints
    assert "下一个要点：确认投保人、被保险人是否亲笔签名" in after_identity, after_identity
    assert not any("犹豫期" in hint for hint in after_identity if hint.startswith("下一个要点"))


def test_the_signature_question_does_not_also_meet_the_read_the_documents_step(real_scenarios, real_facts):
    """judge27/qa17: the signature is asked for "投保单和投保提示书上", and 投保提示 was a cue of 第三项 (read the
    product documents), so asking about the signature alone was credited with both steps."""
    call = session(real_scenarios, real_facts, scenario_id="callback-cooperative")
    call.start()
    call.reply("您好，我是XX人寿的客服专员。请问您是李秀兰女士本人吗？麻烦您说一下身份证后四位。")
    hints = call.reply("投保单和投保提示书上投保人、被保险人的签名是您本人亲笔签名的吗？").hints
    assert "purchase-signature" in call.state.done and "read-docs" not in call.state.done
    assert "下一个要点：第三项：确认阅读并理解产品说明书和投保提示" in hints, hints
    call.reply("请问您是否已经看过产品说明书和投保提示书，里面的内容清楚吗？")
    assert "read-docs" in call.state.done


@pytest.mark.parametrize("goodbye, polite", [("好的，我帮您记录一下，再见", False), ("好的，再见。", False),
                                             ("行，就这样，再见", False), ("感谢您接听我们的回访，再见。", True),
                                             ("家里的事您也别太上火，再见。", True)])  # calls49: a word of care
def test_a_bare_goodbye_is_no_polite_close(real_scenarios, real_facts, goodbye, polite):
    """qa17: 大伟's "好的，我帮您记录一下，再见" after a blame and a 规定就是这样 was credited 完成要点：礼貌结束; and (judge31)
    the report still praised a bare goodbye as 礼貌地结束了通话."""
    call = session(real_scenarios, real_facts, scenario_id="callback-proxy-signature")
    call.start()
    call.reply("您好，我是XX人寿客服，请问是赵军先生本人吗？")
    call.reply(goodbye)
    credited = [f for f in call.report().findings if f.rubric == "checkpoint" and f.turn_index == 2]
    assert bool(credited) == polite, credited
    assert ("close" in call.state.done) == polite
    praised = [f for f in call.report().findings if f.rubric == "closing" and f.ok]
    assert bool(praised) == polite, praised


def test_a_bare_goodbye_in_the_first_reply_meets_no_step(real_scenarios, real_facts):
    call = session(real_scenarios, real_facts, scenario_id="callback-proxy-signature")
    call.start()
    call.reply("再见")
    assert not [f for f in call.report().findings if f.rubric == "checkpoint"]


@pytest.mark.parametrize("ask, rises", [
    ("为了保护您的信息安全，请问您是吴晓东先生本人吗？", False),
    ("确认是您本人之前，我不会谈保单的具体内容，请问您是吴晓东先生本人吗？", False),
    ("核实身份是为了防止别人冒充您，麻烦您说一下身份证后四位。", False),
    ("请问您是吴晓东先生本人吗？", True),
])
def test_a_wary_customer_asked_for_her_identity_with_the_reason_is_not_angered(real_scenarios, real_facts, ask, rises):
    """judge31: fraud-suspicious-callback's customer grew angrier (+15, 又要核实我身份？) at every identity request, even
    one that said why it is asked; told why, she calms a little."""
    call = session(real_scenarios, real_facts, scenario_id="fraud-suspicious-callback")
    start = call.start().mood
    turn = call.reply(ask)
    assert (turn.mood > start) == rises, turn
    assert ("骗子都是这么问的" in turn.text) == rises, turn.text


@pytest.mark.parametrize("reply", ["好的，是这样，我们是安泰人寿回访中心的，想就您上周投保的保单做个回访。",
                                   "您好，我是安泰人寿的客服小王。"])
def test_saying_who_calls_and_why_on_an_outbound_call_is_not_vague(real_scenarios, real_facts, reply):
    """judge31: on a callback, the agent's introduction and the call's purpose were 回应空泛 and raised the mood."""
    call = session(real_scenarios, real_facts, scenario_id="callback-cooperative")
    start = call.start().mood
    turn = call.reply(reply)
    assert not [f for f in call.report().findings if f.rubric == "vague"]
    assert turn.mood <= start


def test_an_introduction_with_the_judge_is_not_vague(real_scenarios, real_facts, judge):
    """judge31: with the meaning judge "您好，我是客服小王，请问有什么可以帮您？" on a callback read as 回应空泛."""
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge)
    call.start()
    greeted = call.reply("您好，我是客服小王，请问有什么可以帮您？")
    call.reply("好的，是这样，我们是安泰人寿回访中心的，想就您上周投保的保单做个回访。")
    assert not [f for f in call.report().findings if f.rubric == "vague"]
    assert "你们" in greeted.text, greeted.text  # 是你们打给我的呀…: the company rang her (CALLED_HER)


@pytest.mark.parametrize("scenario_id, reply, question", [
    # the identity check's 核实 is no answer to "你们根本没通知过我！" nor to "业务员骗我的事，你们公司管不管？"
    ("permanent-lapse-angry", "郑先生您好，为了保护您的信息安全，先核实一下您的身份，麻烦您说一下投保人姓名和身份证后四位。",
     "no-notice"),
    ("dividend-below-promise", "林先生您好，先核实一下您的身份，麻烦您说一下投保人姓名和身份证后四位，好吗？", "agent"),
    # 不会 / 不能 said of something else
    ("fraud-suspicious-callback", "您好，我是XX人寿客服专员，工号4102。确认是您本人之前，我不会谈保单的具体内容。",
     "want-password"),
    ("grace-period-short-of-money", "有一个办法叫自动垫交。能不能用要看您合同条款和当初是否选择了这项，我帮您查一下。",
     "pay-agent"),
    # the greeting is no way for her to confirm the caller (官方客服热线)
    ("fraud-suspicious-callback", "您好，我是安泰人寿的客服专员，工号4102，这次打给您是想就您上周投保的安康两全保险做一个简短的回访。",
     "how-confirm"),
])
def test_words_shared_with_an_answers_cues_answer_no_question_before_it_is_asked(real_scenarios, real_facts, judge,
                                                                                  scenario_id, reply, question):
    """judge31's audit of the 12 scenarios: each of these answered a question of hers early, so she never asked it."""
    call = DialogueSession(real_scenarios[scenario_id], real_facts, judge=judge)
    call.start()
    call.reply(reply)
    assert question not in call.state.answered


def test_the_greeting_meets_no_official_channel_step(real_scenarios, real_facts, judge):
    """judge31: "工号4102，这次打给您是想…做一个简短的回访" met 请客户挂断后拨打官方客服热线 by the FAQ entry's meaning."""
    call = DialogueSession(real_scenarios["fraud-suspicious-callback"], real_facts, judge=judge)
    call.start()
    call.reply("您好，我是安泰人寿的客服专员，工号4102，这次打给您是想就您上周投保的安康两全保险做一个简短的回访。")
    assert "official-channel" not in call.state.done
    assert "introduce" in call.state.done


def test_a_term_said_with_a_wrong_figure_is_not_credited_as_explained(real_scenarios, real_facts):
    """judge31: "严重脑中风后遗症要等确诊90天以后才能评估" was 事实错误 and 准确解释（讲到了“严重脑中风后遗症”）on the same
    words, and the credit calmed the customer; the classifier's explanation is already skipped beside a wrong figure."""
    call = session(real_scenarios, real_facts, scenario_id="stroke-claim-early")
    call.start()
    call.reply("严重脑中风后遗症要等确诊90天以后才能评估，到时候再说。")
    findings = call.report().findings
    assert [f for f in findings if f.rubric == "wrong_fact"]
    assert not [f for f in findings if f.rubric == "explanation" and f.ok]
    assert not any(behaviour == "explanation" for behaviour, _ in call.state.mood_moves[-1])


def test_an_entry_sentence_naming_another_step_meets_no_checkpoint_by_meaning(real_scenarios, real_facts, judge):
    """judge31: callback-caller-verification's script names three steps (工号, 不会要求您提供密码, 官方客服热线); by its
    staff-number sentence's meaning "您的电话是您投保时…预留的" met 请客户拨打官方客服热线 and answered 怎么确认你真是
    保险公司的. Only the entry's sentences that name no other step meet a step by meaning."""
    call = DialogueSession(real_scenarios["fraud-suspicious-callback"], real_facts, judge=judge)
    call.start()
    call.reply("您好，您这么小心是对的。我是客服中心的回访专员，工号3106，今天是为您上周的新保单做个回访。")
    call.reply("您的电话是您投保时在投保单上预留的，我们只按这个号码联系您。")
    assert "where-number" in call.state.answered  # guard: her question is answered
    assert "official-channel" not in call.state.done
    assert "how-confirm" not in call.state.answered
    call.reply("您可以挂断后拨打保单上印着的官方客服热线，在那里完成回访。")
    assert "official-channel" in call.state.done  # guard: its own words still meet it


def test_english_advice_names_the_knowledge_base_entry_by_its_english_question(real_scenarios, real_facts):
    """qa18: after 小赵 switched to English, every hint and the report's 'Question ignored' read "see the knowledge
    base: 产品说明书里的利益演示（低中高档）代表实际收益吗？", though the entry has an English question."""
    call = session(real_scenarios, real_facts, scenario_id="dividend-below-promise", mode="training", seed=1)
    call.start()
    call.reply("分红不保证的。")
    hints = call.reply("合同上写了。").hints
    [ignored] = [f for f in call.report().findings if f.rubric == "ignored_question"]
    named = [english(text).split("knowledge base: ", 1)[1].split(" You could say:")[0] for text in [*hints, ignored.advice]
             if "knowledge base: " in english(text)]
    assert len(named) >= 2, hints  # the hint under the turn and the finding's advice
    english_questions = {(e.en or {}).get("question") for e in real_facts.content.entries.values()}
    assert all(question.strip() in english_questions for question in named), named


# qa18's 小赵: an impatient agent on the angry dividend customer (dividend-below-promise), in training mode.
CURT = ["分红不保证的。", "合同上写了。", "您还有别的事吗"]


def dividend_call(real_scenarios, real_facts, judge) -> DialogueSession:
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, mode="training")
    call.start()
    return call


def test_a_bare_statement_meets_the_checkpoint_but_is_no_explanation(real_scenarios, real_facts, judge):
    """qa18: "分红不保证的。" was credited 准确解释 and 讲清红利不保证. The checkpoint's cue (不保证) is the fact, said;
    an explanation gives more than the fact (a figure, a condition, why), as the definitions say."""
    call = dividend_call(real_scenarios, real_facts, judge)
    call.reply(CURT[0])
    credited = [(f.rubric, f.advice) for f in call.report().findings if f.ok]
    assert [rubric for rubric, _ in credited] == ["checkpoint"]
    assert "讲清红利不保证" in credited[0][1]
    call = dividend_call(real_scenarios, real_facts, judge)  # guard: the fact with its reason is one
    call.reply("红利是不保证的，每年分多少要根据分红业务的实际经营情况确定。")
    assert "explanation" in {f.rubric for f in call.report().findings if f.ok}


def test_a_close_offered_over_an_open_question_is_no_polite_close(real_scenarios, real_facts, judge):
    """qa18: "您还有别的事吗" at turn 3, with her question about the illustration unanswered, was credited 礼貌结束 and
    met the closing checkpoint; the report faulted it 未回应问题 on the same words. Only the fault stays; the real
    close at the end earns the step."""
    call = dividend_call(real_scenarios, real_facts, judge)
    for reply in CURT:
        call.reply(reply)
    third = [(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 3]
    assert third == [("ignored_question", False)]
    assert "close" not in call.state.done
    scenario = real_scenarios["dividend-below-promise"]  # guard: the model call's close, every question answered
    report, _ = play(DialogueSession(scenario, real_facts, judge=judge), scenario.model_answers)
    assert [f.turn_index for f in report.findings if f.rubric == "closing"] == [len(scenario.model_answers)]
    assert "close" not in report.missed_checkpoints


def test_doing_the_step_the_hint_named_is_not_ignoring_the_question(real_scenarios, real_facts, judge):
    """qa18: after three curt replies the hint said 下一个要点：先共情; 小赵 soothed, and the report faulted the same turn
    未回应问题 (he filed 判断有误: 提示让我先共情，我先共情了). A reply doing the step that was due is not ignoring her
    question; the question stays open."""
    call = dividend_call(real_scenarios, real_facts, judge)
    for reply in CURT:
        turn = call.reply(reply)
    assert "下一个要点：先共情" in turn.hints
    call.reply("非常理解您的心情，换作是我也会生气。")
    fourth = [(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 4]
    assert ("ignored_question", False) not in fourth and ("empathy", True) in fourth
    assert "illustration" not in call.state.answered  # her question is still open
    call.reply("业务员说保底5%的事，我给您登记投诉。")  # guard: the due step is now 核实身份; this one ignores her
    assert ("ignored_question", False) in [(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 5]


def test_a_reproach_said_as_a_question_is_no_clarifying_question(real_scenarios, real_facts, judge):
    """Stop 35 (judge32b): "您到底有没有在听啊？" was credited 澄清提问 (有没有 needs no classifier score)."""
    call = dividend_call(real_scenarios, real_facts, judge)
    call.reply("您到底有没有在听啊？")
    assert "clarifying_question" not in {f.rubric for f in call.report().findings}
    call = dividend_call(real_scenarios, real_facts, judge)  # guard: 到底…有没有 asking about the case
    call.reply("业务员到底有没有说过保底？")
    assert "clarifying_question" in {f.rubric for f in call.report().findings if f.ok}


def test_a_time_limit_is_told_only_by_saying_the_time(real_scenarios, real_facts, judge):
    """qa18's call: "我给您登记投诉，由专门人员核实处理。" met 告知投诉处理时限 (e5-cosine 0.94 to the entry's "…15日内给您
    处理结果") and answered 投诉了多久给我答复？ before she asked it. A step or question whose cues are all figures is
    met by meaning only by a sentence saying one."""
    call = dividend_call(real_scenarios, real_facts, judge)
    call.reply("业务员说保底5%的事，我给您登记投诉，由专门人员核实处理。")
    assert "register-misselling" in call.state.done  # guard: the step it does
    assert "deadline" not in call.state.done and "how-long" not in call.state.answered
    call.reply("投诉登记后，一般在15日内给您处理结果。")
    assert "deadline" in call.state.done  # guard: said with the time, it is met


# qa19: 小林's last reply in lapse-reinstatement — a recap, "anything else?", thanks and goodbye.
LAPSE_CALL = [
    "您好，我是XX人寿的客服专员小林，工号2087。打扰您了，今天给您打电话是关于您的安心重大疾病保险保单状态的事情。"
    "为了保护您的信息安全，麻烦您先说一下投保人的姓名和身份证后四位，我这边核对一下，好吗？",
    "谢谢黄女士，身份核对好了。您先别紧张，我慢慢跟您说。您这份保单今年的续期保费，从原来那张卡上扣款没有成功，交费日之后有60天的"
    "宽限期，宽限期过了还没交上，保单就进入了效力中止的状态。效力中止就是保障暂时停了，但是合同本身还在，不是没了，补交保费办了复效，"
    "保障就能恢复。",
    "这个我得如实跟您说：效力中止期间发生的保险事故，一般是不承担保险责任的，也就是这几个月里如果出险，一般不能赔。所以建议您尽快办复效。"
    "您最近身体怎么样，有没有去过医院？这个复效的时候要做健康告知。",
    "有的。从效力中止那天开始算，2年之内都可以申请复效，您现在才中止三个月左右，时间是够的。具体办法是：填一份复效申请书，做一下健康告知，"
    "把欠交的保费和利息补上，公司审核同意以后保障就恢复了。另外记得把扣款的银行卡换成您现在的工资卡，以后就不会再扣款失败了。",
    "好的黄女士，那我把刚才说的再帮您理一下：一是尽快改扣款卡，二是两年内带上复效申请书、健康告知，补交保费和利息申请复效。"
    "您看还有其他需要我帮忙的吗？没有的话，感谢您的接听，祝您生活愉快，再见。",
]


def test_a_close_that_runs_on_to_its_goodbye_meets_the_closing_step(real_scenarios, real_facts, judge):
    """qa19: the close began just before the reply's last third ("您看还有其他需要我帮忙的吗？没有的话，感谢您的接听，祝您生活愉快，
    再见。"): the report credited 礼貌结束 and listed 礼貌结束 as missed, the call went on and ended 未解决 (通话结果 0)."""
    call = DialogueSession(real_scenarios["lapse-reinstatement"], real_facts, judge=judge, mode="training")
    report, used = play(call, LAPSE_CALL)
    assert used == len(LAPSE_CALL) and call.done and call.state.outcome == "resolved"
    assert "close" in call.state.done and not report.missed_checkpoints
    call = DialogueSession(real_scenarios["lapse-reinstatement"], real_facts, judge=judge, mode="training")
    play(call, [*LAPSE_CALL[:4], "您看还有其他需要我帮忙的吗？另外，请问您现在的工资卡是哪个银行的？"])  # guard: goes on
    assert not call.done and "close" not in call.state.done


def test_the_contracts_rule_said_as_a_reassurance_is_no_promise(real_scenarios, real_facts, judge):
    """qa19: 阿珍 answered 要是以后哪年没按时交上，保单会马上失效吗？ with "不会马上失效的，您放心。交费日以后有60天的宽限期…"
    (the model answer says 不会马上失效): 绝对化承诺, 合规 60, total 50, and the customer said 保险哪有什么都保证的？ The grace
    period is the contract's rule, no payout or result promised."""
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge, mode="training")
    call.start()
    call.reply("不会马上失效的，您放心。交费日以后有60天的宽限期，这60天里保单还是有效的，过了60天还没交才会中止。")
    assert "absolute_promise" not in {f.rubric for f in call.report().findings}
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge, mode="training")
    call.start()
    call.reply("不会失效的，您放心，出了事肯定能赔。")  # guard: a payout promised beside it still is a promise
    assert "absolute_promise" in {f.rubric for f in call.report().findings if not f.ok}


SPOKEN_PROMISES = [
    ("ci-claim-declined", "您这合同带轻症，较轻急性心肌梗死可以按轻症赔，最多重症保额的30%，这个钱基本上稳了，我这边帮您催一下。",
     "这个钱基本上稳了"),
    ("stroke-claim-early", "满180天您再申请就行了，您老公这情况，到时候基本没问题。", "到时候基本没问题"),
    ("stroke-claim-early", "轻度脑中风后遗症可以按轻症赔，最多是重症保额的30%，这个钱跑不了。", "这个钱跑不了"),
]


def test_a_payout_said_certain_in_spoken_words_is_a_promise(real_scenarios, real_facts, judge):
    """qa19: 大刘's reassurances named no promise word (保证 / 肯定 / 一定), so the report passed them and credited the whole
    sentence 准确解释; the outcome is the claims department's to decide (不得承诺赔付、收益或处理结果)."""
    for scenario_id, reply, promise in SPOKEN_PROMISES:
        call = DialogueSession(real_scenarios[scenario_id], real_facts, judge=judge, mode="training")
        call.start()
        call.reply(reply)
        faults = [f.quote for f in call.report().findings if f.rubric == "absolute_promise" and not f.ok]
        assert any(promise in quote for quote in faults), (reply, call.report().findings)
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    call.start()  # guard: 没问题 about the papers, or the right to ask for a review, promises no outcome
    call.reply("您这些材料基本没问题，可以申请复核，复核结果以理赔部门的核定为准。")
    assert "absolute_promise" not in {f.rubric for f in call.report().findings}


def test_putting_the_fault_on_the_salesperson_is_blame(real_scenarios, real_facts, judge):
    """qa19: 大刘 (an ex-salesman) said "说白了当初业务员没跟您讲清楚较重和较轻的区别，这是他的问题。" and the report passed it;
    to the customer the company answers for its agent."""
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    call.start()
    call.reply("您不服可以申请复核，把检查报告这些补充材料交上来，理赔会重新审核。说白了当初业务员没跟您讲清楚较重和较轻的区别，"
               "这是他的问题。")
    blamed = [f.quote for f in call.report().findings if f.rubric == "blame" and not f.ok]
    assert any("这是他的问题" in quote for quote in blamed)
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    call.start()  # guard: the fault denied to the customer's face is a reassurance, not blame
    call.reply("张先生，这不是您的问题，您可以补充材料申请复核，理赔部门会重新审核。")
    assert "blame" not in {f.rubric for f in call.report().findings}


# qa19: 阿珍's elderly-dividends call, replies 1–5 (the second asked 录音录像 and 真实意思, left to the rude owners).
ELDERLY_CALL = [
    "阿姨您好，不好意思打扰您了，我是XX人寿的客服小陈。请问您是周桂芳阿姨本人吗？不好意思，想跟您做一个保单的回访。",
    "好的阿姨，对不起对不起，我慢慢说。您的身份证后四位0918，对吧？好的。阿姨，您上个礼拜在银行买保险的时候，是不是有录音录像？"
    "当时说的话都是您自己的真实意思吗？",
    "阿姨对不起，是我没说清楚，不好意思。我就是按规定问一下：您在银行买保险的时候做了录音录像，当时说的都是您自己愿意的，对吧？",
    "阿姨，这个不一样的，不好意思我得跟您说清楚。分红不是固定的，也不保证，要看公司每年的经营情况，有的年份多、有的年份少，"
    "有的年份可能就没有。存款利息是固定的，分红不是。我这样说您听明白了吗？",
    "阿姨，说明书上那些数字是举个例子，是假设的情况，就是按低、中、高几种假设算出来给您看的，不代表以后真的能拿到那么多。您明白吗？"
    "还有就是，阿姨，您这份保险有15天的犹豫期，从您收到合同第二天开始算，这15天里您要是觉得不合适，可以申请解除合同，交的钱会退给您。",
]


def test_a_sentence_that_answers_her_question_is_not_vague(real_scenarios, real_facts, judge):
    """qa19: 阿珍 answered 那说明书上印的那些分红数字是什么意思？ in the model answer's own words; the report credited
    回答客户问题 on 是假设的情况 and faulted 回应空泛 on the same sentence's last clause (不代表以后真的能拿到那么多。)."""
    call = DialogueSession(real_scenarios["callback-elderly-dividends"], real_facts, judge=judge, mode="training")
    play(call, ELDERLY_CALL)
    fifth = {(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 5}
    assert ("answer", True) in fifth and ("vague", False) not in fifth
    call = DialogueSession(real_scenarios["callback-elderly-dividends"], real_facts, judge=judge, mode="training")
    play(call, [*ELDERLY_CALL[:4], "这个嘛，说不好，反正就那样吧。"])  # guard: a reply that answers nothing still is vague
    assert ("vague", False) in {(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 5}


@pytest.mark.parametrize("question", ["当时说的话都是您自己的真实意思吗？", "那个录像里说的，都是您自己的意思吗？"])
def test_the_callbacks_own_will_question_is_not_rude(real_scenarios, real_facts, judge, question):
    """qa19: 阿珍 asked the dual-recording callback's required question (可回溯管理暂行办法 art. 11: 陈述是否为其真实
    意思表示) in her own words; the classifier read it 服务忌语 (near the train split's 这都是您自己的… lines), the elderly
    customer took offence (你这孩子怎么这样说话？) and the recording step was not met."""
    session = DialogueSession(real_scenarios["callback-elderly-dividends"], real_facts, judge=judge)
    session.start()
    session.reply("周阿姨您好，我是95519的回访专员。请问您是周桂芳阿姨本人吗？麻烦您说一下身份证后四位。")
    session.reply("谢谢阿姨，核对好了。您在银行买这份保险的时候，是不是做了录音录像？" + question)
    report = session.report()
    assert not [f for f in report.findings if f.rubric == "rude"], report.findings
    assert "recording" not in report.missed_checkpoints


def test_a_condescending_own_will_question_stays_rude(judge, real_facts):
    from trainer.dialogue.detectors import Detectors
    from trainer.dialogue.reply import reply_evidence

    found = reply_evidence("你自己的意思你自己不清楚吗？", Detectors(real_facts.content.forbidden_phrases), judge)
    assert "rude" in {e.behaviour for e in found}


def test_a_northern_agents_own_pronouns_meet_the_step(real_scenarios, real_facts, judge):
    """qa20: 小周 (Henan) told the customer short of money "哪个法儿合适，恁自个儿拿主意，俺不替恁做主" and later
    "交不交、咋交都由恁自个儿决定": 恁 is 您, 自个儿 is 自己, the cues 您自己拿主意 / 您自己决定 said in his dialect. The report
    listed 未完成要点：尊重客户自己的决定, the call ended 仍有未解决的问题 (通话结果 30, total 86)."""
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    play(call, ["陈哥恁好，俺是人寿客服小周，工号3306。先核对一下，恁是陈强本人不？身份证后四位说一下。",
                "交不交、咋交都由恁自个儿决定，俺不替恁做主。"])
    assert "customer-decides" not in call.report().missed_checkpoints
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    play(call, ["陈哥恁好，俺是人寿客服小周，工号3306。先核对一下，恁是陈强本人不？身份证后四位说一下。",
                "这事儿不能由恁自个儿决定。"])  # guard: the cue negated is still no respect for his decision
    assert "customer-decides" in call.report().missed_checkpoints


# qa23 T3: Emma (a learner on the English UI) in grace-period-short-of-money, her turns as the report quoted them (the
# first three in her words' manner, 你 for 您). Turns 4 and 5 were each flagged 推诿指责 (+30 mood, compliance 20, the hint
# "Do not blame…"), and 尊重客户自己的决定 was reported not done with the better wording 最终由您决定，我不会替您做主.
EMMA_OPENING = ["陈先生你好，我是客服小王，工号1234。先核对一下身份，请你说一下身份证后四位。",
                "谢谢陈先生。没有工作真的很难，我明白你的难处。你的保单没有作废，有60天宽限期，宽限期里保障不受影响。",
                "有一个办法叫自动垫交，用保单的现金价值先垫付这一期保费，保单继续有效。如果以后一直交不起，还可以减额交清，"
                "以后不用再交，但保额会降低。"]
EMMA_CHOICE = ["不可以，请你不要把钱给业务员个人，请用本人账户或者官方App交费。选哪个方法是你自己决定，我们不会逼你。",
               "要不要交、用哪个办法，完全由你自己决定，我们尊重你的选择。"]


@pytest.mark.parametrize("pronoun", ["你", "您"])
@pytest.mark.parametrize("choice", [EMMA_CHOICE, EMMA_CHOICE[1:]], ids=["both", "the second alone"])
def test_leaving_the_decision_to_the_customer_is_the_step_not_blame(real_scenarios, real_facts, judge, pronoun, choice):
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    replies = [r.replace("你", pronoun) for r in EMMA_OPENING + choice]
    play(call, replies + ["好的，谢谢你，再见。".replace("你", pronoun)])
    report = call.report()
    said = range(len(EMMA_OPENING) + 1, len(replies) + 1)
    assert not [f for f in report.findings if f.turn_index in said and not f.ok], report.findings
    assert "customer-decides" not in report.missed_checkpoints
    assert not any(cue == "blame" for moves in report.mood_moves for cue, _ in moves)
    if len(choice) == 2:  # her pay-by-yourself sentence before it meets its own step, and the call ends resolved
        assert "official-channel" not in report.missed_checkpoints
        assert report.outcome == "resolved"


@pytest.mark.parametrize("washed", ["选哪个你自己决定，到时候亏了可别怪我们。", "您自己决定，后果您自己承担。",
                                    "当初是你自己决定买的，现在停效了也怪不到我们。"])
def test_a_choice_left_with_the_hands_washed_stays_a_fault_and_meets_no_step(real_scenarios, real_facts, judge, washed):
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    play(call, EMMA_OPENING + [washed])
    report = call.report()
    assert {f.rubric for f in report.findings if f.turn_index == len(EMMA_OPENING) + 1 and not f.ok} & {"blame", "rude"}
    assert "customer-decides" in report.missed_checkpoints


def test_a_separable_verb_with_its_particle_answers_the_question(real_scenarios, real_facts, judge):
    """qa20: asked 这个电话是录音的吗？, 小周 said "对，全程录着音哩，也是为了保护恁。" (录着音 is 录音 with its aspect
    particle inside): the hint named the recording question for seven more turns, the close was faulted 未回应问题 and the
    call ended 仍有未解决的问题 (total 74)."""
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge, mode="training")
    play(call, ["恁好，我是人寿公司回访的小周，工号3306。恁是李秀兰本人不？报一下身份证后四位，咱核对一下。",
                "对，全程录着音哩，也是为了保护恁。投保单上那字儿是恁自个儿亲笔签的不？"])
    assert ("answer", True) in {(f.rubric, f.ok) for f in call.report().findings if f.turn_index == 2}
    assert "recorded" in call.state.answered


def test_the_trainees_own_name_after_wo_shi_is_no_wrong_name(real_scenarios, real_facts, judge):
    """qa20: 王姐 opened "林先生，您好，我是客服专员王女士。…": the report faulted 称呼错误 on her own name, 合规 fell,
    and the customer answered 你叫错了，我是林志伟。"""
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, mode="training")
    call.start()
    turn = call.reply("林先生，您好，我是客服专员王女士。您收到的分红和预期差很多，换作是我也会着急。请您先提供一下投保人姓名和"
                      "身份证号码后四位。")
    assert "叫错" not in turn.text
    assert "wrong_name" not in {f.rubric for f in call.report().findings}
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, mode="training")
    call.start()
    call.reply("王女士您好，我是客服专员小李。请您先提供一下身份证号码后四位。")  # guard: the customer called 王女士
    assert "wrong_name" in {f.rubric for f in call.report().findings}


def test_a_sentence_with_nothing_of_the_rule_meets_no_fact_step_by_its_entry(real_scenarios, real_facts, judge):
    """qa20 (C): 小周 opened "…不是光催恁，俺是跟恁说说保单的事儿。…" and the report credited 讲清宽限期（一般60日）和宽限期内
    保障不受影响 on it, through the FAQ entry's meaning (`_close_to`): the sentence names no topic term of the entry and no
    figure, and the grace period was explained only four turns later."""
    opening = "陈哥恁好，俺是人寿客服小周，工号3306。不是光催恁，俺是跟恁说说保单的事儿。先核对一下，恁是陈强本人不？身份证后四位说一下。"
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    play(call, [opening])
    assert "grace-period" not in call.state.done
    call = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge, mode="training")
    play(call, [opening, "过了交费的日子，还有六十天可以补交，这段时间里保障不受影响。"])  # guard: plain words, no 宽限期
    assert call.state.done.get("grace-period") == 2


QA20_CI_EMPATHY = "大哥先别急，心梗住院花那么多钱 换谁都窝火，我理解。先核实下身份 麻烦报下身份证后四位"
QA20_CI_RULE = ("心梗要算重疾的话 得是较重急性心肌梗死，条款里写了要达到几个条件里至少一项，比如肌钙蛋白15倍以上 射血分数低于50%这种。"
                "你这次的材料没达到，所以重疾这块没赔")


def test_a_term_the_customer_said_first_is_no_jargon(real_scenarios, real_facts, judge):
    """qa20 (G): 阿杰's customer asked 怎么就不算重疾？, and his "…所以重疾这块没赔" was faulted 术语未解释 by the classifier:
    重疾 is her own word. Said before she used it (the same words as his first reply), it is still faulted."""
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    play(call, [QA20_CI_EMPATHY, QA20_CI_RULE])
    assert "重疾" in call.transcript[2].text  # she said it first
    assert not [f for f in call.report().findings if f.rubric == "jargon"]
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    play(call, [QA20_CI_RULE])  # guard
    assert ("jargon", "所以重疾这块没赔") in {(f.rubric, f.quote) for f in call.report().findings}


# polish25's two practice calls in Chromium (docs/qa/polish25.md, "Call 1" / "Call 2"), the trainee's replies as typed.
STROKE_CALL = [
    "您好，我是客服小美。听到您爱人住院，手脚还不灵活，您这段时间一定很辛苦，也很着急，我理解。麻烦您先报一下投保人的身份证后四位，我帮您查一下这笔理赔。",
    "陈女士，身份核对好了。重疾里的严重脑中风后遗症，按行业统一的疾病定义，要在确诊180天以后，还留有肢体功能障碍这些永久的后遗症，"
    "才算达到标准。因为刚发病时很多人经过治疗还能恢复，所以要等180天再评定，并不是说您爱人的病不严重。",
    "不一定一分不赔。如果您的保单有轻症责任，轻度脑中风后遗症的标准低一些，具体看合同条款。等满180天以后，您可以再申请一次理赔，"
    "带上理赔申请书、神经内科的诊断证明和病历、那时候的肢体功能检查报告，还有被保险人和您的身份证件，我们会重新审核。",
    "不会的，您放心。人寿保险和重疾这类，向保险公司请求赔付的诉讼时效是5年，从您知道出险那天算起，等180天完全来得及。"
    "还有其他我能帮您的吗？没有的话祝您爱人早日康复，再见。",
]
COOLING_OFF_CALL = [
    "您好，我是客服小美，别担心，我先帮您看看。请问您是投保人本人吗？麻烦报一下身份证后四位。",
    "孙女士，您担心亏钱我特别理解。您放心，来得及：犹豫期是15天，从您签收保单的第二天开始算，您才第8天，还在犹豫期内。"
    "这时候退保，会退还您交的全部保费，最多扣不超过10元的工本费。",
    "您可以在官方App上直接申请，也可以带着保单合同和您本人的身份证去柜面办理，填一张解除合同申请书就行。",
    "退款一般在申请受理后几个工作日内退回您原来的账户。请问还有别的需要帮忙的吗？感谢您的来电，再见。",
]


def test_a_question_of_two_parts_answered_in_the_trainees_words_is_answered(real_scenarios, real_facts, judge):
    """polish25's call 2: "那我要怎么办？要带什么东西？" answered with where to apply and what to bring (App or 柜面, 保单合同 +
    身份证 + 解除合同申请书) stayed open — 未回应问题 at turn 4 and 未回答客户问题 in the report. Its cues are the documents as
    the script names them (身份证件, 银行账户), and by meaning the reply had nothing to come close to: the entry's documents
    sentence holds no topic term, and its channel sentence holds the step's cue (解除合同申请), so it was the step's."""
    scenario = real_scenarios["cooling-off-cancel"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    report, _ = play(session, COOLING_OFF_CALL)
    ask = next(f.ask for f in scenario.lines.follow_ups if f.id == "how")
    assert any(f.turn_index == 3 and f.rubric == "answer" and ask in f.advice for f in report.findings), report.findings
    assert not any(f.rubric == "ignored_question" and ask in f.advice for f in report.findings), report.findings
    assert not any(ask in m for m in report.missed), report.missed
    assert_quotes_verbatim(report)


def test_a_step_is_met_by_the_sentence_that_says_it(real_scenarios, real_facts, judge):
    """polish25's call 1: 告知满180天后凭神经功能评估再次申请 was credited at turn 2 on the sentence about the 180-day standard
    (the new claim was said at turn 3), and 讲清“严重脑中风后遗症”需确诊180天后… on the fragment “重疾里的严重脑中风后遗症，”."""
    session = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge)
    report, _ = play(session, STROKE_CALL)
    done = {f.advice.split("：", 1)[1]: f for f in report.findings if f.rubric == "checkpoint"}
    assert done["告知满180天后凭神经功能评估再次申请"].turn_index == 3
    assert "再申请" in done["告知满180天后凭神经功能评估再次申请"].quote
    explained = done["讲清“严重脑中风后遗症”需确诊180天后仍有永久性功能障碍"]
    assert explained.turn_index == 2 and "180天" in explained.quote, explained
    assert_quotes_verbatim(report)


def test_one_wrong_answer_is_one_fault(real_scenarios, real_facts, judge):
    """polish25's call 1, turn 4: "不会的，您放心。…诉讼时效是5年…" to 会不会过了理赔的期限？ was 数据错误 and 未回应问题 on the same
    answer. A wrong answer is one fault: 数据错误; the question stays open (the customer was not told the right period)."""
    session = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge)
    report, _ = play(session, STROKE_CALL)
    last = [f.rubric for f in report.findings if f.turn_index == 4 and not f.ok]
    assert last == ["wrong_fact"], report.findings
    assert any("会不会过了理赔的期限" in m for m in report.missed)
    # guard: a reply that says nothing of her question is still 未回应问题
    guard = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge)
    report, _ = play(guard, [*STROKE_CALL[:3], "您爱人现在恢复得怎么样了？"])
    assert [f.rubric for f in report.findings if f.turn_index == 4 and not f.ok] == ["ignored_question"], report.findings


def test_a_question_answered_wrongly_is_reported_as_answered_wrongly_not_unanswered(real_scenarios, real_facts, judge):
    """polish26 left: after "…诉讼时效是5年…" to 会不会过了理赔的期限？ (数据错误, the question still open) the report's open
    point read "未回答客户问题：…", which a trainee reads as "you said nothing". It says she was answered wrongly, in both
    languages; a question that got no answer at all is still 未回答客户问题."""
    session = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge)
    report, _ = play(session, STROKE_CALL)
    asked = "等这么久，会不会过了理赔的期限？"
    point = next((m for m in report.missed if m.endswith(asked)), "")
    assert point == f"客户的问题答错了，还没有纠正：{asked}", report.missed
    assert english(point) == f"Customer's question answered wrongly, not yet put right: {asked}"
    from trainer.dialogue.session import open_question

    assert open_question(point) == asked
    assert not any("未回答" in m or "not answered" in english(m) for m in report.missed)
    # guard: polish25's cooling-off call left 钱多久能到账？ with no answer (几个工作日, no figure of the entry)
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, judge=judge)
    report, _ = play(session, COOLING_OFF_CALL)
    assert [m for m in report.missed if open_question(m)] == ["未回答客户问题：钱多久能到账？"]
    assert english(report.missed[-1]) == "Customer's question not answered: 钱多久能到账？"


def test_words_faulted_for_not_answering_her_are_not_praised_as_explaining(real_scenarios, real_facts, judge):
    """polish26 left: cooling-off-cancel turn 4, "退款一般在申请受理后几个工作日内退回您原来的账户。" to 钱多久能到账？ was 准确解释
    ("用客户听得懂的话解释了规则。") and 未回应问题 on the same words. Her question got no answer (the entry's rule is 以合同和
    公司时限为准，一般30日内), so the fault stays and the praise goes (judge16's rule: not both on the same words)."""
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, judge=judge)
    report, _ = play(session, COOLING_OFF_CALL)
    refund = "退款一般在申请受理后几个工作日内退回您原来的账户。"
    at_turn_4 = {(f.rubric, f.ok) for f in report.findings if f.turn_index == 4 and refund in f.quote}
    assert at_turn_4 == {("ignored_question", False)}, report.findings
    # guard: a figure checked against its entry on a turn that leaves her question open keeps its credit (it names what
    # it is right about), and the explanations of the answered turns stay
    assert ("explanation", True) in {(f.rubric, f.ok) for f in report.findings if f.turn_index == 2}
    assert_quotes_verbatim(report)


def test_her_last_line_names_the_question_really_left_open(real_scenarios, real_facts, judge):
    """polish26 left: closed with 钱多久能到账？ open, she said the scenario's line "可我还是不知道钱到底能不能全退回来" — the
    refund amount she had been told at turn 2. Her last line names the open question; the scenario's line is kept when it
    is about the question left open (or about none of hers)."""
    scenario = real_scenarios["cooling-off-cancel"]
    session = DialogueSession(scenario, real_facts, judge=judge)
    report, _ = play(session, COOLING_OFF_CALL)
    last = report.transcript[-1].text
    assert "钱多久能到账" in last and "全退" not in last, last
    # guard: closed with the refund amount itself open, her line is the scenario's
    session = DialogueSession(scenario, real_facts, judge=judge)
    report, _ = play(session, [COOLING_OFF_CALL[0], "您放心，犹豫期是15天，您才第8天，还在犹豫期内。",
                               "好的，那今天就先到这里，祝您生活愉快，再见！"])
    assert "那能全退吗？会不会扣很多钱？" in report.transcript[-3].text  # asked, and left open by the close
    assert report.outcome == "closed_open" and report.transcript[-1].text.endswith(scenario.lines.unfinished)


def call_at_question(scenario, facts, model_turns: int, question: str) -> DialogueSession:
    """A call through the scenario's first `model_turns` model answers, with the customer's `question` open."""
    call = DialogueSession(scenario, facts)
    call.start()
    for model_answer in scenario.model_answers[:model_turns]:
        call.reply(model_answer)
    assert call.state.pending is not None and call.state.pending.id == question
    return call


def ignored_at(call: DialogueSession, turn: int) -> bool:
    return any(f.rubric == "ignored_question" and f.turn_index == turn for f in call.report().findings)


# judge42a: the tune call of w-calls-senior answered 那我这几个月要是生病了，能赔吗？ with "…一般是不能理赔的" (the cue is
# 一般不能赔, said with 是 / 理 inside it); the question stayed open and she asked it again for four turns.
@pytest.mark.parametrize("answer, answered", [
    ("中止这段时间保障是暂停的，这期间要是发生了疾病或者意外，一般是不能理赔的。", True),
    ("中止这段时间保障是暂停的，这期间出了事，一般不能赔。", True),  # guard: the cue as written
    ("中止这段时间保障是暂停的，这期间出了事，一般不是不能赔。", False),  # guard: a negation inside turns it around
    ("保障是暂停的，一般，能赔的都得看合同。", False),  # guard: not across a comma
])
def test_a_cue_said_with_a_word_inside_answers_the_question(real_scenarios, real_facts, answer, answered):
    call = call_at_question(real_scenarios["lapse-reinstatement"], real_facts, 2, "sick-now")
    call.reply(answer)
    assert ("sick-now" in call.state.answered) is answered, call.findings
    assert ignored_at(call, 3) is not answered


# judge42a: 告知办理渠道和材料 (柜面, 官方App) and 那我要怎么办？要带什么东西？ (身份证件, 银行账户) are one point, told by the
# one FAQ entry cooling-off-how-to-cancel. The tune call of w-calls-chengdu met the step with the words below and the
# question stayed 未回应问题 to the close ("我问的你还没回答呢。").
@pytest.mark.parametrize("answer, answered", [
    ("办的话有两种方式：一种是您带上本人身份证、保单，还有那张工资卡，到我们就近的柜面去办；还有一种是在官方App上申请。", True),
    ("您带上身份证件和本人银行账户就行。", True),  # guard: the question's own cues
    ("钱是原路退回的，就是退到您当时扣款的那张工资卡上。", False),  # guard: the refund's route is no way to apply
])
def test_words_that_meet_the_step_told_by_the_same_entry_answer_the_question(real_scenarios, real_facts, answer, answered):
    call = call_at_question(real_scenarios["cooling-off-cancel"], real_facts, 3, "how")
    call.reply(answer)
    assert ("how" in call.state.answered) is answered, call.findings
    assert ignored_at(call, 4) is not answered


def test_a_step_of_an_entry_that_tells_several_steps_answers_no_other_question(real_scenarios, real_facts):
    """Guard: callback-proxy-signature's entry tells 如实记录 and 专门人员…联系您 and the signature rule: a cue of one of
    its steps is no answer to a question about another."""
    call = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts)
    assert not {"如实记录", "15个工作日"} & set(call._answer_cues["confess"])


# judge42a: a scenario's cues are matched in the reply's Mandarin reading (`regional_speech`, one table of regional
# words for the rules and the cues), and the step and the answer still quote the trainee's own words.
@pytest.mark.parametrize("refusal, said", [
    ("俺们不会向恁索要银行卡密码和验证码，也不会让恁转账。", "不会向恁索要"),
    ("我们不会向侬索要银行卡密码和验证码，也不会让侬转账。", "不会向侬索要"),  # a form only the rules' table read before
    ("我们不会向您索要银行卡密码和验证码，也不会让您转账。", "不会向您索要"),  # guard: the script's Mandarin
])
def test_a_regional_answer_meets_its_cue_and_is_quoted_in_the_trainees_words(real_scenarios, real_facts, refusal, said):
    call = call_at_question(real_scenarios["fraud-suspicious-callback"], real_facts, 2, "want-password")
    call.reply(refusal)
    assert "no-secrets" in call.state.done and "want-password" in call.state.answered, call.findings
    credited = [f for f in call.report().findings if f.turn_index == 3 and f.ok and f.rubric in ("checkpoint", "answer")]
    assert {f.rubric for f in credited} == {"checkpoint", "answer"}
    assert all(said in f.quote and f.quote in refusal for f in credited), credited


# calls44: a scenario's cues read the reply as the rules do (`Detectors.reading`): a step said with a pinyin slip is met,
# and the report quotes it as typed.
@pytest.mark.parametrize("scenario_id, first, said, step, typed", [
    ("cooling-off-cancel", 0, "谢谢孙女士，身份已经核实。您8天前签收的，现在还在由于期内，可以申请解除合同。", "within-period",
     "由于期内"),
    ("cooling-off-cancel", 0, "谢谢孙女士，身份已经核实。您8天前签收的，现在还在犹期内，可以申请解除合同。", "within-period",
     "犹期内"),  # the middle character dropped
    ("lapse-reinstatement", 2, "可以申请复效：填一份复笑申请书，如实填健康告知，补交欠交的保费和利息。", "how-to-reinstate",
     "复笑申请书"),
])
def test_a_step_said_with_a_typing_slip_is_met_and_quoted_as_typed(real_scenarios, real_facts, scenario_id, first, said,
                                                                  step, typed):
    scenario = real_scenarios[scenario_id]
    call = session(real_scenarios, real_facts, scenario_id, seed=0)
    report, _ = play(call, [*scenario.model_answers[:first + 1], said])
    assert step in call.state.done, report.findings
    met = [f for f in report.findings if f.rubric == "checkpoint" and f.ok and f.turn_index == first + 2]
    assert met and any(typed in f.quote for f in met) and all(f.quote in said for f in met), met


@pytest.mark.parametrize("scenario_id, said, acknowledged", [
    ("lapse-reinstatement", "您唔使太紧张，我讲通俗啲：效力中止即系保障暂时停咗，但系合同仲在。", True),  # cw3-g (Foshan)
    ("lapse-reinstatement", "您不用太紧张，效力中止就是保障暂时停了，合同还在。", True),
    ("cooling-off-cancel", "您不用担心，犹豫期内退保只扣不超过10元工本费。", True),
    ("cooling-off-cancel", "您唔使太担心先，买咗冇几日就想退，一般都仲在犹豫期里面。", True),  # cw3-g: a Cantonese final 先
    ("cooling-off-cancel", "您不用担心先扣的那部分，犹豫期内退保只扣不超过10元工本费。", False),  # guard: 先 opens the next words
    ("lapse-reinstatement", "效力中止就是保障暂时停了，合同还在，不用太紧张这个合同。", False),  # guard: not the end of a clause
    ("cooling-off-cancel", "您不用太紧张，犹豫期内退保只扣不超过10元工本费。", False),  # guard: the step names her worry
])
def test_telling_her_not_to_feel_what_the_step_names_meets_it(real_scenarios, real_facts, scenario_id, said, acknowledged):
    """calls43t left lapse-reinstatement's 回应客户的紧张 open on 您唔使太紧张 (read 您不用太紧张): the step names the
    feeling it asks a response to, and telling her not to feel it responds (calls44; no behaviour rule was widened)."""
    call = session(real_scenarios, real_facts, scenario_id, seed=0)
    play(call, ["您好，我是安泰人寿客服专员，工号6018。请问您是投保人本人吗？麻烦您说一下身份证后四位。", said])
    assert "acknowledge" not in call.state.done or call.state.done["acknowledge"] == 2, call.findings
    assert ("acknowledge" in call.state.done) is acknowledged, call.findings


def test_the_no_secrets_step_is_met_in_the_words_its_question_is_answered_in(real_scenarios, real_facts):
    """calls43t: cw3-g said 唔会问您要…密码 (不会问您要, a cue of 你们会不会让我提供密码？) and fraud-suspicious-callback's
    说明不会索要密码 stayed open: the step's cues now hold its question's words (content, calls44)."""
    scenario = real_scenarios["fraud-suspicious-callback"]
    call = session(real_scenarios, real_facts, "fraud-suspicious-callback", seed=0)
    play(call, [scenario.model_answers[0], "放心，我们唔会问您要银行卡密码同验证码，也唔会叫您转账。"])
    assert "no-secrets" in call.state.done, call.findings


def test_a_question_is_answered_by_sentences_that_say_the_word_it_asks_about(real_scenarios, real_facts, judge):
    """calls43t / calls44: callback-cooperative's 你说的现金价值是什么意思？ is told by its entry's sentences, which all say
    现金价值 — the surrender-loss step's cue, so every one was set aside as another step's (`_elsewhere`), and cw3-h's
    answer in plain words (…剩下攒着的那部分就是现金价值, e5 0.964 to the entry) stayed 未回应问题 to the close. A word her
    question says itself is what she asks about; the answer must still be closer to her entry than to any other."""
    from trainer.dialogue.written_calls import load_calls

    turns = next(c.turns for c in load_calls("tune-regional") if c.writer == "cw3-h"
                 and c.scenario == "callback-cooperative" and c.written_kind == "good")
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge)
    report, _ = play(call, list(turns[:6]))
    assert "cash-value" in call.state.asked and "cash-value" in call.state.answered, report.findings
    assert not [f for f in report.findings if f.rubric == "ignored_question"], report.findings
    early = DialogueSession(real_scenarios["callback-cooperative"], real_facts, judge=judge)
    play(early, list(turns[:5]))
    assert "cash-value" not in early.state.answered  # guard: the surrender-loss turn (现金价值 低于保费) answers no question


def _regional_turns(writer: str, scenario: str) -> tuple[str, ...]:
    from trainer.dialogue.written_calls import load_calls

    return next(c.turns for c in load_calls("tune-regional") if c.writer == writer and c.scenario == scenario
                and c.written_kind == "good")


def test_anything_else_asked_in_regional_words_is_the_close_not_a_vague_reply(real_scenarios, real_facts, judge):
    """calls44 / calls45: cw3-h's 您看还有撒需要额帮忙的么？ (您看还有啥需要我帮忙的吗？) met no closing cue and the classifier
    missed it, so the session judged it 回应空泛 (+8). Asked with every step done and every question answered, it is the
    close: she has nothing more, and the call ends resolved on it."""
    turns = _regional_turns("cw3-h", "media-threat-unreasonable-demand")
    call = DialogueSession(real_scenarios["media-threat-unreasonable-demand"], real_facts, judge=judge)
    report, used = play(call, list(turns))
    assert used == 9 and report.outcome == "resolved", (used, report.outcome, report.missed)
    last = [f for f in report.findings if f.turn_index == 9]
    assert [f.rubric for f in last if not f.ok] == [] and "closing" in [f.rubric for f in last], last
    assert "close" in call.state.done


def test_a_close_that_opens_the_reply_and_runs_to_its_end_is_the_close(real_scenarios, real_facts, judge):
    """calls45: a 公文腔 close of 33 characters whose question lies outside the reply's last 30 was taken for thanks that
    go on with the call, dropped, and the reply judged vague: the call did not end."""
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge)
    call.start()
    call.state.done.update({c.id: 0 for c in call.scenario.checkpoints if c.behaviour != "closing"})
    call.state.answered.update(f.id for f in call.scenario.lines.follow_ups)
    call.state.turn = 6
    turn = call.reply("请问您还有其他问题吗？如无，感谢您的来电，祝您生活愉快，再见。")
    assert turn.done and call.state.outcome == "resolved", call.findings
    assert [f.rubric for f in call.findings] == ["closing", "checkpoint"], call.findings


def test_explaining_a_step_credited_earlier_is_not_ignoring_her_question(real_scenarios, real_facts, judge):
    """calls45: cw3-f's media-threat trainee tells the cash-value rule over three turns (a fragment had met the step a
    turn before) while 你们是不是怕我打12378？ waits, and answers it at turn 6: each of the three turns cost +10 as an
    ignored question. Her question stays open until it is answered; a reply that tells nothing of a step still ignores it."""
    turns = _regional_turns("cw3-f", "media-threat-unreasonable-demand")
    call = DialogueSession(real_scenarios["media-threat-unreasonable-demand"], real_facts, judge=judge)
    report, _ = play(call, list(turns[:5]))
    assert not [f for f in report.findings if f.rubric == "ignored_question"], report.findings
    assert "afraid-12378" in call.state.asked and "afraid-12378" not in call.state.answered
    brushed = DialogueSession(real_scenarios["media-threat-unreasonable-demand"], real_facts, judge=judge)
    report, _ = play(brushed, [*turns[:2], "是不行，王姐，我跟您说的是实话。"])
    assert [f.turn_index for f in report.findings if f.rubric == "ignored_question"] == [3], report.findings


def test_anything_else_followed_by_a_wish_is_no_vague_reply(real_scenarios, real_facts, judge):
    """calls45: cw3-h's ci-claim-declined close 张先生，您看除了这些，还有撒别的问题么？身体是大事，您先好好养着，嫑气坏了。 goes
    on after its question, so it is not yet the call's end — and the session's fallback judged the question 回应空泛."""
    turns = _regional_turns("cw3-h", "ci-claim-declined")
    report, _ = play(DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge), list(turns))
    assert not [f for f in report.findings if f.rubric == "vague"], report.findings
    assert report.outcome == "resolved", report.outcome


def test_a_question_answered_before_she_asks_it_with_a_cue_said_with_a_measure_word(real_scenarios, real_facts, judge):
    """calls45: cw3-g's callback-elderly trainee told 说明书上印的那几档分红数字，只系打个比方、举个例子 (举例, the question's
    cue, with 个 inside) before she asked 那说明书上印的那些分红数字是什么意思？; it was asked anyway, stayed 未回应问题 to the
    close, and the call timed out at 74."""
    turns = _regional_turns("cw3-g", "callback-elderly-dividends")
    report, _ = play(DialogueSession(real_scenarios["callback-elderly-dividends"], real_facts, judge=judge), list(turns))
    assert report.outcome == "resolved", (report.outcome, report.missed)
    assert not [f for f in report.findings if f.rubric == "ignored_question" and "分红数字" in f.advice], report.findings


def test_a_callback_step_said_in_everyday_words_lets_the_steps_after_it_count(real_scenarios, real_facts):
    """calls49 (tune-standard, cw5-a / cw5-b): a step of a callback's order said in everyday words no cue listed —
    录了音、录了像 for 录音录像, 按您说的原样记 for 如实记录, a teach-back for 您听明白了吗 — stayed open, and each later
    step was 顺序错误 and not credited: both good calls closed with two or three steps open."""
    elderly = session(real_scenarios, real_facts, scenario_id="callback-elderly-dividends")
    elderly.start()
    elderly.reply("请问您是周桂芳阿姨本人吗？麻烦您说一下身份证后四位。")
    elderly.reply("买的时候银行是不是给您录了音、录了像？买这份保险是您自己愿意的吧？")
    assert "recording" in elderly.state.done
    elderly.reply("这份保险的分红是不保证的，公司哪年经营得好就多分点，不好就少分。")
    assert "not-guaranteed" in elderly.state.done
    elderly.reply("我说了这么多，您能不能用您自己的话跟我说一遍：分红是不是每年都有？")
    assert "check-understanding" in elderly.state.done
    assert not [f for f in elderly.report().findings if f.rubric == "checkpoint_order"]

    proxy = session(real_scenarios, real_facts, scenario_id="callback-proxy-signature")
    proxy.start()
    proxy.reply("您好，我是客服小韩，请问是赵军先生本人吗？麻烦报一下身份证后四位。")
    proxy.reply("投保单上投保人和被保险人的签名，是您自己亲笔签的吗？")
    proxy.reply("明白，我就按您说的原样记：签名不是本人亲笔，是家属代签。")
    assert "record-honestly" in proxy.state.done
    proxy.reply("登记以后会有销售人员以外的专门同事来处理，15个工作日以内联系您。")
    assert "handled-by-others" in proxy.state.done
    assert not [f for f in proxy.report().findings if f.rubric == "checkpoint_order"]


@pytest.mark.parametrize("asked, met", [
    ("说明书上的分红数字是按假设算的举例，不代表以后每年都能拿到。阿姨我这样说你能听明白吗？", True),
    ("这些我讲清楚了没有？您有哪里没听懂的我再慢慢说一遍。", True),
    # guard: saying she understood, for her, asks her nothing
    ("说明书上的分红数字是按假设算的举例，您肯定听明白了。", False),
])
def test_a_teach_back_question_asks_her_to_confirm_she_understood(asked, met, real_scenarios, real_facts):
    """qa25 J2, Mei's words: 阿姨我这样说你能听明白吗？ (turn 4) and 这些我讲清楚了没有？ (turn 6) both asked the elderly
    customer whether she had understood, and 放慢节奏，请老人确认是否听明白 was reported missed (score 62)."""
    elderly = session(real_scenarios, real_facts, scenario_id="callback-elderly-dividends")
    elderly.start()
    elderly.reply("请问您是周桂芳阿姨本人吗？麻烦您说一下身份证后四位。")
    elderly.reply("您在银行买的时候是不是做了录音录像？录像里说的都是您自己真实的意思吧？")
    elderly.reply("阿姨，这是分红保险，分红不保证，有的年份多有的年份少，也可能为零。")
    assert "check-understanding" not in elderly.state.done
    elderly.reply(asked)
    assert ("check-understanding" in elderly.state.done) == met


@pytest.mark.parametrize("asked, met", [
    ("这几点您都听得明白吗？", True),                    # no cue of the step holds it (judge51b)
    ("分红的事就是这样，刚才这些我都讲明白了没？", True),
    ("您到底听明白没有？", False),                       # pressed: no teach-back
    ("阿姨，您听得清吗？", False),                       # whether she hears the line (a tune call's opening)
])
def test_a_teach_back_step_is_met_by_the_question_in_any_words_of_its_kind(asked, met, real_scenarios, real_facts):
    """judge50b left the teach-back step to its cue list (one wording added per trainee missed); the step says
    `asks: understanding` and is met by the reader that tells such a question from a rude one (judge51b)."""
    elderly = session(real_scenarios, real_facts, scenario_id="callback-elderly-dividends")
    elderly.start()
    elderly.reply("请问您是周桂芳阿姨本人吗？麻烦您说一下身份证后四位。")
    elderly.reply("阿姨，这是分红保险，分红不保证，有的年份多有的年份少，也可能为零。")
    elderly.reply(asked)
    assert ("check-understanding" in elderly.state.done) == met


def test_a_second_scenarios_teach_back_step_is_met_by_the_same_reader(real_scenarios, real_facts):
    """A teach-back step written into another scenario with no cue at all is met by the same questions (judge51b)."""
    from dataclasses import replace

    from trainer.dialogue.scenario import Checkpoint

    cooperative = real_scenarios["callback-cooperative"]
    taught = replace(cooperative, checkpoints=(*cooperative.checkpoints,
                                               Checkpoint("teach-back", "请客户确认听明白", asks="understanding")))
    for asked, met in (("叔叔，我这么讲您能听懂吗？", True), ("退保会有损失，您清楚吗？", True), ("您肯定都听懂了。", False)):
        call = DialogueSession(taught, real_facts)
        call.start()
        call.reply(asked)
        assert ("teach-back" in call.state.done) == met, asked


# calls50: the turn right after the identity check that reads her policy back for a yes finishes the check (cw5-b's
# 好嘞，对上了。康宁重大疾病保险…对吧？, three tune-standard good calls +10 as her question ignored): her question waits that one
# turn, as it waits for the check itself, and stays open. Not a second time, nor a question that names no policy.
POLICY_READ_BACK = "好的，核对上了。您这份是康宁重大疾病保险，投保人是您自己，对吧？"


@pytest.mark.parametrize("replies, ignored", [
    ([IDENTITY_REQUEST, POLICY_READ_BACK], False),
    ([IDENTITY_REQUEST, "好的，核对上了。您今天是第一次打我们热线，对吧？"], True),          # guard: no policy named
    ([IDENTITY_REQUEST, POLICY_READ_BACK, "您这份保单是前年买的，没错吧？"], True),           # guard: not right after the check
])
def test_reading_her_policy_back_right_after_the_check_lets_her_question_wait(real_scenarios, real_facts, judge,
                                                                              replies, ignored):
    call = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge, seed=0)
    call.start()
    for reply in replies:
        call.reply(reply)
    last = [f for f in call.report().findings if f.turn_index == len(replies)]
    assert any(f.rubric == "ignored_question" for f in last) is ignored, last
    assert call.state.pending is not None and call.state.pending.id not in call.state.answered  # still open


def test_filing_her_complaint_in_the_spoken_dengshang_is_a_next_step_not_an_empty_reply(real_scenarios, real_facts, judge):
    """calls50: a tune-standard dividend call's 我现在就把投诉登上…麻烦您报一个现在能打通的电话 was credited nothing and judged
    回应空泛 (+8): 登上 is the spoken 登记上, the agent filing it."""
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(IDENTITY_REQUEST)
    call.reply("行，我这就把您反映的事登上，麻烦您留一个能打通的电话，我记一下。")
    last = [f for f in call.report().findings if f.turn_index == 2]
    assert any(f.rubric == "next_step" and f.ok for f in last), last
    assert not any(f.rubric == "vague" for f in last), last


# calls50: a reply that only says her words back — what she said, or her case read back to her — meets no step by
# meaning, whatever terms and figures it shares with the step's answer; one that adds the step's content still does.
@pytest.mark.parametrize("reply, met", [
    ("我听明白了，您是说业务员当初讲分红每年保底5%，现在通知书上才几百块，您觉得上当了。", False),
    ("您说业务员讲每年保底5%，可分红是不保证的，合同里没有保底这一条。", True),  # guard: the step's content added
])
def test_her_complaint_said_back_does_not_tell_her_the_dividend_is_not_guaranteed(real_scenarios, real_facts, judge,
                                                                                  reply, met):
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply(reply)
    assert ("not-guaranteed" in call.state.done) is met, call.findings


def test_her_policy_read_back_does_not_explain_the_cash_value(real_scenarios, real_facts, judge):
    call = media_threat_after_identity(real_scenarios, real_facts, judge, "查到了，您这份安泰两全保险每年交两万，已经交了两年共四万，是吧？")
    assert "cash-value" not in call.state.done, call.findings


def test_two_notes_on_one_sentence_are_joined_without_a_full_stop_before_the_semicolon():
    """qa25: a sentence credited by the classifier and by its right figure read “Explained the rule in words the
    customer understands.; “60天” matches the knowledge base (How long is the grace period?)” (Chinese: “…规则。；…”)."""
    from trainer.dialogue.scoring import Finding
    from trainer.dialogue.session import _with_advice_of
    from trainer.dialogue.wording import Worded

    sentence = "所以保单现在是效力中止，就是合同还在，但保障先暂停了。"
    plain = Finding(2, "explanation", True, sentence, Worded("用客户听得懂的话解释了规则。",
                                                            "Explained the rule in words the customer understands."))
    figure = Finding(2, "explanation", True, sentence, Worded("“60天”与知识库一致（宽限期有多长？）",
                                                             "“60天” matches the knowledge base (How long is the grace period?)"))
    joined = _with_advice_of(plain, figure).advice
    assert str(joined) == "用客户听得懂的话解释了规则；“60天”与知识库一致（宽限期有多长？）"
    assert english(joined) == ("Explained the rule in words the customer understands; “60天” matches the knowledge base "
                               "(How long is the grace period?)")


# qa24 T5 / T6: 小吴 (a week-1 trainee, 你 for 您, typing fast) in the browser, her six replies in each call as she typed them.
QA24_PROXY_CALL = (
    "你好，请问是赵军先生吗？我是安泰人寿的客服，给你做个新保单的回访，耽误你几分钟可以吗",
    "好的谢谢。就是想确认下，你上个月是不是买了我们的守护定期寿险？然后投保单上面的名字是不是你自己亲手签的呀",
    "嗯嗯明白，谢谢你跟我说实话。按规定投保单是要本人亲笔签的，别人不能代签的哦，这个情况我会照实记下来的",
    "我这边已经记录了。后面会有公司的专人跟你联系处理，不是卖你保险的那个业务员哈，大概15个工做日以内",
    "还有就是，你现在还在犹豫期里面，要是觉得不想要了可以申请解除合同，交的保费会退给你的",
    "好的，那今天就先这样，谢谢你接我电话，祝你出车顺利，再见",
)
QA24_CLAIM_CALL = (
    "先生你别着急，心梗住院确实很难受，花了这么多钱又收到拒赔通知，换谁都会生气的。我先帮你查一下，麻烦说下你的身份证后四位好吗",
    "是这样的张先生，现在的重疾定义里面，心梗要达到“较重急性心肌梗死”才赔重疾，给付条见是几个指标至少满足一项，比如肌钙蛋白升高到正常"
    "上限15倍以上，或者射血分数低于50%这些。你这次的检查结果没达到，所以重疾这块没有赔。放支架本身不算判断标准的",
    "也不是一分钱都不赔的。你合同里面有轻症责任，像你这种没到较重标准的心梗，可以按较轻急性心肌梗死申请轻症，一般按重疾保额的一定比例赔，"
    "具体多少要看你的合同条款",
    "不好意思我刚才没说清楚，轻症能不能赔也要理赔那边审核的，我不能跟你打包票。你如果对结论不服，可以补充材料申请复核，比如住院病历、"
    "化验单这些，交上来重新审核",
    "理解的。投诉的话我这边可以帮你登记，一般7个工作日内会给你答复",
    "不好意思我说错了，是收到投诉之日起15日内给你处理结果。你还有别的问题吗？没有的话就先这样，祝你早日康复，再见",
)


def test_a_hedged_statement_of_how_a_benefit_is_paid_is_no_promise_and_tells_the_step(real_scenarios, real_facts, judge):
    """qa24 T6: turn 3 was 绝对化承诺 on “一般按重疾保额的一定比例赔，” (一定 read as "certainly"; it is "a certain"
    proportion), a red line that capped a resolved call with every step done at 50, and the mild-benefit step it tells
    was not credited beside it."""
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    report, _ = play(call, list(QA24_CLAIM_CALL))
    assert not [f for f in report.findings if f.rubric == "absolute_promise"], report.findings
    assert call.state.done.get("mild-benefit") == 3
    assert report.outcome == "resolved" and not report.missed_checkpoints
    assert report.score >= 80, report.score


@pytest.mark.parametrize("typed", ["7个工作日", "7个工做日"])
def test_a_wrong_time_limit_is_named_as_a_wrong_figure_not_an_ignored_question(real_scenarios, real_facts, judge, typed):
    """qa24 T6: asked 要是投诉的话，多久给我答复？, 小吴 said 一般7个工作日内会给你答复 (the rule: 15日, 30日 for a complex
    one): the report said 未回应问题 quoting “理解的。” and never named the figure. An answer with a wrong figure is an
    answer: the finding is the figure, with the rule's — also when the unit is typed with a slip."""
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    report, _ = play(call, [r.replace("7个工作日", typed) for r in QA24_CLAIM_CALL])
    at_five = [f for f in report.findings if f.turn_index == 5 and not f.ok]
    assert [f.rubric for f in at_five] == ["wrong_fact"], at_five
    assert f"“{typed}”" in at_five[0].advice and "应为15日" in at_five[0].advice
    assert at_five[0].quote in QA24_CLAIM_CALL[4].replace("7个工作日", typed)


def test_a_term_finding_does_not_stand_on_the_customers_own_word(real_scenarios, real_facts, judge):
    """qa24 T6: turn 2's 术语未解释 quoted “所以重疾这块没有赔。” — her own 重疾 (qa20's rule) — because the glossary's reading
    of Cantonese 冇 made 没有 a "term" she had not said."""
    call = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, judge=judge, mode="training")
    report, _ = play(call, list(QA24_CLAIM_CALL[:2]))
    assert "重疾" in call.transcript[2].text
    assert not [f for f in report.findings if f.rubric == "jargon" and "射血分数" not in f.quote and "肌钙蛋白" not in f.quote]


def test_a_callback_step_told_with_a_rounded_time_limit_and_a_typo_is_met(real_scenarios, real_facts, judge):
    """qa24 T5: turn 4's 不是卖你保险的那个业务员哈，大概15个工做日以内 (工做日 a slip of 工作日) did not meet 说明由销售人员以外的
    专门人员在规定时间内处理: 大概 before the figure was read as a hedge of the step; her what-now question was then judged
    ignored to the close. Turn 3's 照实记下来 meets 如实记录 (calls49)."""
    call = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts, judge=judge, mode="training")
    report, _ = play(call, list(QA24_PROXY_CALL))
    assert call.state.done.get("record-honestly") == 3
    assert call.state.done.get("handled-by-others") == 4
    assert not [f for f in report.findings if f.rubric == "ignored_question"], report.findings
    assert report.outcome == "resolved" and not report.missed_checkpoints


def test_a_contact_promised_with_who_and_when_is_the_calls_next_step(real_scenarios, real_facts, judge):
    """qa24 T5 (judge51b): after judge50 her call ended resolved but still scored 共情与服务 40 — turn 4's 后面会有公司的专人
    跟你联系处理…大概15个工做日以内 was credited 规范升级, never 给出下一步 (the rule's when-words had no 后面)."""
    call = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts, judge=judge, mode="training")
    report, _ = play(call, list(QA24_PROXY_CALL))
    assert any(f.rubric == "next_step" and f.ok and f.turn_index == 4 for f in report.findings), report.findings
    assert report.subscores["empathy_service"] > 40


def test_a_time_limit_said_as_a_maybe_is_still_no_step(real_scenarios, real_facts, judge):
    """Guard for the above: 可能 before the figure hedges the step itself."""
    call = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts, judge=judge, mode="training")
    play(call, [*QA24_PROXY_CALL[:3], "后面可能会有人跟你联系吧，可能15个工作日以内，这个我也说不好"])
    assert "handled-by-others" not in call.state.done


# qa25: Mei's (English UI, month 3) and 阿强's (impatient, on a phone) calls, each reply exactly as typed (read back from
# the qa25 session's saved calls).
QA25_DIVIDENDS_CALL = [  # callback-elderly-dividends
    "周阿姨您好，我是安泰人寿回访专员，工号2231。请问是周桂芳阿姨本人吗？麻烦你报一下身份证后四位，我核对下。",
    "好的阿姨，核对好了。您上礼拜在银行买的金福分红两全，当时是不是做了录音录像？录像里说的都是你自己真实的意思吧？",
    "阿姨，这个不一样哈。分红不是固定的，也不保证，要看公司每年经营得怎么样，有的年份多有的年份少，也可能一分都没有。存款利息是定好的，分红不是。",
    "说明书上那些数是按假设算出来的例子，就是给您参考的，不代表以后每年真能拿这么多。阿姨我这样说你能听明白吗？",
    "还有阿姨，你这份保单有10天的犹豫期，从签收保单第二天开始算，这几天里您要是觉得不合适，可以申请解除合同，交的保费基本全退，只扣一点点工本费。",
    "不好意思阿姨，我刚才说错了，是15天，您签收保单的第二天开始算15天。这些我讲清楚了没有？您有哪里没听懂的我再慢慢说一遍。",
    "好的阿姨，那今天的回访就到这儿，您有什么不清楚的随时打我们95519。祝您身体健康，再见！",
]
QA25_GRACE_CALL = [  # grace-period-short-of-money
    "陈先生您好，我是安泰人寿客服，工号2231。不是催你哈，您那份福寿终身寿险这期保费没扣成功，想跟你说下怎么处理。",
    "这个办法是有的，您别急。我先跟您核对下身份哈，麻烦报一下你身份证后四位。",
    "好的陈先生，核对好了。先说您最担心的：保单现在没作废，交费有60天宽限期，从应交日算，现在才过了20天，这期间保障照常，出了事照样赔。以后要是一直交不起，可以申请减额交清，就是以后不用再交保费，按现在的现金价值把保额降下来，保单还在，就是保障少一点。",
    "理解你，工作刚没了，哪儿都要用钱，压力肯定大。这期实在交不上的话，可以看看合同里有没有自动垫交，就是用保单的现金价值先帮你把保费垫上，保单继续有效，不过垫的钱要算利息，具体以条款为准。要不要办、办哪个，您自己决定。",
    "不可以的陈先生，保费一定要从您本人账户扣，或者用我们官方App、去柜台交，千万别转给业务员个人，出了问题很麻烦。",
    "好的，那您先考虑下，有需要随时打95519或者App上办。不打扰您了，祝您早点找到工作，再见。",
]
QA25_LAPSE_CALL = [  # lapse-reinstatement
    "黄女士您好，我是安泰人寿客服，工号2231。请问是黄美玲女士本人吗？有个保单的事要跟您说，先麻烦你报下身份证后四位。",
    "谢谢黄女士，核对好了。是这样，您换卡以后续期保费没扣上，60天宽限期也过了，所以保单现在是效力中止，就是合同还在，但保障先暂停了。",
    "您别着急，我理解，换卡这种事很容易忘。要如实跟您说，中止这段时间里出的事公司一般不赔，具体以合同条款为准。不过您放心，补交保费就能复效，肯定没问题的。",
    "不好意思，我刚才说得太满了，能不能复效要公司审核。有时间限制的，从中止那天起2年内都能申请。要准备复效申请书，被保险人如实做健康告知，有时候要体检，再补交欠的保费和利息，去柜台或者官方App都能办。",
    "就是我刚说的，带上身份证去柜台，或者在App上直接申请复效，顺便把扣款卡也改成你现在的工资卡。建议您尽早办。还有别的问题吗？没有的话就不打扰您了，再见。",
]
QA25_COOLING_CALL = [  # cooling-off-cancel
    "能退的 您先报下身份证后四位我核对下",
    "来得及 犹豫期15天 你8天还在犹豫期内 全退 就扣10块钱工本费 别担心",
    "带身份证和银行卡去柜面 或者官方app上交解除合同申请就行",
    "我说了啊 犹豫期是15天 你签收才8天 来得及 保费全退 扣不超过10块工本费",
    "能退 放心 钱一般7个工作日就退回你卡上",
    "还有别的问题吗 没有就先这样 再见",
]


def _qa25(real_scenarios, real_facts, judge, scenario_id, replies):
    call = DialogueSession(real_scenarios[scenario_id], real_facts, judge=judge, mode="training", seed=0)
    report, _ = play(call, replies)
    assert_quotes_verbatim(report)
    return report


def test_a_refunds_usual_time_is_a_wrong_figure_not_a_promise(real_scenarios, real_facts, judge):
    """qa25 J6: 能退 放心 钱一般7个工作日就退回你卡上 was 绝对化承诺 (the call capped at 50); the refund comes within 30日
    (cooling-off-refund-timing) and 能退 in the cooling-off period is her right: the wrong figure is the finding."""
    report = _qa25(real_scenarios, real_facts, judge, "cooling-off-cancel", QA25_COOLING_CALL)
    fifth = [f for f in report.findings if f.turn_index == 5 and not f.ok]
    assert [f.rubric for f in fifth] == ["wrong_fact"], fifth
    assert "7个工作日" in fifth[0].advice and "30日" in fifth[0].advice
    assert report.score > 50


def test_the_own_will_question_asked_with_you_and_ba_is_not_rude(real_scenarios, real_facts, judge):
    """qa25 J3: 录像里说的都是你自己真实的意思吧？ — the callback's required question, asked informally — was 服务忌语,
    mood +35 and 你这孩子怎么这样说话？"""
    report = _qa25(real_scenarios, real_facts, judge, "callback-elderly-dividends", QA25_DIVIDENDS_CALL[:2])
    assert not [f for f in report.findings if f.rubric == "rude"], report.findings
    assert "怎么这样说话" not in report.transcript[-1].text


def test_a_question_is_no_accurate_explanation_and_the_chart_names_the_turns_own(real_scenarios, real_facts, judge):
    """qa25 J8: 准确解释 (讲到了“录音录像”) was credited on 当时是不是做了录音录像？, a question after a long lead-in."""
    report = _qa25(real_scenarios, real_facts, judge, "callback-elderly-dividends", QA25_DIVIDENDS_CALL)
    assert not [f for f in report.findings if f.ok and f.rubric == "explanation" and f.quote.endswith("？")], report.findings


def test_the_policy_and_its_failed_debit_before_the_check_is_personal_data(real_scenarios, real_facts, judge):
    """qa25 J4: Mei's outbound opening named the policy and its failed debit before verifying (the goal: 核实本人后再谈保单)
    and was credited 准确解释, no fault."""
    report = _qa25(real_scenarios, real_facts, judge, "grace-period-short-of-money", QA25_GRACE_CALL)
    first = [(f.rubric, f.ok) for f in report.findings if f.turn_index == 1]
    assert first == [("personal_data", False)], first
    assert "您那份福寿终身寿险这期保费没扣成功" in report.findings[0].quote


def test_asking_her_to_wait_for_the_identity_check_is_no_vague_reply(real_scenarios, real_facts, judge):
    """qa25 J5: 这个办法是有的，您别急。我先跟您核对下身份哈，麻烦报一下你身份证后四位。 was 回应空泛, its better wording the
    model's identity check — what she did: verifying first is what the goal asks."""
    report = _qa25(real_scenarios, real_facts, judge, "grace-period-short-of-money", QA25_GRACE_CALL[:2])
    assert not [f for f in report.findings if f.turn_index == 2 and not f.ok], report.findings
    assert ("verification", True) in {(f.rubric, f.ok) for f in report.findings if f.turn_index == 2}


def test_a_callbacks_opening_naming_the_product_alone_is_no_personal_data(real_scenarios, real_facts, judge):
    """Guard for J4: a callback says why it calls (the good written callbacks name the product) — no status, no fault."""
    report = _qa25(real_scenarios, real_facts, judge, "callback-cooperative",
                   ["李女士您好，我是安泰人寿客服，工号1024。您上礼拜投保了我们的安享终身寿险，今天给您做个新单回访。"
                    "为了确认是您本人，麻烦您说一下身份证后四位。"])
    assert not [f for f in report.findings if f.rubric == "personal_data"], report.findings


def test_a_promise_taken_back_stays_a_red_line_and_its_lesson_says_the_correction_was_right(real_scenarios, real_facts,
                                                                                               judge):
    """qa25 J9, the lead's call: 肯定没问题的 then, next reply, 不好意思，我刚才说得太满了，能不能复效要公司审核 — the customer
    heard a guarantee on a recorded line (the cap stays), and the report says the retraction was right, turn quoted."""
    report = _qa25(real_scenarios, real_facts, judge, "lapse-reinstatement", QA25_LAPSE_CALL)
    [promise] = [f for f in report.findings if f.rubric == "absolute_promise"]
    assert promise.turn_index == 3 and report.score <= 50
    assert "第4轮" in promise.advice and "不好意思，我刚才说得太满了，能不能复效要公司审核。" in promise.advice
    assert "纠正是对的" in promise.advice
    assert "turn 4" in english(promise.advice) and "correction was right" in english(promise.advice)


def test_her_number_asked_for_a_promised_call_back_is_the_next_step(real_scenarios, real_facts, judge):
    """judge52 (brief item 4): 麻烦您报一个现在能打通的电话，我记下来。 after the agent said 一般15日内给您答复 (cw5-a's good
    dividend call: 会有专门的人员核实处理，一般15日内给您答复…麻烦您报一个现在能打通的电话) is the step that makes that answer
    reach her: 给出下一步 (the promise itself was escalation and explanation only); with no call-back promised it is none."""
    def last_turn(*replies: str) -> list:
        call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, seed=0)
        call.start()
        for reply in replies:
            call.reply(reply)
        return [f for f in call.report().findings if f.turn_index == len(replies)]

    asked = "麻烦您报一个现在能打通的电话，我记下来。"
    promised = "这件事会有专门的人员核实处理，一般15日内给您答复。"
    with_promise = last_turn(IDENTITY_REQUEST, promised, asked)
    assert any(f.rubric == "next_step" and f.ok and "能打通的电话" in f.quote for f in with_promise), with_promise
    alone = last_turn(IDENTITY_REQUEST, asked)
    assert not any(f.rubric == "next_step" and f.ok and "能打通的电话" in f.quote for f in alone), alone


# qa28 (小美, month 4, careful and polite, an exam call): the assigned fraud-suspicion callback's first reply, and her
# dividend call's six replies, as she typed them.
QA28_FRAUD_REPLY = ("您好，您的警惕是对的，现在骗子确实多。我是安泰人寿的回访专员，您可以挂断后拨打我们官方客服电话95519核实，"
                    "我不会向您要验证码或者让您转账。")
QA28_DIVIDEND_CALL = (
    "林先生您好，实在抱歉让您久等了，您的心情我非常理解，交了三年钱看到分红这么少，换谁都着急。麻烦您先报一下投保人姓名和身份证后四位，"
    "我帮您核对保单。",
    "好的林先生，信息核对上了。我跟您说实话，分红险的分红是不保证的，每年分多少要看公司当年实际经营得怎么样，好的年份多一点，"
    "差的年份少一点，合同里没有保底5%这个说法。",
    "您说的说明书上高、中、低那几档数字，是当时按假设的收益率举个例子算给您看的，只是参考，不代表您实际能拿到这么多，也不是公司给您的承诺。",
    "管的，林先生。业务员当时说保底5%这件事，我现在就给您登记成投诉，会有不负责销售的同事去核实当时是怎么介绍的，最晚半个月内会给您答复，"
    "情况复杂的会提前跟您说明延期。",
    "从今天登记起算，半个月之内一定给您答复，到时候会打您留在保单上的这个电话。",
    "好的林先生，今天给您添麻烦了，请问还有其他需要帮您的吗？没有的话就不打扰您了，祝您生活愉快，再见。",
)


@pytest.mark.parametrize("reply", [
    QA28_FRAUD_REPLY,
    # the same two steps in one reply, in other plain words (mine, judge53)
    "我是安泰人寿回访中心的小李，您可以先挂电话，再拨打官方客服热线95519核实，我们不会向您要任何密码和验证码。",
    "您的谨慎是对的，您可以挂了以后打我们官方客服电话95519问一下，我们不会问您要验证码，也不会让您转账。",
    "我是安泰人寿的客服，您挂断后打95519的官方热线核实就行，我不会跟您要密码或验证码。",
    "您放心，我们不会让您转账，也不会要验证码，您可以挂断后自己拨打官方客服电话核实。",
    "这边是安泰人寿回访专员，您不放心可以挂断后拨打保单上的官方客服电话核实，整个过程不需要您提供密码、验证码。",
    "您可以挂了电话自己打95519核实，我们不会向您索要密码和验证码，也不会让您转账。",
    "我是安泰人寿的回访专员，我不会向您要验证码，也不会让您转账，您也可以挂断后打我们官方电话95519核实。",
])
def test_the_fraud_calls_two_safety_steps_said_in_her_words_are_done(real_scenarios, real_facts, judge, reply):
    """qa28 J3 (high): in the exam, turn 1 said both safety steps — 不会向您要验证码或者让您转账, 挂断后拨打…官方客服电话95519
    核实 — and the report listed both as never done (English UI: Checkpoint not done: …). Not the exam nor the language:
    the steps' cues had no 向您要 (only 向您索要 / 问您要) and no 客服电话 (only 客服热线), and the meaning paths could not
    make up for it in a sentence that opens with 我是… (an introduction answers nothing, judge31) and does two steps."""
    call = DialogueSession(real_scenarios["fraud-suspicious-callback"], real_facts, judge=judge, mode="exam")
    call.start()
    call.reply(reply)
    assert {"no-secrets", "official-channel"} <= set(call.state.done)
    missed = [english(m) for m in call.report().missed]
    assert not [m for m in missed if "password" in m or "official hotline" in m], missed


def _qa28_dividend(real_scenarios, real_facts, judge, replies=QA28_DIVIDEND_CALL) -> DialogueSession:
    call = DialogueSession(real_scenarios["dividend-below-promise"], real_facts, judge=judge, mode="exam")
    call.start()
    for reply in replies:
        call.reply(reply)
    return call


def test_the_illustration_told_in_the_customers_words_meets_its_step(real_scenarios, real_facts, judge):
    """qa28 J1: turn 3 was credited 准确解释 and 回答客户问题 and the report still said 未完成要点：讲清利益演示只是举例，不是
    承诺 — the step's cues are the topic's name (利益演示 / 演示), which she never said; she named it 高、中、低那几档 (the
    entry's 低中高档) and said what it is (举个例子, 不代表, 不是…承诺), answering 说明书上那个高档的数字又算什么？."""
    call = _qa28_dividend(real_scenarios, real_facts, judge, QA28_DIVIDEND_CALL[:3])
    assert call.state.done.get("illustration") == 3
    assert not [m for m in call.report().missed if "利益演示" in m]


@pytest.mark.parametrize("reply", [
    "说明书上那个高、中、低三档，是按假设的收益率算出来的例子，不代表您一定能拿到，也不算公司承诺。",
    "高档、中档、低档那些数字都是假设的，只是给您参考，公司没有承诺过能拿这么多。",
    "低、中、高几档都是举例说明，不代表实际分红。",
])
def test_the_illustration_in_other_words_meets_its_step(real_scenarios, real_facts, judge, reply):
    call = _qa28_dividend(real_scenarios, real_facts, judge, (*QA28_DIVIDEND_CALL[:2], reply))
    assert "illustration" in call.state.done


def test_her_question_answered_without_naming_the_illustration_leaves_its_step_open(real_scenarios, real_facts, judge):
    """The answer to 说明书上那个高档的数字又算什么？ that names no tier (一档 is no list of them) answers her; the step asks the
    illustration named, as before."""
    call = _qa28_dividend(real_scenarios, real_facts, judge, (*QA28_DIVIDEND_CALL[:2], "那个是按假设算的，不代表实际能拿到。"))
    assert "illustration" in call.state.answered
    assert "illustration" not in call.state.done


def test_half_a_month_tells_the_complaint_time_limit_and_answers_her_question(real_scenarios, real_facts, judge):
    """qa28 J2: 最晚半个月内会给您答复 (turn 4) and 半个月之内一定给您答复 (turn 5) left 告知投诉处理时限 open, the customer asked
    投诉了多久给我答复？ after hearing it, and her closing turn 6 was 未回应问题 for it: 半个月 was no 15日 to the cues, so the
    question stayed pending past the turn that answered it (turn 5 escaped only by its 准确解释), and the close was faulted."""
    call = _qa28_dividend(real_scenarios, real_facts, judge)
    assert call.state.done.get("deadline") == 4
    assert "how-long" in call.state.answered
    report = call.report()
    assert not [f for f in report.findings if f.rubric == "ignored_question"], report.findings
    assert not [m for m in report.missed if "时限" in m or "多久" in m], report.missed
    assert "投诉了多久" not in "".join(u.text for u in report.transcript if u.speaker == "customer")


def test_her_question_answered_with_half_a_month_a_turn_later_is_not_ignored_at_the_close(real_scenarios, real_facts,
                                                                                          judge):
    """The time limit told only after she asks (turn 5, 半个月之内): answered there, so the closing turn ignores nothing."""
    replies = (*QA28_DIVIDEND_CALL[:3], "管的，林先生。业务员当时说保底5%这件事，我现在就给您登记成投诉，会有不负责销售的同事去核实。",
               *QA28_DIVIDEND_CALL[4:])
    call = _qa28_dividend(real_scenarios, real_facts, judge, replies)
    assert "how-long" in call.state.answered and "deadline" in call.state.done
    assert not [f for f in call.report().findings if f.rubric == "ignored_question"]
