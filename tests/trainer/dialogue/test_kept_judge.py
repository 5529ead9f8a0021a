"""The kept judge's key covers what the classifier's cache key covers: the corpus and the code that trains it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import trainer.dialogue.classifier as classifier
from tests.conftest import REAL_CONTENT
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.kept_judge import NO_CORPUS, judge_key, judge_key_of, judge_saved

MODEL = "model-a"


def test_the_key_moves_with_the_corpus_and_with_the_training_code(monkeypatch: pytest.MonkeyPatch) -> None:
    utterances = read_corpus(REAL_CONTENT)[0]
    key = judge_key(REAL_CONTENT, MODEL)
    assert key == judge_key_of(utterances, MODEL) and key != judge_key_of(utterances, "model-b")
    assert judge_key_of(utterances[1:], MODEL) != key, "a corpus change is a new judge"
    monkeypatch.setattr(classifier, "CLASSIFIER_FORMAT", classifier.CLASSIFIER_FORMAT + "-next")
    assert judge_key_of(utterances, MODEL) != key, "so is newer training code, as for the classifier cache"


def test_no_training_split_has_its_own_key_and_needs_no_file(tmp_path: Path) -> None:
    assert judge_key_of([u for u in read_corpus(REAL_CONTENT)[0] if u.split != "train"], MODEL) == NO_CORPUS
    assert judge_saved(None, NO_CORPUS)


def test_saved_means_every_classifier_of_the_key_is_cached(tmp_path: Path) -> None:
    key = judge_key(REAL_CONTENT, MODEL)
    assert not judge_saved(tmp_path, key) and not judge_saved(None, key)
    for part in key.split("+"):
        classifier.classifier_cache_path(tmp_path, part).write_bytes(b"")
    assert judge_saved(tmp_path, key)
    shutil.rmtree(tmp_path)
    assert not judge_saved(tmp_path, key)
