"""The dialogue's content checks for `python -m kb validate` (plugged in by settings.content_checks).

kb.content already checks that every `entry`/`entries` reference names an existing FAQ entry;
`scenario_problems` adds the scenario schema itself and checks case facts against the entries
they cite; `corpus_problems` checks the utterance corpus (behaviour names, counter-examples,
splits). The behaviour names live in the trainer, so kb only calls these by name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from kb.content import ContentSet
from kb.yaml_source import Problem
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.loading import read_scenarios


def scenario_problems(root: Path, content: ContentSet) -> list[Problem]:
    """Every schema problem in root/scenarios/*.yaml, as file:line, scenario id and field."""
    _, problems = read_scenarios(root, content.entries)
    return problems


def corpus_problems(root: Path, overrides: Mapping[str, str | None] | None = None) -> list[Problem]:
    """Every problem in root/dialogue/utterances/*.yaml (drafts applied), as file:line and field."""
    return read_corpus(root, overrides)[1]


def utterance_problems(root: Path, content: ContentSet) -> list[Problem]:
    """The corpus check in the shape of a kb content check."""
    return corpus_problems(root)
