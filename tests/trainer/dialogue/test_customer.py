"""The customer reacts to what the trainee did: answers from the case, corrections, softer lines,
closings, and never the same line twice (cue rules only: no encoder needed)."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from tests.trainer.dialogue.conftest import play
from trainer.dialogue import DialogueSession
from kb.chinese_text import sentences
from trainer.dialogue.customer import (JUST_SAID, CORRECTIONS, CustomerVoice, TurnAct, after_correction, compose,
                                        invites_more, presses_a_question)
from trainer.dialogue.session import open_question
from trainer.dialogue.names import detail_asked, wrong_name
from trainer.dialogue.persona_answers import confirms, matching_fact, says_the_same


def customer_lines(report) -> list[str]:
    return [u.text for u in report.transcript if u.speaker == "customer"]


def test_a_wrong_surname_or_misspoken_name_is_caught_but_a_relative_is_not():
    case = "47岁，投保人。丈夫刘志强（被保险人）两个月前脑梗塞住院"
    assert wrong_name("王女士您好，我是95519的客服。", "陈慧", case).said == "王女士"
    assert wrong_name("请问是李秀英女士吗？", "李秀兰", "").said == "李秀英"
    assert wrong_name("陈女士您好，刘先生现在恢复得怎么样？", "陈慧", case) is None
    assert wrong_name("请问是李秀兰女士吗？", "李秀兰", "") is None
    assert wrong_name("谢谢阿姨，对上了。感谢阿姨配合。", "周桂芳", "") is None  # thanks, not a 谢 surname
    assert wrong_name("谢阿姨您好。", "周桂芳", "").said == "谢阿姨"


def test_questions_about_the_case_find_the_fact_they_ask_about():
    facts = {"diagnosed": "两个月前确诊的脑梗塞，在市一院住了两个礼拜。", "signer": "保单是我签的。", "bought": "前几年买的。"}
    assert matching_fact("请问您爱人是什么时候确诊的？", facts) == "diagnosed"
    assert matching_fact("投保单上的字是谁签的？", facts) == "signer"
    assert matching_fact("您今天心情怎么样？", facts) is None


def test_the_customer_answers_from_the_case_and_does_not_recite_it_twice_in_a_row(real_scenarios):
    scenario = real_scenarios["stroke-claim-early"]
    diagnosed = scenario.persona.facts["diagnosed"]
    voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, random.Random(0))
    first = voice.respond(TurnAct(question="您爱人是什么时候确诊的？"), "upset", "", "")
    right_after = voice.respond(TurnAct(question="确诊是哪天来着？"), "upset", "", "")
    later = voice.respond(TurnAct(question="再说一下确诊是哪天？"), "upset", "", "")
    assert diagnosed in first
    assert diagnosed not in right_after and right_after in JUST_SAID  # "I just said so", not the same words again
    assert diagnosed in later and later != first  # asked again later: said again, in other words


def test_asking_the_same_thing_every_turn_never_gets_the_same_phrase_twice_running(real_scenarios, real_facts):
    scenario = real_scenarios["cooling-off-cancel"]
    signed = scenario.persona.facts["signed"]
    calls = [DialogueSession(scenario, real_facts, seed=4) for _ in range(2)]
    heard = []
    for call in calls:
        report, _ = play(call, ["您是哪天签收的保单？"] * 5)
        heard.append(customer_lines(report))
    lines = heard[0]
    assert sum(signed in line for line in lines) >= 2  # the fact is there when asked, more than once
    assert not any(signed in before and signed in after for before, after in zip(lines, lines[1:])), lines
    assert heard[0] == heard[1]  # the same seed replays the same call


def test_a_wrong_name_is_corrected_and_reported(real_scenarios, real_facts):
    session = DialogueSession(real_scenarios["callback-cooperative"], real_facts, seed=3)
    session.start()
    turn = session.reply("王女士您好，我是95519客服中心的回访专员，请问是您本人吗？")
    assert "李" in turn.text and ("不姓王" in turn.text or "李秀兰" in turn.text)
    finding = next(f for f in session.report().findings if f.rubric == "wrong_name")
    assert finding.quote.startswith("王女士") and "李秀兰" in finding.advice


def test_asking_whether_the_customer_is_someone_else_is_a_wrong_name_and_no_identity_check(real_scenarios, real_facts):
    session = DialogueSession(real_scenarios["callback-cooperative"], real_facts, seed=0)
    session.start()
    turn = session.reply("请问是张先生本人吗？")  # the customer is 李秀兰
    report = session.report()
    rubrics = {(f.rubric, f.ok) for f in report.findings}
    assert ("wrong_name", False) in rubrics
    assert ("verification", True) not in rubrics and ("clarifying_question", True) not in rubrics
    assert "第一项：确认受访人是投保人本人" not in " ".join(f.advice for f in report.findings if f.ok)
    answer = session.scenario.lines.verification_answer
    assert "李秀兰" in turn.text and answer not in turn.text  # corrected, not "对，我是本人"
    turn = session.reply("不好意思，请问是李秀兰女士本人吗？")  # asked again, of the right person
    assert "对，我是李秀兰本人" in turn.text and "2046" not in turn.text  # her digits wait until asked for (qa26 C1)
    assert ("verification", True) in {(f.rubric, f.ok) for f in session.report().findings}


def test_asking_for_an_identity_detail_under_the_wrong_name_verifies_and_says_the_name_was_wrong(
        real_scenarios, real_facts):
    """judge16: the customer's own answer (身份证后四位) identifies whoever gives it, whatever name the trainee
    used; only a yes/no "are you 张先生?" checks nothing. The report says both, on their own words."""
    session = DialogueSession(real_scenarios["callback-cooperative"], real_facts, seed=0)
    session.start()
    turn = session.reply("张先生，请报一下身份证后四位？")  # the customer is 李秀兰
    answer = session.scenario.lines.verification_answer  # "对，我是李秀兰本人…", said without its 对 after 不对
    assert "李秀兰" in turn.text and after_correction(answer) in turn.text and answer not in turn.text
    findings = session.report().findings
    check = next(f for f in findings if f.rubric == "verification" and f.ok)
    name = next(f for f in findings if f.rubric == "wrong_name")
    assert "张先生" not in check.quote and "身份证后四位" in check.quote and "张先生" in name.quote
    assert "称呼" in check.advice and "张先生" in check.advice  # the credit says the name was wrong
    assert session.state.done.get("identity") == 1


# A customer line that says yes: 嗯，对的，是这样。 / 好的，你问吧。 / 对，我是李秀兰本人… / 是的，明白。
_SAYS_YES = re.compile(r"^(嗯+[，,])?(对|是的|是，|好的|好，|行|可以|没错|明白)")


@pytest.mark.parametrize("seed", range(6))
def test_a_customer_correcting_her_name_does_not_say_yes_in_the_same_line(real_scenarios, real_facts, seed):
    """qa15: 不对，我姓李，不姓张。嗯，对的，是这样。 — a denial and a confirmation joined in one line."""
    scenario = real_scenarios["callback-cooperative"]
    openers = {c.split("{")[0] for c in CORRECTIONS}
    for reply in ("张女士您好，请问您是本人吗？麻烦说一下身份证后四位。", "好的张女士，通话是录音的。",
                  "张女士，这份保险您已经了解了。", "张女士，您的保单已经生效了。"):
        session = DialogueSession(scenario, real_facts, seed=seed)
        session.start()
        if "身份证" not in reply:
            session.reply(scenario.model_answers[0])
        line = session.reply(reply).text
        said = sentences(line)
        assert any(s.startswith(tuple(openers)) for s in said), line  # she corrects the name
        assert not [s for s in said if _SAYS_YES.match(s)], line
    assert after_correction("嗯，对的，是这样。") == "" and after_correction("好的，你问吧。") == "你问吧。"


@pytest.mark.parametrize("text", ["张先生，请问是您本人吗？", "请问您是张先生本人吗？"])
def test_a_yes_or_no_identity_question_to_the_wrong_name_is_still_no_check(real_scenarios, real_facts, text):
    session = DialogueSession(real_scenarios["callback-cooperative"], real_facts, seed=0)
    session.start()
    turn = session.reply(text)
    assert session.scenario.lines.verification_answer not in turn.text
    assert "identity" not in session.state.done


@pytest.mark.parametrize("sentence, asked", [
    ("张先生，请报一下身份证后四位？", "请报一下身份证后四位？"),
    ("请问是张先生本人吗？", None),
    ("麻烦您说一下出生日期，我核对一下。", "麻烦您说一下出生日期，"),
])
def test_a_request_for_an_identifying_detail_is_found(sentence, asked):
    assert detail_asked(sentence) == asked


def test_a_wrong_greeting_does_not_undo_an_identity_check_in_another_sentence(real_scenarios, real_facts):
    session = DialogueSession(real_scenarios["callback-cooperative"], real_facts, seed=0)
    session.start()
    turn = session.reply("王女士您好。为了您的信息安全，请您说一下身份证后四位。")
    rubrics = {(f.rubric, f.ok) for f in session.report().findings}
    assert ("wrong_name", False) in rubrics and ("verification", True) in rubrics
    assert after_correction(session.scenario.lines.verification_answer) in turn.text  # without its 对 after the correction


def test_an_apology_gets_a_softer_line_than_a_vague_reply(real_scenarios, real_facts):
    scenario = real_scenarios["permanent-lapse-angry"]
    sorry = DialogueSession(scenario, real_facts, seed=1)
    sorry.start()
    soft = sorry.reply("真的很抱歉，给您添麻烦了。").text
    vague = DialogueSession(scenario, real_facts, seed=1)
    vague.start()
    hard = vague.reply("嗯嗯。").text
    assert soft != hard
    assert any(line in hard for line in scenario.lines.pushback)


def test_no_customer_line_repeats_even_when_the_trainee_says_the_same_thing_every_turn(real_scenarios, real_facts):
    for scenario in real_scenarios.values():
        for seed in range(3):
            report, _ = play(DialogueSession(scenario, real_facts, seed=seed), ["嗯嗯，好的。"] * scenario.max_turns)
            lines = customer_lines(report)
            assert not [line for line, n in Counter(lines).items() if n > 1], (scenario.id, seed, lines)


def test_a_closing_ends_the_call_and_lists_what_is_still_open(real_scenarios, real_facts):
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, seed=0)
    session.start()
    session.reply("孙女士您好，您的犹豫期是15天，现在还在犹豫期内。")
    turn = session.reply("好的，那今天就先到这里，祝您生活愉快，再见！")
    report = session.report()
    assert turn.done and report.outcome == "closed_open"
    assert report.missed and all(open_question(m) in "".join(customer_lines(report)) for m in report.missed)


def test_a_customer_whose_questions_are_answered_does_not_say_they_are_not(real_scenarios, real_facts):
    """judge16: closed with a step missed (no empathy) but every question answered, the customer said
    "可我还是不知道钱到底能不能全退回来" — just answered. Her line now claims nothing; the report lists the step."""
    scenario = real_scenarios["cooling-off-cancel"]
    session = DialogueSession(scenario, real_facts, seed=0)
    report, _ = play(session, ["麻烦您先说一下投保人姓名和身份证后四位，我核对一下身份。",
                               "您是8天前签收的，还在犹豫期内，犹豫期是15天，现在申请来得及。",
                               "犹豫期内退保，退还您交的全部保费，只扣不超过10元的工本费。",
                               "您可以在官方App上提交解除合同申请，也可以带身份证件和银行账户信息去柜面办理。",
                               "申请受理后，一般30日内钱会退回您的账户。好的，今天就到这里，祝您生活愉快，再见。"])
    assert report.outcome == "closed_open" and not [m for m in report.missed if open_question(m)]
    assert report.transcript[-1].text != scenario.lines.unfinished
    session = DialogueSession(scenario, real_facts, seed=0)  # guard: a question left open is named in her last line
    report, _ = play(session, ["孙女士您好，您的犹豫期是15天，现在还在犹豫期内。", "好的，那今天就先到这里，祝您生活愉快，再见！"])
    # (the scenario's line, about the refund amount, until polish27: her open question was 现在还来得及吗)
    assert "我是8天前签收的，现在还来得及吗？" in report.transcript[-1].text


def test_anything_else_lets_the_customer_ask_what_is_still_on_their_mind(real_scenarios, real_facts):
    session = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, seed=0)
    session.start()
    session.reply("孙女士您好，理解您的担心，您的犹豫期是15天，现在还在犹豫期内。")
    turn = session.reply("请问您还有其他问题吗？")
    assert not turn.done  # an open question is pressed again, or the next one asked: not a goodbye
    lines = session.scenario.lines
    assert any(f.ask in turn.text for f in lines.follow_ups) or any(p in turn.text for p in lines.pushback)


def test_the_report_never_lists_a_question_the_customer_did_not_ask(real_scenarios, real_facts):
    for scenario in real_scenarios.values():
        report, _ = play(DialogueSession(scenario, real_facts, seed=0), ["你快点讲，我很忙。"] * 3)
        said = "".join(customer_lines(report))
        for item in report.missed:
            if open_question(item):
                assert open_question(item) in said, (scenario.id, item)


def test_a_fact_written_without_a_full_stop_does_not_run_into_the_next_sentence(real_scenarios, real_facts):
    assert compose("对了，", "8天前签收保单", "我是8天前签收的，现在还来得及吗？") == "对了，8天前签收保单。我是8天前签收的，现在还来得及吗？"
    scenario = real_scenarios["cooling-off-cancel"]  # a product's name is written without one
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), ["孙女士，您买的是哪款保险？"])
    assert customer_lines(report)[1].startswith(scenario.persona.facts["product"] + "。"), customer_lines(report)


def test_a_fact_her_next_question_says_is_not_said_twice(real_scenarios, real_facts):
    """您是哪天签收的保单？ — her question 我是8天前签收的，现在还来得及吗？ answers it: not 8天前签收保单。 before it."""
    report, _ = play(DialogueSession(real_scenarios["cooling-off-cancel"], real_facts, seed=0), ["您是哪天签收的保单？"])
    assert customer_lines(report)[1].count("8天前签收") == 1, customer_lines(report)


def _re_asked(session: DialogueSession, report) -> list[str]:
    """Mood or pushback lines the customer said after the call had answered what they ask (judge17)."""
    asking = session.scenario.lines.asking
    agent_turns = [u for u in report.transcript if u.speaker == "agent"]
    customer_after = [u.text for u in report.transcript if u.speaker == "customer"][1:]
    found = []
    for turn, (agent, said) in enumerate(zip(agent_turns, customer_after), start=1):
        settled = {c for c, at in session.state.done.items() if at <= turn}
        for line, ids in asking.items():
            if line in said and settled & set(ids):
                found.append(f"t{turn} {line}")
    return found


@pytest.mark.parametrize("scenario_id, replies, line", [
    ("fraud-suspicious-callback",
     ["您好，我是XX人寿的回访专员，工号4102，这次来电是为您上周投保的保单做回访。",
      "您可以挂断后自己拨打保单上的官方客服热线核实，也可以在那里完成回访。",
      "嗯，好的。", "我这边先记录一下。", "嗯，明白。", "好的，您再考虑一下。"],
     "你说你是保险公司的，怎么证明？"),
    ("cooling-off-cancel",
     ["麻烦您说一下投保人姓名和身份证后四位。", "您是8天前签收的，现在还在犹豫期内，来得及。",
      "嗯，好的。", "我这边先记录一下。", "嗯，明白。", "好的，您再想想。"],
     "那我到底还来不来得及？"),
])
def test_a_mood_line_does_not_ask_what_the_call_has_answered(real_scenarios, real_facts, scenario_id, replies, line):
    """judge16 found "你说你是保险公司的，怎么证明？" after the official-hotline step and "那我到底还来不来得及？"
    after 还在犹豫期内: a mood line listed in the scenario's `asking` is not said once its step is met."""
    scenario = real_scenarios[scenario_id]
    assert line in scenario.lines.asking
    for seed in range(12):
        session = DialogueSession(scenario, real_facts, seed=seed)
        report, _ = play(session, replies)
        assert not _re_asked(session, report), (seed, _re_asked(session, report))


