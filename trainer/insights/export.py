"""Chart data as CSV or XLSX downloads that are safe to open in Excel or WPS.

A cell that starts with = + - @, a tab or a carriage return is run as a formula by
spreadsheet programs (CSV/formula injection): agent names, quotes from calls and item texts
are typed by people, so such text gets a leading apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel allows at most 31 characters in a sheet name and none of these.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def neutralise(value: object) -> object:
    """`value`, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell and column name neutralised."""
    safe = frame.copy()
    safe.columns = [neutralise(str(column)) for column in safe.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel in China shows the Chinese text correctly."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        used: set[str] = set()
        for name, frame in sheets.items():
            sheet = _sheet_name(name, used)
            safe_frame(frame).to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", name).strip()[:28] or "Sheet"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}~{number}", number + 1
    used.add(candidate)
    return candidate
