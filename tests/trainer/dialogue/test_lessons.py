"""The report that teaches: three things to do differently first, what went well grouped, each turn
beside the model answer, the mood with what moved it, and the focus of the next try."""

from __future__ import annotations

from tests.trainer.dialogue.conftest import play
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


def test_the_mood_chart_says_what_moved_it(real_scenarios, real_facts):
    _, report = rough_call(real_scenarios, real_facts)
    notes = mood_notes(report)
    assert notes[0].turn_index == 0 and len(notes) == len(report.mood_history)
    promise = notes[2]
    assert promise.change > 0 and "absolute_promise" in {b for b, _ in promise.causes}
    assert notes[1].change < 0 and "empathy" in {b for b, _ in notes[1].causes}


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
    assert lesson.better in scenario.model_answers and "理解您的心情" in lesson.better, lesson.better
