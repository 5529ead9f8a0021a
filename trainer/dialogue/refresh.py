"""The practice-call judge kept ready while a newer one trains in the background.

Accepting a judge correction changes the utterance corpus, and training the judge for it takes
minutes. A trainee starting a call must not pay for that (qa14 #9): calls keep the last judge
that is ready, one background thread per process trains the judge for the newest corpus, and
the served judge is swapped when it is done. A failed training changes nothing but the status
(the old judge stays; the error is logged and shown to instructors). Only a process with no
judge at all waits, for the one training every caller shares.

The newest trained judge is also kept on disk per encoder (`JudgeShelf`), written by `kb build`
and after every training, so a restarted process serves it at once. Its key is the judge's own
(`trainer.dialogue.kept_judge.judge_key`: the corpus, the cue rules' verdicts, the training
recipe and format, the encoder), so a kept judge whose key is the current one *is* the current
judge: nothing is trained again, and instructors are not told of a retraining that is not one.
A kept judge for another key (a later correction, newer code) serves while the current one trains.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generic, Literal, Protocol, TypeVar

log = logging.getLogger(__name__)

J = TypeVar("J")

SHELF_PREFIX = "judge-latest-"  # the kept judge's file, judge-latest-<encoder digest>.pkl
State = Literal["ready", "loading", "training", "failed"]  # loading: the wanted judge is saved, being read


@dataclass(frozen=True)
class RefreshStatus:
    """What an instructor is told: is the judge serving calls built from the current corpus?"""

    state: State
    serving: str | None  # the key of the judge calls use now (None: no judge yet)
    wanted: str  # the key of the judge for the corpus on disk and this code
    error: str | None = None  # the last failure for `wanted`


@dataclass(frozen=True)
class _Ready(Generic[J]):
    key: str
    judge: J | None  # None: the corpus has nothing to learn from (cue rules alone)


class JudgeShelf(Protocol[J]):
    """Where the newest trained judge of one encoder outlives the process."""

    def load(self) -> tuple[str, J | None] | None:
        """The key and judge kept last, or None (nothing kept, or unreadable)."""

    def save(self, key: str, judge: J | None) -> None:
        """Keep `judge`, whose key is `key`, as the newest."""


class ShelfFile(Generic[J]):
    """A `JudgeShelf` in one file per encoder, next to the classifier cache.

    `pack` turns a judge into what is pickled (the classifier, without the encoder) and
    `unpack` back; a file for another encoder, or one that no longer unpickles, is ignored.
    """

    def __init__(self, directory: Path, model_id: str, pack: Callable[[J], object],
                 unpack: Callable[[object], J]) -> None:
        digest = hashlib.sha256(model_id.encode()).hexdigest()[:16]
        self.path = Path(directory) / f"{SHELF_PREFIX}{digest}.pkl"
        self.model_id, self._pack, self._unpack = model_id, pack, unpack

    def load(self) -> tuple[str, J | None] | None:
        try:
            with open(self.path, "rb") as handle:
                kept = pickle.load(handle)
            if kept.get("model_id") != self.model_id:
                return None
            packed = kept["judge"]
            # "corpus_key": a file kept before the key covered the code; it never equals a judge key, so it
            # serves only until the current judge is loaded or trained
            return kept.get("key", kept.get("corpus_key")), None if packed is None else self._unpack(packed)
        except FileNotFoundError:
            return None
        except Exception as error:  # noqa: BLE001 - an unusable file means waiting for a training, not a crash
            log.warning("ignoring the kept call judge %s: %s", self.path, error)
            return None

    def save(self, key: str, judge: J | None) -> None:
        kept = {"model_id": self.model_id, "key": key,
                "judge": None if judge is None else self._pack(judge)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(kept, handle)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._drop_older()

    def _drop_older(self) -> None:
        """Remove the judges kept for other encoders (8 MB each): an install serves one encoder, and a file
        kept for an encoder used before stayed in the data directory for good (polish18 left). The newest
        judge, the one just kept, is the one a restart needs; with the encoder switched back, it trains once."""
        for other in self.path.parent.glob(f"{SHELF_PREFIX}*.pkl"):
            if other != self.path:
                try:
                    other.unlink()
                except OSError as error:  # another process removed it first, or it is not ours to remove
                    log.info("could not remove the older kept judge %s: %s", other, error)


class JudgeRefresher(Generic[J]):
    """The judge for one encoder (`model_id`); `train(key)` builds (or loads) the judge whose key is `key`.

    One per process and encoder (the app keeps it in `st.cache_resource`). A judge whose
    `model_id` is not this encoder's is refused, never served. With a `shelf`, the judge kept
    there serves from the start and every trained judge is kept there. `saved(key)` tells
    whether `train(key)` only reads a judge saved earlier (seconds), so the status says
    "loading", not "training".
    """

    def __init__(self, model_id: str, train: Callable[[str], J | None], shelf: JudgeShelf[J] | None = None,
                 saved: Callable[[str], bool] = lambda key: False) -> None:
        self.model_id = model_id
        self._train = train
        self._shelf = shelf
        self._saved = saved
        self._lock = threading.Condition()
        self._ready: _Ready[J] | None = self._from_shelf()
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
        """`judge(wanted)` with the key of the judge served."""
        with self._lock:
            self._request(wanted)
            while self._ready is None:
                if self._failed is not None and self._failed[0] == wanted and self._worker is None:
                    raise RuntimeError(f"the call judge could not be trained: {self._failed[1]}")
                self._lock.wait()
            return self._ready.key, self._ready.judge

    def _from_shelf(self) -> _Ready[J] | None:
        kept = self._shelf.load() if self._shelf is not None else None
        if kept is None:
            return None
        key, judge = kept
        found = getattr(judge, "model_id", self.model_id)
        if found != self.model_id:
            log.warning("the kept call judge is for encoder %s, not %s; not served", found, self.model_id)
            return None
        return _Ready(key, judge)

    def has_ready(self) -> bool:
        """Whether `judge` returns at once (no judge has to be trained first)."""
        with self._lock:
            return self._ready is not None

    def status(self, wanted: str) -> RefreshStatus:
        """Where the judge stands against the corpus `wanted`; starts its training if needed."""
        with self._lock:
            self._request(wanted)
            serving = self._ready.key if self._ready is not None else None
            if self._current(wanted):
                return RefreshStatus("ready", serving, wanted)
            if self._failed is not None and self._failed[0] == wanted and self._worker is None:
                return RefreshStatus("failed", serving, wanted, self._failed[1])
            return RefreshStatus("loading" if self._saved(wanted) else "training", serving, wanted)

    def retry(self, wanted: str) -> RefreshStatus:
        """Train the judge for `wanted` again after a failure (an instructor's 重新训练)."""
        with self._lock:
            if self._failed is not None and self._failed[0] == wanted:
                self._failed = None
        return self.status(wanted)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no training runs (tests, and a clean shutdown); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._worker is None, timeout)

    def _request(self, wanted: str) -> None:
        # under the lock: a corpus already served, or failed, is not trained again
        self._wanted = wanted
        if self._current(wanted):
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
                done = key is None or self._current(key) or (
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
            self._keep(key, trained)

    def _current(self, key: str) -> bool:
        # under the lock: the judge served is the one whose key is `key`
        return self._ready is not None and self._ready.key == key

    def _keep(self, key: str, trained: J | None) -> None:
        if self._shelf is None:
            return
        try:
            self._shelf.save(key, trained)
        except Exception:  # noqa: BLE001 - the judge serves; only the next restart would wait
            log.exception("keeping the call judge for corpus %s on disk failed", key)
