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


def test_a_new_judge_removes_the_classifiers_of_earlier_corpora(tmp_path: Path) -> None:
    """Every accepted correction is a new corpus and left a 10 MB judge-<key>.pkl behind for good (polish21)."""
    import os
    import time

    from trainer.dialogue.kept_judge import drop_stale_classifiers

    key = judge_key(REAL_CONTENT, MODEL)
    an_hour_ago = time.time() - 2 * 3600
    current = [classifier.classifier_cache_path(tmp_path, part) for part in key.split("+")]
    earlier = [tmp_path / f"judge-7-{n:024x}-0000000{n}-{MODEL}.pkl" for n in range(3)]
    half_written = tmp_path / f".judge-7-{0:024x}-00000009-{MODEL}.pkl.abc123"
    just_written = tmp_path / f"judge-7-{9:024x}-00000009-{MODEL}.pkl"  # another process may be about to read it
    other_encoder = tmp_path / "judge-7-000000000000000000000000-00000000-model-b.pkl"
    shelf = tmp_path / "judge-latest-0123456789abcdef.pkl"
    for path in [*current, *earlier, half_written, just_written, other_encoder, shelf]:
        path.write_bytes(b"x")
        if path is not just_written:
            os.utime(path, (an_hour_ago, an_hour_ago))
    removed = drop_stale_classifiers(tmp_path, key, MODEL, keep_newest=0)
    assert sorted(removed) == sorted([*earlier, half_written])
    assert all(path.is_file() for path in [*current, just_written, other_encoder, shelf])
    assert drop_stale_classifiers(None, key, MODEL) == [] and drop_stale_classifiers(tmp_path / "none", key, MODEL) == []


def test_the_newest_classifiers_of_other_corpora_stay_whatever_their_age(tmp_path: Path) -> None:
    """A cache dir shared by the app's real content and the test suite's fixture corpora lost the real content's
    classifiers to a test run an hour after they were written, and `kb build` retrained them (stop 48 / 49)."""
    import os
    import time

    from trainer.dialogue.kept_judge import KEEP_NEWEST_OTHERS, drop_stale_classifiers

    key = judge_key(REAL_CONTENT, MODEL)
    count = KEEP_NEWEST_OTHERS + 3
    others = [tmp_path / f"judge-7-{n:024x}-0000000{n % 10}-{MODEL}.pkl" for n in range(count)]
    for age, path in enumerate(others):  # others[0] newest, every one over an hour old
        path.write_bytes(b"x")
        written = time.time() - 2 * 3600 - age * 60
        os.utime(path, (written, written))
    removed = drop_stale_classifiers(tmp_path, key, MODEL)
    assert sorted(removed) == sorted(others[KEEP_NEWEST_OTHERS:])
    assert all(path.is_file() for path in others[:KEEP_NEWEST_OTHERS])


def test_a_classifier_being_read_can_be_removed_under_its_reader(tmp_path: Path) -> None:
    """The removal is safe for a process reading the file at that moment: its open file stays whole."""
    import os
    import pickle
    import time

    from trainer.dialogue.kept_judge import drop_stale_classifiers

    stale = tmp_path / f"judge-7-{1:024x}-00000001-{MODEL}.pkl"
    stale.write_bytes(pickle.dumps(list(range(100_000))))
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    with open(stale, "rb") as reading:
        reading.read(10)
        assert drop_stale_classifiers(tmp_path, judge_key(REAL_CONTENT, MODEL), MODEL, keep_newest=0) == [stale]
        reading.seek(0)
        assert pickle.load(reading) == list(range(100_000))
    assert not stale.exists()


def test_the_key_names_every_classifier_the_judge_opens() -> None:
    """judge32a: a second taught file (teaching rude beside a file teaching verification) is a classifier of its
    own, so the kept judge's key has a part for it: else a judge whose rude classifier changed would be served as current."""
    from dataclasses import replace
    from types import SimpleNamespace

    corpus = [u for u in read_corpus(REAL_CONTENT)[0] if not u.teaches]
    train = [u for u in corpus if u.split == "train"]

    def taught(behaviour: str) -> list:
        return [replace(u, text=u.text + "！", training_only=True, teaches=(behaviour,),
                        file=f"dialogue/utterances/w-{behaviour}.yaml") for u in train if behaviour in u.labels][:5]

    utterances = corpus + taught("verification") + taught("rude")
    opened: list[str] = []

    def one(some):
        opened.append(classifier.classifier_key(some, MODEL))
        return SimpleNamespace(behaviours=("rude", "verification"), model_id=MODEL)

    classifier.isolating(utterances, one)
    assert len(opened) == 3 and judge_key_of(utterances, MODEL).split("+") == opened
