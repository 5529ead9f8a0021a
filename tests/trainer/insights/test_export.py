"""Exports open safely in a spreadsheet: text that would run as a formula is neutralised."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from trainer.insights.export import csv_bytes, neutralise, xlsx_bytes

RISKY = ["=HYPERLINK(\"http://x\")", "+86 95519", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd"]


def test_each_formula_start_gets_an_apostrophe_and_numbers_stay_numbers() -> None:
    assert [neutralise(v) for v in RISKY] == ["'" + v for v in RISKY]
    assert neutralise("王芳") == "王芳" and neutralise(-3) == -3 and neutralise(0.5) == 0.5 and neutralise(None) is None


def test_csv_has_a_bom_for_excel_and_no_live_formula() -> None:
    frame = pd.DataFrame({"姓名": ["王芳", "=cmd|' /C calc'!A0"], "得分": [-5, 80]})
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "姓名,得分" and lines[1] == "王芳,-5" and lines[2].startswith("'=cmd")


def test_xlsx_keeps_one_sheet_per_table_with_text_as_text() -> None:
    data = xlsx_bytes({"掌握度": pd.DataFrame({"坐席": ["+王芳"], "正确率": [0.75]}),
                       "a/b:c": pd.DataFrame({"x": ["@y"]})})
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["掌握度", "a b c"]
    sheet = book["掌握度"]
    assert sheet["A2"].value == "'+王芳" and sheet["A2"].data_type == "s" and sheet["B2"].value == 0.75
    assert book["a b c"]["A2"].value == "'@y"
