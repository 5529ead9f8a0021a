"""What a save says: how many linked items it flagged for review, and where to confirm them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _saved(flagged: int, language: str) -> AppTest:
    def draw(count: int, lang: str) -> None:
        import streamlit as st

        from trainer.editing.editor import SaveResult
        from ui.content_editing import show_result
        from ui.i18n import LANG_KEY
        st.session_state[LANG_KEY] = lang
        show_result(SaveResult(True, flagged=count))

    return AppTest.from_function(draw, kwargs={"count": flagged, "lang": language}, default_timeout=60).run()


@pytest.mark.parametrize(("count", "language", "said"), [
    (5, "en", "5 linked items (quiz items, scenarios …) are marked for review: confirm them on Content history."),
    (1, "en", "1 linked item (quiz items, scenarios …) is marked for review: confirm it on Content history."),
    (5, "zh", "5 项关联内容（测验题、情景等）已标记为待复核：请到“修改历史”逐项确认。")])
def test_a_save_that_flags_linked_content_names_the_page_to_confirm_it_on(count, language, said) -> None:
    """qa25: “5 linked item(s) flagged for review.” named no page; the items wait on 修改历史 / Content history."""
    at = _saved(count, language)
    assert not at.exception, at.exception
    [success] = [s.value for s in at.success]
    assert said in success and "(s)" not in success, success


def test_a_save_that_flags_nothing_says_nothing_of_review() -> None:
    [success] = [s.value for s in _saved(0, "en").success]
    assert "review" not in success, success
