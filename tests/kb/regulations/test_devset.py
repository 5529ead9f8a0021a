"""The regulation dev set agrees with the library: every expected sentence is in its article."""

from pathlib import Path

import pytest

from kb.regulations.evaluation import half_of, load_regulation_dev_set, sentence_problems, training_sets
from kb.regulations.library import load_library

ROOT = Path(__file__).resolve().parents[3]


def test_every_expected_sentence_is_in_the_named_article():
    dev = load_regulation_dev_set(ROOT / "tests" / "kb" / "regulation_queries.yaml")
    library, _ = load_library(ROOT / "content")
    assert len(dev.questions) >= 120 and len(dev.negatives) >= 30
    problems = sentence_problems(dev, library)
    # Known limitation: L2-02 is a two-column comparison table whose heading lines carry the old
    # and the new section number; the parser files a few old-column texts under another number.
    assert all("L2-02" in p for p in problems), problems
    assert len(problems) <= 2, problems


def test_the_halves_are_fixed_and_both_used():
    dev = load_regulation_dev_set(ROOT / "tests" / "kb" / "regulation_queries.yaml")
    tune, held_out = dev.half("tune"), dev.half("held_out")
    assert len(tune.questions) + len(held_out.questions) == len(dev.questions)
    assert min(len(tune.questions), len(held_out.questions)) > len(dev.questions) // 3


def _write(path: Path, split: str | None, questions: list[str], negatives: list[str] = ()) -> Path:
    head = f"split: {split}\n" if split else ""
    rows = "".join(f"  - q: {q}\n    document: L1-01\n    article: 第十六条\n    sentence: 不得解除合同\n" for q in questions)
    path.write_text(f"{head}questions:\n{rows}negatives:\n" + "".join(f"  - {n}\n" for n in negatives), encoding="utf-8")
    return path


def test_a_training_only_file_goes_wholly_to_the_tune_half(tmp_path: Path):
    texts = [f"保单第{i}年还能解约吗" for i in range(40)]
    assert {half_of(t) for t in texts} == {"tune", "held_out"}, "the hash alone would split these texts"
    dev_file = _write(tmp_path / "dev.yaml", None, ["买了两年了还能解除合同吗"], ["车险怎么理赔"])
    training_file = _write(tmp_path / "training.yaml", "tune", texts, ["企业年金怎么领"])
    dev = load_regulation_dev_set(dev_file, training_file)
    assert len(dev.questions) == 41 and len(dev.negatives) == 2
    assert {q.text for q in dev.half("tune").questions} >= set(texts)
    assert not set(texts) & {q.text for q in dev.half("held_out").questions}
    assert "企业年金怎么领" in dev.half("tune").negatives and "企业年金怎么领" not in dev.half("held_out").negatives
    assert [q.text for q in dev.without_training().questions] == ["买了两年了还能解除合同吗"]
    assert dev.without_training().negatives == ("车险怎么理赔",)
    assert len(dev.training_only().questions) == 40 and dev.training_only().negatives == ("企业年金怎么领",)


@pytest.mark.parametrize("split", [None, "held_out"])
def test_a_training_file_must_declare_the_tune_split(tmp_path: Path, split):
    dev_file = _write(tmp_path / "dev.yaml", None, ["买了两年了还能解除合同吗"])
    training_file = _write(tmp_path / "training.yaml", split, ["宽限期多久"])
    with pytest.raises(ValueError, match="training.yaml.*split: tune"):
        load_regulation_dev_set(dev_file, training_file)


def test_a_training_row_may_not_repeat_a_dev_question_and_the_dev_set_has_no_split(tmp_path: Path):
    dev_file = _write(tmp_path / "dev.yaml", None, ["买了两年了还能解除合同吗"])
    training_file = _write(tmp_path / "training.yaml", "tune", ["买了两年了还能解除合同吗"])
    with pytest.raises(ValueError, match="training.yaml: 1 row"):
        load_regulation_dev_set(dev_file, training_file)
    with pytest.raises(ValueError, match="dev.yaml"):
        load_regulation_dev_set(_write(tmp_path / "dev.yaml", "tune", ["宽限期多久"]))


def test_every_training_only_sentence_is_in_its_article_and_all_go_to_tune():
    files = training_sets(ROOT / "tests" / "kb")
    assert len(files) >= 2, "one file per writer (w-supervisors, w-compliance)"
    dev = load_regulation_dev_set(ROOT / "tests" / "kb" / "regulation_queries.yaml", *files)
    training = dev.training_only()
    library, _ = load_library(ROOT / "content")
    assert len(training.questions) >= 400 and len(training.negatives) >= 100
    assert all(q.half == "tune" for q in training.questions)
    assert len(dev.half("held_out").questions) == len(dev.without_training().half("held_out").questions)
    problems = sentence_problems(training, library)
    # The same L2-02 limitation as the dev set's (see above): old-column numbers the parser does not place.
    assert all("L2-02" in p for p in problems) and len(problems) <= 5, problems
