"""Whole held-out calls, replayed with the judge and a few seeds (bench/call_flow.py runs > 100 per
scenario): the customer never repeats a line, good calls end on the trainee's own closing within
max_turns, and no report lists a question the customer never asked."""

from __future__ import annotations

from collections import Counter
import pytest

from trainer.dialogue import DialogueSession
from trainer.dialogue.session import open_question
from trainer.dialogue.written_calls import load_calls

SEEDS = (0, 5)
# Good calls that end resolved or closed by the trainee: every one since the judge's third pass
# (polite comprehension checks and short denials no longer read as rude, statements are no identity
# checks, going on about an earlier question is not ignoring the customer; docs/benchmarks.md).
# Was 9 of 12 after the second pass; bench/call_flow.py: 408 of 408 over 34 seeds.
GOOD_CALLS_ENDED_BY_THE_TRAINEE = 12


@pytest.fixture(scope="module")
def replays(judge, real_scenarios, real_facts):
    calls = load_calls("held-out", real_scenarios)
    played = []
    for call in calls:
        for seed in SEEDS:
            session = DialogueSession(real_scenarios[call.scenario], real_facts, seed=seed, judge=judge)
            session.replay(call.turns)
            played.append((call, seed, session))
    return played


def test_no_customer_line_is_said_twice_in_a_call(replays):
    for call, seed, session in replays:
        said = Counter(u.text for u in session.transcript if u.speaker == "customer")
        assert not [line for line, n in said.items() if n > 1], (call.scenario, call.kind, seed)


def test_no_report_lists_a_question_the_customer_never_asked(replays):
    for call, seed, session in replays:
        said = "".join(u.text for u in session.transcript if u.speaker == "customer")
        for item in session.report().missed:
            if open_question(item):
                assert open_question(item) in said, (call.scenario, call.kind, seed, item)


def test_good_calls_end_within_max_turns_on_the_trainees_closing(replays):
    good = [(call, session) for call, seed, session in replays if call.kind == "good" and seed == SEEDS[0]]
    assert all(session.done and session.state.turn <= session.scenario.max_turns for _, session in good), \
        [(c.scenario, s.state.outcome) for c, s in good]
    ended = [c.scenario for c, s in good if s.state.outcome in ("resolved", "closed_open")]
    assert len(ended) >= GOOD_CALLS_ENDED_BY_THE_TRAINEE, [(c.scenario, s.state.outcome) for c, s in good]
