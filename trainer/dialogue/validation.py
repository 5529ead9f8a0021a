"""Dialogue content validation for `python -m kb validate` and the content editor.

kb.content already checks that every `entry`/`entries` reference names an existing FAQ entry;
this adds the scenario schema itself (case facts checked against the entries they cite) and
the utterance corpus (behaviour names, counter-examples, splits). The behaviour names live in
the trainer, so the check is here and kb calls it, never the other way round.
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


def dialogue_problems(root: Path, content: ContentSet) -> list[Problem]:
    """Scenario and utterance-corpus problems together."""
    return scenario_problems(root, content) + corpus_problems(root)
