"""Sentences of the tune set's good calls the classifier read as red lines (judge38c), and the faults that stay."""

from __future__ import annotations

import pytest

from trainer.dialogue import DialogueSession
from trainer.dialogue.detectors import Detectors
from trainer.dialogue.not_faults import misread_fault
from trainer.dialogue.reply import reply_evidence


@pytest.mark.parametrize("text, fault", [
    ("头几年这个钱比您交的保费少不少，退保是会有损失的。", "absolute_promise"),
    ("过了犹豫期再退保就会有损失。", "absolute_promise"),
    ("这份保险跟存款不一样。存款的利息是定好了的，到时候一定给。可这个“分红”不是定好的。", "absolute_promise"),
    ("您问是不是补了钱就一定能恢复，这个我不能跟您打包票。", "absolute_promise"),
    ("投诉已经登记好了，受理编号是TS20261205-0318，您方便的话记一下。", "personal_data"),
    # calls45, its own Xi'an / Jinan lines: a vow of how the case is handled, the company taking it on
    ("您放心，额不会推给业务员，这事额们公司认。", "absolute_promise"),
    ("恁放心，俺不会把这事推给业务员，俺们公司管。", "blame"),
    # calls46, its own media-threat lines: the demand said back before the refusal of it
    ("全额退、再赔5万、今天就到账，这几样我无权答应您。", "absolute_promise"),
    ("全额退再赔5万、今天到账，这些俺都批不了。", "absolute_promise"),
])
def test_good_call_sentences_are_no_red_line(text, fault, judge, real_facts):
    found = {e.behaviour for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge) if not e.ok}
    assert fault not in found


@pytest.mark.parametrize("behaviour, text", [
    ("absolute_promise", "您放心，保证不会有损失。"),
    ("absolute_promise", "分红肯定每年都有的，不会比业务员说的少的。"),
    ("absolute_promise", "分红跟存款一样，每年肯定都有。"),
    ("absolute_promise", "您放心，我们不会不管的，肯定给您赔下来。"),  # a vow with the outcome promised
    ("absolute_promise", "赔偿我做不了主，但今天肯定给您全额退到账。"),  # a refusal beside a promise
    ("absolute_promise", "别的我说了不算，保证三天到账。"),
    ("blame", "这个不归我们管，您找银行去。"),  # sent away, not taken on
    ("personal_data", "您的号码是13912340627，对吧？"),
    ("personal_data", "您的保单号是P2020123456。"),
    ("personal_data", "他的保单是年交八千，受益人写的是他妈妈。"),
    ("personal_data", "您老伴那张上个月理赔了三万八，打到他工行卡上了。"),
    ("personal_data", "您扣款的卡号是6217001234567890123。"),
])
def test_the_faults_themselves_are_not_excused(behaviour, text):
    assert not misread_fault(behaviour, text, text)


PREMIUM_SAID_BACK = "您这份福寿终身寿险，今年的12000块保费，应交日过了20天了，卡上没扣上。"


@pytest.mark.parametrize("verified", [True, False])
def test_the_premium_said_back_is_personal_data_only_before_the_identity_check(verified, judge, real_scenarios, real_facts):
    """judge38c: a tune-set good call read the premium back to the confirmed policyholder and was capped at 50. Judged
    without the call (the dev split), excusing amounts cost one right personal_data flag: the excuse is the session's."""
    session = DialogueSession(real_scenarios["grace-period-short-of-money"], real_facts, judge=judge)
    session.start()
    if verified:
        session.reply("请问您是陈强先生本人吗？麻烦您报一下身份证号的后四位。")
        assert session.state.verified
    session.reply(PREMIUM_SAID_BACK)
    flagged = any(f.rubric == "personal_data" and not f.ok and f.quote in PREMIUM_SAID_BACK for f in session.findings)
    assert flagged != verified


def test_a_check_that_the_customer_understood_is_not_rude(judge, real_facts):
    """judge39c: a tune-set good call asked 这个您知道了吧？ after the surrender loss; the classifier read it rude (0.84),
    the simulated customer took offence and the call fell under 70."""
    text = "头几年退保是会有损失的，每年能退多少，现金价值表上都列着呢。这个您知道了吧？"
    found = {e.behaviour for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge) if not e.ok}
    assert "rude" not in found


@pytest.mark.parametrize("sentence", ["阿姨我这样说你能听明白吗？", "这些我讲清楚了没有？", "叔叔，您跟得上吗？",
                                      "您能用自己的话跟我说一遍吗？"])
def test_a_teach_back_in_other_forms_is_no_rude_reading(sentence):
    """The forms a teach-back step is met by (judge51b; qa25 J2's two) are the same reader's: never read as rude."""
    assert misread_fault("rude", sentence, sentence)


