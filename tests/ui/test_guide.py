"""使用指南's steps for an agent on a call name what the search page shows (ui/guide.py)."""

from __future__ import annotations

from ui.guide import LIVE_CALL


def test_the_copy_step_names_the_button_under_the_script_not_a_code_box() -> None:
    """qa23: the guide said 点代码框右上角复制 / "the button at the box's top right"; the 话术 is plain words in a box
    with 复制话术 / Copy the script under it since polish33 (qa22 G1), and no code box has a corner button."""
    zh, en = LIVE_CALL.first_steps[1]
    assert "“复制话术”" in zh and "代码框" not in zh and "右上角" not in zh
    assert "“Copy the script”" in en and "top right" not in en
