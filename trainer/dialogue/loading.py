"""Read content/scenarios/*.yaml into `Scenario`s: from disk, or with an editor's drafts applied."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from kb.content import ContentError, Entry, collect_content
from kb.yaml_source import Problem, parse_yaml, read_source
from trainer.dialogue.scenario import Scenario
from trainer.dialogue.schema import parse_scenario

SCENARIO_FOLDER = "scenarios"


def scenario_names(root: Path | str, overrides: Mapping[str, str | None] | None = None) -> list[str]:
    """The scenario files ("scenarios/<id>.yaml") under `root`, with drafted files added and deleted ones gone."""
    folder = Path(root) / SCENARIO_FOLDER
    names = {f"{SCENARIO_FOLDER}/{p.name}" for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    overrides = overrides or {}
    names |= {n for n, t in overrides.items() if n.startswith(f"{SCENARIO_FOLDER}/") and t is not None}
    return sorted(names - {n for n, t in overrides.items() if t is None})


def check_scenario(name: str, text: str, entries: Mapping[str, Entry]) -> tuple[Scenario | None, list[Problem]]:
    """(Scenario or None, problems) for one scenario file's text; case facts checked against `entries`."""
    data, problems = parse_yaml(text, name)
    if problems:
        return None, problems
    found: list[Problem] = []
    scenario = parse_scenario(data, name, Path(name).stem, entries, found)
    return scenario, found


def read_scenarios(root: Path | str, entries: Mapping[str, Entry] | None = None,
                   overrides: Mapping[str, str | None] | None = None) -> tuple[dict[str, Scenario], list[Problem]]:
    """Every valid scenario under `root`/scenarios and every problem found, without raising.

    With `entries` (the FAQ entries by id) case facts are also checked against their entries;
    `overrides` (file name -> drafted text, None = deleted) checks an edit before it is saved.
    """
    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    for name in scenario_names(root, overrides):
        text, unreadable = (overrides[name], []) if overrides and name in overrides else read_source(Path(root) / name, name)
        problems += unreadable
        if text is None:
            continue
        scenario, found = check_scenario(name, text, entries or {})
        problems += found
        if scenario is not None:
            scenarios[scenario.id] = scenario
    return scenarios, problems


def folder_entries(root: Path | str) -> dict[str, Entry]:
    """The FAQ entries of the content folder at `root` (none when it has no FAQ): what a scenario's facts rules read."""
    return collect_content(root)[0].entries if (Path(root) / "faq").is_dir() else {}


def load_scenarios(root: Path | str, entries: Mapping[str, Entry] | None = None) -> dict[str, Scenario]:
    """All scenarios of a content folder by id; `ContentError` naming every problem if any is invalid.

    The facts rules (a case fact's figure in its entry, a step's example stating a term or figure of the step's
    entries) read `entries`, by default the FAQ entries of the same folder: loaded alone, scenarios were read
    against none, and an example the editor and `kb validate` refuse loaded without a word (review47)."""
    scenarios, problems = read_scenarios(root, folder_entries(root) if entries is None else entries)
    if problems:
        raise ContentError(problems)
    return scenarios
