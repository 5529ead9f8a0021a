"""Every summary stored with a content change reads in Chinese on the Chinese 修改历史 (qa15 #16)."""

from __future__ import annotations

import pytest

from trainer.editing import change_summary as summaries


@pytest.mark.parametrize(("stored", "zh"), [
    (summaries.item_saved("create", "entry", "lapse-x"), "新建条目 lapse-x"),
    (summaries.item_saved("delete", "quiz", "q-lapse-x-1"), "删除测验题 q-lapse-x-1"),
    (summaries.file_saved("update", "scenarios/ci-claim-declined.yaml"), "修改文件 scenarios/ci-claim-declined.yaml"),
    (summaries.file_restored("faq/lapse.yaml", "after", 7), "把文件 faq/lapse.yaml 恢复到修改 #7 之后的版本"),
    (summaries.item_restored("quiz", "q-1", "before", 3), "把测验题 q-1 恢复到修改 #3 之前的版本"),
    (summaries.rolled_back(12), "撤销修改 #12 之后的全部修改"),
    (summaries.imported(2, 5), "导入：新增 2 条，修改 5 条"),
    ("judge correction #4: vague, blame", "评判纠错 #4：回应空泛、推诿指责"),  # trainer.dialogue.corrections
    ("judge correction #5: none", "评判纠错 #5：无"),
    ("a summary written by hand", "a summary written by hand"),  # unknown: shown as it is
])
def test_each_stored_summary_reads_in_chinese(stored: str, zh: str) -> None:
    assert summaries.summary_zh(stored) == zh


def test_the_stored_wordings_are_the_ones_rows_were_saved_with() -> None:
    """Rows saved before the module existed must still be read: the English stays exactly as it was."""
    assert summaries.imported(0, 1) == "import: 0 new, 1 changed"
    assert summaries.file_restored("faq/a.yaml", "before", 1) == "restore faq/a.yaml to the version before change #1"
    assert summaries.item_saved("update", "entry", "x") == "update entry x"
