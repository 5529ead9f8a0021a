"""The judge on the tune set of whole calls (tests/trainer/dialogue/transcripts/tune/: three fresh writers, 48 calls,
read and tuned on freely; judge38c). Floors are what bench.judge --calls tune measured, less one, so a regression shows."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import judged_calls

# judge38c: 5 / 18 of 12 / 24 before; 10 / 19 once a warned loss, the customer's question said back, a deposit and a
# complaint's reference number were no red lines, nor the premium said back to the confirmed policyholder, and a count
# of days left was not judged as the rule; 11 / 19 once a check that the customer understood (这个您知道了吧？) was no
# 服务忌语 and 标准就是标准，您这样说也没用 was (judge39r; main was 10 / 18 after judge39j)
TUNE_GOOD_CALLS_MET = 10
TUNE_BAD_CALLS_MET = 18


@pytest.fixture(scope="module")
def tune_results(judge, real_scenarios, real_facts):
    return judged_calls("tune", judge, real_scenarios, real_facts)


def test_tune_good_calls_meet_the_target(tune_results):
    good = [r for r in tune_results if r.kind == "good"]
    assert sum(r.meets_target for r in good) >= TUNE_GOOD_CALLS_MET, [(r.scenario, r.outcome, r.score) for r in good]


def test_tune_bad_calls_meet_the_target(tune_results):
    bad = [r for r in tune_results if r.kind == "bad"]
    assert sum(r.meets_target for r in bad) >= TUNE_BAD_CALLS_MET, [(r.scenario, r.score, r.found_any) for r in bad]
