"""The one-line summary stored with each content change, and how it reads in Chinese.

Summaries are stored in English (the history table's column, logs, `git log`-like exports) and
have always been: rows saved before this module existed hold the same wordings. 修改历史 shows
them on the Chinese UI, where `import: 0 new, 1 changed` or `restore faq/x.yaml to the version
before change #1` was English among Chinese (qa15 #16). So the wordings are written here and
read back here: every stored summary, old or new, has its Chinese, and a summary this module did
not write is shown as it is.
"""

from __future__ import annotations

import re
from typing import Callable

from trainer.dialogue.behaviours import LABELS, NO_BEHAVIOUR
from trainer.editing.fields import ENTRY, QUIZ

ACTIONS = {"create": "新建", "update": "修改", "delete": "删除"}
KINDS = {ENTRY: "条目", QUIZ: "测验题"}
SIDES = {"before": "之前", "after": "之后"}


def item_saved(action: str, kind: str, item_id: str) -> str:
    """An entry or quiz item created, updated or deleted in the editor."""
    return f"{action} {kind} {item_id}"


def file_saved(action: str, file: str) -> str:
    """A whole file (a scenario) created, updated or deleted."""
    return f"{action} {file}"


def file_restored(file: str, side: str, change_id: int) -> str:
    """A whole file put back as it was before or after a change."""
    return f"restore {file} to the version {side} change #{change_id}"


def item_restored(kind: str, item_id: str, side: str, change_id: int) -> str:
    """One entry or quiz item put back as it was before or after a change."""
    return f"restore {kind} {item_id} to the version {side} change #{change_id}"


def rolled_back(change_id: int) -> str:
    """Every change after `change_id` undone."""
    return f"roll the content back to change #{change_id}"


def imported(new: int, changed: int) -> str:
    """A spreadsheet import."""
    return f"import: {new} new, {changed} changed"


_ACTION = "(create|update|delete)"
_SIDE = "(before|after)"
_READINGS: tuple[tuple[re.Pattern[str], Callable[..., str]], ...] = (
    (re.compile(rf"restore ({ENTRY}|{QUIZ}) (\S+) to the version {_SIDE} change #(\d+)"),
     lambda kind, item, side, number: f"把{KINDS[kind]} {item} 恢复到修改 #{number} {SIDES[side]}的版本"),
    (re.compile(rf"restore (\S+) to the version {_SIDE} change #(\d+)"),
     lambda file, side, number: f"把文件 {file} 恢复到修改 #{number} {SIDES[side]}的版本"),
    (re.compile(r"roll the content back to change #(\d+)"),
     lambda number: f"撤销修改 #{number} 之后的全部修改"),
    (re.compile(r"import: (\d+) new, (\d+) changed"),
     lambda new, changed: f"导入：新增 {new} 条，修改 {changed} 条"),
    (re.compile(rf"{_ACTION} ({ENTRY}|{QUIZ}) (\S+)"),
     lambda action, kind, item: f"{ACTIONS[action]}{KINDS[kind]} {item}"),
    (re.compile(r"judge correction #(\d+): (.*)"),  # trainer.dialogue.corrections.accept
     lambda number, labels: f"评判纠错 #{number}：{_behaviours_zh(labels)}"),
    (re.compile(rf"{_ACTION} (\S+)"),
     lambda action, file: f"{ACTIONS[action]}文件 {file}"),
)


def _behaviours_zh(labels: str) -> str:
    """`vague, blame` as the judge's pages name them: 回应空泛、推诿指责 (an unknown id as it is)."""
    named = {**{key: zh for key, (zh, _) in LABELS.items()}, NO_BEHAVIOUR: "无"}
    return "、".join(named.get(label.strip(), label.strip()) for label in labels.split(","))


def summary_zh(summary: str) -> str:
    """The stored (English) summary in Chinese; one this module does not know, as it is."""
    for pattern, reading in _READINGS:
        match = pattern.fullmatch(summary)
        if match:
            return reading(*match.groups())
    return summary
