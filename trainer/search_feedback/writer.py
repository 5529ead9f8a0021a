"""Store writes that must never slow or break the page that asks for them.

The knowledge-search page logs every search; an agent on a live call must get the answer at
once even when the database is slow, locked or down. `LogWriter` runs writes one at a time
on its own thread, in the order they were handed in (a verdict after its search), logs a
failure instead of raising it, and drops writes beyond a bound rather than grow without end.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

log = logging.getLogger(__name__)

MAX_PENDING = 1000


class LogWriter:
    """A single background thread for best-effort writes; create one per process and share it."""

    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-log")
        self._max_pending = max_pending
        self._pending = 0
        self._lock = threading.Lock()
        self._last: Future | None = None

    def submit(self, what: str, write: Callable[[], object]) -> bool:
        """Queue `write`; False (and a log line) when it was dropped because too many are waiting."""
        with self._lock:
            if self._pending >= self._max_pending:
                log.warning("search log: %s dropped, %d writes still waiting", what, self._pending)
                return False
            self._pending += 1
            try:
                self._last = self._executor.submit(self._run, what, write)
            except RuntimeError:  # the process is shutting down
                self._pending -= 1
                log.warning("search log: %s dropped, the writer is shut down", what)
                return False
        return True

    def _run(self, what: str, write: Callable[[], object]) -> None:
        try:
            write()
        except Exception:
            log.exception("search log: could not write %s", what)
        finally:
            with self._lock:
                self._pending -= 1

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued so far is written (tests, shutdown); False on timeout."""
        with self._lock:
            last = self._last
        if last is None:
            return True
        try:
            last.result(timeout=timeout)
        except TimeoutError:
            return False
        return True

    @property
    def pending(self) -> int:
        return self._pending
