"""Row heights at which a grid's long texts are read whole (qa28 F3: 搜索反馈's 代表问法 cut past ~22 characters)."""

from __future__ import annotations

from ui.grid_rows import MAX_LINES, WRAPPING_PX, wrapped_row_height

QUESTION = "分红比业务员当时说的少了一大半，这算不算骗人"  # 22 characters: the wording qa28 saw cut at 300 px


def test_texts_that_fit_one_line_keep_the_grids_own_rows() -> None:
    assert wrapped_row_height([QUESTION, "短"], 360) is None
    assert wrapped_row_height([], 360) is None


def test_a_longer_text_makes_rows_tall_enough_to_wrap_and_taller_for_more_lines() -> None:
    two = wrapped_row_height([QUESTION], 300)
    assert two is not None and two >= WRAPPING_PX > 64  # the grid wraps only above 4rem
    three = wrapped_row_height([QUESTION * 3], 360)
    assert three is not None and three > two
    english = "My policy lapsed last month and I want to know whether I can still get my money back"
    assert wrapped_row_height([english], 360) is not None and wrapped_row_height([english], 900) is None


def test_a_pasted_story_stops_at_the_most_lines() -> None:
    assert wrapped_row_height([QUESTION * 40], 360) == wrapped_row_height([QUESTION * 60], 360)
    assert wrapped_row_height([QUESTION * 40], 360) <= MAX_LINES * 20 + 8
