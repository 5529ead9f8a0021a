"""One wording, one entry (qa14 #10): a variant written like another entry's question is a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.content import collect_content
from kb.wordings import wording_key

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("typed", ["犹豫期内退保能退多少钱", "犹豫期内退保 能退多少钱?", "犹豫期内退保，能退多少钱？？",
                                   "ＡＢ犹豫期内退保能退多少钱", "ab 犹豫期内退保能退多少钱！"])
def test_spaces_punctuation_width_and_case_do_not_make_a_wording_different(typed: str) -> None:
    assert wording_key(typed).removeprefix("ab") == wording_key("犹豫期内退保能退多少钱？")


def test_different_words_stay_different() -> None:
    assert wording_key("犹豫期外退保能退多少钱") != wording_key("犹豫期内退保能退多少钱")


def copy_with_variant(tmp_path: Path, variant: str) -> Path:
    """The fixture content with `variant` added to cooling-off-length (another entry's wording)."""
    root = tmp_path / "content"
    for path in FIXTURE.rglob("*"):
        if path.is_file():
            (root / path.relative_to(FIXTURE)).parent.mkdir(parents=True, exist_ok=True)
            (root / path.relative_to(FIXTURE)).write_bytes(path.read_bytes())
    faq = root / "faq" / "cooling-off.yaml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("variants: [冷静期是几天,", f"variants: [冷静期是几天, {variant},", 1), encoding="utf-8")
    return root


def test_a_variant_worded_like_another_entrys_question_is_reported_at_both_with_file_line_and_field(tmp_path) -> None:
    _, problems = collect_content(copy_with_variant(tmp_path, "犹豫期内退保 能退多少钱"))
    found = {(p.file, p.line, p.item_id, p.field): p for p in problems}
    assert set(found) == {("faq/cooling-off.yaml", 5, "cooling-off-length", "variants"),
                          ("faq/cooling-off.yaml", 19, "cooling-off-refund", "question")}, problems
    added = found["faq/cooling-off.yaml", 5, "cooling-off-length", "variants"]
    assert "cooling-off-refund" in added.message and "犹豫期内退保能退多少钱？" in added.zh_message()  # the other entry named
    assert "标准问" in added.zh_message() and "question of entry 'cooling-off-refund'" in added.message


def test_a_variant_shared_by_two_entries_is_reported(tmp_path) -> None:
    _, problems = collect_content(copy_with_variant(tmp_path, "冷静期内解约退多少"))
    assert {(p.item_id, p.field) for p in problems} == {("cooling-off-length", "variants"), ("cooling-off-refund", "variants")}
    assert all("相似问法" in p.zh_message() for p in problems)


def test_the_shipped_content_has_no_wording_in_two_entries() -> None:
    """投保人能自己改受益人吗 was a variant of both svc-beneficiary-change and bene-change-how."""
    _, problems = collect_content(ROOT / "content")
    assert [p for p in problems if "worded the same" in p.message] == []
