"""Export to XLSX/CSV and import back: a dry run with row numbers first, then a normal recorded save."""

from __future__ import annotations

import csv
import io

from trainer.editing import history
from trainer.editing.editor import FileEdit
from trainer.editing.spreadsheet import apply_import, plan_import, read_upload, to_csv, to_xlsx
from tests.trainer.editing.conftest import add_quiz_english


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_an_unchanged_export_imports_as_all_unchanged(editor):
    rows, problems = read_upload("content.xlsx", to_xlsx(editor.kb.content))
    plan = plan_import(editor, rows, problems)
    assert {r.status for r in plan.rows} == {"unchanged"}
    assert len(plan.rows) == len(editor.kb.content.entries) + len(editor.kb.content.quiz_items)
    assert not plan.writes


def test_the_dry_run_reports_new_changed_and_invalid_rows_by_number_and_writes_nothing(editor):
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    header = table[0]
    refund = next(i for i, row in enumerate(table) if row[0] == "cooling-off-refund")
    table[refund][header.index("answer")] = "犹豫期内撤单退还全部保费（已复核）。"
    new = dict.fromkeys(header, "")
    new.update(id="lapse-notice", question="效力中止会通知吗？", variants="会通知吗\n有短信吗\n停效提醒",
               answer="以合同条款为准。", script="您好，以您的合同条款为准。", sources="合同条款惯例", difficulty="1")
    bad = dict(new, id="lapse-bad", question="中止以后还能恢复吗？",
               variants="停了还能恢复吗\n中止能复原吗\n保单停了能救回来吗", answer="")  # its own wording: one wording, one entry
    table += [[new[c] for c in header], [bad[c] for c in header]]
    before = {p: p.read_bytes() for p in editor.root.rglob("*.yaml")}

    plan = plan_import(editor, *read_upload("faq.csv", csv_bytes(table)))
    status = {r.item_id: (r.status, r.row) for r in plan.rows}
    assert status["cooling-off-refund"] == ("changed", refund + 1)
    assert status["lapse-notice"] == ("new", len(table) - 1)
    assert status["lapse-bad"] == ("invalid", len(table))
    assert plan.by_status("invalid")[0].messages == ["answer: is empty"]
    assert {p: p.read_bytes() for p in editor.root.rglob("*.yaml")} == before

    result = apply_import(editor, plan, "li")
    assert result.ok
    assert editor.kb.entry("lapse-notice").question == "效力中止会通知吗？"
    assert editor.kb.entry("cooling-off-refund").answer == "犹豫期内撤单退还全部保费（已复核）。"
    assert "lapse-bad" not in editor.kb.content.entries
    assert {c.action for c in history.changes(editor.db)} == {"import"}


def test_every_problem_of_a_row_is_also_said_in_chinese(editor):
    """qa15: the Chinese 导入导出 page listed each invalid row's problems in English only
    (question: is empty; category: unknown category 'no-such-cat'; sources: source 1: unknown document …)."""
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    header = table[0]
    empty, unknown, nowhere = (list(table[i]) for i in (1, 2, 3))
    empty[header.index("question")] = ""
    unknown[header.index("category")] = "no-such-cat"
    nowhere[header.index("sources")] = "没有这个文件 | 第一条"
    plan = plan_import(editor, *read_upload("faq.csv", csv_bytes([header, empty, unknown, nowhere])))
    said = {r.row: (r.messages, r.messages_zh) for r in plan.rows}
    assert said[2] == (["question: is empty"], ["question：不能为空"])
    assert said[3] == (["category: unknown category 'no-such-cat'"], ["category：没有这个分类“no-such-cat”"])
    assert said[4][1][0].startswith("sources：第 1 个出处：未知文件"), said[4]


def test_a_csv_saved_as_gbk_by_excel_imports_like_utf8(editor):
    """qa15: a CSV saved by Excel in China (GBK) was refused ("CSV must be UTF-8 encoded", in English on the
    Chinese page), though the roster import of 用户管理 reads the same kind of file."""
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    table[1][table[0].index("answer")] = "犹豫期内撤单退还全部保费（已复核）。"
    text = io.StringIO()
    csv.writer(text).writerows(table)
    rows, problems = read_upload("faq.csv", text.getvalue().encode("gbk"))
    assert problems == []
    assert [r.status for r in plan_import(editor, rows).rows].count("changed") == 1


