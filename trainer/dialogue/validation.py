"""The dialogue's content checks for `python -m kb validate` (plugged in by settings.content_checks).

kb.content already checks that every `entry`/`entries` reference names an existing FAQ entry;
`scenario_problems` adds the scenario schema itself and checks case facts against the entries
they cite; `corpus_problems` checks the utterance corpus (behaviour names, counter-examples,
splits). The behaviour names live in the trainer, so kb only calls these by name.

A step's examples are also read for faults of their own (`example_faults`): by the rules, and by the judge's
classifier when a judge for this corpus is already built (`kb build`); when none is, the check says on stderr that
the classifier did not read them (review47).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Mapping

from kb.content import ContentSet
from kb.yaml_source import Problem
from settings import Settings
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.example_faults import example_count, example_fault_problems
from trainer.dialogue.factbook import ContentFacts
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.loading import read_scenarios
from trainer.dialogue.scenario import Scenario


def scenario_problems(root: Path, content: ContentSet) -> list[Problem]:
    """Every schema problem in root/scenarios/*.yaml, as file:line, scenario id and field, and every step example
    the judge faults."""
    scenarios, problems = read_scenarios(root, content.entries)
    faulty = {p.file for p in problems}
    return problems + example_problems(root, content, [s for s in scenarios.values() if s.file not in faulty])


def example_problems(root: Path, content: ContentSet, scenarios: Iterable[Scenario],
                     settings: Settings | None = None) -> list[Problem]:
    """The step examples of `scenarios` the judge faults: rules and, when built, the classifier (`built_judge`)."""
    scenarios = list(scenarios)
    count = example_count(scenarios)
    if not count:
        return []
    judge = built_judge(root, settings or Settings.from_env())
    if judge is None:
        print(f"scenarios: {count} step example(s) read for faults by the rules only — no judge is built for this "
              "corpus, so its classifier did not read them (run `python -m kb build`, then validate again)",
              file=sys.stderr)
    return example_fault_problems(scenarios, ContentFacts(content), judge)


def built_judge(root: Path, settings: Settings) -> MeaningJudge | None:
    """The judge for the corpus under `root` when its classifiers are already saved (seconds to read), else None: a
    validation never trains one (minutes)."""
    from kb.embeddings import load_encoder
    from trainer.dialogue.judge import open_judge
    from trainer.dialogue.kept_judge import judge_key, judge_saved

    encoder = load_encoder(settings.embedding_model)
    if not judge_saved(settings.embedding_cache_dir, judge_key(root, encoder.model_id)):
        return None
    return open_judge(root, encoder, settings.embedding_cache_dir)


def corpus_problems(root: Path, overrides: Mapping[str, str | None] | None = None) -> list[Problem]:
    """Every problem in root/dialogue/utterances/*.yaml (drafts applied), as file:line and field."""
    return read_corpus(root, overrides)[1]


def utterance_problems(root: Path, content: ContentSet) -> list[Problem]:
    """The corpus check in the shape of a kb content check."""
    return corpus_problems(root)
