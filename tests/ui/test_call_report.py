"""The call report's sections drawn from a small report (AppTest of one function)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _strengths(quotes: int) -> AppTest:
    def draw(count: int) -> None:
        from types import SimpleNamespace as Item

        from ui.call_report import show_strengths
        # the report is duck-typed here: show_strengths reads only its findings
        findings = [Item(rubric="checkpoint", ok=True, turn_index=n, quote=f"第{n}句") for n in range(1, count + 1)]
        show_strengths(Item(findings=findings))

    return AppTest.from_function(draw, kwargs={"count": quotes}, default_timeout=120).run()


def _header(findings: list[tuple[str, bool]], subscores: dict[str, int], language: str = "zh") -> AppTest:
    def draw(found: list, scores: dict, lang: str) -> None:
        import streamlit as st

        from trainer.dialogue.scoring import Finding, total
        from ui.call_report import show_cap
        from ui.i18n import LANG_KEY
        st.session_state[LANG_KEY] = lang
        findings = [Finding(1, rubric, ok, "原话", "") for rubric, ok in found]
        show_cap(total(scores, findings), scores, [f.rubric for f in findings if not f.ok])

    return AppTest.from_function(draw, kwargs={"found": findings, "scores": subscores, "lang": language},
                                 default_timeout=120).run()


def test_a_score_capped_by_a_red_line_says_so_and_what_the_sub_scores_come_to():
    """qa24: 小吴's claim call read 总分 50 beside 合规 60, 准确 75, 共情与服务 85, 要点完成 100, 通话结果 100 (82 by
    their weights); nothing said that an absolute promise caps the total at 50."""
    scores = {"compliance": 60, "accuracy": 75, "empathy_service": 85, "checkpoints": 100, "outcome": 100}
    at = _header([("absolute_promise", False), ("empathy", True)], scores)
    assert not at.exception, at.exception
    assert [c.value for c in at.caption] == ["总分最高 50 分：这通电话有红线行为（绝对化承诺）。各项按权重合计为 82 分。"]
    english = _header([("absolute_promise", False)], scores, "en")
    assert "capped at 50" in english.caption[0].value and "(Absolute promise)" in english.caption[0].value
    assert not _header([("rude", False)], scores).caption  # a fault that is no red line caps nothing
    low = {"compliance": 20, "accuracy": 0, "empathy_service": 0, "checkpoints": 0, "outcome": 0}
    assert not _header([("absolute_promise", False)], low).caption  # under the cap already: nothing to explain


def test_a_strength_with_more_examples_than_quoted_says_there_are_more():
    """QA 2026-12-05 (qa16): "完成要点 ×7" stood beside three quotes, as if those were all."""
    at = _strengths(7)
    assert not at.exception, at.exception
    line = next(m.value for m in at.markdown if "×7" in m.value)
    assert line.endswith("等") and line.count("“") == 3
    assert not next(m.value for m in _strengths(3).markdown if "×3" in m.value).endswith("等")

