"""The report that teaches: three things to do differently first, what went well grouped, each turn
beside the model answer, the mood with what moved it, and the focus of the next try."""

from __future__ import annotations

from tests.trainer.dialogue.conftest import QA23_GRACE_CALL, play
from trainer.dialogue import DialogueSession
from trainer.dialogue.lessons import MISSED_CHECKPOINT, do_differently, focus, mood_notes, turns, went_well
from trainer.dialogue.wording import english


def rough_call(real_scenarios, real_facts):
    scenario = real_scenarios["stroke-claim-early"]
    replies = ["陈女士您好，非常理解您的心情。请问您是投保人本人吗？麻烦说一下身份证后四位。",
               "您放心，这个肯定能赔，保证能赔。",
               "嗯嗯。",
               "这是业务员个人的事，跟公司无关。"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=2), replies)
    return scenario, report


def test_at_most_three_lessons_the_red_line_first_one_per_kind(real_scenarios, real_facts):
    scenario, report = rough_call(real_scenarios, real_facts)
    faults = [f for f in report.findings if not f.ok]
    assert len(faults) > 3
    lessons = do_differently(report, scenario)
    assert len(lessons) == 3
    assert lessons[0].rubric == "absolute_promise" and "保证能赔" in lessons[0].said and lessons[0].better
    assert len({lesson.rubric for lesson in lessons}) == 3
    assert all(lesson.why for lesson in lessons)


def test_a_clean_call_learns_from_the_checkpoints_it_missed(real_scenarios, real_facts):
    scenario = real_scenarios["stroke-claim-early"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), [scenario.model_answers[0]])
    lessons = do_differently(report, scenario)
    missed = [lesson for lesson in lessons if lesson.rubric == MISSED_CHECKPOINT]
    assert missed and not missed[0].said and "180" in missed[0].better  # the model answer that does it
    assert focus(report, scenario).id == "explain-180"


def test_what_went_well_is_grouped_and_turns_sit_beside_the_model_answers(real_scenarios, real_facts):
    scenario, report = rough_call(real_scenarios, real_facts)
    groups = {s.rubric: s for s in went_well(report)}
    assert "empathy" in groups and groups["empathy"].examples[0][0] == 1
    pairs = turns(report)
    assert [p.turn_index for p in pairs] == list(range(1, len(pairs) + 1))
    assert pairs[0].model == scenario.model_answers[0] and pairs[0].customer_before == scenario.lines.opening
    assert "absolute_promise" in pairs[1].faults


def test_a_trainee_a_turn_behind_sees_the_model_answer_for_where_the_call_is(real_scenarios, real_facts):
    """A greeting question first puts the trainee a turn behind the model call: reply N sat beside model answer N,
    which answered another customer line from then on (judge24)."""
    scenario = real_scenarios["cooling-off-cancel"]
    answers = list(scenario.model_answers)
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), ["您好，请问有什么可以帮您？", *answers])
    pairs = turns(report)
    assert [p.model for p in pairs] == [answers[0], *answers]
    assert [p.model_turn for p in pairs] == [1, 1, 2, 3, 4, 5]
    assert "来得及吗" in pairs[1].customer_before and pairs[1].model == answers[0]  # not verified yet: that first


def test_after_the_customer_repeats_herself_the_model_answer_is_still_the_one_she_waits_for(real_scenarios, real_facts):
    scenario = real_scenarios["cooling-off-cancel"]
    answers = list(scenario.model_answers)
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), [*answers[:2], "嗯嗯，您稍等。", *answers[2:]])
    assert [p.model for p in turns(report)] == [*answers[:3], *answers[2:]]


def test_a_trainee_who_skips_a_step_is_not_held_back_by_it(real_scenarios, real_facts):
    """No empathy, no identity check: after the first reply the model answer is the one for the customer's
    question, not the skipped first step at every turn."""
    scenario = real_scenarios["cooling-off-cancel"]
    answers = list(scenario.model_answers)
    replies = ["您这份合同的犹豫期是15天，您8天前签收的，现在还在犹豫期内，可以申请解除合同。", "嗯嗯，您稍等。",
               answers[1], answers[2]]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), replies)
    pairs = turns(report)
    assert [p.model for p in pairs] == [answers[0], answers[1], answers[1], answers[2]]
    assert "来得及吗" in pairs[1].customer_before and "全退" in pairs[3].customer_before


def test_the_mood_chart_says_what_moved_it(real_scenarios, real_facts):
    _, report = rough_call(real_scenarios, real_facts)
    notes = mood_notes(report)
    assert notes[0].turn_index == 0 and len(notes) == len(report.mood_history)
    promise = notes[2]
    assert promise.change > 0 and "absolute_promise" in {b for b, _ in promise.causes}
    assert notes[1].change < 0 and "empathy" in {b for b, _ in notes[1].causes}


