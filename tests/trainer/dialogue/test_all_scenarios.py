"""Every scenario of the real content pack: loads, can be won by its model answers, cannot be won by bluster."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from tests.trainer.dialogue.conftest import RUDE_REPLY, RUDE_WORDS, assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession, load_scenarios
from trainer.dialogue.validation import scenario_problems

SCENARIO_IDS = sorted(load_scenarios(REAL_CONTENT))
REQUIRED = {"callback-cooperative", "callback-proxy-signature", "cooling-off-cancel", "callback-elderly-dividends",
            "fraud-suspicious-callback", "grace-period-short-of-money", "lapse-reinstatement", "permanent-lapse-angry",
            "ci-claim-declined", "stroke-claim-early", "dividend-below-promise", "media-threat-unreasonable-demand"}


def test_the_pack_covers_the_required_situations():
    assert len(SCENARIO_IDS) >= 12
    assert REQUIRED <= set(SCENARIO_IDS)


def test_every_scenario_is_valid_and_its_faq_entries_exist(real_kb):
    assert scenario_problems(REAL_CONTENT, real_kb.content) == []
    for scenario in load_scenarios(REAL_CONTENT).values():
        assert len(scenario.lines.follow_ups) >= 3
        for entry_id in scenario.entry_ids():
            assert real_kb.entry(entry_id).id == entry_id


@pytest.mark.parametrize("with_judge", [False, True], ids=["rules", "judge"])
@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_model_answers_win_the_call(scenario_id, with_judge, real_scenarios, real_kb, judge):
    scenario = real_scenarios[scenario_id]
    report, used = play(DialogueSession(scenario, real_kb, judge=judge if with_judge else None), list(scenario.model_answers))
    assert report.outcome == "resolved", report.missed
    if not with_judge:  # the judge may resolve sooner: questions answered before they were asked are not asked
        assert used == len(scenario.model_answers), "the call ended before the model answers did"
    assert report.score >= 80, report.subscores
    assert_quotes_verbatim(report)


@pytest.mark.parametrize("with_judge", [False, True], ids=["rules", "judge"])
@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_rude_promising_agent_fails_every_scenario(scenario_id, with_judge, real_scenarios, real_kb, judge):
    report, _ = play(DialogueSession(real_scenarios[scenario_id], real_kb, judge=judge if with_judge else None), [RUDE_REPLY] * 40)
    assert report.outcome in ("hung_up", "escalated")
    assert report.score <= 40
    quoted = " ".join(f.quote for f in report.findings if not f.ok)
    assert all(words in quoted for words in RUDE_WORDS)
    assert_quotes_verbatim(report)


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_a_passive_agent_reaches_an_end_state(scenario_id, real_scenarios, real_kb):
    """No dead ends: an agent who only says 嗯 still ends the call (timed out or worse)."""
    scenario = real_scenarios[scenario_id]
    session = DialogueSession(scenario, real_kb)
    report, used = play(session, ["嗯。"] * scenario.max_turns)
    assert session.done and report.outcome in ("timed_out", "hung_up", "escalated")
    assert used <= scenario.max_turns
    assert report.score <= 40
    assert_quotes_verbatim(report)
