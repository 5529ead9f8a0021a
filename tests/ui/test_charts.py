"""The progress charts' counts read as whole numbers (QA 2026-12-04, qa13: a new agent's empty training
calendar had the legend "0.000000", and the reviews-due axis could step by 0.5 reviews)."""

from __future__ import annotations

import json

import pandas as pd

from ui import charts


def test_the_calendar_legend_counts_in_whole_numbers():
    frame = pd.DataFrame({"week": ["2026-11-30"], "day": ["周一"], "total": [0], "date": ["2026-11-30"]})
    spec = charts.calendar_heatmap(frame, "week", "day", "total", ["date"], ["周一"]).to_dict()
    legend = spec["encoding"]["color"]["condition"]["legend"]
    assert legend["format"] == "d" and legend["tickMinStep"] == 1


def test_reviews_due_per_day_step_by_whole_reviews():
    frame = pd.DataFrame({"day": ["2026-12-05", "2026-12-06"], "due": [0, 1]})
    axis = charts.columns(frame, "day", "due", ["day", "due"]).to_dict()["encoding"]["y"]["axis"]
    assert axis["format"] == "d" and axis["tickMinStep"] == 1


def test_every_category_of_the_mastery_bars_is_named_with_a_rows_height():
    """QA 2026-12-05 (qa16): a new agent's 各分类掌握度 had six bars and three names; Vega dropped every other label
    because the value axis took the room meant for the rows."""
    frame = pd.DataFrame({"分类": [f"分类{n}" for n in range(6)], "掌握度 %": [0, 0, 100, 100, 100, 100]})
    spec = charts.horizontal_bars(frame, "分类", "掌握度 %", ["分类"], (0, 100)).to_dict()
    assert spec["encoding"]["y"]["axis"]["labelOverlap"] is False
    assert spec["height"] >= charts.ROW_PX * 6 + 90  # rows plus the value axis and its title


def test_a_team_of_one_agent_gets_a_row_of_colour_under_the_column_labels():
    """QA 2026-12-05 (qa16): on 团队概览 → 分类掌握度 and 通话成绩 a team with one trained agent saw a strip of 2–4 px:
    the angled column names and the legend took nearly all of the chart's 212 px (measured at 1366 px: ~210 px with
    category names, ~260 px with scenario titles cut at the label limit)."""
    frame = pd.DataFrame({"坐席": ["小周"], "情景": ["永久失效：中止满两年被解除合同，客户愤怒"], "最近成绩": [37]})
    spec = charts.grid_heatmap(frame, "坐席", "情景", "最近成绩", ["坐席"]).to_dict()
    assert spec["height"] >= 260 + charts.ROW_PX


def test_a_long_category_or_scenario_name_is_drawn_on_lines_that_fit_not_cut():
    """qa21 E1: on the English 我的进度 the mastery bars read "New-policy callback and dual…" (cut at the label limit, in
    pixels: the same at 1366 px and 1920 px), and 团队概览's heatmap cut scenario titles the same way. A name longer
    than a line is drawn on several, each short enough for the limit, and the rows are as tall as the lines need."""
    names = ["New-policy callback and dual recording", "Cooling-off period", "宽限期、效力中止、复效与永久失效"]
    frame = pd.DataFrame({"Category": names, "Mastery %": [10, 50, 90]})
    spec = charts.horizontal_bars(frame, "Category", "Mastery %", ["Category"], (0, 100)).to_dict()
    drawn = spec["encoding"]["y"]["axis"]["labelExpr"]
    lines = json.loads(drawn[1:drawn.index(")[datum.label]")])
    assert lines["New-policy callback and dual recording"] == ["New-policy callback and", "dual recording"]
    assert lines["宽限期、效力中止、复效与永久失效"] == ["宽限期、效力中止、复效与", "永久失效"]
    assert "Cooling-off period" not in lines  # one line: drawn as it is
    assert spec["height"] >= 3 * (charts.ROW_PX + charts.LINE_PX) + 90  # two-line rows

    grid = pd.DataFrame({"Agent": ["Mei"], "Scenario": ["Declined critical-illness claim — heart attack below the "
                                                         "\"severe\" definition"], "Latest": [60]})
    axis = charts.grid_heatmap(grid, "Agent", "Scenario", "Latest", ["Agent"]).to_dict()["layer"][0]["encoding"]["x"]["axis"]
    title = json.loads(axis["labelExpr"][1:axis["labelExpr"].index(")[datum.label]")])[grid["Scenario"][0]]
    assert " ".join(title) == grid["Scenario"][0] and len(title) > 1


def test_label_lines_break_between_words_and_between_chinese_characters():
    assert charts.label_lines("Complaint handling and escalation", 24) == ["Complaint handling and", "escalation"]
    assert charts.label_lines("投诉处理与升级", 24) == ["投诉处理与升级"]
    assert charts.label_lines("Supercalifragilisticexpialidocious-and-more words", 10)[0] == \
        "Supercalifragilisticexpialidocious-and-more"  # a word longer than a line: a line of its own, whole


def test_a_call_trend_keeps_its_plot_whatever_its_legend_takes():
    """qa23's T5: 我的进度 → 模拟通话 with one call drew a ~20 px strip of plot: the chart was a fixed 260 px, and the
    angled date label and a legend of one English scenario title on three lines took nearly all of it."""
    def height(titles: list[str]) -> int:
        frame = pd.DataFrame({"when": [f"2026-12-0{n + 1} 08:25" for n in range(len(titles))], "scenario": titles,
                              "score": [60] * len(titles)})
        return charts.trend(frame, "when", "score", ["when"], series="scenario", domain=(0, 100)).to_dict()["height"]

    long_title = "Permanent lapse: a customer angry that the contract was ended after two years of suspension"
    plot_and_axes = charts.TREND_PLOT_PX + charts.TREND_AXES_PX
    assert height(["短"]) >= plot_and_axes + charts.LINE_PX
    assert height([long_title]) >= plot_and_axes + charts.LINE_PX * len(charts.label_lines(long_title))
    assert height([f"{long_title} {n}" for n in range(12)]) >= plot_and_axes + 6 * charts.LINE_PX * 3  # six rows of two
