"""Spreadsheet cells that are safe to open: formula injection neutralised on export, undone on import.

Excel, LibreOffice and WPS run a cell that starts with = + - @ (or a tab or carriage return
before one) as a formula, so an FAQ answer or a login like `=HYPERLINK("http://…")` would
become a live link in a reviewer's spreadsheet. Following the OWASP CSV-injection rule, such a
cell is written with a leading apostrophe; a text that itself starts with an apostrophe
followed by one of those characters gets a second one, so reading the file back gives every
text exactly as it was.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _needs_quote(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or (text.startswith(QUOTE) and text[1:2] in (*FORMULA_STARTS, QUOTE))


def safe_cell(value: Any) -> Any:
    """A cell value no spreadsheet program will run as a formula (non-text values unchanged)."""
    return QUOTE + value if isinstance(value, str) and value and _needs_quote(value) else value


def read_cell(value: Any) -> Any:
    """The text a `safe_cell` export stood for (other values unchanged)."""
    if isinstance(value, str) and value.startswith(QUOTE) and _needs_quote(value[1:]):
        return value[1:]
    return value


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """Rows as CSV with neutralised cells (UTF-8 with BOM, so Excel shows the Chinese correctly)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in China saves CSV as GBK


def csv_text(data: bytes) -> str | None:
    """The text of a CSV file saved as UTF-8 or, as Excel in China saves it, as GBK; None when neither reads it."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
