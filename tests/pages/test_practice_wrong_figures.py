"""A practice call's report on a reply that got a figure wrong (polish29): the credit on the same words says the figure
was wrong, and the step it kept open says which figure and the rule."""

from __future__ import annotations

from tests.pages.test_practice import ended_call

REPLIES = ("您好，请问您是本人吗？麻烦说一下身份证后四位。", "您的犹豫期是10天，您可以在这10天内申请退保。")


def test_the_report_says_which_figure_kept_a_step_open_and_that_praised_words_held_it(app_env, store) -> None:
    at = ended_call(app_env, store, "说错天数的坐席", *REPLIES)
    assert not at.exception, at.exception
    shown = [m.value for m in at.markdown]
    still_open = next(m for m in shown if m.startswith("- 未完成要点：讲清犹豫期天数"))
    assert "第2轮说的“10天”与知识库不符，应为15日" in still_open, still_open
    praised = [m for m in shown if m.startswith("- **") and "10天" in m]
    assert praised and all("这一点对，但“10天”应为15日" in m for m in praised), shown
    print(shown)