def test_a_mood_line_is_still_said_while_its_question_is_open(real_scenarios, real_facts):
    """Guard: before the hotline step the suspicious customer may still ask how to tell the call is real."""
    scenario = real_scenarios["fraud-suspicious-callback"]
    said = set()
    for seed in range(12):
        report, _ = play(DialogueSession(scenario, real_facts, seed=seed),
                         ["您好，我是XX人寿的回访专员，工号4102。", "嗯，好的。", "我这边先记录一下。", "嗯，明白。"])
        said |= {line for line in scenario.lines.asking if line in "".join(customer_lines(report))}
    assert "你说你是保险公司的，怎么证明？" in said


def test_no_scenario_re_asks_what_its_model_answers_answered(real_scenarios, real_facts):
    for scenario in real_scenarios.values():
        for seed in range(4):
            session = DialogueSession(scenario, real_facts, seed=seed)
            report, _ = play(session, list(scenario.model_answers))
            assert not _re_asked(session, report), (scenario.id, seed)


def test_the_voice_passes_over_a_settled_line_and_falls_back():
    from trainer.dialogue.scenario import CustomerLines
    lines = CustomerLines("", {"calm": ("好。",), "upset": ("怎么证明？", "我不信。"), "angry": ("报警！",)}, ("你没回答。",),
                          (), "", "", "", asking={"怎么证明？": ("how-confirm",)})
    voice = CustomerVoice(lines, "吴晓东", {}, random.Random(0))
    said = [voice.respond(TurnAct(), "upset", "", "", frozenset({"how-confirm"})) for _ in range(2)]
    assert "怎么证明？" not in "".join(said) and said[0] == "我不信。"
    voice = CustomerVoice(lines, "吴晓东", {}, random.Random(0))
    assert "怎么证明？" in "".join(voice.respond(TurnAct(), "upset", "", "") for _ in range(2))  # guard: open, it is said


