"""Evidence: the agent's exact words behind every judgement, and how to cut them out of a reply."""

from __future__ import annotations

from dataclasses import dataclass

from kb.chinese_text import sentence_spans


@dataclass(frozen=True)
class Evidence:
    """One observed behaviour: which, good or bad, the verbatim words, and what to do about it."""

    behaviour: str
    ok: bool
    quote: str
    advice: str
    better: str = ""
    entry: str = ""
    # A fault of its own clause only (an impatient opener, 行了行了，…): the rest of its sentence is judged as
    # said, so the correct content after it is still credited (judge20). Other faults cost their whole sentence.
    clause_only: bool = False


def first_sentence(text: str) -> str:
    """The reply's first sentence, a fair quote when a judgement is about the whole reply."""
    parts = sentence_spans(text)
    return parts[0][2].strip() if parts else text.strip()
