"""Scenario files and drafts: schema problems name the field and line, drafts apply over the disk."""

from __future__ import annotations

from kb import KnowledgeBase
from tests.pages.test_practice import MINI_SCENARIO
from trainer.dialogue import DialogueSession
from trainer.dialogue.loading import check_scenario, read_scenarios

NAME = "scenarios/mini-cooling-off.yaml"


def test_valid_draft_previews_the_customers_opening_line(kb: KnowledgeBase) -> None:
    scenario, problems = check_scenario(NAME, MINI_SCENARIO, kb.content.entries)
    assert problems == []
    assert DialogueSession(scenario, kb).start().text == "你好，我想问问犹豫期的事。"


def test_schema_problem_names_the_field(kb: KnowledgeBase) -> None:
    draft = MINI_SCENARIO.replace("mood: {start: 55, calm: 30, angry: 80, hang_up: 90}", "mood: {start: 55, calm: 30}")
    scenario, problems = check_scenario(NAME, draft, kb.content.entries)
    assert scenario is None or problems
    assert any(p.field and p.field.startswith("mood") for p in problems), [str(p) for p in problems]


def test_broken_yaml_is_reported_with_its_line(kb: KnowledgeBase) -> None:
    _, problems = check_scenario(NAME, "id: x\ngoals: [unclosed\n", kb.content.entries)
    assert problems and problems[0].file == NAME and "malformed YAML" in problems[0].message


def test_drafts_are_read_over_the_files_on_disk(kb: KnowledgeBase, content_dir) -> None:
    (content_dir / "scenarios" / "mini-cooling-off.yaml").write_text(MINI_SCENARIO, encoding="utf-8")
    on_disk, problems = read_scenarios(content_dir, kb.content.entries)
    assert list(on_disk) == ["mini-cooling-off"] and problems == []
    deleted, _ = read_scenarios(content_dir, kb.content.entries, {NAME: None})
    assert deleted == {}
    broken = read_scenarios(content_dir, kb.content.entries, {"scenarios/other.yaml": "id: [unclosed\n"})[1]
    assert [p.file for p in broken] == ["scenarios/other.yaml"]


def test_scenarios_loaded_alone_read_an_example_against_the_folders_entries(content_dir) -> None:
    """review47: an example stating none of its step's terms or figures is refused by the editor and `kb validate`,
    which pass the FAQ entries; `load_scenarios` (the benches, the judge's build step) read none and loaded it. It
    reads the folder's own entries now, and names the file, line and field."""
    import pytest

    from kb.content import ContentError
    from trainer.dialogue import load_scenarios
    from trainer.editing.yaml_style import add_to_list_field

    (content_dir / "scenarios" / "mini-cooling-off.yaml").write_text(
        add_to_list_field(MINI_SCENARIO, "checkpoints", "period", "examples", "您放心，肯定来得及的。"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_scenarios(content_dir)
    [problem] = refused.value.problems
    assert (problem.file, problem.field) == (NAME, "checkpoints[2].examples") and problem.line > 0
    assert load_scenarios(content_dir, entries={})["mini-cooling-off"].checkpoints[1].examples == ("您放心，肯定来得及的。",)
