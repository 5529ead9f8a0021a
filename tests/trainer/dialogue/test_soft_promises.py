"""An outcome promised in soft words is an absolute promise (judge38c: the tune set's writers mark it in five calls)."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence


@pytest.mark.parametrize("text, promise", [
    ("您放心，我给您提个特殊申请，看能不能给您恢复回来，像您这种老客户，一般都能通融。", True),
    ("您把材料补齐了，这次复核基本上就能过，您放宽心。", True),
    ("像您这种情况，补上材料基本都能批下来，问题不大。", True),
    ("我尽量帮您申请，争取全额给您退回来，问题应该不大。", True),
    ("应该问题不大，您先等一等看。", False),               # no outcome named (the corpus: not a promise)
    ("审核通过以后一般3个工作日到账。", False),            # how long a step takes
    ("这个我不敢保证，一般都能批下来，但以审核为准。", False),  # hedged
    ("您说“一般都能通融”，这是业务员讲的吗？", False),      # someone else's words
    ("一般能过吗？", False),
])
def test_an_outcome_promised_in_soft_words(text, promise, real_facts):
    found = {e.behaviour for e in reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), None) if not e.ok}
    assert ("absolute_promise" in found) == promise