# judge20: "我问的你还没回答呢" after a vague reply is said only while a question of hers is open.
@pytest.mark.parametrize("line, pressing", [
    ("我问的你还没回答呢。", True), ("你先回答我的问题。", True), ("我问的不是这个！", True), ("你还没告诉我呢，你说慢点。", True),
    ("别扯别的，我问你话呢！", True), ("你没回答我的问题。", True),
    ("你就直接告诉我吧。", False), ("别绕了，说重点。", False), ("你说了半天，我还是不知道呀。", False),  # guards
    ("你少跟我兜圈子，能不能办？", False),
    # judge31: a rhetorical 什么叫我的问题 (the blamed 代签 customer) presses nothing; answering 我的问题 does
    ("什么叫我的问题？是你们业务员说让我老婆签就行的！", False), ("那是我的问题吗？", False), ("你还没回我的问题呢。", True),
])
def test_a_line_pressing_an_unanswered_question_is_told_apart(line, pressing):
    assert presses_a_question(line) is pressing


@pytest.mark.parametrize("scenario_id", ["cooling-off-cancel", "grace-period-short-of-money", "permanent-lapse-angry",
                                         "ci-claim-declined", "stroke-claim-early"])
def test_pushback_claims_an_unanswered_question_only_while_one_is_open(real_scenarios, scenario_id):
    lines = real_scenarios[scenario_id].lines
    for seed in range(12):
        closed = CustomerVoice(lines, "客户", {}, random.Random(seed))
        said = [closed.respond(TurnAct(pushed_back=True), "upset", "", "", open_question=False) for _ in range(3)]
        assert not any(presses_a_question(part) for text in said for part in lines.pushback if part in text), said
    pressed = set()
    for seed in range(12):
        open_ = CustomerVoice(lines, "客户", {}, random.Random(seed))
        pressed |= {p for p in lines.pushback if presses_a_question(p) and p in open_.respond(TurnAct(pushed_back=True), "upset", "", "")}
    assert pressed  # guard: with a question open she still presses it


def test_after_her_last_question_is_answered_a_vague_reply_is_not_met_with_my_question_is_unanswered(real_scenarios, real_facts):
    """cooling-off-cancel, every question answered, then "嗯嗯，好的好的。": before judge20 8 of 20 seeds answered
    "我问的你还没回答呢。" (a pushback line, in `not_asking`: `asking` cannot say "only while a question is open")."""
    scenario = real_scenarios["cooling-off-cancel"]
    replies = [*scenario.model_answers[:4], "申请提交后，一般在30日内把款项退到您本人账户。"]
    pressed_while_open = 0
    for seed in range(20):
        call = DialogueSession(scenario, real_facts, seed=seed)
        call.start()
        for reply in replies:
            call.reply(reply)
        assert not call._question_waiting()
        assert not presses_a_question(call.reply("嗯嗯，好的好的。").text)
        # guard: her first question open, the same vague reply may still be pressed
        early = DialogueSession(scenario, real_facts, seed=seed)
        early.start()
        early.reply(scenario.model_answers[0])
        pressed_while_open += presses_a_question(early.reply("嗯嗯，好的好的。").text)
    assert pressed_while_open


def test_a_yes_no_question_stating_her_own_fact_gets_a_yes_not_the_fact_back(real_scenarios, real_facts):
    call = DialogueSession(real_scenarios["callback-cooperative"], real_facts)
    call.start()
    call.reply("您好，我是XX人寿的客服专员。请问您是李秀兰女士本人吗？麻烦您说一下身份证后四位。")
    line = call.reply("我先跟您确认：您是否通过我们的业务员投保了安享终身寿险？").text
    assert line.startswith(("对", "是的", "嗯")) and "安享终身寿险" not in line
    facts = {"product": "安享终身寿险", "signer": "是我老婆替我签的，那天我在外地出车。"}
    assert confirms("您是否投保了安享终身寿险？", facts["product"])
    assert not confirms("您投保的是哪款产品？", facts["product"])  # asks for the detail
    assert not confirms("签名是您本人亲笔签的吗？", facts["signer"])  # her answer is not the question's words


