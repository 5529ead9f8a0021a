"""The dialogue's content check for `python -m kb validate` (plugged in by settings.content_checks).

kb.content already checks that every `entry`/`entries` reference names an existing FAQ entry;
this adds the scenario schema itself and checks case facts against the entries they cite.
"""

from __future__ import annotations

from pathlib import Path

from kb.content import ContentSet
from kb.yaml_source import Problem
from trainer.dialogue.loading import read_scenarios


def scenario_problems(root: Path, content: ContentSet) -> list[Problem]:
    """Every schema problem in root/scenarios/*.yaml, as file:line, scenario id and field."""
    _, problems = read_scenarios(root, content.entries)
    return problems