@pytest.mark.parametrize("sentence", ["您听懂了没有？", "这个还用我教您吗？", "您也不是头一回签字了吧？",
                                      "你到底听明白没有？", "您怎么还不明白吗？"])
def test_curt_or_rhetorical_questions_are_not_excused(sentence):
    assert not misread_fault("rude", sentence, sentence)


@pytest.mark.parametrize("text", ["嗯嗯，原来是这么回事。", "好的，收到您说的情况了。", "哦，我听明白了。"])
def test_an_acknowledgment_alone_is_no_empty_answer(text):
    """judge39n: the classifier read 嗯呐，是这么回事儿。 and 亲，收到您说的情况啦～ as vague on the train split (left out
    writer); the agent has heard the customer and answers next."""
    assert misread_fault("vague", text, text)


@pytest.mark.parametrize("text", ["嗯，就是这么回事儿。", "这事儿它就是这么回事儿，您别问了。", "知道了知道了。",
                                  "情况我们都知道了，后面会处理。"])
def test_a_brush_off_is_still_an_empty_answer(text):
    assert not misread_fault("vague", text, text)


@pytest.mark.parametrize("text", ["您说得对，通知寄错地址了，这是我们这边的问题。", "扣两次款就是我们的错，我马上给您退。"])
def test_the_agent_owning_the_fault_is_no_blame(text):
    """judge39n: an apology's admission (这是我们这边的问题) read as blame on the train split; it is blame's opposite."""
    assert misread_fault("blame", text, text)


@pytest.mark.parametrize("text", ["这真不是我们的问题，是银行那边扣不出来。", "这是您自己的问题。", "这个不能怪我们吧。"])
def test_blame_denying_the_companys_fault_is_not_excused(text):
    assert not misread_fault("blame", text, text)


@pytest.mark.parametrize("sentence", [
    "我给您开了个工单，编号20261206001，以后问进度就报它。",       # a work order's number after a comma
    "您刚才说的手机号是13700001111，我重复一遍，13700001111，对吗？",  # the customer's own number said back
    "您刚报的卡号尾号是8899，跟系统里的一样。",
    "身份证号我就不在电话里念了，您自己看合同首页。",                # declined
    "您扣款用的是尾号4455那张卡吧？",                              # a tail alone
])
def test_data_the_agent_does_not_disclose_is_no_personal_data(sentence):
    """judge40e: the tune replies' personal_data false flags — a reference number, the customer's number said back to
    check it, the agent declining to read data out, a card's tail alone — none of them tells anyone's data."""
    assert misread_fault("personal_data", sentence, sentence)


@pytest.mark.parametrize("sentence", [
    "身份证号我就不念了，不过系统里是110101198001011234。",           # declined, then read out anyway
    "您家是海淀区学院路20号，卡尾号是3344。",                          # a tail and an address
    "您先生那张卡尾号是7788，钱打过去了。",                            # a tail of another person's card
    "您的保单号是P2020123456。",                                       # a policy number, not a reference
])
def test_data_told_beside_those_readings_stays_personal_data(sentence):
    assert not misread_fault("personal_data", sentence, sentence)


# calls43t: the regional tune calls' good sentences the classifier read as red lines while the checks that clear a
# finding read only the trainee's words: they read the Mandarin reading now (唔可以 is 不可以, 么？ is 吗？).
@pytest.mark.parametrize("text, fault", [
    ("复效唔系自动嘅，要公司审核同意先得，我唔可以同您保证一定通过，您如实告知就得。", "absolute_promise"),  # cw3-g.yaml:80
    ("这份保险的保险期间是终身，就是保一辈子。这几块您都知道了么？", "rude"),  # cw3-h.yaml:13
    ("能不能贷、最多能贷多少，要看您合同条款，额可以帮您查。退不退、贷不贷，都是您自己定。", "rude"),  # cw3-h.yaml:114
])
def test_regional_good_call_sentences_are_no_red_line(text, fault, judge, real_facts):
    found = [e for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge) if not e.ok]
    assert fault not in {e.behaviour for e in found}
    assert all(e.quote in text for e in found)  # whatever is still found quotes the trainee's words


@pytest.mark.parametrize("sentence, refused", [
    ("我没法跟您保证一定能赔。", True),
    ("我不能给您保证审核一定通过。", True),
    ("我跟您保证一定能赔。", False),
    ("不用担心，我保证一定通过。", False),
])
def test_a_promise_refused_with_words_between_is_hedged(sentence, refused):
    from trainer.dialogue.judge import CLEARS, ReadUnit

    unit = ReadUnit(sentence, sentence, sentence)
    assert any(clears(unit) for clears in CLEARS["absolute_promise"]) == refused