@pytest.mark.parametrize("seed", range(6))
def test_after_a_greeting_the_customer_presses_no_question_she_has_not_asked(real_scenarios, real_facts, seed):
    """qa17: to 喂？谁啊？ the agent said who she is, and the customer answered 你就直接告诉我怎么办吧 (a question of
    a matter not raised yet) or 我问的你倒是说啊 (her who-is-it was answered)."""
    call = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts, seed=seed)
    call.start()
    line = call.reply("您好，我是客服小王。").text
    assert not presses_a_question(line) and line not in call.scenario.lines.asking, line


def test_asked_what_she_needs_on_a_call_the_company_made_the_customer_says_they_called_her(real_scenarios, real_facts):
    """qa17: to "请问有什么可以帮您？" in a callback the customer answered 这我哪记得，你们自己查查吧 (as if asked a detail)."""
    callback = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts)
    callback.start()
    line = callback.reply("您好，我是客服小王，请问有什么可以帮您？").text
    assert "你们" in line and "打" in line, line
    inbound = DialogueSession(real_scenarios["cooling-off-cancel"], real_facts)
    inbound.start()
    assert "打给我" not in inbound.reply("您好，请问有什么可以帮您？").text


def test_a_triggers_own_line_is_said_even_when_no_question_of_hers_is_open(real_scenarios):
    """什么叫我的问题？ (the 代签 customer's answer to blame) reads like 我的问题 pressed as unanswered; with no question
    of hers open it was passed over, and the blamed customer said 你说快点，我赶时间。 instead."""
    scenario = real_scenarios["callback-proxy-signature"]
    blamed = next(t.say for t in scenario.triggers if t.when == "blame")
    voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, random.Random(0))
    line = voice.respond(TurnAct(fault_line=blamed, faulted=True), "upset", "", "", open_question=False)
    assert line == blamed


# qa20: after a complete answer (every step but the goodbye done, no question of hers open) the media-threat customer
# said 那你说吧，我听着。, waiting for more that was not coming; three of her four calm lines ask the trainee to go on.
@pytest.mark.parametrize("seed", range(6))
def test_once_all_is_said_the_customer_does_not_ask_the_trainee_to_go_on(real_scenarios, real_facts, seed):
    scenario = real_scenarios["media-threat-unreasonable-demand"]
    call = DialogueSession(scenario, real_facts, seed=seed)
    call.start()
    for reply in scenario.model_answers[:4]:
        said = call.reply(reply)
        assert said.text  # guard: before the last step she may ask for more, and still says something
    turn = call.reply("投诉登记后，一般在15日内给您处理结果，情况复杂的可以延长到30日。")
    assert {c.id for c in scenario.checkpoints} - set(call.state.done) == {"close"} and not turn.done
    assert turn.band == "calm" and turn.text
    assert not invites_more(turn.text), turn.text
    assert turn.text not in scenario.lines.bands["upset"], turn.text  # calm, she takes it in: no upset line


@pytest.mark.parametrize("line, inviting", [("那你说吧，我听着。", True), ("嗯，你接着说。", True), ("然后呢？", True),
                                            ("行，这个我知道了。", False), ("你说的时间怎么跟我听说的不一样？", False)])
def test_a_line_asking_the_trainee_to_go_on_is_told_apart(line, inviting):
    assert invites_more(line) is inviting


def test_the_closing_line_of_a_call_with_a_question_open_is_about_that_question(real_scenarios):
    """polish27: her `unfinished` line is the scenario's when it names the question left open or none of hers; a line
    about another of her questions (cooling-off-cancel's 钱到底能不能全退回来, lapse-reinstatement's 该怎么恢复) gives way to the
    open question in its own words."""
    from trainer.dialogue.lines import unfinished_line

    def said(scenario_id: str, question: str) -> str:
        scenario = real_scenarios[scenario_id]
        return unfinished_line(scenario.lines, next(f for f in scenario.lines.follow_ups if f.id == question))

    cooling, lapse = real_scenarios["cooling-off-cancel"].lines, real_scenarios["lapse-reinstatement"].lines
    assert said("cooling-off-cancel", "full-refund") == cooling.unfinished
    assert "钱多久能到账？" in said("cooling-off-cancel", "when-money") and "全退" not in said("cooling-off-cancel", "when-money")
    assert said("lapse-reinstatement", "how-restore") == lapse.unfinished
    assert "能赔吗" in said("lapse-reinstatement", "sick-now")
    for scenario in real_scenarios.values():  # every line is the scenario's or names the open question
        for follow_up in scenario.lines.follow_ups:
            line = unfinished_line(scenario.lines, follow_up)
            assert line == scenario.lines.unfinished or follow_up.ask in line, (scenario.id, follow_up.id, line)
    generic = real_scenarios["ci-claim-declined"]  # 我问的事你还没说清楚呢: about any of them
    assert {unfinished_line(generic.lines, f) for f in generic.lines.follow_ups} == {generic.lines.unfinished}


# qa25 C1: the customer's lines follow what was said.

def _customer_after(session: DialogueSession, replies: list[str]) -> list[str]:
    session.start()
    return [session.reply(reply).text for reply in replies]


def test_an_outbound_customer_answers_a_greeting_not_news_nobody_told_her(real_scenarios, real_facts):
    """A lapse notice's customer (she asked 什么事？) hears a greeting and an identity check: she gives her name and
    digits, not shock at a lapse or 什么叫中止？; once told, she reacts and asks."""
    scenario = real_scenarios["lapse-reinstatement"]
    news = [*scenario.lines.bands["upset"], *scenario.lines.bands["angry"], *(f.ask for f in scenario.lines.follow_ups)]
    for seed in range(6):
        first, told = _customer_after(DialogueSession(scenario, real_facts, seed=seed), [
            "喂您好，黄女士吗？我这边是安泰人寿的客服小刘，想跟您说件保单上的事，先帮您核一下身份，身份证最后四位是多少？",
            "好的，核对上了。是这样，您这张保单的续期保费一直没扣上，过了宽限期，现在效力中止了。"])
        assert "3307" in first
        assert not any(line in first for line in news), first
        assert "中止" not in first and "恢复" not in first, first
        assert told != "嗯，你说。" and any(line in told for line in news), told


def test_a_customer_told_how_does_not_ask_how(real_scenarios, real_facts, judge):
    """行，那你告诉我怎么弄。 is a softened line that asks how to reinstate: not said once she has been told how."""
    scenario = real_scenarios["lapse-reinstatement"]
    for seed in range(12):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), [
            "黄女士您好，我是安泰人寿客服，请您报一下身份证后四位，我核对一下。",
            "谢谢。您的保单因为扣款没成功，现在处于效力中止，也就是合同还在，只是保障先暂停了。",
            "您别着急，我理解您的心情。中止期间要是出了事，公司一般不承担保险责任。",
            "我特别理解您现在心里着急。恢复的话要填一份复效申请书，如实做健康告知，再补交欠的保费和利息，公司审核后恢复。"])
        assert "你告诉我怎么弄" not in lines[-1], (seed, lines)


