"""ui.i18n.counted: English counts agree with their nouns ("the last 1 sessions", "1 calls", qa12)."""

from __future__ import annotations

from ui.i18n import counted


def test_one_is_singular_and_any_other_number_plural() -> None:
    assert [counted(n, "session") for n in (0, 1, 2)] == ["0 sessions", "1 session", "2 sessions"]


def test_an_irregular_plural_is_given() -> None:
    assert counted(1, "search", "searches") == "1 search" and counted(5, "search", "searches") == "5 searches"
