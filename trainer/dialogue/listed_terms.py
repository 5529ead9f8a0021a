"""A term that abbreviates a list, said as the list: 低中高档 is 低档、中档、高档, and a trainee says it 高、中、低那几档.

qa28 J1: 小美 told the dividend call's illustration step in the customer's words — 您说的说明书上高、中、低那几档数字，是当时按
假设的收益率举个例子算给您看的，只是参考，…也不是公司给您的承诺。 — credited 准确解释 and 回答客户问题, yet 讲清利益演示只是举例，
不是承诺 stayed open: she named the illustration by the entry's term 低中高档 with its items in another order, with pauses,
and 那几 before its head (`DialogueSession._told_on_her_question` reads it). Such a term is read as said when every item is
said, one after another (in any order, with 、 / 和 / 或 or nothing between), before its head (档), with a 那几 / 这几 / 几 /
三 between them or nothing; or each item with the head (高档、中档、低档).
"""

from __future__ import annotations

import re
from functools import lru_cache

# What may stand between the items of a list said aloud, and between the last item and the head.
_BETWEEN_ITEMS = "[、，,和与及或跟]?"
_BEFORE_HEAD = "(?:那|这)?(?:几|三|两)?个?"
SHORTEST_HEAD = 1
FEWEST_ITEMS = 3  # 低中高档: a list of two (中高档) is too often a word of its own


@lru_cache(maxsize=1024)
def _list_forms(term: str) -> tuple[tuple[frozenset[str], str, re.Pattern], ...]:
    """Each way of reading `term` as items (single characters, all different) and a head: the items, the head and the
    pattern of the list said aloud. A term of Chinese characters only, three or more; none for a term that is no such list."""
    if len(term) < FEWEST_ITEMS + SHORTEST_HEAD or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
        return ()
    forms = []
    for count in range(FEWEST_ITEMS, len(term) - SHORTEST_HEAD + 1):
        items, head = term[:count], term[count:]
        if len(set(items)) < count:
            continue
        item, said_head = f"[{re.escape(items)}]", re.escape(head)
        said = (f"(?:{item}{_BETWEEN_ITEMS}){{{count - 1}}}{item}{_BEFORE_HEAD}{said_head}"
                f"|(?:{item}{said_head}{_BETWEEN_ITEMS}){{{count - 1}}}{item}{said_head}")
        forms.append((frozenset(items), head, re.compile(said)))
    return tuple(forms)


def said_as_list(term: str, text: str) -> bool:
    """`text` says `term` as the list it abbreviates (低中高档: 高、中、低那几档 / 低档、中档和高档), each item once."""
    for items, head, pattern in _list_forms(term):  # the head first: most terms' is not said at all (a tenth of the time)
        if head in text and items <= _letters(text) and any(_each_once(m.group(), items) for m in pattern.finditer(text)):
            return True
    return False


@lru_cache(maxsize=256)
def _letters(text: str) -> frozenset[str]:
    """The characters of `text`, read once for every term a sentence is checked for."""
    return frozenset(text)


def _each_once(said: str, items: frozenset[str]) -> bool:
    """Every item is said, none twice (高、高、中档 is no list of three)."""
    named = [c for c in said if c in items]
    return len(named) == len(items) == len(set(named))
