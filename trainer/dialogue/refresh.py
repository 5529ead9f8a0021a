"""The practice-call judge kept ready while a newer one trains in the background.

Accepting a judge correction changes the utterance corpus, and training the judge for it takes
minutes. A trainee starting a call must not pay for that (qa14 #9): calls keep the last judge
that is ready, one background thread per process trains the judge for the newest corpus, and
the served judge is swapped when it is done. A failed training changes nothing but the status
(the old judge stays; the error is logged and shown to instructors). Only a process with no
judge at all waits, for the one training every caller shares.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Generic, Literal, TypeVar

log = logging.getLogger(__name__)

J = TypeVar("J")

State = Literal["ready", "training", "failed"]


@dataclass(frozen=True)
class RefreshStatus:
    """What an instructor is told: is the judge serving calls built from the current corpus?"""

    state: State
    serving: str | None  # the corpus key of the judge calls use now (None: no judge yet)
    wanted: str  # the corpus key on disk
    error: str | None = None  # the last failure for `wanted`


@dataclass(frozen=True)
class _Ready(Generic[J]):
    key: str
    judge: J | None  # None: the corpus has nothing to learn from (cue rules alone)


class JudgeRefresher(Generic[J]):
    """The judge for one encoder (`model_id`); `train(key)` builds it for the corpus on disk.

    One per process and encoder (the app keeps it in `st.cache_resource`). A judge whose
    `model_id` is not this encoder's is refused, never served.
    """

    def __init__(self, model_id: str, train: Callable[[str], J | None]) -> None:
        self.model_id = model_id
        self._train = train
        self._lock = threading.Condition()
        self._ready: _Ready[J] | None = None
        self._wanted: str | None = None
        self._worker: threading.Thread | None = None
        self._failed: tuple[str, str] | None = None  # (key, message) of the last failed training

    def judge(self, wanted: str) -> J | None:
        """The judge for calls starting now: the newest ready one, never waiting for a retrain.

        Starts the background training when the corpus moved on. Waits only when nothing is
        ready yet (a fresh process); raises if that first training failed.
        """
        return self.serving(wanted)[1]

    def serving(self, wanted: str) -> tuple[str, J | None]:
        """`judge(wanted)` with the corpus key it was trained for."""
        with self._lock:
            self._request(wanted)
            while self._ready is None:
                if self._failed is not None and self._failed[0] == wanted and self._worker is None:
                    raise RuntimeError(f"the call judge could not be trained: {self._failed[1]}")
                self._lock.wait()
            return self._ready.key, self._ready.judge

    def has_ready(self) -> bool:
        """Whether `judge` returns at once (no judge has to be trained first)."""
        with self._lock:
            return self._ready is not None

    def status(self, wanted: str) -> RefreshStatus:
        """Where the judge stands against the corpus `wanted`; starts its training if needed."""
        with self._lock:
            self._request(wanted)
            serving = self._ready.key if self._ready is not None else None
            if serving == wanted:
                return RefreshStatus("ready", serving, wanted)
            if self._failed is not None and self._failed[0] == wanted and self._worker is None:
                return RefreshStatus("failed", serving, wanted, self._failed[1])
            return RefreshStatus("training", serving, wanted)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no training runs (tests, and a clean shutdown); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._worker is None, timeout)

    def _request(self, wanted: str) -> None:
        # under the lock: a corpus already served, or failed, is not trained again
        self._wanted = wanted
        if self._ready is not None and self._ready.key == wanted:
            return
        if self._failed is not None and self._failed[0] == wanted:
            return
        if self._worker is None:
            self._worker = threading.Thread(target=self._run, name=f"judge-refresh-{self.model_id}", daemon=True)
            self._worker.start()

    def _run(self) -> None:
        """Train until the ready judge is the one for the newest wanted corpus (or it failed)."""
        while True:
            with self._lock:
                key = self._wanted
                done = key is None or (self._ready is not None and self._ready.key == key) or (
                    self._failed is not None and self._failed[0] == key)
                if done:
                    self._worker = None
                    self._lock.notify_all()
                    return
            try:
                trained = self._train(key)
                found = getattr(trained, "model_id", self.model_id)
                if found != self.model_id:
                    raise ValueError(f"trained for encoder {found}, not {self.model_id}")
            except Exception as error:  # noqa: BLE001 - any failure leaves the old judge serving
                log.exception("training the call judge for corpus %s failed; calls keep the previous judge", key)
                with self._lock:
                    self._failed = (key, f"{type(error).__name__}: {error}")
                    self._lock.notify_all()
                continue
            with self._lock:
                self._ready = _Ready(key, trained)
                if self._failed is not None and self._failed[0] == key:
                    self._failed = None
                self._lock.notify_all()
