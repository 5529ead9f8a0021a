"""Scenario drafts: schema validation and the opening turn.

The dialogue feature owns the scenario schema (trainer.dialogue); the editor only calls it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from kb.content import Entry
from kb.yaml_source import Problem, parse_yaml
from trainer.dialogue import DialogueSession
from trainer.dialogue.schema import parse_scenario

SCENARIO_FOLDER = "scenarios"


def check_scenario(name: str, text: str, entries: Mapping[str, Entry]) -> tuple[Any, list[Problem]]:
    """(Scenario or None, problems) for one scenario file's draft text."""
    data, problems = parse_yaml(text, name)
    if problems:
        return None, problems
    found: list[Problem] = []
    scenario = parse_scenario(data, name, Path(name).stem, entries, found)
    return scenario, found


def scenario_set_problems(root: Path, entries: Mapping[str, Entry],
                          overrides: Mapping[str, str | None]) -> list[Problem]:
    """Schema problems of every scenario file with the drafts applied (against draft entries)."""
    folder = root / SCENARIO_FOLDER
    names = {f"{SCENARIO_FOLDER}/{p.name}" for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    names |= {n for n, t in overrides.items() if n.startswith(f"{SCENARIO_FOLDER}/") and t is not None}
    names -= {n for n, t in overrides.items() if t is None}
    problems: list[Problem] = []
    for name in sorted(names):
        text = overrides[name] if name in overrides else (root / name).read_text(encoding="utf-8")
        problems += check_scenario(name, text, entries)[1]
    return problems


def opening_turn(scenario: Any, kb: Any) -> str:
    """What the simulated customer says first."""
    return DialogueSession(scenario, kb).start().text
