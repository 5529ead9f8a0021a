"""Altair charts of the progress pages: sized to the page width, readable from a phone to 1,400 px.

Every chart takes a DataFrame whose column names are already in the UI language, so axes,
legends and tooltips read in Chinese or English with the language switch. Heights grow with
the number of rows (agents, categories) instead of squeezing labels; widths follow the container.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable

import altair as alt
import pandas as pd

from ui.i18n import tr

ROW_PX = 22          # one bar or heatmap row
MIN_HEIGHT = 120
# Streamlit sizes Vega-Lite charts to fit: the height given includes axes and legend, so room
# for them is added on top of the rows (without it, rows shrink and their labels are dropped).
AXES_PX = 130
BAR_AXES_PX = 90     # the value axis under horizontal bars: its labels and title
GRID_AXES_PX = 290   # a heatmap's angled column labels (up to LABEL_LIMIT long: ~260 px with the legend) on top and below
NO_TRAINING = "#ebedf0"
LABEL_LIMIT = 190    # a label line past this many pixels is cut with "…" (none is: LINE_UNITS keeps lines shorter)
LINE_UNITS = 24      # a label line's width, in Latin letters (a Chinese character counts two): ~150 px at the axes' font
LINE_PX = 13         # one more line of a label
TREND_PLOT_PX = 200  # a line chart's plot: the scores' rise and fall readable
TREND_AXES_PX = 130  # under it, the angled time labels and the axis title
LEGEND_TITLE_PX = 24
LEGEND_GAP_PX = 8    # between two rows of a legend


def _axis(kind: str, field: str, **properties) -> alt.Axis:
    """An axis with its name for a screen reader in the UI language: Vega names an axis in English ("Y-axis for a
    discrete scale with 13 values: …") on the Chinese UI too, unless the spec names it (polish32)."""
    words = tr(f"横轴：{field}", f"X axis: {field}") if kind == "x" else tr(f"纵轴：{field}", f"Y axis: {field}")
    return alt.Axis(description=words, **properties)


def _legend(field: str, **properties) -> alt.Legend:
    """A legend with its name for a screen reader in the UI language (Vega's: "Gradient legend titled … for fill color
    with values from 0 to 100")."""
    return alt.Legend(description=tr(f"图例：{field}", f"Legend: {field}"), **properties)


def _height(rows: int, axes: int = 60, row_px: int = ROW_PX) -> int:
    return max(MIN_HEIGHT, row_px * rows + axes)


def _units(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def label_lines(text: str, units: int = LINE_UNITS) -> list[str]:
    """`text` in lines of at most `units` (a Chinese character counts two), broken between words where it has spaces
    and between characters where it has none (Chinese). A word longer than a line keeps a line of its own."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if line and sum(map(_units, (line + token).rstrip())) > units:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [text]


def _tokens(text: str) -> list[str]:
    """Words with the space after them, and each wide (Chinese) character on its own: where a line may break."""
    tokens: list[str] = []
    for character in text:
        if tokens and _units(character) == 1 and _units(tokens[-1][-1]) == 1 and not tokens[-1].endswith(" "):
            tokens[-1] += character
        else:
            tokens.append(character)
    return tokens


def wrapped_labels(values: Iterable[object]) -> str:
    """A Vega `labelExpr` that draws each of `values` longer than a line on several lines (Vega draws an array as lines,
    one under the other), any other label as it is. The English category and scenario names were cut at the label
    limit ("New-policy callback and dual…", qa21 E1) at 1366 px and at 1920 px alike: the limit is in pixels, and
    a wider screen gives the chart's plot more room, not its labels."""
    long = {str(value): lines for value in dict.fromkeys(values) if len(lines := label_lines(str(value))) > 1}
    return f"({json.dumps(long, ensure_ascii=False)})[datum.label] || datum.label" if long else "datum.label"


def _most_lines(values: Iterable[object]) -> int:
    return max((len(label_lines(str(value))) for value in values), default=1)


def calendar_heatmap(frame: pd.DataFrame, week: str, weekday: str, value: str, tooltip: list[str],
                     weekday_order: list[str]) -> alt.Chart:
    """A GitHub-style training calendar: one column per week, one row per weekday, darker = more."""
    return (alt.Chart(frame, description=tr(f"训练日历：每列一周，每行一个星期几，颜色越深{value}越多。",
                                            f"Training calendar: a column per week, a row per weekday; the darker, the "
                                            f"higher the {value}."))
            .mark_rect(cornerRadius=2, ariaRoleDescription=tr("日", "day"))
            .encode(x=alt.X(f"{week}:O", title=None,  # ISO dates sort right across New Year; shown as MM-DD
                            axis=_axis("x", week, labelAngle=0, labelOverlap=True, labelExpr="slice(datum.label, 5)")),
                    y=alt.Y(f"{weekday}:O", title=None, sort=weekday_order, axis=_axis("y", weekday, labelOverlap=False)),
                    color=alt.condition(alt.datum[value] > 0,
                                        alt.Color(f"{value}:Q", scale=alt.Scale(scheme="greens"),
                                                  legend=_legend(value, orient="bottom", format="d", tickMinStep=1)),
                                        alt.value(NO_TRAINING)),  # counts: "0", not Vega's "0.000000" on an empty calendar  # a day without training stays grey
                    tooltip=tooltip)
            .properties(height=_height(7, AXES_PX)))


def horizontal_bars(frame: pd.DataFrame, label: str, value: str, tooltip: list[str], domain: tuple[float, float] | None = None) -> alt.Chart:
    """Bars, one per row of `frame` in its order, labels beside them (nothing cut off on a phone)."""
    x = alt.X(f"{value}:Q", scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined, axis=_axis("x", value))
    # Every label drawn, with a row's height for each: the x axis and its title took the room meant for the rows,
    # and Vega hid every other category name, so a new agent's six bars had three names (qa16).
    # A name longer than a line is drawn on two or three, and each row is as tall as its longest name needs.
    row_px = ROW_PX + LINE_PX * (_most_lines(frame[label]) - 1)
    return (alt.Chart(frame, description=tr(f"条形图：每个{label}一条，条长是{value}。",
                                            f"Bar chart: a bar per {label}, its length the {value}."))
            .mark_bar(ariaRoleDescription=tr("条", "bar"))
            .encode(x=x, y=alt.Y(f"{label}:N", sort=None, title=None,
                                 axis=_axis("y", label, labelLimit=LABEL_LIMIT, labelOverlap=False,
                                            labelExpr=wrapped_labels(frame[label]))),
                    tooltip=tooltip)
            .properties(height=_height(len(frame), BAR_AXES_PX, row_px)))


def columns(frame: pd.DataFrame, x: str, y: str, tooltip: list[str]) -> alt.Chart:
    """Vertical bars over days (e.g. reviews due per day): `x` holds ISO dates, which sort by time
    (MM-DD labels sorted as text put January before December), and is labelled MM-DD."""
    return (alt.Chart(frame, description=tr(f"柱形图：每个{x}一根，高度是{y}。", f"Column chart: a column per {x}, its height the {y}."))
            .mark_bar(ariaRoleDescription=tr("柱", "column"))
            .encode(x=alt.X(f"{x}:O", axis=_axis("x", x, labelAngle=-45, labelOverlap=True, labelExpr="slice(datum.label, 5)")),
                    y=alt.Y(f"{y}:Q", axis=_axis("y", y, format="d", tickMinStep=1)),  # whole counts: no 0.5 review
                    tooltip=tooltip)
            .properties(height=220))


def trend(frame: pd.DataFrame, x: str, y: str, tooltip: list[str], series: str | None = None,
          domain: tuple[float, float] | None = None) -> alt.Chart:
    """A line with points over time, one line per `series` value when given."""
    encoding = dict(x=alt.X(f"{x}:O", axis=_axis("x", x, labelAngle=-45, labelOverlap=True)),
                    y=alt.Y(f"{y}:Q", scale=alt.Scale(domain=list(domain)) if domain else alt.Undefined, axis=_axis("y", y)),
                    tooltip=tooltip)
    if series:
        encoding["color"] = alt.Color(f"{series}:N", legend=_legend(series, orient="bottom", columns=2, labelLimit=LABEL_LIMIT,
                                                                    labelExpr=wrapped_labels(frame[series])))
    described = tr(f"折线图：{y}随{x}的变化" + (f"，每个{series}一条线。" if series else "。"),
                   f"Line chart: the {y} by {x}" + (f", a line per {series}." if series else "."))
    return (alt.Chart(frame, description=described)
            .mark_line(point=alt.OverlayMarkDef(ariaRoleDescription=tr("数据点", "point")),
                       ariaRoleDescription=tr("折线", "line"))
            .encode(**encoding).properties(height=_trend_height(frame[series] if series else None)))


def _trend_height(series: pd.Series | None) -> int:
    """The plot's height plus room for the axes and the legend under it (two names a row, each on as many lines as it
    wraps to): Streamlit fits the whole chart into the height, and a fixed 260 px left one call's plot a ~20 px strip
    under an English scenario title of three lines (qa23's T5)."""
    height = TREND_PLOT_PX + TREND_AXES_PX
    if series is None:
        return height
    rows = math.ceil(series.nunique() / 2)
    return height + LEGEND_TITLE_PX + rows * (LINE_PX * _most_lines(series) + LEGEND_GAP_PX)


def grid_heatmap(frame: pd.DataFrame, row: str, column: str, value: str, tooltip: list[str],
                 domain: tuple[float, float] = (0, 100)) -> alt.Chart:
    """Rows × columns coloured by a 0–100 value (red = weak, green = strong), the value written in each cell."""
    rows = frame[row].nunique() if len(frame) else 0
    row_px = ROW_PX + LINE_PX * (_most_lines(frame[row]) - 1)
    base = alt.Chart(frame).encode(
        x=alt.X(f"{column}:N", title=None,
                axis=_axis("x", column, orient="top", labelAngle=-60, labelLimit=LABEL_LIMIT, labelOverlap=False,
                           labelExpr=wrapped_labels(frame[column]))),
        y=alt.Y(f"{row}:N", title=None, sort=None,
                axis=_axis("y", row, labelLimit=LABEL_LIMIT, labelOverlap=False, labelExpr=wrapped_labels(frame[row]))))
    cells = base.mark_rect(ariaRoleDescription=tr("格", "cell")).encode(
        color=alt.Color(f"{value}:Q", scale=alt.Scale(scheme="redyellowgreen", domain=list(domain)),
                        legend=_legend(value, orient="bottom")),
        tooltip=tooltip)
    # the number in each cell is the cell's own value, which the cell already says: not read twice
    text = base.mark_text(fontSize=10, aria=False).encode(text=alt.Text(f"{value}:Q", format=".0f"))
    # Angled column labels on top and the legend below take up to ~260 px whatever the rows: with AXES_PX + 60 a team of
    # one agent got a 4 px strip of colour under the labels (qa16).
    return (cells + text).properties(
        height=_height(rows, GRID_AXES_PX, row_px),
        description=tr(f"热力图：每行一个{row}，每列一个{column}；格中的颜色和数字是{value}（红低绿高）。",
                       f"Heatmap: a row per {row}, a column per {column}; each cell's colour and number is the {value} "
                       "(red low, green high)."))


def annotated_line(frame: pd.DataFrame, x: str, y: str, note: str, tooltip: list[str],
                   domain: tuple[float, float] = (0, 100)) -> alt.Chart:
    """A line with points, each point labelled with the text in column `note` (what moved it)."""
    base = alt.Chart(frame).encode(x=alt.X(f"{x}:O", axis=_axis("x", x, labelAngle=0)),
                                   y=alt.Y(f"{y}:Q", scale=alt.Scale(domain=list(domain)), axis=_axis("y", y)))
    line = base.mark_line(point=alt.OverlayMarkDef(ariaRoleDescription=tr("数据点", "point")),
                          ariaRoleDescription=tr("折线", "line")).encode(tooltip=tooltip)
    labels = base.mark_text(dy=-12, fontSize=11, limit=LABEL_LIMIT, aria=False).encode(text=alt.Text(f"{note}:N"))
    return (line + labels).properties(height=260, description=tr(
        f"折线图：{y}随{x}的变化，每个点旁写着{note}。", f"Line chart: the {y} by {x}, each point labelled with the {note}."))