def test_told_something_the_customer_does_not_tell_the_agent_to_go_ahead(real_scenarios, real_facts, judge):
    """好，你说。 answers "I have something to tell you", not an answer she has just been given."""
    scenario = real_scenarios["grace-period-short-of-money"]
    said = []
    for seed in range(12):
        said += _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), [
            "陈先生您好，我是安泰人寿的客服，跟您核对一下，您身份证后四位是？",
            "失业了确实不容易，我特别理解您。您别担心，保单还没作废，合同有60天的宽限期，这期间保障照常有效。",
            "这期可以走自动垫交，用保单的现金价值先垫上这期保费，保单继续有效。",
            "要是以后一直交不起，还可以申请减额交清，以后不用再交保费，保额相应变小。",
            "钱不能转给业务员个人，请从您本人的银行账户扣款，或者用我们官方App交。",
            "这几个办法选哪个由您自己决定，想好了随时打95519。"])[1:]
    assert not any(re.search(r"你(说|问)吧?[。！]?$", line) for line in said), said


@pytest.mark.parametrize("check", [
    "我这么讲您能听明白吗？", "刚才这些，您听懂了吗？",
    "这些我讲清楚了没有？",  # after 对吧？ in the same reply: the last question is the one she answers (qa25, qa26)
])
def test_asked_whether_she_understood_she_says_whether_she_did(real_scenarios, real_facts, check):
    """Not 嗯，是的。 / 是，你说吧。 — a yes to go on — but whether she followed: not yet while her question waits."""
    scenario = real_scenarios["callback-elderly-dividends"]
    for seed in range(6):
        session = DialogueSession(scenario, real_facts, seed=seed)
        answered, waiting = _customer_after(session, [
            "周阿姨您好，我是安泰人寿回访的小李，麻烦您说一下身份证最后四位。",
            f"阿姨，买保险那天在银行录音录像了，对吧？{check}"])
        assert "明白" in waiting or "懂" in waiting, waiting
        assert not any(waiting.startswith(yes) for yes in ("嗯，是的。", "是，你说吧。", "对。", "嗯，可以。")), waiting


def test_a_yes_or_no_question_about_her_case_gets_the_part_it_asks(real_scenarios, real_facts, judge):
    """当时录了像没有 — she answers that part in her own words, not the persona's whole field read out."""
    scenario = real_scenarios["callback-elderly-dividends"]
    session = DialogueSession(scenario, real_facts, seed=0, judge=judge)
    _, answer = _customer_after(session, [
        "周阿姨好，我是安泰人寿做回访的，麻烦您报一下身份证最后四位，核对一下是您本人。",
        "谢谢阿姨。您在银行买的那天，是不是做了录音录像？"])
    assert "做了录音录像" in answer, answer
    assert not answer.startswith(("银行网点", "在银行买的，")), answer


# qa26 C1, C2: 小周, a nervous week-1 agent who apologises in every reply (her exact words).

XIAOZHOU_SIGNATURE = [
    "嗯…您好，不好意思打扰您了，我是安泰人寿的客服小周…那个，这边是给您做一个新单回访，请问您是投保人本人吗",
    "好的赵先生，谢谢…嗯我看一下哈…你上个月是买了一份定期寿险对吧，那个投保单上的签名是你自己亲手签的吗",
    "啊…不好意思不好意思，那个…这个情况我这边要如实记录一下哈，按规定签名是要本人亲笔签的…嗯…我们会有专门的同事，不是那个业务员，"
    "15个工作日内联系你处理",
    "嗯…可以的可以的，你现在应该还在犹豫期里…不好意思我看一下哈…犹豫期是从签收保单起15天，这期间可以申请解除合同，保费会退回来，"
    "最多扣10块钱工本费",
    "好的好的没事…那不好意思耽误你时间了哈，还有别的问题吗？没有的话就先这样，谢谢赵先生，再见"]
XIAOZHOU_CLAIM = [
    "啊…您好您好，不好意思…那个您先别着急，我是客服小周…嗯…我先帮您查一下理赔的情况哈，麻烦您报一下身份证后四位",
    "嗯嗯…理解理解，放了支架住院确实很辛苦，不好意思哈…那个…我看一下哈…就是重疾里心梗写的是“较重急性心肌梗死”，要达到条款里那几个指标"
    "才算，比如…嗯…心功能那些…你这个可能是没达到那个标准",
    "那个…不好意思哈，这个结论我这边改不了…你可以先问问你的业务员…或者…嗯…如果有新的检查报告、出院小结这些，可以补充材料申请复核。"
    "还有你保单里有轻症责任，心梗没到重症的话可以看看轻症能不能赔",
    "投诉的话…嗯…一般是7个工作日吧…啊不好意思不好意思我说错了，是收到投诉之日起15日内给答复，情况复杂的可以延长。您要投诉的话我现在就可以"
    "帮您登记",
    "对不起对不起，刚才是我口误，以15日内答复为准…那个…还有其他我能帮你的吗？没有的话祝您早日康复，再见"]


def test_an_apology_to_a_calm_customer_gets_no_softened_line_and_her_answers_fit_the_questions(real_scenarios, real_facts,
                                                                                                 judge):
    """The driver's mood never leaves calm: 那还差不多，你说吧。 / 嗯，我也不是冲你。 answer nothing he felt. 是我… answers
    请问您是投保人本人吗 — not 对，我是赵军，身份证后四位7731。 unasked; 签名是你自己亲手签的吗 gets his confession, not 行，我知道了。"""
    scenario = real_scenarios["callback-proxy-signature"]
    for seed in range(6):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), XIAOZHOU_SIGNATURE)
        assert "7731" not in lines[0] and "我是赵军" not in lines[0], (seed, lines[0])
        assert "老婆" in lines[1] and not lines[1].startswith(scenario.lines.bands["calm"]), (seed, lines[1])
        assert not [line for line in lines if any(soft in line for soft in scenario.lines.softened)], (seed, lines)


def test_her_digits_wait_until_the_agent_asks_for_them(real_scenarios, real_facts):
    scenario = real_scenarios["callback-proxy-signature"]
    session = DialogueSession(scenario, real_facts, seed=0)
    asked_who, asked_digits = _customer_after(session, ["您好，我是安泰人寿的回访专员，请问您是赵军先生本人吗？",
                                                        "好的，麻烦您报一下身份证后四位。"])
    assert "7731" not in asked_who and "7731" in asked_digits, (asked_who, asked_digits)


def test_apologies_to_a_calm_customer_bring_no_softened_lines(real_scenarios, real_facts):
    """不好意思 in every reply: the driver was never upset, so 那还差不多，你说吧。 / 嗯，我也不是冲你。 fit none (qa26 C1)."""
    scenario = real_scenarios["callback-proxy-signature"]
    for seed in range(3):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed), [
            "不好意思，请问您是赵军先生本人吗？", "真的很抱歉，给您添麻烦了。", "不好意思，是我们没做好。", "实在不好意思，让您久等了。"])
        assert not [line for line in lines if any(soft in line for soft in scenario.lines.softened)], (seed, lines)


def test_told_how_to_contest_the_upset_customer_does_not_ask_to_be_told(real_scenarios, real_facts):
    """行，你说，我听听看。 / 那你给我讲讲。 (softened lines) after a reply that explained the claim rule (qa26 C1)."""
    scenario = real_scenarios["ci-claim-declined"]
    for seed in range(6):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed), XIAOZHOU_CLAIM)
        assert not [line for line in lines[1:] if "我听听看" in line or "给我讲讲" in line], (seed, lines)


