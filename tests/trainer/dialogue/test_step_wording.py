"""The advice that names a scenario's steps, written by the session and worded again for a saved call."""

from __future__ import annotations

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue.step_wording import FORMS, STEP_AFTER, STEP_DONE, STEP_NOT_DONE, reworded, steps_not_done
from trainer.dialogue.wording import english


def test_every_form_reads_back_the_steps_it_names():
    steps = load_scenarios(REAL_CONTENT)["grace-period-short-of-money"].checkpoints
    for form, named in ((STEP_DONE, steps[:1]), (STEP_NOT_DONE, steps[1:2]), (STEP_AFTER, steps[2:4])):
        advice = form.of(*named)
        assert form.named(advice) == tuple(s.description for s in named)
        assert [f for f in FORMS if f.named(advice)] == [form], "one form only: 未完成要点 is no 完成要点"
        assert reworded(str(advice), steps) == advice and english(reworded(str(advice), steps)) == english(advice)
    assert reworded("请先核实客户身份。", steps) is None, "advice that names no step"
    assert reworded("完成要点：没有这个要点", steps) is None, "a step the scenario does not have"


def test_the_calls_own_step_advice_is_of_these_forms():
    """What the session writes is what a saved call is worded again from (no second copy of the wording)."""
    scenario = load_scenarios(REAL_CONTENT)["cooling-off-cancel"]
    call = DialogueSession(scenario, ContentFacts.load(REAL_CONTENT), mode="exam")
    call.start()
    for reply in scenario.model_answers:
        call.reply(reply)
    steps = [f for f in call.report().findings if f.rubric in ("checkpoint", "checkpoint_order")]
    assert steps and all(english(reworded(str(f.advice), scenario.checkpoints)) == english(f.advice) for f in steps)


def test_a_saved_calls_open_points_give_back_the_steps_it_missed():
    """ui51: a saved call stores what was still open, not the ids of its missed steps; its report needs them for the
    missed steps' lessons (and contesting them). A step a wrong figure kept open reads "——why" after its name."""
    from trainer.dialogue.wording import Worded

    steps = load_scenarios(REAL_CONTENT)["grace-period-short-of-money"].checkpoints
    wrong_figure = Worded(f"{STEP_NOT_DONE.of(steps[2])}——说的是30天，宽限期是60天", "")
    points = [STEP_NOT_DONE.of(steps[3]), "客户的问题还没有回答：能不能晚点交？", wrong_figure, STEP_DONE.of(steps[0])]
    assert steps_not_done(points, steps) == [steps[2].id, steps[3].id]  # in the scenario's order
    assert steps_not_done([], steps) == []
