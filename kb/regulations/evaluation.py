"""The regulation dev set: questions whose answer is a sentence of a named article, plus negatives.

The set is written by a separate writer (tests/kb/regulation_queries.yaml). Every expected
sentence is checked against the library text, so an import or parser change that loses or
moves a sentence is caught before any score is computed. The set is split in two fixed
halves by a hash of the question: thresholds may be tuned on `tune` only, and `held_out`
is reported separately. Training-only files (header `split: tune`, e.g.
tests/kb/regulation_training_queries.yaml) add questions and negatives that all go to `tune`,
whatever their hash: they are for fitting, never for the held-out figures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import yaml

from kb.regulations.library import Library

HALVES = ("tune", "held_out")
# The only split a training-only file may declare: its rows never reach the held-out half.
TRAINING_SPLIT = "tune"
# Training-only files sit next to the dev set, one per writer (kb.regulations.training_import writes them).
TRAINING_FILES = "regulation_training_queries*.yaml"


@dataclass(frozen=True)
class RegulationQuestion:
    text: str
    document: str
    article: str
    sentence: str
    split: str = ""  # set for a training-only file's questions: their half whatever the hash

    @property
    def half(self) -> str:
        return self.split or half_of(self.text)


@dataclass(frozen=True)
class RegulationDevSet:
    questions: tuple[RegulationQuestion, ...]
    negatives: tuple[str, ...]
    training_negatives: frozenset[str] = frozenset()  # negatives of a training-only file (always tune)

    def negative_half(self, text: str) -> str:
        return TRAINING_SPLIT if text in self.training_negatives else half_of(text)

    def half(self, name: str) -> "RegulationDevSet":
        return RegulationDevSet(tuple(q for q in self.questions if q.half == name),
                                tuple(n for n in self.negatives if self.negative_half(n) == name),
                                frozenset(n for n in self.training_negatives if name == TRAINING_SPLIT))

    def training_only(self) -> "RegulationDevSet":
        """The rows that came from training-only files."""
        return RegulationDevSet(tuple(q for q in self.questions if q.split), tuple(sorted(self.training_negatives)),
                                self.training_negatives)

    def without_training(self) -> "RegulationDevSet":
        """The dev set proper (what the reported tune and held-out figures are measured on)."""
        return RegulationDevSet(tuple(q for q in self.questions if not q.split),
                                tuple(n for n in self.negatives if n not in self.training_negatives))


def training_sets(folder: Path) -> tuple[Path, ...]:
    """Every training-only file in `folder` (the dev set's folder), in a fixed order."""
    return tuple(sorted(folder.glob(TRAINING_FILES)))


def writer_of(path: Path) -> str:
    """A training file's writer, from its name (regulation_training_queries_compliance.yaml -> 'compliance')."""
    return path.stem.removeprefix("regulation_training_queries").strip("_") or "supervisors"


def half_of(text: str) -> str:
    """'tune' or 'held_out', fixed by the text alone (stable as the set grows)."""
    return HALVES[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


def squeeze(text: str) -> str:
    """Text compared without white space (the library re-joins PDF-wrapped lines)."""
    return re.sub(r"\s+", "", text or "")


def expected_text(question: RegulationQuestion) -> str:
    """The expected sentence without a leading section number (3.2.1 …) or article label (第十五条): the
    library keeps numbers as labels, not in the article's text."""
    return re.sub(r"^(?:\d+(?:\.\d+)*|第[〇零一二三四五六七八九十百千]+条)\s*", "", question.sentence.strip())


def _read(path: Path, training: bool) -> RegulationDevSet:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    split = data.get("split")
    if training and split != TRAINING_SPLIT:
        raise ValueError(f"{path}: a training-only file must declare 'split: {TRAINING_SPLIT}' (found {split!r})")
    if not training and split is not None:
        raise ValueError(f"{path}: the dev set is split by hash; 'split' belongs to training-only files")
    forced = TRAINING_SPLIT if training else ""
    questions = tuple(RegulationQuestion(str(r["q"]), str(r["document"]), str(r["article"]), str(r["sentence"]), forced)
                      for r in data.get("questions") or [])
    negatives = tuple(str(r["q"] if isinstance(r, dict) else r) for r in data.get("negatives") or [])
    return RegulationDevSet(questions, negatives, frozenset(negatives) if training else frozenset())


def load_regulation_dev_set(path: Path, *training: Path) -> RegulationDevSet:
    """The dev set at `path`, plus the rows of training-only files (all in the tune half).

    A training file's row repeating a dev-set text is an error: it would put a held-out question
    in training, or count one question twice."""
    dev = _read(path, training=False)
    questions, negatives, training_negatives = list(dev.questions), list(dev.negatives), set()
    seen = {q.text for q in dev.questions} | set(dev.negatives)
    for extra_path in training:
        extra = _read(extra_path, training=True)
        repeated = sorted(seen & ({q.text for q in extra.questions} | set(extra.negatives)))
        if repeated:
            raise ValueError(f"{extra_path}: {len(repeated)} row(s) already in another file, e.g. {repeated[0]!r}")
        seen |= {q.text for q in extra.questions} | set(extra.negatives)
        questions += extra.questions
        negatives += extra.negatives
        training_negatives |= extra.training_negatives
    return RegulationDevSet(tuple(questions), tuple(negatives), frozenset(training_negatives))


def sentence_problems(dev: RegulationDevSet, library: Library) -> list[str]:
    """Questions whose expected sentence is not in the named article of the library."""
    problems = []
    for question in dev.questions:
        article = library.article(question.document, question.article)
        if article is None:
            problems.append(f"{question.text!r}: {question.document} has no article {question.article!r}")
        elif squeeze(expected_text(question)) not in squeeze(article.text):
            problems.append(f"{question.text!r}: sentence not in {question.document} {article.label}: {question.sentence[:40]}…")
    return problems


@dataclass
class RegulationScores:
    questions: int
    found_top3: int        # expected sentence in one of the top 3 accepted articles
    negatives: int
    negatives_rejected: int
    misses: list[tuple[str, str, list[str]]]

    @property
    def top3(self) -> float:
        return self.found_top3 / self.questions if self.questions else 0.0

    @property
    def rejection(self) -> float:
        return self.negatives_rejected / self.negatives if self.negatives else 1.0


def score(search: Callable[[str], Sequence], dev: RegulationDevSet) -> RegulationScores:
    """`search(q)` returns ArticleHits (gated); a question counts when its sentence is in a top-3 article's own text."""
    found, misses = 0, []
    for question in dev.questions:
        hits = list(search(question.text))[:3]
        if any(squeeze(expected_text(question)) in squeeze(h.text) for h in hits):
            found += 1
        else:
            misses.append((question.text, f"{question.document} {question.article}", [f"{h.document_id} {h.article}" for h in hits]))
    rejected = sum(1 for text in dev.negatives if not list(search(text)))
    return RegulationScores(len(dev.questions), found, len(dev.negatives), rejected, misses)