def test_a_wrong_complaint_deadline_is_no_quarrel_with_the_claim_letter(real_scenarios, real_facts, judge):
    """7个工作日吧…我说错了，是…15日内: her reaction doubts the figure; the 通知书 (the claim letter) says nothing of
    complaints (qa26 C2)."""
    # Her complaint deadline left wrong (judge52: corrected in the same breath, as 小周 did, it is no wrong figure and
    # draws no reaction at all).
    turns = [*XIAOZHOU_CLAIM[:3], "投诉的话…嗯…一般是7个工作日给答复。您要投诉的话我现在就可以帮您登记", *XIAOZHOU_CLAIM[4:]]
    lines = _customer_after(DialogueSession(real_scenarios["ci-claim-declined"], real_facts, seed=0, judge=judge), turns)
    assert "通知书" not in lines[3] and "准不准" in lines[3], lines[3]


@pytest.mark.parametrize("scenario_id, question, form", [
    ("cooling-off-cancel", "孙女士，您首期保费交了多少？", "首期保费8800元"),
    ("callback-cooperative", "李女士，您这份保单每年交多少钱？", "年交6000元"),
    ("ci-claim-declined", "张先生，通知书上写的理由是什么？", "未达到“较重急性心肌梗死”标准"),
    ("dividend-below-promise", "林先生，业务员当时是怎么跟您说的？", "业务员说每年分红保底5%"),
    ("media-threat-unreasonable-demand", "王女士，您希望我们怎么处理？", "全额退还保费，再赔5万元"),
])
def test_the_facts_call_transcripts_quote_are_said_as_sentences_too(real_scenarios, scenario_id, question, form):
    """首期保费8800元 / 年交6000元，交10年 … read out as a form's cells (customer52 left them: call transcripts quote them);
    now a sentence of hers around the same words (customer53)."""
    scenario = real_scenarios[scenario_id]
    voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, random.Random(0))
    answer = voice.respond(TurnAct(question=question), "upset", "", "")
    assert not answer.startswith(form) and answer.endswith(("。", "！")), answer
    assert any(fact in answer for fact in scenario.persona.facts.values()), answer


@pytest.mark.parametrize("scenario_id, question, form_words", [
    ("grace-period-short-of-money", "陈先生，您这期保费一年交多少？", "年交保费"),
    ("grace-period-short-of-money", "陈先生，您这期过了应交日几天了？", "应交日已过"),
    ("permanent-lapse-angry", "郑先生，您现在保单状态是什么样的？", "后合同已解除"),
    ("stroke-claim-early", "陈女士，这份保单的被保险人是谁？", "丈夫刘志强"),
])
def test_an_open_question_about_her_case_is_answered_in_her_voice_not_as_a_form_field(real_scenarios, scenario_id,
                                                                                      question, form_words):
    """应交日已过20天 / 年交保费12000元 read out whole: a form, not a person (qa25 C1's last note, customer52)."""
    scenario = real_scenarios[scenario_id]
    voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, random.Random(0))
    answer = voice.respond(TurnAct(question=question), "upset", "", "")
    assert form_words not in answer, answer
    assert any(fact.rstrip("。") in answer for fact in scenario.persona.facts.values()), answer


# qa27 C1, qa28 C1: her last line tells only of what the call had (customer53).

AJIE_LAPSE = [  # qa27: 阿杰, impatient, northern speech — he never spoke of the debit card
    "黄女士是吧？安泰人寿客服小杰，跟您说下保单的事。先核个身份，身份证后四位报一下",
    "得嘞。您这单续期扣款没扣上，宽限期也过了，现在是效力中止，就是合同还在，保障先停了",
    "中止这段出事一般不赔，具体看条款。所以您得抓紧整复效，可别磨叽了",
    "填个复效申请书，被保险人做健康告知，补交欠的保费和利息，公司审核，能不能过我不打包票。柜台或者官方App都能办，中止起两年内都行",
    "您呐别慌，这事能整明白。还有啥要问的不？没有就这样，回见"]
AJIE_PERMANENT_LAPSE = [
    "郑先生，您别急，这事搁谁身上都窝火。我是客服小杰，先核个身份，您全名和身份证后四位报一下",
    "您呐先听我说完。您这单停交以后过了宽限期就中止了，中止满两年没办复效，按保险法公司有权解除合同，退您现金价值",
    "通知这事我给您查。按规定中止后公司10个工作日内得发通知，我这就调通知记录，看当时寄哪儿了。您搬过家是吧？联系方式我顺手给您更新"]
XIAOMEI_DIVIDEND = [  # qa28: 小美, exam mode, careful and polite
    "林先生您好，实在抱歉让您久等了，您的心情我非常理解，交了三年钱看到分红这么少，换谁都着急。麻烦您先报一下投保人姓名和身份证后四位，"
    "我帮您核对保单。",
    "好的林先生，信息核对上了。我跟您说实话，分红险的分红是不保证的，每年分多少要看公司当年实际经营得怎么样，好的年份多一点，差的年份少一点，"
    "合同里没有保底5%这个说法。",
    "您说的说明书上高、中、低那几档数字，是当时按假设的收益率举个例子算给您看的，只是参考，不代表您实际能拿到这么多，也不是公司给您的承诺。",
    "管的，林先生。业务员当时说保底5%这件事，我现在就给您登记成投诉，会有不负责销售的同事去核实当时是怎么介绍的，最晚半个月内会给您答复，"
    "情况复杂的会提前跟您说明延期。",
    "从今天登记起算，半个月之内一定给您答复，到时候会打您留在保单上的这个电话。",
    "好的林先生，今天给您添麻烦了，请问还有其他需要帮您的吗？没有的话就不打扰您了，祝您生活愉快，再见。"]


def _last_line(session: DialogueSession, replies: list[str]) -> str:
    report, _ = play(session, replies)
    assert session.done, report
    return next(u.text for u in reversed(session.transcript) if u.speaker == "customer")


def test_the_lapse_customer_changes_her_debit_card_only_when_told_to(real_scenarios, real_facts, judge):
    """阿杰's call resolved with 顺便把扣款的卡也换了 — advice he never gave (qa27 C1). Told it, she says it."""
    scenario = real_scenarios["lapse-reinstatement"]
    for seed in range(3):
        session = DialogueSession(scenario, real_facts, seed=seed, judge=judge)
        untold = _last_line(session, AJIE_LAPSE)
        assert session.state.outcome == "resolved" and "卡" not in untold and "复效" in untold, (seed, untold)
    advised = [*AJIE_LAPSE[:4], AJIE_LAPSE[4].replace("您呐别慌，", "您呐别慌，工资卡换了就把扣款账户也变更一下。")]
    told = _last_line(DialogueSession(scenario, real_facts, seed=0, judge=judge), advised)
    assert "扣款的卡" in told, told


# The model call with the detail its resolution tells of taken out of the trainee's words: the last line follows.
@pytest.mark.parametrize("scenario_id, taken_out, not_told, told", [
    ("lapse-reinstatement", {"另外换了卡的话，记得一起办理扣款账户变更。": ""}, "卡", "扣款的卡"),
    ("cooling-off-cancel", {"通过我们的官方App，或者带上身份证件到柜面": "带上身份证件到柜面", "，处理进度也可以在App里查看": ""},
     "App", "App"),
    ("fraud-suspicious-callback", {"自己拨打我们保单上印着的官方客服热线，或者登录官方App": "自己登录我们的官方App"}, "热线", "热线"),
    ("grace-period-short-of-money", {"本人账户、官方App或者柜面": "本人账户"}, "App", "App"),
    ("stroke-claim-early", {"，请医院做一次神经功能评估": "", "，还有评估结果": ""}, "评估", "评估"),
])
def test_a_resolved_customer_says_only_what_she_was_told(real_scenarios, real_facts, judge, scenario_id, taken_out,
                                                         not_told, told):
    """好的，那我今天就去App上申请。 after an agent who named only the counter; 自己打你们官方热线 after one who named only the
    App; 满了180天做完评估 with no 评估 said: a resolution tells of what the call had (customer53)."""
    scenario = real_scenarios[scenario_id]
    answers = list(scenario.model_answers)
    assert _last_line(DialogueSession(scenario, real_facts, judge=judge), answers).count(told) > 0
    for old, new in taken_out.items():
        assert any(old in a for a in answers), old
        answers = [a.replace(old, new) for a in answers]
    session = DialogueSession(scenario, real_facts, judge=judge)
    line = _last_line(session, answers)
    assert session.state.outcome == "resolved" and not_told not in line, line