def test_quiz_answers_are_option_texts_and_a_wrong_one_is_invalid(editor):
    table = csv_rows(to_csv(editor.kb.content, "quiz"))
    assert table[1][table[0].index("answer")] == "15天"
    table[1][table[0].index("answer")] = "16天"
    plan = plan_import(editor, *read_upload("quiz.csv", csv_bytes(table)))
    assert plan.rows[0].status == "invalid" and plan.rows[0].row == 2
    assert "option" in plan.rows[0].messages[0]


def test_a_file_changed_after_the_dry_run_is_a_conflict(editor):
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    table[1][table[0].index("answer")] = "改过的答案。"
    plan = plan_import(editor, *read_upload("faq.csv", csv_bytes(table)))
    path = editor.root / plan.edits[0].name
    path.write_text(path.read_text(encoding="utf-8") + "# edited in git\n", encoding="utf-8")
    result = apply_import(editor, plan, "li")
    assert result.conflict is not None and "edited in git" in result.conflict.their_diff


def yaml_files(editor) -> dict:
    return {p: p.read_bytes() for p in editor.root.rglob("*.yaml")}


def test_reimporting_an_unchanged_export_of_the_real_content_changes_nothing(real_editor):
    before = yaml_files(real_editor)
    plan = plan_import(real_editor, *read_upload("content.xlsx", to_xlsx(real_editor.kb.content)))
    assert {r.status for r in plan.rows} == {"unchanged"}
    assert plan.edits == [] and not plan.writes
    assert apply_import(real_editor, plan, "li").ok
    assert yaml_files(real_editor) == before
    assert history.changes(real_editor.db) == []


def test_a_plan_with_nothing_new_or_changed_writes_nothing_even_if_handed_edits(editor):
    plan = plan_import(editor, *read_upload("content.xlsx", to_xlsx(editor.kb.content)))
    name = "faq/lapse.yaml"
    text = editor.read(name)
    plan.edits.append(FileEdit(name, text, text + "# reformatted\n", history.latest_change_id(editor.db)))
    assert not plan.writes
    assert apply_import(editor, plan, "li").ok
    assert editor.read(name) == text
    assert history.changes(editor.db) == []


def test_importing_a_quiz_item_keeps_its_english_which_no_column_carries(editor):
    add_quiz_english(editor.root)
    assert editor.kb.reload() == []
    table = csv_rows(to_csv(editor.kb.content, "quiz"))
    table[1][table[0].index("prompt")] = "犹豫期至少多少天？"
    plan = plan_import(editor, *read_upload("quiz.csv", csv_bytes(table)))
    assert apply_import(editor, plan, "li").ok
    item = editor.kb.content.quiz_items["q-cooling-off-length-1"]
    assert item.prompt == "犹豫期至少多少天？"
    assert item.en is not None and item.en.options == ("10 days", "15 days", "20 days", "30 days")


def test_two_rows_of_one_upload_worded_the_same_are_refused_naming_the_other_entry(editor):
    """One wording, one entry holds inside an upload too: search could answer it with either entry."""
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    header = table[0]
    first = dict.fromkeys(header, "")
    first.update(id="lapse-notice", question="效力中止会通知吗？", variants="会通知吗\n有短信吗\n停效提醒",
                 answer="以合同条款为准。", script="您好，以您的合同条款为准。", sources="合同条款惯例", difficulty="1")
    second = dict(first, id="lapse-notice-copy")
    table += [[first[c] for c in header], [second[c] for c in header]]

    plan = plan_import(editor, *read_upload("faq.csv", csv_bytes(table)))
    refused = {r.item_id: r.messages for r in plan.rows if r.status == "invalid"}
    assert refused and all(any("worded the same" in m for m in ms) for ms in refused.values())
    assert not plan.writes


def test_an_imported_entry_without_its_script_is_an_invalid_row(editor):
    # qa21: the form refuses an FAQ entry with no 话术 (the agent on a call reads it aloud); a spreadsheet row without one
    # went in all the same.
    table = csv_rows(to_csv(editor.kb.content, "entry"))
    header = table[0]
    row = dict.fromkeys(header, "")
    row.update(id="lapse-no-script", question="效力中止会发短信吗？", variants="会发短信吗\n停效有短信吗\n中止提醒短信",
               answer="以合同条款为准。", sources="合同条款惯例", difficulty="1")
    table.append([row[c] for c in header])
    plan = plan_import(editor, *read_upload("faq.csv", csv_bytes(table)))
    [outcome] = [r for r in plan.rows if r.item_id == "lapse-no-script"]
    assert outcome.status == "invalid" and outcome.messages == ["script: is empty: the words the agent says on the call"]
