"""Rows tall enough for a table's long texts to be read whole. Streamlit's grid cuts a text at its column's edge, and
wraps it only when the table's rows are taller than 4rem (its DataFrame component: `rowHeight > 4rem`): 搜索反馈's
代表问法 lost everything past ~22 characters at 1366 px (qa28 F3: …这算不算骗人 cut)."""

from __future__ import annotations

from typing import Iterable

from ui.charts import label_lines

FONT_PX = 14           # the grid's text: a Chinese character about this wide, a Latin one about half
CELL_PADDING_PX = 17   # left and right of a cell's text
LINE_PX = 20           # one wrapped line
WRAPPING_PX = 65       # the least row height at which the grid wraps (4rem is 64 px)
MAX_LINES = 8          # a pasted story is cut after these; its group's heading below shows it whole


def wrapped_row_height(texts: Iterable[str], column_px: int) -> int | None:
    """The row height at which each of `texts` shows whole in a text column `column_px` wide; None (the grid's own
    one-line rows) when each fits one line."""
    units = max(2, (column_px - CELL_PADDING_PX) * 2 // FONT_PX)  # label_lines counts a Chinese character as two
    lines = min(MAX_LINES, max((len(label_lines(text, units)) for text in texts), default=1))
    return None if lines <= 1 else max(WRAPPING_PX, lines * LINE_PX + 8)
