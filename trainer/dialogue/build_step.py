"""The practice-call judge as a step of `python -m kb build` (plugged in by `settings.build_steps`).

Training it with the index build means `make run` serves a ready judge: the first practice turn
does not wait minutes for the classifier. The judge is also kept where the app looks first
(`trainer.dialogue.kept_judge`), under its own key, so the app serves it as current from its first
request instead of reading it again in the background.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Sequence

from tqdm import tqdm

from kb.embeddings import EmbeddingCache, Encoder
from settings import Settings
from trainer.dialogue.classifier import training_texts
from trainer.dialogue.corpus import LabelledUtterance, read_corpus
from trainer.dialogue.factbook import ContentFacts
from trainer.dialogue.checkpoint_meaning import scenario_checkpoint_texts
from trainer.dialogue.judge import MeaningJudge, open_judge, scenario_reference_texts, warm_references
from trainer.dialogue.kept_judge import drop_stale_classifiers, judge_key_of, judge_shelf
from trainer.dialogue.loading import read_scenarios


def train_judge(root: Path, encoder: Encoder, settings: Settings) -> None:
    """Train (or reuse the cached) practice-call judge for the content at `root`, with progress."""
    utterances, problems = read_corpus(root)
    if problems:
        print(f"judge: {len(problems)} problem(s) in the utterance corpus skipped (python -m kb validate lists them)",
              file=sys.stderr)
    todo = EmbeddingCache(encoder, settings.embedding_cache_dir).count_missing(training_texts(utterances))
    started = time.perf_counter()
    with tqdm(total=todo, unit="text", desc="judge: embedding utterances", disable=todo == 0, file=sys.stderr) as bar:
        judge = open_judge(root, encoder, settings.embedding_cache_dir, progress=bar.update)
    keep_for_the_app(root, utterances, judge, encoder, settings)
    if judge is None:
        print("judge: no utterance corpus with a train split; practice calls are judged by the cue rules alone")
        return
    print(f"judge: classifier over {judge.classifier.train_size} training utterances, "
          f"model {judge.model_id}, ready in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    facts = ContentFacts.load(root)
    scenarios, _ = read_scenarios(root, facts.content.entries)  # the facts rules read, as on every other load
    entry = facts.entry
    warmed = warm_references(judge, scenario_reference_texts(scenarios.values(), entry), settings.embedding_cache_dir)
    warm_references(judge, [], settings.embedding_cache_dir, whole=scenario_checkpoint_texts(scenarios.values(), entry))
    print(f"judge: {warmed} reference sentences of the scenarios' FAQ entries embedded "
          f"in {time.perf_counter() - started:.0f} s (the app reads them from the cache)")


def keep_for_the_app(root: Path, utterances: Sequence[LabelledUtterance], judge: MeaningJudge | None, encoder: Encoder,
                     settings: Settings) -> None:
    """Keep the judge where the app looks first, when `root` is the content the app serves (a build of
    another folder must not hand the app a judge for other content)."""
    if Path(root).resolve() != Path(settings.content_dir).resolve():
        return
    shelf = judge_shelf(settings.data_dir, encoder)
    key = judge_key_of(utterances, encoder.model_id)
    shelf.save(key, judge)
    drop_stale_classifiers(settings.embedding_cache_dir, key, encoder.model_id)
    print(f"judge: kept for the app in {shelf.path}")
