"""kb.schema's field lists are the one source: the loader, the YAML writer, the spreadsheet and the
editor form all follow them, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kb import schema
from kb.content import collect_content
from trainer.editing.fields import COLUMNS, ENTRY, QUIZ, SCHEMAS, cells_of, form_columns, item_from_cells
from trainer.editing.spreadsheet import export_rows
from trainer.editing.yaml_style import find_item, render_item, set_item
from trainer.users.accounts import create_user
from trainer.store.db import Database

ROOT = Path(__file__).resolve().parents[3]
KINDS = {ENTRY: ("faq/cooling-off.yaml", "cooling-off-length"), QUIZ: ("quizzes/cooling-off.yaml", "q-cooling-off-length-1")}


def shown_fields(kind: str) -> list[str]:
    """Schema fields that carry a value a person can edit as text (a quiz item's English has none yet)."""
    return [f.name for f in SCHEMAS[kind].fields if f.kind != schema.ENGLISH or f.parts]


def in_order(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


@pytest.mark.parametrize("kind", [ENTRY, QUIZ])
def test_the_loader_knows_exactly_the_schema_fields_in_order(kind, content_dir):
    name, item_id = KINDS[kind]
    text = (content_dir / name).read_text(encoding="utf-8")
    item = find_item(text, SCHEMAS[kind].list_key, item_id)
    _, problems = collect_content(content_dir, {name: set_item(text, SCHEMAS[kind].list_key, item_id,
                                                               {**item, "reviewer": "王"})})
    [unknown] = [p for p in problems if p.field == "reviewer"]
    known = re.search(r"known: (.*)\)", unknown.message).group(1).split(", ")
    assert known == list(SCHEMAS[kind].names)


@pytest.mark.parametrize("kind", [ENTRY, QUIZ])
def test_the_writer_puts_fields_in_schema_order(kind, content_dir):
    name, item_id = KINDS[kind]
    item = find_item((content_dir / name).read_text(encoding="utf-8"), SCHEMAS[kind].list_key, item_id)
    lines = render_item(SCHEMAS[kind].list_key, dict(reversed(list(item.items()))))
    keys = [re.match(r"\s*(?:- )?(\w+):", line).group(1) for line in lines if re.match(r"^ {2}(- | {2})\w+:", line)]
    assert keys == [n for n in SCHEMAS[kind].names if n in item]


@pytest.mark.parametrize("kind", [ENTRY, QUIZ])
def test_spreadsheet_columns_cover_every_field_in_schema_order_and_round_trip(kind, kb):
    header = export_rows(kb.content, kind)[0]
    by_name = {c.name: c for c in COLUMNS[kind]}
    assert in_order([by_name[h].problem_field for h in header if by_name[h].spec]) == shown_fields(kind)
    item = kb.content.entries["cooling-off-length"] if kind == ENTRY else kb.content.quiz_items["q-cooling-off-length-1"]
    rebuilt, problems = item_from_cells(kind, cells_of(kind, item))
    assert problems == [] and set(rebuilt) <= set(SCHEMAS[kind].names)


@pytest.mark.parametrize("kind", [ENTRY, QUIZ])
def test_the_editor_form_has_one_control_per_form_column(kind, app_env):
    store = Database(app_env.resolved_database_url)
    try:
        user = create_user(store, "teacher-li", "李老师", role="instructor", team="培训部")
    finally:
        store.dispose()
    at = AppTest.from_file(str(ROOT / "ui_pages/editor.py"), default_timeout=120)
    at.session_state["user"] = user
    at.run()
    if kind == QUIZ:
        at.radio(key="editor_kind").set_value(QUIZ).run()
    assert not at.exception
    controls = [w.key for w in (*at.text_input, *at.text_area, *at.selectbox) if w.key and w.key.startswith(f"{kind}-")]
    assert sorted(re.sub(rf"^{kind}-\d+-", "", k) for k in controls) == sorted(c.name for c in form_columns(kind))
    assert in_order([c.problem_field for c in form_columns(kind)]) == shown_fields(kind)


@pytest.mark.parametrize(("line", "suggested"), [("保险法第四十七条", "保险法 | 第四十七条"),
                                                  ("L1-01 第十六条第二款", "L1-01 | 第十六条第二款")])
def test_a_source_line_without_the_bar_is_refused_with_the_line_it_should_be(line: str, suggested: str) -> None:
    """qa14 #11: 保险法第四十七条 was refused as an unknown document, without a word about the "|"."""
    _, problems = item_from_cells(ENTRY, {"sources": line})
    [problem] = [p for p in problems if p.field == "sources"]
    assert suggested in problem.message_zh and suggested in problem.message and "每个单独一行" in problem.message_zh


@pytest.mark.parametrize("line", ["L1-01 | 第四十七条；L1-02 | 第三条", "L1-01 | 第四十七条 | L1-02 | 第三条"])
def test_several_sources_on_one_line_are_asked_for_one_per_line(line: str) -> None:
    _, problems = item_from_cells(ENTRY, {"sources": line})
    [problem] = [p for p in problems if p.field == "sources"]
    assert "每行只写一个出处" in problem.message_zh and "one source per line" in problem.message


def test_well_written_sources_and_plain_document_names_pass() -> None:
    _, problems = item_from_cells(ENTRY, {"sources": "L1-01 | 第四十七条\n保险法 | 第十六条第二款\n合同条款惯例"})
    assert [p for p in problems if p.field == "sources"] == []
