"""A chart's data table and its CSV / XLSX downloads, under the chart (team and progress pages)."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd
import streamlit as st

from trainer.insights.export import csv_bytes, xlsx_bytes
from ui.i18n import tr

MISSING = "—"  # a missing figure in a table (Streamlit would draw "None")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chart_with_data(chart: alt.Chart | None, frame: pd.DataFrame, name: str, key: str,
                    widths: Mapping[str, int] | None = None, expanded: bool = False) -> None:
    """The chart, then an expander with the same data as a table and its downloads.

    `name` is the file name (without extension) and sheet name; `key` keeps widgets apart;
    `widths` (pixels by column) keeps a table with long texts inside its container;
    `expanded` opens it where the table is all there is to see (a closed one hid who had not trained).
    """
    if chart is not None:
        show_chart(chart, key)
    with st.expander(tr("数据表与导出", "Data table and export"), icon=":material/table:", expanded=expanded):
        st.dataframe(frame, hide_index=True, width="stretch", column_config=column_widths(widths or {}), placeholder=MISSING)
        downloads(frame, name, key)


def column_widths(widths: Mapping[str, int]) -> dict[str, st.column_config.Column]:
    """Column settings giving each named column its width in pixels. Without them a table sizes
    its columns to their texts and runs past the page at 1366 px (qa12: 907 px in 904)."""
    return {column: st.column_config.Column(width=width) for column, width in widths.items()}


def show_chart(chart: alt.Chart, key: str) -> None:
    """The chart at the container's width, tagged with `key` in its spec (usermeta) so tests can find it."""
    st.altair_chart(chart.properties(usermeta={"chart": key}), width="stretch", key=f"chart_{key}")


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(tr("导出 CSV", "Export CSV"), csv_bytes(frame), file_name=f"{name}.csv",
                            mime="text/csv", key=f"csv_{key}", icon=":material/download:", on_click="ignore")
    xlsx_col.download_button(tr("导出 Excel", "Export Excel"), xlsx_bytes({name: frame}), file_name=f"{name}.xlsx",
                             mime=XLSX_MIME, key=f"xlsx_{key}", icon=":material/download:", on_click="ignore")
