"""Importing a writer's training draft: repeated texts refused, copy slips fixed, wrong rows dropped."""

from pathlib import Path

import pytest
import yaml

from kb.regulations.evaluation import RegulationDevSet, RegulationQuestion, load_regulation_dev_set, sentence_problems
from kb.regulations.library import load_library
from kb.regulations.training_import import import_rows, written

ROOT = Path(__file__).resolve().parents[3]
SENTENCE = "自合同成立之日起超过二年的，保险人不得解除合同"
TAKEN = RegulationDevSet((RegulationQuestion("买了两年了还能解除合同吗", "L1-01", "第十六条", SENTENCE),), ("车险怎么理赔",))


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "content")[0]


def _row(q: str, sentence: str = SENTENCE, article: str = "第十六条") -> dict:
    return {"q": q, "document": "L1-01", "article": article, "sentence": sentence}


def test_texts_already_in_the_dev_set_or_the_draft_are_refused(library):
    draft = {"split": "tune", "questions": [_row("买了两年了还能解除合同吗"), _row("投保两年后还能解约吗"),
                                            _row("投保两年后还能解约吗")],
             "negatives": ["车险怎么理赔", "投保两年后还能解约吗", "企业年金怎么领"]}
    report = import_rows(draft, TAKEN, library)
    assert [r["q"] for r in report.questions] == ["投保两年后还能解约吗"]
    assert report.negatives == ["企业年金怎么领"]
    assert report.repeated == ["买了两年了还能解除合同吗", "投保两年后还能解约吗", "车险怎么理赔", "投保两年后还能解约吗"]


def test_obvious_copy_slips_are_fixed_and_other_wrong_rows_dropped(library):
    draft = {"split": "tune", "questions": [
        _row("两年后公司还能解约吗", "“自合同成立之日起超过二年的, 保险人不得解除合同”"),
        _row("过了两年不能解除合同吗", article="第十五条"),
        _row("两年不可抗辩是哪条", "自合同成立之日起超过三年的，保险人不得解除合同"),
        _row("这一条写的什么", SENTENCE, article="第九百条")]}
    report = import_rows(draft, RegulationDevSet((), ()), library)
    assert report.fixed == ["两年后公司还能解约吗", "过了两年不能解除合同吗", "这一条写的什么"]
    assert report.dropped == ["两年不可抗辩是哪条"], "a sentence the library does not have is not guessed"
    kept = RegulationDevSet(tuple(RegulationQuestion(r["q"], r["document"], r["article"], r["sentence"])
                                  for r in report.questions), ())
    assert sentence_problems(kept, library) == []
    assert {r["article"] for r in report.questions} == {"第十六条"}


def test_the_written_file_loads_as_training_data_and_counts_what_was_left_out(library, tmp_path: Path):
    draft = {"split": "tune", "questions": [_row("投保两年后还能解约吗"), _row("买了两年了还能解除合同吗")],
             "negatives": ["企业年金怎么领"]}
    text = written(import_rows(draft, TAKEN, library), Path("draft.yaml"), "w-test")
    assert "word for word (1):\n#   买了两年了还能解除合同吗" in text
    dev_file = tmp_path / "dev.yaml"
    dev_file.write_text(yaml.safe_dump({"questions": [{"q": "买了两年了还能解除合同吗", "document": "L1-01",
                                                       "article": "第十六条", "sentence": SENTENCE}]},
                                       allow_unicode=True), encoding="utf-8")
    (tmp_path / "training.yaml").write_text(text, encoding="utf-8")
    loaded = load_regulation_dev_set(dev_file, tmp_path / "training.yaml")
    assert [q.text for q in loaded.training_only().questions] == ["投保两年后还能解约吗"]
    assert loaded.training_only().negatives == ("企业年金怎么领",)


def test_a_draft_must_declare_the_tune_split(library):
    with pytest.raises(ValueError, match="split: tune"):
        import_rows({"questions": [_row("投保两年后还能解约吗")]}, TAKEN, library)


def test_a_dev_question_with_a_word_changed_is_refused_but_a_new_question_is_kept(library):
    draft = {"split": "tune", "questions": [_row("买了两年多了还能解除合同吗"), _row("公司过了两年还能以没告知为由解约吗")],
             "negatives": ["车险要怎么理赔", "企业年金怎么领"]}
    report = import_rows(draft, TAKEN, library, dev_texts=["买了两年了还能解除合同吗", "车险怎么理赔"])
    assert report.near == ["买了两年多了还能解除合同吗", "车险要怎么理赔"]
    assert [r["q"] for r in report.questions] == ["公司过了两年还能以没告知为由解约吗"]
    assert report.negatives == ["企业年金怎么领"]
