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


def copy_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """The fixture content with `old` replaced by `new` (once) in `file`."""
    root = tmp_path / "content"
    for path in FIXTURE.rglob("*"):
        if path.is_file():
            (root / path.relative_to(FIXTURE)).parent.mkdir(parents=True, exist_ok=True)
            (root / path.relative_to(FIXTURE)).write_bytes(path.read_bytes())
    changed = root / file
    text = changed.read_text(encoding="utf-8")
    assert old in text
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def copy_with_variant(tmp_path: Path, variant: str) -> Path:
    """The fixture content with `variant` added to cooling-off-length (another entry's wording)."""
    return copy_with(tmp_path, "faq/cooling-off.yaml", "variants: [冷静期是几天,", f"variants: [冷静期是几天, {variant},")


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


def located(problems) -> set[tuple[str, int, str | None, str | None]]:
    return {(p.file, p.line, p.item_id, p.field) for p in problems}


def test_a_variant_repeating_its_own_entrys_question_is_reported_where_it_is_written(tmp_path) -> None:
    """ops16 left: a wording twice in one entry was not checked (the second copy only weighs the entry more)."""
    root = copy_with(tmp_path, "faq/cooling-off.yaml", "variants: [冷静期是几天, 犹豫期多少天, 签了合同后悔了有几天可以退]",
                     "variants:\n      - 冷静期是几天\n      - 犹豫期 有多长\n      - 犹豫期多少天\n      - 冷静期是几天！")
    _, problems = collect_content(root)
    assert located(problems) == {("faq/cooling-off.yaml", 7, "cooling-off-length", "variants"),
                                 ("faq/cooling-off.yaml", 9, "cooling-off-length", "variants")}, problems
    by_line = {p.line: p for p in problems}
    assert "标准问「犹豫期有多长？」" in by_line[7].zh_message() and "question '犹豫期有多长？'" in by_line[7].message
    assert "相似问法「冷静期是几天」" in by_line[9].zh_message()


def test_two_options_of_one_quiz_item_worded_the_same_are_reported(tmp_path) -> None:
    root = copy_with(tmp_path, "quizzes/cooling-off.yaml", "options: [10天, 15天, 20天, 30天]", "options: [10天, 15天, 20天, １５ 天]")
    _, problems = collect_content(root)
    [problem] = problems
    assert (problem.file, problem.line, problem.item_id, problem.field) == ("quizzes/cooling-off.yaml", 5, "q-cooling-off-length-1", "options")
    assert "第 4 个选项「１５ 天」与第 2 个选项「15天」相同" in problem.zh_message()


def test_the_same_prompt_in_two_quiz_items_is_reported_at_the_second(tmp_path) -> None:
    root = copy_with(tmp_path, "quizzes/cooling-off.yaml", "prompt: 犹豫期内撤单，保险公司可以扣除不超过10元的工本费。",
                     "prompt: 长期健康保险的犹豫期不得少于多少天")
    _, problems = collect_content(root)
    [problem] = [p for p in problems if p.field == "prompt"]
    assert (problem.file, problem.item_id) == ("quizzes/cooling-off.yaml", "q-cooling-off-refund-1")
    assert problem.line == 12 and "q-cooling-off-length-1" in problem.message and "题干相同" in problem.zh_message()


def test_a_glossary_word_written_twice_in_one_group_is_reported(tmp_path) -> None:
    root = copy_with(tmp_path, "glossary.yaml", "terms: [宽限期, 缓交期]", "terms: [宽限期, 缓交期, 宽限期]")
    _, problems = collect_content(root)
    [problem] = problems
    assert (problem.file, problem.item_id, problem.field) == ("glossary.yaml", "grace", "terms")
    assert "重复" in problem.zh_message() and "written twice" in problem.message


def test_a_glossary_word_differing_only_in_case_or_width_from_another_groups_is_reported(tmp_path) -> None:
    """The search folds case and width before matching the glossary, so ＧＰ and gp are one word there."""
    root = copy_with(tmp_path, "glossary.yaml", "terms: [宽限期, 缓交期]", "terms: [宽限期, 缓交期, ＧＰ]")
    glossary = root / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("terms: [退保,", "terms: [退保, gp,", 1), encoding="utf-8")
    [problem] = collect_content(root)[1]
    assert problem.item_id == "surrender" and "也在词组 'grace'" in problem.zh_message()


def test_the_shipped_quizzes_and_glossary_have_no_repeated_wording() -> None:
    _, problems = collect_content(ROOT / "content")
    assert problems == []
