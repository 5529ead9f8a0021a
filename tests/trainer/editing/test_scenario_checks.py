"""Scenario drafts in the editor: schema problems name the field, a valid draft previews its opening."""

from __future__ import annotations

from kb import KnowledgeBase
from tests.pages.test_practice import MINI_SCENARIO
from trainer.editing.scenario_checks import check_scenario, opening_turn

NAME = "scenarios/mini-cooling-off.yaml"


def test_valid_draft_previews_the_customers_opening_line(kb: KnowledgeBase) -> None:
    scenario, problems = check_scenario(NAME, MINI_SCENARIO, kb.content.entries)
    assert problems == []
    assert opening_turn(scenario, kb) == "你好，我想问问犹豫期的事。"


def test_schema_problem_names_the_field(kb: KnowledgeBase) -> None:
    draft = MINI_SCENARIO.replace("mood: {start: 55, calm: 30, angry: 80, hang_up: 90}", "mood: {start: 55, calm: 30}")
    scenario, problems = check_scenario(NAME, draft, kb.content.entries)
    assert scenario is None or problems
    assert any(p.field and p.field.startswith("mood") for p in problems), [str(p) for p in problems]


def test_broken_yaml_is_reported_with_its_line(kb: KnowledgeBase) -> None:
    _, problems = check_scenario(NAME, "id: x\ngoals: [unclosed\n", kb.content.entries)
    assert problems and problems[0].file == NAME and "malformed YAML" in problems[0].message
