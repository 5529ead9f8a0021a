"""Finding 11 (Medium): U+2028/U+2029 pasted from Word or the web must not make a file uneditable."""

from __future__ import annotations

from kb.yaml_source import parse_yaml, split_lines

FILE = "faq/claims.yaml"
SEPARATORS = "\u2028\u2029"


def entry_ids(editor) -> list[str]:
    return [e.id for e in editor.kb.content.entries.values() if e.file == FILE]


def update_answer(editor, entry_id: str, answer: str):
    draft = editor.open_item("entry", entry_id)
    return editor.save_item(draft, {**draft.fields, "answer": answer}, "li")


def test_an_answer_pasted_with_line_separators_is_saved_without_them(editor):
    first = entry_ids(editor)[0]
    assert update_answer(editor, first, "第一段\u2028第二段\u2029第三段\u2028第四段\u2029完").ok
    text = editor.read(FILE)
    assert not any(mark in text for mark in SEPARATORS)
    assert editor.kb.entry(first).answer.split("\n") == ["第一段", "第二段", "第三段", "第四段", "完"]


def test_a_file_already_holding_raw_separators_stays_editable_for_every_other_entry(editor):
    """The attack: one entry with four raw separators made 22 of 23 later edits fail."""
    first, *others = entry_ids(editor)
    path = editor.root / FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    answer = lines.index("    answer: |", lines.index("  - id: " + first))
    end = answer + 1
    while lines[end].startswith("      "):
        end += 1
    # what the old editor wrote for an answer pasted with separators: JSON-style quotes, separators raw
    lines[answer:end] = ['    answer: "第一段\u2028第二段\u2029第三段\u2028第四段\u2029完"']
    path.write_text("\n".join(lines), encoding="utf-8")
    assert not editor.kb.reload()
    for number, entry_id in enumerate(others):
        assert update_answer(editor, entry_id, f"已复核的答案 {number}。").ok, entry_id
        assert editor.kb.entry(entry_id).answer == f"已复核的答案 {number}。"
    assert editor.save_item(editor.open_item("entry", others[-1]), None, "li").ok  # a delete too
    assert not any(mark in editor.read(FILE) for mark in SEPARATORS)


def test_lines_are_counted_the_way_the_parser_counts_them():
    text = "a: 1\u2028b: 2\u2029c: 3\rd: 4\x85a: 5\n"  # the duplicate key is on line 5
    [problem] = parse_yaml(text, "f.yaml")[1]
    assert problem.line == 5 and split_lines(text)[problem.line - 1] == "a: 5"


def test_every_entry_of_a_real_file_stays_editable_after_a_pasted_separator():
    """On the real claims file (block-style variants) the old editor refused 21 of 21 later edits."""
    from tests.conftest import REAL_CONTENT
    from trainer.editing.yaml_style import find_item, parse_items, set_item

    text = (REAL_CONTENT / FILE).read_text(encoding="utf-8")
    ids = [item["id"] for item in parse_items(text, "entries")[1]]
    first = find_item(text, "entries", ids[0])
    text = set_item(text, "entries", ids[0], {**first, "answer": "第一段\u2028第二段\u2029第三段\u2028第四段\u2029完"}, FILE)
    for entry_id in ids[1:]:
        item = find_item(text, "entries", entry_id)
        text = set_item(text, "entries", entry_id, {**item, "answer": item["answer"] + "（已复核）"}, FILE)
    assert not any(mark in text for mark in SEPARATORS)