def test_asked_whether_he_moved_the_customer_says_when_not_a_bare_yes(real_scenarios, real_facts, judge):
    """您搬过家是吧？ was answered 对。 (qa27 C1): his own fact, in his words."""
    scenario = real_scenarios["permanent-lapse-angry"]
    for seed in range(3):
        answer = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), AJIE_PERMANENT_LAPSE)[-1]
        assert "搬过一次家" in answer, (seed, answer)


def test_after_the_complaint_is_registered_her_last_line_does_not_say_nothing_was_done(real_scenarios, real_facts, judge):
    """就这样？那我这个事到底怎么说，你也没给我个准话。 after 我现在就给您登记成投诉 … 半个月内会给您答复 (qa28 C1)."""
    scenario = real_scenarios["dividend-below-promise"]
    for seed in range(3):
        line = _last_line(DialogueSession(scenario, real_facts, seed=seed, judge=judge), XIAOMEI_DIVIDEND)
        assert "准话" not in line and "到底怎么说" not in line, (seed, line)
    unregistered = [*XIAOMEI_DIVIDEND[:3], "这个情况我知道了。", XIAOMEI_DIVIDEND[5]]
    line = _last_line(DialogueSession(scenario, real_facts, seed=0, judge=judge), unregistered)
    assert line == scenario.lines.unfinished or "还没" in line, line


def test_told_the_complaint_deadline_she_does_not_ask_how_long(real_scenarios, real_facts, judge):
    scenario = real_scenarios["dividend-below-promise"]
    lines = _customer_after(DialogueSession(scenario, real_facts, seed=0, judge=judge), XIAOMEI_DIVIDEND[:4])
    assert "投诉了多久" not in lines[3], lines[3]


# customer53's notes: her mood line answers what the reply said (customer54).

# A lapse notice whose agent names the grace period a turn before the news (宽限期 tells her the call is about the
# policy; 效力中止 is the news), then soothes her, then tells how to reinstate.
NEWS_LATE = [
    "黄女士您好，我是安泰人寿客服小杰。请问您是黄美玲女士本人吗？麻烦说一下身份证后四位。",
    "好的，核实好了。您这期保费宽限期已经过了，我跟您说一下情况。",
    "现在保单是效力中止，合同还在，保障暂停了。",
    "您先别着急，我理解您的心情。",
    "可以申请复效：填复效申请书，做健康告知，补交保费和利息。"]


def test_a_line_that_presumes_the_news_never_comes_before_the_news(real_scenarios, real_facts, judge):
    """怎么会这样，我一直以为保单好好的。 / 那我现在要是生病了怎么办？ came to 宽限期已经过了 before anyone said the policy was
    suspended — and in the same breath 什么？我的保单怎么了？ (main, seeds 0–5). Now none before the news; right after
    it, her surprise; once she knows how to reinstate, no surprise again (qa27 C1: 怎么会这样 after the way to reinstate)."""
    scenario = real_scenarios["lapse-reinstatement"]
    presumes = [line for line, reacts in scenario.lines.reacting.items() if reacts.after or reacts.right_after]
    surprise = [line for line in presumes if scenario.lines.reacting[line].right_after]
    assert len(surprise) == 2 and len(presumes) >= 6
    for seed in range(6):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), NEWS_LATE)
        assert not any(line in said for said in lines[:2] for line in presumes), (seed, lines[:2])
        assert any(line in lines[2] for line in surprise), (seed, lines[2])
        assert not any(line in said for said in lines[3:] for line in surprise), (seed, lines[3:])
    for seed in range(3):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), AJIE_LAPSE[:4])
        assert not any(line in lines[3] for line in surprise), (seed, lines[3])


def test_a_debit_account_said_in_cantonese_changes_her_last_line_too(real_scenarios, real_facts, judge):
    """扣款嘅账户 is 扣款账户 as the judge reads it (`spoken_cues`); customer53 matched the listed letters only and she said
    the plain line."""
    scenario = real_scenarios["lapse-reinstatement"]
    said = [*AJIE_LAPSE[:4], AJIE_LAPSE[4].replace("您呐别慌，", "您呐别慌，工资卡唔同咗，记得将扣款嘅账户都变更埋。")]
    assert not any(word in said[4] for e in scenario.lines.end_lines for word in e.said)
    for seed in range(3):
        told = _last_line(DialogueSession(scenario, real_facts, seed=seed, judge=judge), said)
        assert "扣款的卡" in told, (seed, told)


def test_asked_her_policy_status_the_lapse_customer_says_what_she_knows_not_a_form(real_scenarios):
    """效力中止约三个月 was read out as a form's cell, and before the news she does not know it (customer53's note)."""
    scenario = real_scenarios["lapse-reinstatement"]
    voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, random.Random(0))
    answer = voice.respond(TurnAct(question="黄女士，您现在保单状态您清楚吗？"), "upset", "", "")
    assert "效力中止" not in answer and "一直以为" in answer and answer.endswith("。"), answer


# qa30 C1: she asks once, a request is answered, and nothing is asked of the trainee after the goodbye.

def _questions(line: str) -> list[str]:
    return [s for s in sentences(line) if s.endswith(("？", "?"))]


def test_her_question_is_asked_once_not_again_in_her_reaction(real_scenarios, real_facts):
    """小周's 非常抱歉让您着急了…我理解您的心情 drew 我这心梗都放支架了，怎么就不算重疾？我都放了支架了，心梗还不算重疾？ — the empathy
    trigger's question and his first follow-up in one breath. The trigger's other words stay."""
    scenario = real_scenarios["ci-claim-declined"]
    ask = scenario.lines.follow_ups[0].ask
    for seed in range(6):
        line = _customer_after(DialogueSession(scenario, real_facts, seed=seed),
                               ["先生您好您好，我是安泰人寿的客服小周，呃，非常抱歉让您着急了，您先别生气，我理解您的心情。"])[0]
        assert ask in line and "怎么就不算重疾" not in line and "你总算说了句人话" in line, (seed, line)


@pytest.mark.parametrize("scenario_id", ["ci-claim-declined", "permanent-lapse-angry", "cooling-off-cancel",
                                         "fraud-suspicious-callback", "media-threat-unreasonable-demand"])
def test_no_customer_line_asks_one_question_twice(real_scenarios, real_facts, scenario_id):
    """Across her model call and a soothing-only call: no line holds two questions that say the same (`says_the_same`)."""
    scenario = real_scenarios[scenario_id]
    soothing = ["我非常理解您的心情，换谁都会着急。", "真的很抱歉，给您添麻烦了。", "您先别急，我理解。", "嗯嗯，好的。"]
    for replies in (list(scenario.model_answers), soothing):
        for seed in range(3):
            report, _ = play(DialogueSession(scenario, real_facts, seed=seed), replies)
            for line in customer_lines(report):
                asked = _questions(line)
                twice = [(a, b) for i, a in enumerate(asked) for b in asked[i + 1:] if says_the_same(a, b) or says_the_same(b, a)]
                assert not twice, (seed, line)


