"""Other lines of insurance asked in life-insurance words (search54b): refused, while a life question that mentions a
car, a house, a trip or another company in passing is still answered (tests/kb/other_lines_queries.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb import KnowledgeBase

TABLE = yaml.safe_load((Path(__file__).parent / "other_lines_queries.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("query", [row["q"] for row in TABLE["negatives"]])
def test_another_lines_question_in_life_insurance_words_gets_no_answer(real_kb: KnowledgeBase, query: str) -> None:
    """An agent must not read a life-insurance answer to a car, home, travel or other company's question."""
    assert real_kb.search(query) == []


@pytest.mark.parametrize("row", [pytest.param(row, id=row["q"], marks=[pytest.mark.xfail(
    strict=True, reason="the learned gate refuses it on main too (search54b report)")] if row.get("refused") else [])
    for row in TABLE["queries"]])
def test_a_life_question_mentioning_a_car_house_or_trip_is_answered(real_kb: KnowledgeBase, row: dict) -> None:
    shown = [hit.id for hit in real_kb.search(row["q"], k=3)]
    assert shown and set(row.get("ids", shown)) <= set(shown)
