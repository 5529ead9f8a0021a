"""Item edits touch only the item's lines, in the project's YAML style, and say exactly what the form said."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from trainer.editing.yaml_style import YamlEditError, find_item, item_blocks, set_item

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "content"


@pytest.mark.parametrize("name, list_key", [("faq/cooling-off.yaml", "entries"), ("faq/claims.yaml", "entries"),
                                            ("quizzes/cooling-off.yaml", "items")])
def test_rewriting_an_unchanged_item_leaves_the_file_byte_for_byte(name, list_key):
    text = (FIXTURE / name).read_text(encoding="utf-8")
    for block in item_blocks(text, list_key):
        assert set_item(text, list_key, block.item_id, find_item(text, list_key, block.item_id)) == text


def test_update_changes_only_that_item_and_keeps_the_top_comment():
    text = (FIXTURE / "faq/cooling-off.yaml").read_text(encoding="utf-8")
    item = find_item(text, "entries", "cooling-off-refund")
    item["answer"] = "第一行：退还全部保费。\n第二行: 含冒号 # 和井号"
    new = set_item(text, "entries", "cooling-off-refund", item)
    assert new.splitlines()[0] == text.splitlines()[0]
    assert find_item(new, "entries", "cooling-off-length") == find_item(text, "entries", "cooling-off-length")
    assert find_item(new, "entries", "cooling-off-refund")["answer"].strip() == item["answer"]
    changed = [line for line in difflib.ndiff(text.splitlines(), new.splitlines()) if line[:2] in ("- ", "+ ")]
    assert changed == ["-       犹豫期内解除合同，退还已交的全部保费，一般扣除不超过10元的工本费，不计利息。",
                       "+       第一行：退还全部保费。", "+       第二行: 含冒号 # 和井号"]


def test_create_appends_and_delete_removes_an_item():
    text = (FIXTURE / "faq/lapse.yaml").read_text(encoding="utf-8")
    new_item = {"id": "lapse-new", "question": "新问题？", "variants": ["a", "b", "c"], "answer": "答案",
                "sources": [{"doc": "保险法", "article": "第三十六条"}], "difficulty": 2}
    added = set_item(text, "entries", "lapse-new", new_item)
    assert added.startswith(text.rstrip("\n"))
    assert find_item(added, "entries", "lapse-new")["sources"] == [{"doc": "保险法", "article": "第三十六条"}]
    assert set_item(added, "entries", "lapse-new", None) == text


def test_inline_lists_of_items_are_refused_rather_than_rewritten():
    with pytest.raises(YamlEditError):
        set_item("entries: [{id: a, question: q}]\n", "entries", "a", {"id": "a", "question": "changed"})
