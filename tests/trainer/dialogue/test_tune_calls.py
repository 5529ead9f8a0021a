"""The judge on the tune sets of whole calls (tests/trainer/dialogue/transcripts/tune/: three fresh writers, 48 calls,
read and tuned on freely, judge38c; tune_regional/: six writers who speak regional Mandarin, 48 calls, stop 42). Floors are what bench.judge --calls tune measured, less one, so a regression shows."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import judged_calls

# judge38c: 5 / 18 of 12 / 24 before; 10 / 19 once a warned loss, the customer's question said back, a deposit and a
# complaint's reference number were no red lines, nor the premium said back to the confirmed policyholder, and a count
# of days left was not judged as the rule
# judge39c: 11 / 24 (measured; the floors are what was measured, as the brief asked) once blame sending the customer to
# another desk, words or feelings called useless, an answer that only says "it depends", a year against 180 days and a
# check that the customer understood were read (the one good call left: fraud-suspicious-callback, whose simulated
# customer asks 你们怎么有我电话的？, a question its writer's digest did not list); merged with main (judge39j: 效力中止
# held, so lapse-reinstatement's bad2 runs on to escalated 51) the bad calls measure 23
# stop 39: the reset machine's cold-trained judge (see test_judge_quality's note) reads 10 on main before any change of
# the stop: dividend-below-promise's good call ends in_progress 65 beside fraud-suspicious-callback's known 68 (judge40p
# replayed both: identical on main and on its branch)
# calls45 (stop 44): 12 on this machine once "anything else?" in regional words closed chengdu's dividend call (in_progress
# 64 → resolved 82); the floor is one under it, the margin a cold-trained judge took at stop 39
TUNE_GOOD_CALLS_MET = 11
TUNE_BAD_CALLS_MET = 23
# stop 42 (lead): the regional tune calls (transcripts/tune_regional/, six writers who speak regional Mandarin) as main
# measured them when they were written: 20 of 24 good (Foshan's lapse-reinstatement 50 and fraud-suspicious-callback 61,
# Baoji's callback-cooperative 69 and media-threat-unreasonable-demand hung up 39), 23 of 24 bad (Wuhan's
# ci-claim-declined 61)
# calls43t: 24 of 24 good once the judge read Cantonese-flavoured and Shaanxi words (唔可以同您保证 is no promise, 一般系唔赔嘅
# answers 能赔吗, 您咁谨慎系啱嘅 calls the caution right, 额这边答应不了 refuses the demand, 这几块您都知道了么？ and 都是您自己定
# are not rude); bad still 23 (Wuhan's ci-claim-declined 61: its rude 您应该庆幸撒 and ignored question unfound)
REGIONAL_GOOD_CALLS_MET = 24
REGIONAL_BAD_CALLS_MET = 23
# calls49 (stop 48): the standard-Mandarin tune calls (transcripts/tune_standard/, cw5-a and cw5-b), read once on main in
# figures per kind before anyone read them: good 11 of 12 (closed_open 5), bad 11 of 12; with calls49's readings (a
# coordinated cue said by its halves, 原样记 / a teach-back as the callback's steps, the caution called 特别对, a parting
# word of care) still 11 of 12 good (fraud-suspicious-callback 53 → 67), closed_open 5 → 2, steps open at the close 8 → 1. The one good miss left, fraud-suspicious-callback, is her question
# 你们怎么有我电话的？, which the writer's digest did not list and the call never answers.
STANDARD_GOOD_CALLS_MET = 11
STANDARD_BAD_CALLS_MET = 11
# steps left open at the close over the 12 good calls: main 8 (callback-elderly 3, callback-proxy 2, fraud 2 — the
# caution not called right, the close over her open question — and media-threat's close)
STANDARD_GOOD_STEPS_OPEN = 1


@pytest.fixture(scope="module")
def tune_results(judge, real_scenarios, real_facts):
    return judged_calls("tune", judge, real_scenarios, real_facts)


@pytest.fixture(scope="module")
def regional_results(judge, real_scenarios, real_facts):
    return judged_calls("tune-regional", judge, real_scenarios, real_facts)


@pytest.fixture(scope="module")
def standard_results(judge, real_scenarios, real_facts):
    return judged_calls("tune-standard", judge, real_scenarios, real_facts)


def test_tune_good_calls_meet_the_target(tune_results):
    good = [r for r in tune_results if r.kind == "good"]
    assert sum(r.meets_target for r in good) >= TUNE_GOOD_CALLS_MET, [(r.scenario, r.outcome, r.score) for r in good]


def test_tune_bad_calls_meet_the_target(tune_results):
    bad = [r for r in tune_results if r.kind == "bad"]
    assert sum(r.meets_target for r in bad) >= TUNE_BAD_CALLS_MET, [(r.scenario, r.score, r.found_any) for r in bad]


def test_regional_good_calls_meet_the_target(regional_results):
    good = [r for r in regional_results if r.kind == "good"]
    assert len(good) == 24
    assert sum(r.meets_target for r in good) >= REGIONAL_GOOD_CALLS_MET, [(r.scenario, r.outcome, r.score) for r in good]


def test_regional_bad_calls_meet_the_target(regional_results):
    bad = [r for r in regional_results if r.kind == "bad"]
    assert len(bad) == 24
    assert sum(r.meets_target for r in bad) >= REGIONAL_BAD_CALLS_MET, [(r.scenario, r.score, r.found_any) for r in bad]


def test_standard_good_calls_meet_the_target(standard_results):
    good = [r for r in standard_results if r.kind == "good"]
    assert len(good) == 12
    assert sum(r.meets_target for r in good) >= STANDARD_GOOD_CALLS_MET, [(r.scenario, r.outcome, r.score) for r in good]


def test_standard_good_calls_close_with_no_step_open_but_an_unheard_question(standard_results):
    """calls49: the steps a plain, correct way of talking did were met — what stays open at the close is a question of
    hers the writers never heard (their digest listed none of the simulated customer's follow-ups)."""
    good = [r for r in standard_results if r.kind == "good"]
    assert sum(r.steps_open for r in good) <= STANDARD_GOOD_STEPS_OPEN, [(r.scenario, r.steps_open) for r in good]


def test_standard_bad_calls_meet_the_target(standard_results):
    bad = [r for r in standard_results if r.kind == "bad"]
    assert len(bad) == 12
    assert sum(r.meets_target for r in bad) >= STANDARD_BAD_CALLS_MET, [(r.scenario, r.score, r.found_any) for r in bad]
