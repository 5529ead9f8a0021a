"""An outcome promised in soft words (judge38c): 像您这种老客户，一般都能通融; 补上材料基本都能批下来，问题不大.

Quality inspectors mark these as absolute promises (the three tune-set writers did, in five calls): the hedge
(一般, 基本上, 应该) softens the words, not the promise of an outcome the agent cannot decide. The corpus holds few
(one of 94 train promises); its "应该问题不大，您先等一等看。" (no outcome named) stays unflagged.
"""

from __future__ import annotations

import re

from trainer.dialogue.segments import sentence_segments

_OUTCOME = r"(过|批下来|批了|赔下来|赔|通融|办下来|办成|恢复|通过|退回来|退下来)"
# 一般都能通融, 基本上就能过, 基本都能批下来
_SOFT_CAN = re.compile(r"(基本上?|一般|通常|大概率)(也)?(都|就)?(就)?(能|可以)" + _OUTCOME + r"(?![^，。！？]{0,2}(吗|嘛|么|[？?]))")
# 争取全额给您退回来，问题应该不大 — "no big problem" said of an outcome in the same sentence
_NO_BIG_PROBLEM = re.compile(r"问题(应该|估计|肯定)?不大|(应该|估计)没(什么|啥)?问题")
_OUTCOME_WORD = re.compile(_OUTCOME)
# 我不敢保证一般都能批下来; 能不能通融我没法打包票
_HEDGED = re.compile(r"不保证|没法保证|不能保证|无法保证|不敢保证|保证不了|打包票|不一定|说不准|不好说|以[^，。！？]{0,6}为准")


def soft_promise_spans(sentence: str) -> list[tuple[int, int]]:
    """Where `sentence` promises an outcome in soft words (start, end of the soft words)."""
    if _HEDGED.search(sentence):
        return []
    spans = [m.span() for m in _SOFT_CAN.finditer(sentence)]
    if not spans and _OUTCOME_WORD.search(sentence):
        spans = [m.span() for m in _NO_BIG_PROBLEM.finditer(sentence)]
    return spans


def soft_promises(text: str) -> list[tuple[int, int]]:
    """`soft_promise_spans` over a reply's sentences, as positions in the reply."""
    return [(s.start + a, s.start + b) for s in sentence_segments(text) for a, b in soft_promise_spans(s.text)]
