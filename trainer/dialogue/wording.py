"""What the trainer writes for the trainee (advice, hints, what is still open), in both UI languages.

A `Worded` text *is* its Chinese string, so everything that stores, compares or quotes advice
keeps working unchanged; it also carries its English in `.en`, which a page shows with
`tr(text, english(text))`. Text written only in Chinese (content, the detectors' phrase advice)
has no English and is shown as it is.
"""

from __future__ import annotations


class Worded(str):
    """A Chinese text with its English translation in `.en`."""

    en: str

    def __new__(cls, zh: str, en: str) -> "Worded":
        text = super().__new__(cls, zh)
        text.en = en
        return text

    def __reduce__(self) -> tuple:
        return Worded, (str(self), self.en)


def english(text: str) -> str:
    """The English of a `Worded` text; any other text as it is."""
    return getattr(text, "en", text)

