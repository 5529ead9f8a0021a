"""What instructors withdrew from the calls an average is taken over, counted per call and folded per trainee or
scenario (the scores stay as stored)."""

from __future__ import annotations

from datetime import date

from tests.trainer.insights.conftest import SHANGHAI, call
from trainer.dialogue.corrections import accept_for_call, mark_judged_wrong, mark_step_done, reject
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.scoring import Finding
from trainer.insights.calls import call_scores
from trainer.insights.periods import Period
from trainer.insights.withdrawals import Withdrawals, withdrawals_by, withdrawn_per_call
from trainer.users.accounts import create_user

PERIOD = Period(date(2026, 3, 2), date(2026, 3, 15))
VAGUE = {"turn_index": 2, "rubric": "vague", "ok": False, "quote": "好的我帮您看看", "advice": "…"}


def objection(database, user_id: int, call_id: int, rubric: str = "vague", quote: str = "好的我帮您看看") -> int:
    return mark_judged_wrong(database, user_id, "s-year2", Finding(2, rubric, False, quote, ""), quote, "当时是合适的",
                             dialogue_id=call_id)


def test_each_withdrawn_judgement_of_a_call_in_the_period_is_counted_once(database) -> None:
    """Two objections to one finding withdraw it once; a step accepted as done is a judgement withdrawn too; an
    objection open or kept withdraws nothing; a call outside the period is not among the averaged calls."""
    mei = create_user(database, "mei", "小美", team="一组")
    wu = create_user(database, "wu", "小吴", team="一组")
    first = call(database, mei.id, "s-year2", 55, "2026-03-10 10:00", [VAGUE])
    second = call(database, mei.id, "s-other", 70, "2026-03-11 10:00", [VAGUE])
    third = call(database, wu.id, "s-year2", 65, "2026-03-12 10:00", [VAGUE])
    before = call(database, wu.id, "s-year2", 30, "2026-02-20 10:00", [VAGUE])
    for correction in (objection(database, mei.id, first), objection(database, mei.id, first)):
        accept_for_call(database, correction, "教员")
    step = Checkpoint("empathy", "回应客户的不满", "", ("理解",))
    accept_for_call(database, mark_step_done(database, mei.id, "s-year2", step, 3, "我理解您。", "我说了", first), "教员",
                    step=step)
    reject(database, objection(database, mei.id, second), "教员", "确实空泛")
    objection(database, wu.id, third)  # open
    accept_for_call(database, objection(database, wu.id, before), "教员")
    calls = call_scores(database, [mei.id, wu.id], PERIOD, SHANGHAI)
    per_call = withdrawn_per_call(database, calls)
    assert per_call == {first: 2}
    assert withdrawals_by(calls, per_call, lambda c: c.user_id) == {mei.id: Withdrawals(1, 2)}
    assert withdrawals_by(calls, per_call, lambda c: c.scenario_id) == {"s-year2": Withdrawals(1, 2)}
    assert withdrawn_per_call(database, []) == {}
