"""Rudeness a senior agent says in passing on a whole call (judge39c, the tune set's fresh writers), beside `detectors`'
spoken rude forms: the customer told that what they say changes nothing, and a complaint discouraged.

- "标准就是标准，您这样说也没用。" / "您先别激动，您这样说我们也没法处理" (服务忌语: 顶撞、推诿): the customer's words called
  useless — or their feelings (急也没用, judge29's form, which counted only without a classifier). The train split's
  11 lines of the two are all labelled rude. Spoken words, held to the classifier's rude floor
  (`detectors.SPOKEN_FLOORS`) like impatience and judge38r's shapes.
- "您要投诉也可以，不过结果一般也是一样的" / "您投诉也一样，最后还是转回我们这儿来。" (train: labelled rude): a complaint
  said to change nothing — the company may not discourage one (the customer's right to complain, 12378). The classifier
  scores it under 0.2 (a polite surface), so it counts as a rule. 投诉也一样可以受理 (the same route) is not it.
"""

from __future__ import annotations

import re

# 您这样说也没用 / 您这么说我们也没法处理 / 您再讲也改变不了 — not 您说的情况我们也没办法 (的: the case, not the words);
# and a feeling called useless (急也没用, 您别激动，激动也解决不了问题, 您冲我嚷嚷有什么用: judge29's spoken form, counted
# by rules alone until now — the train split's 10 lines of it, six writers, are all labelled rude).
_WORDS_USELESS = re.compile(
    r"(您|你)(这样|这么|再|怎么)?(说|讲)[^，,。！？!?的]{0,4}也(没用|没有用|没法处理|没办法处理|改变不了|改不了|白搭)"
    r"|(哭|急|激动|嚷|嚷嚷|骂我|冲我|闹|吵)[^，,。！？!?]{0,3}(也)?(没用|没有用|解决不了|有什么用|有啥用)")
# 投诉也一样。 / 投诉…结果也是一样的 — not 投诉也一样可以受理 (a route) nor 投诉和咨询的流程都是一样的 (no 结果).
_COMPLAINT_CHANGES_NOTHING = re.compile(
    r"(投诉|告)(也|都)一样(?=[，,。！？!?～~]|$)|(投诉|告)[^。！？!?]{0,10}结果[^。！？!?]{0,4}(也|都|还)(是)?一样")


def words_called_useless(text: str) -> list[tuple[int, int]]:
    """The spans of `text` telling the customer that what they say changes nothing (held to the classifier)."""
    return [(m.start(), m.end()) for m in _WORDS_USELESS.finditer(text)]


def complaint_discouraged(text: str) -> list[tuple[int, int]]:
    """The spans of `text` telling the customer a complaint would change nothing."""
    return [(m.start(), m.end()) for m in _COMPLAINT_CHANGES_NOTHING.finditer(text)]
