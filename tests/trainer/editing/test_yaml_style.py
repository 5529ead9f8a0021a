"""Item edits touch only the item's lines, in the project's YAML style, and say exactly what the form said."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from trainer.editing.yaml_style import YamlEditError, find_item, item_blocks, render_item, set_item

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


REAL = Path(__file__).resolve().parents[3] / "content"


def real_items():
    for folder, list_key in (("faq", "entries"), ("quizzes", "items")):
        for path in sorted((REAL / folder).glob("*.yaml")):
            yield path, list_key


@pytest.mark.parametrize("path, list_key", list(real_items()), ids=lambda v: getattr(v, "name", v))
def test_every_real_item_rendered_again_is_written_exactly_as_before(path, list_key):
    """Not only a no-op save: rendering an item over its old lines keeps every value's quoting."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for block in item_blocks(text, list_key):
        old = lines[block.start:block.content_end]
        assert render_item(list_key, find_item(text, list_key, block.item_id), block.dash_indent, old) == old


def test_editing_one_field_keeps_the_quoting_of_the_others():
    text = (REAL / "faq/critical-illness.yaml").read_text(encoding="utf-8")
    item = find_item(text, "entries", "ci-cancer-severe")
    assert item["sources"][0]["article"] == "3.1.1.1"
    item["script"] = "改过的话术。"
    changed = [line for line in difflib.ndiff(text.splitlines(), set_item(text, "entries", item["id"], item).splitlines())
               if line[:2] in ("- ", "+ ")]
    old_script = [f"-       {line}" for line in find_item(text, "entries", item["id"])["script"].strip().split("\n")]
    assert sorted(changed) == sorted(old_script + ["+       改过的话术。"])


def test_a_number_read_back_as_text_is_the_same_value_and_keeps_its_spelling():
    """A spreadsheet cell turns keyword 12378 into the text "12378": the loader reads both alike."""
    text = (REAL / "faq/complaints.yaml").read_text(encoding="utf-8")
    item_id = next(b.item_id for b in item_blocks(text, "entries") if 12378 in find_item(text, "entries", b.item_id)["keywords"])
    item = find_item(text, "entries", item_id)
    as_text = dict(item, keywords=[str(k) for k in item["keywords"]])
    assert set_item(text, "entries", item_id, as_text) == text
    as_text["answer"] = item["answer"] + "（已复核）"
    rewritten = set_item(text, "entries", item_id, as_text)
    assert "keywords: [12378," in rewritten and '"12378"' not in rewritten


CHECKPOINTS = """id: s
checkpoints:
  - id: verify
    description: 核实身份
    behaviour: verification
  - id: period
    description: 讲清犹豫期天数
    # 15日 and 15天 both: the FAQ writes 日, trainees say 天
    cues: [15天, 15日]
  - {id: close, description: 礼貌结束, behaviour: closing}
triggers: []
"""


def test_a_value_is_added_to_a_list_field_leaving_every_other_line_and_comment():
    """review46: an instructor's accepted sentence joins a checkpoint's examples; the file's comments stay."""
    from trainer.editing.yaml_style import add_to_list_field

    once = add_to_list_field(CHECKPOINTS, "checkpoints", "period", "examples", "犹豫期有十五天，您放心。")
    added = [line for line in difflib.ndiff(CHECKPOINTS.splitlines(), once.splitlines()) if line[:1] in "+-"]
    assert added == ["+     examples: [犹豫期有十五天，您放心。]"]
    twice = add_to_list_field(once, "checkpoints", "period", "examples", "十五天: 从签收算起。")
    assert find_item(twice, "checkpoints", "period")["examples"] == ["犹豫期有十五天，您放心。", "十五天: 从签收算起。"]
    assert "# 15日 and 15天 both" in twice and len(twice.splitlines()) == len(once.splitlines())
    assert add_to_list_field(twice, "checkpoints", "period", "examples", "十五天: 从签收算起。") == twice  # held already
    # an item written inline is written out in block style, holding the same fields and the new one
    inline = add_to_list_field(CHECKPOINTS, "checkpoints", "close", "examples", "再见。")
    assert find_item(inline, "checkpoints", "close") == {"id": "close", "description": "礼貌结束",
                                                         "behaviour": "closing", "examples": ["再见。"]}
    with pytest.raises(YamlEditError):
        add_to_list_field(CHECKPOINTS, "checkpoints", "gone", "examples", "x")
