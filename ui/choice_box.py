"""A select box whose first choice is "all" or "none" (全部分类, 全部标签, 全部类型, 不确定 / 不选 …).

Streamlit (1.67) reads a select box whose value in the session state is None as one with nothing chosen: the next
run draws it without a default, with a clear "×", and shows its placeholder, which is Streamlit's English "Choose
an option" where none is given. A None *option* becomes such a value as soon as it is chosen, so a box that offered
"all" as None read "Choose an option" on the Chinese UI from its second run on (polish25: 分类 on 今日训练, 文件 on
引用检查, 入职月份 and 全部团队 on 团队概览, 类型 and 难度 on 模拟通话, and 标签 on 内容编辑, with a "×" beside
全部标签). Here "all" is an option of its own (`ALL`, or the caller's own value), never None, and the placeholder
says the same words in case Streamlit draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

ALL = "\x00all"  # no team, tag, category, document or hire month is named this


def one_or_all(container: Any, label: str, options: Sequence[Any], key: str, all_words: str,
               format_func: Callable[[Any], str] = str, first: Any = ALL, every: Any = ALL, **kwargs: Any) -> Any:
    """Draw a select box of `every` (shown as `all_words`) and `options` in `container` under `key`; the option
    chosen, or None for `every`.

    `first` is the choice before the user makes one (all, unless the page starts on one option). A value of `key`
    that is no choice (None from an older run or another page, an option since gone) reads as `first`."""
    choices = [every, *options]
    if st.session_state.get(key, first) not in choices:
        st.session_state[key] = first if first in choices else every
    elif key not in st.session_state and first != every:
        st.session_state[key] = first
    chosen = container.selectbox(label, choices, key=key, placeholder=all_words,
                                 format_func=lambda o: all_words if o == every else format_func(o), **kwargs)
    return None if chosen == every else chosen


def chosen_or_all(value: Any, every: Any = ALL) -> Any:
    """A box's value read from the session state (in a button's callback): None for `every`."""
    return None if value == every else value
