"""Fixtures for the content guards: the real pack and its scenarios, loaded once per module."""

from __future__ import annotations

import pytest

from kb import ContentSet, load_content
from tests.content.texts import CONTENT, Text, case_fact_statements, quiz_statements, read_out
from trainer.dialogue import load_scenarios


@pytest.fixture(scope="module")
def pack() -> ContentSet:
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def scenarios():
    return load_scenarios(CONTENT)


@pytest.fixture(scope="module")
def spoken(pack: ContentSet, scenarios) -> list[Text]:
    """What agents read out or say (see texts.read_out)."""
    return read_out(pack, scenarios)


@pytest.fixture(scope="module")
def taught(spoken: list[Text], pack: ContentSet, scenarios) -> list[Text]:
    """Everything the pack teaches as right: read-out texts, quiz statements, scenario case facts."""
    return [*spoken, *quiz_statements(pack), *case_fact_statements(scenarios)]
