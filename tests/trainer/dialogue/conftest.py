"""Fixtures for dialogue tests: the real scenarios over a light fact book (no encoder, no index)."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, Report, load_scenarios

# A rude agent who promises payment: must fail every scenario.
RUDE_REPLY = "你快点讲，保证能赔，肯定全额赔，这是业务员个人的事，跟公司无关。"
RUDE_WORDS = ("你快点讲", "保证能赔", "肯定全额赔", "跟公司无关")


@pytest.fixture(scope="session")
def real_facts() -> ContentFacts:
    """The real content pack as a fact book: entries and service language only."""
    return ContentFacts.load(REAL_CONTENT)


@pytest.fixture(scope="session")
def real_scenarios():
    return load_scenarios(REAL_CONTENT)


def play(session: DialogueSession, replies: list[str]) -> tuple[Report, int]:
    """Reply in order until the call ends; the report and how many replies were used."""
    turn = session.start()
    used = 0
    for reply in replies:
        if turn.done:
            break
        turn = session.reply(reply)
        used += 1
    return session.report(), used


def assert_quotes_verbatim(report: Report) -> None:
    """Every finding quotes words the agent actually said."""
    said = [u.text for u in report.transcript if u.speaker == "agent"]
    for finding in report.findings:
        assert finding.quote, finding
        assert any(finding.quote in text for text in said), finding
        assert 1 <= finding.turn_index <= len(said), finding