def test_the_mood_chart_and_the_findings_of_a_turn_name_the_same_behaviours(real_scenarios, real_facts, judge):
    """qa23 T6: the chart said turn 4 was moved by 提供下一步 and turn 5 by 共情, findings of neither turn had them. Turn
    4's next step (its sentence ends before the blaming one) was not credited for the fault after it; turn 5's empathy
    calmed her again though a service behaviour is credited once: the chart now says where it was credited."""
    scenario = real_scenarios["grace-period-short-of-money"]
    report, _ = play(DialogueSession(scenario, real_facts, judge=judge), list(QA23_GRACE_CALL))
    notes = mood_notes(report)
    assert ("next_step", -8) in notes[4].causes and any(
        f.turn_index == 4 and f.rubric == "next_step" and f.ok for f in report.findings), "credited where it calmed her"
    assert dict(notes[5].credited_at) == {"empathy": 3, "next_step": 4}
    for note in notes[1:]:
        at_turn = {f.rubric for f in report.findings if f.turn_index == note.turn_index}
        credited = dict(note.credited_at)
        for behaviour, change in note.causes:
            if behaviour in at_turn:
                assert behaviour not in credited
            elif change < 0:
                turn = credited[behaviour]
                assert 0 < turn < note.turn_index and any(
                    f.turn_index == turn and f.rubric == behaviour and f.ok for f in report.findings), (note, turn)


def test_a_missed_checkpoint_lesson_says_why_in_english_too(real_scenarios, real_facts):
    scenario = real_scenarios["stroke-claim-early"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), [scenario.model_answers[0]])
    [missed, *_] = [lesson for lesson in do_differently(report, scenario) if lesson.rubric == MISSED_CHECKPOINT]
    assert missed.why.startswith("这通电话没有做到：") and english(missed.why).startswith("This call did not do: ")


def test_a_missed_behaviour_checkpoint_is_taught_with_a_model_line_that_shows_the_behaviour(real_scenarios, real_facts):
    """QA 2026-12-04: "先共情" missed read "Better wording: 先共情，回应客户的情绪", the checkpoint again;
    the scenario's model answers show how (理解您的心情)."""
    scenario = real_scenarios["ci-claim-declined"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), ["你冷静点，这是规定，我也没办法。"])
    missed = {lesson.why: lesson for lesson in do_differently(report, scenario, limit=20)
              if lesson.rubric == MISSED_CHECKPOINT}
    empathy = next(c for c in scenario.checkpoints if c.behaviour == "empathy")
    lesson = missed[f"这通电话没有做到：{empathy.description}"]
    # the model sentence that soothes, without the identity request after it in the same answer (judge27)
    assert lesson.better == "张先生您好，非常理解您的心情，生病住院本来就辛苦，又收到这样的通知，换作是我也会着急。", lesson.better


def test_two_checkpoints_met_by_one_model_line_are_each_taught_with_their_own_part(real_scenarios, real_facts):
    """QA 2026-12-04 (callback-cooperative, exam): the 第二项 and 第三项 missed-checkpoint lessons (亲笔签名,
    说明书) showed the same "更好的说法", one model line holding the cues of both."""
    scenario = real_scenarios["callback-cooperative"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0, mode="exam"), [scenario.model_answers[0]])
    missed = {lesson.why: lesson.better for lesson in do_differently(report, scenario, limit=20)
              if lesson.rubric == MISSED_CHECKPOINT}
    better = {i: missed[f"这通电话没有做到：{c.description}"] for i in ("purchase-signature", "read-docs", "coverage")
              for c in scenario.checkpoints if c.id == i}
    assert "亲笔签名" in better["purchase-signature"] and "产品说明书" not in better["purchase-signature"]
    assert "产品说明书" in better["read-docs"] and "亲笔签名" not in better["read-docs"] and "责任免除" not in better["read-docs"]
    assert "责任免除" in better["coverage"] and "产品说明书" not in better["coverage"]
    assert all(any(b in line for line in scenario.model_answers) for b in better.values())  # the model's own words


def test_practise_again_works_on_the_first_step_due_not_one_due_at_any_time(real_scenarios, real_facts):
    """qa17: a 代签 callback that checked nothing offered 再练一次（重点：告知犹豫期内可以申请解除合同）, a step with no
    place in the script, before the identity check that opens it (it sorted as order 0)."""
    scenario = real_scenarios["callback-proxy-signature"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=1), ["喂，您好。", "嗯嗯，好的，再见。"])
    assert focus(report, scenario).id == "identity"
