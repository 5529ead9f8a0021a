"""Background writes: in order, failures logged and never raised, bounded."""

from __future__ import annotations

import logging
import threading

from trainer.search_feedback.writer import LogWriter


def test_writes_run_in_the_order_given() -> None:
    writer, done = LogWriter(), []
    for number in range(20):
        writer.submit(f"write {number}", lambda n=number: done.append(n))
    assert writer.flush()
    assert done == list(range(20))


def test_a_failing_write_is_logged_not_raised_and_later_writes_still_run(caplog) -> None:
    writer, done = LogWriter(), []

    def broken() -> None:
        raise RuntimeError("database is down")

    with caplog.at_level(logging.ERROR, logger="trainer.search_feedback.writer"):
        assert writer.submit("the search", broken)
        writer.submit("the verdict", lambda: done.append("ok"))
        assert writer.flush()
    assert done == ["ok"]
    assert "could not write the search" in caplog.text and "database is down" in caplog.text


def test_writes_beyond_the_bound_are_dropped_with_a_warning(caplog) -> None:
    writer, release = LogWriter(max_pending=2), threading.Event()
    with caplog.at_level(logging.WARNING, logger="trainer.search_feedback.writer"):
        assert writer.submit("first", release.wait)
        assert writer.submit("second", lambda: None)
        assert not writer.submit("third", lambda: None)
    assert "third dropped" in caplog.text
    release.set()
    assert writer.flush() and writer.pending == 0
