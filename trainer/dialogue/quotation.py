"""Words the trainee quotes or restates are not the trainee's own: 您是说业务员讲“保证翻倍”是吧？

Both the cue rules and the classifier skip promises, rudeness and blame found inside a
quotation or in a sentence that restates what someone else said.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"“[^”]{2,}”|\"[^\"]{2,}\"|「[^」]{2,}」|『[^』]{2,}』|‘[^’]{2,}’")
REPORTING = ("您是说", "您的意思是", "您刚才说", "您刚才是说", "您刚刚说", "您是想说", "您说的是", "他说", "她说", "业务员说", "业务员讲", "原话",
             "跟您讲的是", "跟您说的是")
QUOTE_SENSITIVE = ("absolute_promise", "rude", "blame")


def reported_speech(sentence: str) -> bool:
    """The sentence repeats or quotes someone else's words (the customer's, the salesperson's)."""
    return bool(_QUOTED.search(sentence)) or any(marker in sentence for marker in REPORTING)


def inside_quotes(text: str, start: int) -> bool:
    """Position `start` of `text` lies inside a quotation mark pair."""
    return any(m.start() < start < m.end() for m in _QUOTED.finditer(text))
