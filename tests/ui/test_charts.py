"""The progress charts' counts read as whole numbers (QA 2026-12-04, qa13: a new agent's empty training
calendar had the legend "0.000000", and the reviews-due axis could step by 0.5 reviews)."""

from __future__ import annotations

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
