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
