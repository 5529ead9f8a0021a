"""The judge a call gets while a newer one trains: never a wait behind a retrain (qa14 #9).

A fake trainer stands in for the classifier: each training blocks until the test releases it,
so what a trainee would get *during* a retrain is checked deterministically.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from trainer.dialogue.refresh import JudgeRefresher

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
