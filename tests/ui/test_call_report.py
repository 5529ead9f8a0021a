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


def test_a_strength_with_more_examples_than_quoted_says_there_are_more():
    """QA 2026-12-05 (qa16): "完成要点 ×7" stood beside three quotes, as if those were all."""
    at = _strengths(7)
    assert not at.exception, at.exception
    line = next(m.value for m in at.markdown if "×7" in m.value)
    assert line.endswith("等") and line.count("“") == 3
    assert not next(m.value for m in _strengths(3).markdown if "×3" in m.value).endswith("等")

