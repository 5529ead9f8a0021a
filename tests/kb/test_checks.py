"""Plugged-in content checks: loaded by name, run after kb's own checks, errors that say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.checks import checked_content, load_check
from kb.yaml_source import Problem


def test_a_plugged_in_check_adds_its_problems(content_dir: Path) -> None:
    def no_pets(root: Path, content) -> list[Problem]:
        return [Problem("faq/pets.yaml", 1, None, None, f"{len(content.entries)} entries, none about pets")]

    content, problems = checked_content(content_dir, [no_pets])
    assert [str(p) for p in problems] == ["faq/pets.yaml:1: 7 entries, none about pets"]
    assert len(content.entries) == 7


def test_the_default_scenario_check_loads_by_name() -> None:
    check = load_check("trainer.dialogue.validation:scenario_problems")
    assert check.__name__ == "scenario_problems"


@pytest.mark.parametrize("name, message", [("no_colon", "expected 'module:function'"),
                                           ("kb.nowhere:check", "cannot be loaded"),
                                           ("kb.text:MAX_QUERY_CHARS", "is not a function")])
def test_bad_check_names_are_refused_with_the_reason(name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_check(name)
