"""What form of question a query or an entry asks: what to do now, or what a word means.

qa25 S3: 保单停保两年了咋办 is read 保单效力中止两年了怎么办 — the suspension entry's question (保单效力中止是什么意思？)
with 两年了怎么办 after it, and that entry came first. Someone who says how long the policy has been stopped and asks what
to do knows what the state is; an entry that only says what a word means answers another question. The search moves
such an entry down for a what-to-do query as a duration rule moves down an entry whose span excludes the query's
(kb.search.NUMBER_PENALTY, the same re-ranker input), so nothing new is learned or weighted.
"""

from __future__ import annotations

import re

# After the glossary's spoken forms (咋办, 咋整, 点算 → 怎么办): the query asks what to do.
_WHAT_TO_DO = re.compile(r"怎么办|怎么弄|怎么处理")
# ... unless it also asks what something is or means (效力中止是啥意思 怎么办).
_WHAT_IT_MEANS = re.compile(r"意思|是什么|什么是|啥|怎么回事|什么叫|叫什么|是指")
# An entry's whole question asks what one thing means: 什么是现金价值？, 除外承保是什么意思？ (one question; 什么是减额交清？
# 交不起保费了可以办吗？ also says when it applies and stays).
_DEFINITION_QUESTION = re.compile(r"^(?:什么是[^？?]+|[^？?]+是什么意思)[？?]$")


def asks_what_to_do(query: str) -> bool:
    """Whether a (rewritten) query asks what to do now and not what something means."""
    return bool(_WHAT_TO_DO.search(query)) and not _WHAT_IT_MEANS.search(query)


def only_defines(question: str) -> bool:
    """Whether an entry's question only asks what one thing means."""
    return bool(_DEFINITION_QUESTION.match(question.strip()))