@pytest.mark.parametrize("sentence, excused", [
    ("恢复得好也不是一分不赔。", True),  # calls47: a Jinan stroke call's, read as a promise (+15)
    ("也不是一分钱都不赔哈，您这单有轻症责任。", True),
    ("不是说啥都不赔，轻症那块还能申请。", True),
    ("也不是一分不赔，肯定全额赔给您。", False),  # certainty beside it: still a promise
    ("您放心，一分都不会少。", False),
])
def test_denying_that_nothing_is_paid_is_no_promise(sentence, excused):
    assert misread_fault("absolute_promise", sentence, sentence) is excused


@pytest.mark.parametrize("quote, figures_only", [
    ("180天才半年。", True),  # calls47: a span of time said to the confirmed policyholder
    ("理赔的时效是两年。", True),
    ("您今年的12000块保费。", True),
    ("您身份证号是370102198001011234。", False),
    ("您先生那份保了三年。", False),
    ("您是1990年3月5日那天的，对吧？", False),  # a date read out is no span of time
    ("您是90年3月的吧？", False),
])
def test_a_span_of_time_is_no_personal_data_once_she_is_confirmed(quote, figures_only):
    from trainer.dialogue.not_faults import policy_figures_only

    assert policy_figures_only(quote) is figures_only


@pytest.mark.parametrize("sentence, excused", [
    ("全额退再赔5万今天到账，这额肯定办不了。", True),  # calls47: cw3-h's media-threat bad call — the refusal said certain
    ("这个我一定答应不了您。", True),
    ("这个我办不了，但肯定给您全额退。", False),  # a certain outcome beside the refusal stays a promise
])
def test_a_refusal_said_certain_is_no_promise(sentence, excused):
    assert misread_fault("absolute_promise", sentence, sentence) is excused


# calls50: the company declining to judge the hospital's diagnosis (the stroke call's 医院的诊断我们不去评价) lays no fault on
# anyone; the classifier read such sentences blame (0.86–0.89 on these, my own wordings) and the customer's mood rose 30.
@pytest.mark.parametrize("text", [
    "诊断是医院给的，我们这边不去评判，只是条款里这个时间是定死的。",
    "医院怎么诊断的，我们公司不去评价，要看的是合同约定的时间。",
])
def test_declining_to_judge_the_hospitals_diagnosis_is_no_blame(text, judge, real_facts):
    found = {e.behaviour for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge) if not e.ok}
    assert "blame" not in found


@pytest.mark.parametrize("text", [
    "医院的诊断我们不去评价，要怪就怪医院写得太简单。",          # the fault laid on the hospital beside it
    "诊断我们不做评价，写得不清楚您回医院找医生改。",
    "医院的结论我们不评价，跟我们没关系。",
])
def test_a_judgement_withheld_beside_a_fault_laid_is_still_blame(text):
    assert not misread_fault("blame", text, text)


def test_the_stroke_customer_is_not_told_she_is_blamed(real_scenarios, real_facts, judge):
    """The whole turn through the session: no 推诿指责 finding and no blame in the mood's moves."""
    call = DialogueSession(real_scenarios["stroke-claim-early"], real_facts, judge=judge, seed=0)
    call.start()
    call.reply("您好，我是客服小周，先核对一下您的身份，麻烦说一下投保人姓名和身份证后四位。")
    call.reply("严重脑中风后遗症要确诊满180天以后才能评定。医院怎么诊断的，我们公司不去评价，要看的是合同约定的时间。")
    report = call.report()
    assert not any(f.rubric == "blame" and not f.ok for f in report.findings), report.findings
    assert all(behaviour != "blame" for moves in report.mood_moves for behaviour, _ in moves)


@pytest.mark.parametrize("sentence, excused", [
    ("能退 放心 钱一般7个工作日就退回你卡上", True),  # qa25 J6, 阿强's words (the figure is judged as a figure)
    ("能退，放心，钱一般30日内退回您卡上。", True),  # the right figure: read as a promise at 0.86 on main
    ("退款通常5个工作日到账。", True),
    # guards: said certain, no usual time, or beside an outcome someone else decides or a whole amount
    ("能退 放心 钱肯定7个工作日就退回你卡上", False),
    ("放心 钱7天就到账", False),
    ("放心，一般3天就能赔下来", False),
    ("一般7天就全额退给您。", False),
])
def test_the_usual_time_of_a_refund_is_no_promise(sentence, excused):
    assert misread_fault("absolute_promise", sentence, sentence) is excused


@pytest.mark.parametrize("text, promise", [
    ("能退 放心 钱一般7个工作日就退回你卡上", False),
    ("能退，放心，钱一般30日内退回您卡上。", False),
    ("能退 放心 钱肯定7个工作日就退回你卡上", True),
])
def test_a_refunds_usual_time_is_judged_no_promise_with_the_classifier(text, promise, judge, real_facts):
    """qa25 J6: the classifier read these at 0.88 / 0.86 / 0.99 (its threshold 0.71): the first two were the red line."""
    found = {e.behaviour for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge) if not e.ok}
    assert ("absolute_promise" in found) is promise
