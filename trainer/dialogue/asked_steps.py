"""Steps met by a question asked in any words of its kind, read by form beside the step's cues (judge51b).

A teach-back (放慢节奏，请老人确认是否听明白) was met only by the cues of its one scenario, each wording added as a trainee
was missed (qa25 J2: 阿姨我这样说你能听明白吗？ / 这些我讲清楚了没有？). A checkpoint that says `asks: understanding` is met
by the reader that already tells such a question from a rude one (`not_faults.checks_understanding`), in any scenario.
"""

from __future__ import annotations

import re
from typing import Callable

from kb.chinese_text import sentences
from trainer.dialogue.not_faults import checks_understanding

# asks: → whether a sentence (or the question closing it) asks that question
ASKED_QUESTIONS: dict[str, Callable[[str], bool]] = {"understanding": checks_understanding}


def asked_in(text: str, asks: str) -> str | None:
    """The words of `text` that ask the question `asks` names: a whole sentence, or the clause that closes one
    (分红是不保证的，您清楚吗？ → 您清楚吗？); None when no sentence asks it (or `asks` names no question)."""
    reads = ASKED_QUESTIONS.get(asks)
    if reads is None:
        return None
    for sentence in sentences(text):
        for words in (sentence, re.split(r"[，,]", sentence)[-1].strip()):
            if words and reads(words):
                return words
    return None
