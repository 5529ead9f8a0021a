"""An answer that only says "it depends" (vague; judge39c, the tune set's fresh writers).

"放支架这个吧，具体还得看情况，不是说放了就赔，也不是说放了就不赔，这个不好一概而论。" answered 凭什么拒赔？ and was credited
as an explanation (the classifier's vague 0.33 against its threshold 0.63); the writers mark every "得看情况 / 不好一概而论"
of the tune set vague (4 sentences), and the train split's 5 non-dev lines saying 看情况 / 不好说 are all labelled vague.
It depends on what is said next: a condition (如果… / 要是… / 比如… / 主要看…) explains, so a sentence with one is not
read; a spoken form, it is held to the classifier's vague floor (`detectors.SPOKEN_FLOORS`).
"""

from __future__ import annotations

import re

_IT_DEPENDS = re.compile(r"(得|要)看(具体)?情况|(不好|不能|没法|很难)一概而论|因人而异")
# What makes "it depends" an explanation: the condition it depends on, said in the same sentence.
_CONDITION = re.compile(r"如果|要是|假如|的话|比如|例如|像[^，,。！？!?]{1,8}(这种|那种|这样)|主要看|取决于|就看|分(两|几)种")


def only_it_depends(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that answer "it depends" in a sentence naming no condition."""
    spans = []
    for match in _IT_DEPENDS.finditer(text):
        start = max(text.rfind(mark, 0, match.start()) for mark in "。！？!?") + 1
        ends = [i for i in (text.find(mark, match.end()) for mark in "。！？!?") if i >= 0]
        if not _CONDITION.search(text[start:min(ends, default=len(text))]):
            spans.append((match.start(), match.end()))
    return spans
