"""The 分类 filter box of 知识搜索 and 内容编辑: every category, or one.

"All categories" is an option of its own (`ALL_CATEGORIES`, ""), not None. Streamlit (1.67) draws a select box
whose value in the session state is None as one without a default, and such a box gets a clear "×": at 1024 px and
125 % it cut 全部分类 to "全部分" (qa18 Left, on 知识搜索; polish23, on 内容编辑, whose box is set to "all" through the
session state after a save and when a page comes back to it). A None drawn as the placeholder had read "Choose an
option" (qa18 #6), so the placeholder says the same words. The box is ui.choice_box's, as every "all" box is.
"""

from __future__ import annotations

from collections.abc import Mapping

from ui.choice_box import one_or_all
from ui.i18n import tr

ALL_CATEGORIES = ""


def category_filter(container, key: str, categories: Mapping[str, object]) -> str | None:
    """Draw the 分类 box in `container` under `key`; the category chosen, or None for all of them.

    `categories` maps ids to kb's Category (its `name` and `name_en`). A value of `key` that is no option (None
    from an older run, a category since deleted) reads as all categories. The words are read in this run's
    language: a format function calling tr later could read another."""
    words = {c: tr(info.name, info.name_en) for c, info in categories.items()}
    return one_or_all(container, tr("分类", "Category"), list(words), key, tr("全部分类", "All categories"),
                      format_func=words.__getitem__, every=ALL_CATEGORIES)
