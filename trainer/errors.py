"""An error a page shows to its user, worded in both UI languages."""

from __future__ import annotations


class BilingualError(ValueError):
    """Why something the user asked for cannot be done, in Chinese (`zh`) and English (`en`).

    Pages show `tr(err.zh, err.en)`; logs and tracebacks get the English text.
    """

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en
