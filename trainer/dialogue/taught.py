"""Training-only files that teach named behaviours (`teaches:`), kept away from every other behaviour.

`teaches:` makes a file's labels unknown for the behaviours it does not name, but one classifier
trained on it still moves them: its utterances re-deal the position-based folds, refit the n-gram
vocabulary and the scaler, and the second stage reads every head (docs/benchmarks.md, judge11; dealing
folds by a hash of the text instead moves the dev figures by itself, judge12). So the taught behaviours
are scored by a classifier trained with the taught files, and every other behaviour by the classifier
of the corpus without them: the very classifier (same cache key) as before the files were added, so
an untaught behaviour's scores, threshold and rule floor are exactly those of before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, Sequence

import numpy as np

from trainer.dialogue.corpus import LabelledUtterance


class BehaviourClassifier(Protocol):
    """What a combined classifier reads of `trainer.dialogue.classifier.BehaviourClassifier` (named here, not
    imported: the classifier module builds `TaughtClassifier`, and an import back would be a cycle)."""

    behaviours: tuple[str, ...]
    model_id: str
    recipe: Any
    whole_from_sentences: bool
    train_size: int
    thresholds: dict[str, float]
    rule_floors: dict[str, float]
    calibration: dict[str, tuple[float, float]]

    def scores(self, texts: Sequence[str], vectors: np.ndarray, only: str | None = None) -> np.ndarray: ...

    def columns_of(self, texts: Sequence[str], vectors: np.ndarray, behaviours: Sequence[str]) -> np.ndarray: ...


def taught_behaviours(utterances: Sequence[LabelledUtterance]) -> frozenset[str]:
    """Every behaviour some training file teaches by name (empty: no such file)."""
    return frozenset(b for u in utterances for b in u.teaches)


def without_taught_files(utterances: Sequence[LabelledUtterance]) -> list[LabelledUtterance]:
    """The corpus as it is without the files that teach named behaviours."""
    return [u for u in utterances if not u.teaches]


def teaching_sets(utterances: Sequence[LabelledUtterance]) -> list[tuple[frozenset[str], list[LabelledUtterance]]]:
    """Per group of taught behaviours, the corpus with only the files that teach them (in corpus order).

    Behaviours taught by the same files share a classifier; one taught file does not move another's
    behaviours: a second file teaching rude leaves the verification a first file teaches exactly as it
    was (one classifier trained with every taught file moved it; docs/benchmarks.md, judge32a)."""
    teachers: dict[str, set[str]] = {}
    for u in utterances:
        for behaviour in u.teaches:
            teachers.setdefault(behaviour, set()).add(u.file)
    groups: dict[frozenset[str], set[str]] = {}
    for behaviour, files in teachers.items():
        groups.setdefault(frozenset(files), set()).add(behaviour)
    return [(frozenset(behaviours), [u for u in utterances if not u.teaches or u.file in files])
            for files, behaviours in sorted(groups.items(), key=lambda group: sorted(group[0]))]


def classifier_corpora(utterances: Sequence[LabelledUtterance]) -> list[tuple[frozenset[str], list[LabelledUtterance]]]:
    """What the judge's classifiers are trained on, in order: (no behaviour, the whole corpus) without taught files;
    else (no behaviour, the corpus without them), then each `teaching_sets` group. One list for the classifier that
    `classifier.isolating` composes and for the cache keys `kept_judge.judge_key_of` names, so the two cannot drift."""
    if not taught_behaviours(utterances):
        return [(frozenset(), list(utterances))]
    return [(frozenset(), without_taught_files(utterances)), *teaching_sets(utterances)]


@dataclass
class TaughtClassifier:
    """A `BehaviourClassifier` whose taught behaviours come from `taught`, the rest from `base`."""

    base: BehaviourClassifier
    taught: BehaviourClassifier
    teaches: frozenset[str]

    def __post_init__(self) -> None:
        if self.base.behaviours != self.taught.behaviours or self.base.model_id != self.taught.model_id:
            raise ValueError("both classifiers must judge the same behaviours with the same encoder")

    def _owner(self, behaviour: str) -> BehaviourClassifier:
        return self.taught if behaviour in self.teaches else self.base

    @property
    def behaviours(self) -> tuple[str, ...]:
        return self.base.behaviours

    @property
    def model_id(self) -> str:
        return self.base.model_id

    @property
    def recipe(self) -> Any:
        return self.base.recipe

    @property
    def whole_from_sentences(self) -> bool:
        return self.base.whole_from_sentences

    @property
    def train_size(self) -> int:
        return self.taught.train_size

    def _per_behaviour(self, name: str) -> dict:
        """One of the classifiers' per-behaviour dicts, each behaviour's value taken from its owner (each owner's dict
        read once: read per behaviour, nested taught classifiers built 196 dicts for one, every turn; perf41)."""
        of = {id(owner): getattr(owner, name) for owner in (self.base, self.taught)}
        return {b: of[id(self._owner(b))][b] for b in self.behaviours if b in of[id(self._owner(b))]}

    @property
    def thresholds(self) -> dict[str, float]:
        return self._per_behaviour("thresholds")

    @property
    def rule_floors(self) -> dict[str, float]:
        return self._per_behaviour("rule_floors")

    @property
    def calibration(self) -> dict[str, tuple[float, float]]:
        return self._per_behaviour("calibration")

    def scores(self, texts: Sequence[str], vectors: np.ndarray, only: str | None = None) -> np.ndarray:
        """As `BehaviourClassifier.scores`: the taught columns from `taught`, the others from `base`."""
        if only is not None:
            return self._owner(only).scores(texts, vectors, only)
        scores = self.base.scores(texts, vectors)
        columns = [i for i, b in enumerate(self.behaviours) if b in self.teaches]
        if columns and len(texts):
            scores[:, columns] = self.taught.columns_of(texts, vectors, [self.behaviours[i] for i in columns])
        return scores

    def columns_of(self, texts: Sequence[str], vectors: np.ndarray, behaviours: Sequence[str]) -> np.ndarray:
        """Exactly `scores(texts, vectors)[:, those behaviours' columns]`, each asked of its owner only."""
        result = np.zeros((len(texts), len(behaviours)))
        for owner in (self.base, self.taught):
            mine = [i for i, b in enumerate(behaviours) if self._owner(b) is owner]
            if mine:
                result[:, mine] = owner.columns_of(texts, vectors, [behaviours[i] for i in mine])
        return result
