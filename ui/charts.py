"""Altair charts of the progress pages: sized to the page width, readable from a phone to 1,400 px.

Every chart takes a DataFrame whose column names are already in the UI language, so axes,
legends and tooltips read in Chinese or English with the language switch. Heights grow with
the number of rows (agents, categories) instead of squeezing labels; widths follow the container.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

ROW_PX = 22          # one bar or heatmap row
MIN_HEIGHT = 120
# Streamlit sizes Vega-Lite charts to fit: the height given includes axes and legend, so room
# for them is added on top of the rows (without it, rows shrink and their labels are dropped).
AXES_PX = 130
BAR_AXES_PX = 90     # the value axis under horizontal bars: its labels and title
GRID_AXES_PX = 290   # a heatmap's angled column labels (up to LABEL_LIMIT long: ~260 px with the legend) on top and below
NO_TRAINING = "#ebedf0"
LABEL_LIMIT = 160    # long category or agent names are cut with "…" past this many pixels, not overlapped


def _height(rows: int, axes: int = 60) -> int:
    return max(MIN_HEIGHT, ROW_PX * rows + axes)


def calendar_heatmap(frame: pd.DataFrame, week: str, weekday: str, value: str, tooltip: list[str],
                     weekday_order: list[str]) -> alt.Chart:
    """A GitHub-style training calendar: one column per week, one row per weekday, darker = more."""
    return (alt.Chart(frame).mark_rect(cornerRadius=2)
            .encode(x=alt.X(f"{week}:O", title=None,  # ISO dates sort right across New Year; shown as MM-DD
                            axis=alt.Axis(labelAngle=0, labelOverlap=True, labelExpr="slice(datum.label, 5)")),
                    y=alt.Y(f"{weekday}:O", title=None, sort=weekday_order, axis=alt.Axis(labelOverlap=False)),
                    color=alt.condition(alt.datum[value] > 0,
                                        alt.Color(f"{value}:Q", scale=alt.Scale(scheme="greens"),
                                                  legend=alt.Legend(orient="bottom", format="d", tickMinStep=1)),
                                        alt.value(NO_TRAINING)),  # counts: "0", not Vega's "0.000000" on an empty calendar  # a day without training stays grey
                    tooltip=tooltip)
            .properties(height=_height(7, AXES_PX)))


def horizontal_bars(frame: pd.DataFrame, label: str, value: str, tooltip: list[str], domain: tuple[float, float] | None = None) -> alt.Chart:
    """Bars, one per row of `frame` in its order, labels beside them (nothing cut off on a phone)."""
    x = alt.X(f"{value}:Q", scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined)
    # Every label drawn, with a row's height for each: the x axis and its title took the room meant for the rows,
    # and Vega hid every other category name, so a new agent's six bars had three names (qa16).
    return (alt.Chart(frame).mark_bar()
            .encode(x=x, y=alt.Y(f"{label}:N", sort=None, title=None,
                                 axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)),
                    tooltip=tooltip)
            .properties(height=_height(len(frame), BAR_AXES_PX)))


def columns(frame: pd.DataFrame, x: str, y: str, tooltip: list[str]) -> alt.Chart:
    """Vertical bars over days (e.g. reviews due per day): `x` holds ISO dates, which sort by time
    (MM-DD labels sorted as text put January before December), and is labelled MM-DD."""
    return (alt.Chart(frame).mark_bar()
            .encode(x=alt.X(f"{x}:O", axis=alt.Axis(labelAngle=-45, labelOverlap=True, labelExpr="slice(datum.label, 5)")),
                    y=alt.Y(f"{y}:Q", axis=alt.Axis(format="d", tickMinStep=1)),  # whole counts: no 0.5 review
                    tooltip=tooltip)
            .properties(height=220))


def trend(frame: pd.DataFrame, x: str, y: str, tooltip: list[str], series: str | None = None,
          domain: tuple[float, float] | None = None) -> alt.Chart:
    """A line with points over time, one line per `series` value when given."""
    encoding = dict(x=alt.X(f"{x}:O", axis=alt.Axis(labelAngle=-45, labelOverlap=True)),
                    y=alt.Y(f"{y}:Q", scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined),
                    tooltip=tooltip)
    if series:
        encoding["color"] = alt.Color(f"{series}:N", legend=alt.Legend(orient="bottom", columns=2, labelLimit=LABEL_LIMIT))
    return alt.Chart(frame).mark_line(point=True).encode(**encoding).properties(height=260)


def grid_heatmap(frame: pd.DataFrame, row: str, column: str, value: str, tooltip: list[str],
                 domain: tuple[float, float] = (0, 100)) -> alt.Chart:
    """Rows × columns coloured by a 0–100 value (red = weak, green = strong), the value written in each cell."""
    rows = frame[row].nunique() if len(frame) else 0
    base = alt.Chart(frame).encode(
        x=alt.X(f"{column}:N", title=None,
                axis=alt.Axis(orient="top", labelAngle=-60, labelLimit=LABEL_LIMIT, labelOverlap=False)),
        y=alt.Y(f"{row}:N", title=None, sort=None, axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)))
    cells = base.mark_rect().encode(
        color=alt.Color(f"{value}:Q", scale=alt.Scale(scheme="redyellowgreen", domain=list(domain)),
                        legend=alt.Legend(orient="bottom")),
        tooltip=tooltip)
    text = base.mark_text(fontSize=10).encode(text=alt.Text(f"{value}:Q", format=".0f"))
    # Angled column labels on top and the legend below take up to ~260 px whatever the rows: with AXES_PX + 60 a team of
    # one agent got a 4 px strip of colour under the labels (qa16).
    return (cells + text).properties(height=_height(rows, GRID_AXES_PX))


def annotated_line(frame: pd.DataFrame, x: str, y: str, note: str, tooltip: list[str],
                   domain: tuple[float, float] = (0, 100)) -> alt.Chart:
    """A line with points, each point labelled with the text in column `note` (what moved it)."""
    base = alt.Chart(frame).encode(x=alt.X(f"{x}:O", axis=alt.Axis(labelAngle=0)),
                                   y=alt.Y(f"{y}:Q", scale=alt.Scale(domain=list(domain))))
    line = base.mark_line(point=True).encode(tooltip=tooltip)
    labels = base.mark_text(dy=-12, fontSize=11, limit=LABEL_LIMIT).encode(text=alt.Text(f"{note}:N"))
    return (line + labels).properties(height=260)