def test_told_the_answer_first_she_does_not_ask_it_in_her_reaction(real_scenarios, real_facts, judge):
    """Empathy and the definition in one reply: the trigger's 怎么就不算重疾？ asks what was just answered — left out."""
    scenario = real_scenarios["ci-claim-declined"]
    reply = ("张先生，我理解您的心情，换谁都着急。您这份合同按2020版定义，心梗要达到“较重急性心肌梗死”才赔重疾，需要至少满足"
             "一项，比如肌钙蛋白达到正常上限的15倍以上，或者确诊6周以后射血分数低于50%。")
    for seed in range(3):
        line = _customer_after(DialogueSession(scenario, real_facts, seed=seed, judge=judge), [reply])[0]
        assert "不算重疾" not in line and "你总算说了句人话" in line, (seed, line)


@pytest.mark.parametrize("reply", ["你好，我係安泰人寿客服陈生，唔好意思要先核对下身份，麻烦讲下投保人姓名同身份证后四位？",
                                   "您好，不好意思，先核实一下您的身份，麻烦说一下投保人姓名和身份证后四位？"])
def test_a_courtesy_apology_with_an_identity_request_gets_her_identity_not_reassurance(real_scenarios, real_facts, reply):
    """陈Sir's 唔好意思要先核对下身份 drew 嗯，你这么说我心里踏实点了。 (qa30 C1): reassured by a request. She answers it — her
    name and digits — with no softened line; empathy asked with it still soothes (the trigger's own words)."""
    scenario = real_scenarios["cooling-off-cancel"]
    for seed in range(6):
        line = _customer_after(DialogueSession(scenario, real_facts, seed=seed), [reply])[0]
        assert "5120" in line and not any(soft in line for soft in scenario.lines.softened), (seed, line)
    empathy = "您好，理解您的担心，先核实一下您的身份，麻烦说一下投保人姓名和身份证后四位？"
    trigger = next(t.say for t in scenario.triggers if t.when == "empathy")
    assert all(trigger in _customer_after(DialogueSession(scenario, real_facts, seed=seed), [empathy])[0] for seed in range(3))


def test_a_courtesy_apology_draws_no_apology_trigger(real_scenarios, real_facts):
    """permanent-lapse-angry's apology trigger (道歉有什么用，我要的是说法。) answers an apology, not 不好意思 before an ID request."""
    scenario = real_scenarios["permanent-lapse-angry"]
    trigger = next(t.say for t in scenario.triggers if t.when == "apology")
    for seed in range(3):
        line = _customer_after(DialogueSession(scenario, real_facts, seed=seed),
                               ["不好意思，先核实一下您的身份，麻烦报一下投保人姓名和身份证后四位。"])[0]
        assert trigger not in line, (seed, line)
    assert trigger in _customer_after(DialogueSession(scenario, real_facts, seed=0), ["真的很抱歉，给您添麻烦了。"])[0]


def test_after_the_goodbye_the_complaint_customer_asks_nothing_more(real_scenarios, real_facts):
    """qa30 C1: 行，那你先帮我登记… after 小周's goodbye. His last line says what he will do."""
    from tests.trainer.dialogue.test_golden import GOLDEN

    scenario = real_scenarios["ci-claim-declined"]
    told = _last_line(DialogueSession(scenario, real_facts, seed=0),
                      [*GOLDEN["ci-claim-declined"], "好的，那就先这样，感谢您的来电，祝您早日康复，再见。"])
    assert told == scenario.lines.resolution and not re.search(r"你们?先?(帮我|给我|把)", told), told


def test_told_not_to_change_her_card_she_does_not_say_she_will(real_scenarios, real_facts, judge):
    """不用换卡 said 换卡 to `end_lines` (customer54's note): read as the judge reads a step's cue after a negation."""
    scenario = real_scenarios["lapse-reinstatement"]
    said = [*AJIE_LAPSE[:4], AJIE_LAPSE[4].replace("您呐别慌，", "您呐别慌，您不用换卡，扣款照常。")]
    for seed in range(3):
        told = _last_line(DialogueSession(scenario, real_facts, seed=seed, judge=judge), said)
        assert "卡" not in told, (seed, told)


# customer54's note: three scenarios' mood lines that answer a kind of reply, listed under `reacting` (customer55).
NOTHING_TOLD = {
    "callback-elderly-dividends": ["阿姨您好，我是安泰人寿客服专员。请问您是周桂芳阿姨本人吗？", "谢谢阿姨，麻烦报一下身份证后四位。",
                                   "阿姨，这次给您打电话，是对您上周在银行买的分红型两全保险做个回访。", "嗯，您稍等，我看一下系统。",
                                   "好的阿姨。", "嗯嗯。"],
    "callback-cooperative": ["您好，我是安泰人寿的客服专员。请问您是李秀兰女士本人吗？", "是的，本次通话全程录音。",
                             "你这人怎么这么磨叽，快点回答。", "好的，我们继续。", "嗯，稍等一下。", "好的。"],
    "stroke-claim-early": ["您好，陈女士，我是安泰人寿客服。", "麻烦您报一下投保人姓名和身份证后四位。", "我这边帮您看一下。",
                           "您爱人现在怎么样了？"],
}


@pytest.mark.parametrize("scenario_id", sorted(NOTHING_TOLD))
def test_a_line_that_answers_an_explanation_waits_for_one(real_scenarios, real_facts, scenario_id):
    """On main 周阿姨 said 你说的这些词我有点绕不过来。 to 好的阿姨。, 李女士 这跟我当时听的好像不太一样啊。 to 嗯，稍等一下。, 陈女士
    说来说去，就是现在不给赔。 to an ID request: lines that answer something told, before anything was. Told something
    (her model call, 李女士's 录音 question answered) she says them."""
    scenario = real_scenarios[scenario_id]
    listed = set(scenario.lines.reacting)
    assert len(listed) >= 5
    heard = set()
    for seed in range(6):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed), NOTHING_TOLD[scenario_id])
        told_nothing = lines[2:] if scenario_id == "callback-cooperative" else lines  # her 录音 question is answered first
        assert not [line for line in listed if any(line in said for said in told_nothing)], (seed, lines)
        heard |= {line for line in listed if any(line in said for said in lines)}
    for seed in range(4):
        report, _ = play(DialogueSession(scenario, real_facts, seed=seed), list(scenario.model_answers))
        heard |= {line for line in listed if any(line in said for said in customer_lines(report))}
    assert len(heard) >= 2, heard


def test_a_calm_customer_told_the_rule_says_she_understood_not_her_upset_line(real_scenarios, real_facts):
    """Lines answering this very reply are drawn from her own mood's pool first: calm 周阿姨 told dividends are not
    guaranteed says 这下我听懂了 / 这样我就明白了, not the upset 你再说一遍 (customer54 drew from any pool)."""
    scenario = real_scenarios["callback-elderly-dividends"]
    calm = set(scenario.lines.bands["calm"])
    for seed in range(6):
        lines = _customer_after(DialogueSession(scenario, real_facts, seed=seed), list(scenario.model_answers[:3]))
        assert lines[2].split("。")[0] + "。" in calm, (seed, lines[2])
