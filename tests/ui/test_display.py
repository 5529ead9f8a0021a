"""How shortened texts read on screen: a cut is marked, a short text is left whole."""

from ui.display import shortened


def test_a_cut_quote_ends_with_an_ellipsis_and_keeps_the_width() -> None:
    quote = "好的，这个我理解您的心情，如果您还是不满意的话，可以通过官方渠道反映，或者我帮您登记一个投诉"
    line = shortened(quote, 40)
    assert len(line) == 40 and line.endswith("…") and line[:-1] == quote[:39]


def test_a_text_that_fits_is_shown_whole() -> None:
    assert shortened("您好，请问您是本人吗？", 40) == "您好，请问您是本人吗？"
    assert shortened("x" * 40, 40) == "x" * 40
