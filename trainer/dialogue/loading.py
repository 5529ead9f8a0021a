"""Read content/scenarios/*.yaml into `Scenario`s."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from kb.content import ContentError, Entry
from kb.yaml_source import Problem, read_yaml
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.schema import parse_scenario

SCENARIO_FOLDER = "scenarios"


def read_scenarios(root: Path | str, entries: Mapping[str, Entry] | None = None
                   ) -> tuple[dict[str, Scenario], list[Problem]]:
    """Every valid scenario under `root`/scenarios and every problem found, without raising.

    With `entries` (the FAQ entries by id) case facts are also checked against their entries.
    """
    folder = Path(root) / SCENARIO_FOLDER
    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        name = f"{SCENARIO_FOLDER}/{path.name}"
        data, parse_problems = read_yaml(path, name)
        problems.extend(parse_problems)
        if parse_problems:
            continue
        scenario = parse_scenario(data, name, path.stem, entries or {}, problems)
        if scenario is not None:
            scenarios[scenario.id] = scenario
    return scenarios, problems


def load_scenarios(root: Path | str) -> dict[str, Scenario]:
    """All scenarios of a content folder by id; `ContentError` naming every problem if any is invalid."""
    scenarios, problems = read_scenarios(root)
    if problems:
        raise ContentError(problems)
    return scenarios
