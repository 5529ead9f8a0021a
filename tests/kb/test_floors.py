"""A failing floor on a held-out set tells its counts and never one of its questions (search54: the DEV floor's
failure printed the Evaluation, DEV rows and all, so whoever ran it read held-out text)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kb.evaluation import Evaluation, LabelledQuery, QueryOutcome
from tests.kb.floors import assert_negatives_refused, assert_recall_holds

ROOT = Path(__file__).resolve().parents[2]
HELD_OUT_QUESTION = "保单停了半年还能不能续上"
HELD_OUT_NEGATIVE = "社保卡丢了去哪补办"


def a_set_under_its_floors() -> Evaluation:
    """Three questions, one answered first, one third, one missed; one of two negatives answered."""
    outcomes = [QueryOutcome(LabelledQuery(HELD_OUT_QUESTION, ("a",)), ["b", "c"]),
                QueryOutcome(LabelledQuery("犹豫期多久", ("a",)), ["a"]),
                QueryOutcome(LabelledQuery("宽限期多久", ("a",)), ["b", "c", "a"])]
    return Evaluation(outcomes, [(HELD_OUT_NEGATIVE, ["x"])], off_topic_total=2)


def test_an_evaluation_reads_as_its_counts() -> None:
    shown = repr(a_set_under_its_floors())
    assert shown == "Evaluation(1 of 3 first, 2 in the top 3; 1 of 2 negatives refused)"


def test_a_held_out_floor_fails_with_counts_only() -> None:
    with pytest.raises(AssertionError) as recall:
        assert_recall_holds("dev", a_set_under_its_floors(), (0.87, 0.94, 0.97))
    assert str(recall.value) == "dev: 1 of 3 first (floor 0.87: 3), 2 in the top 3 (floor 0.94: 3)"
    with pytest.raises(AssertionError) as negatives:
        assert_negatives_refused("dev", a_set_under_its_floors(), (0.87, 0.94, 0.97), tuned_on=False)
    assert str(negatives.value) == "dev: 1 of 2 negatives refused (floor 0.97: 2)"


def test_a_tuning_set_still_names_the_negatives_it_answered() -> None:
    with pytest.raises(AssertionError, match=HELD_OUT_NEGATIVE):
        assert_negatives_refused("tune", a_set_under_its_floors(), (0.87, 0.94, 0.97), tuned_on=True)


def test_pytests_report_of_a_failing_held_out_floor_shows_no_question(tmp_path: Path) -> None:
    """The whole failure report (the traceback prints each frame's arguments, the set's Evaluation among them)."""
    failing = tmp_path / "test_held_out.py"
    failing.write_text("from tests.kb.floors import assert_negatives_refused, assert_recall_holds\n"
                       "from tests.kb.test_floors import a_set_under_its_floors\n\n\n"
                       "def test_recall(half=('dev', a_set_under_its_floors())):\n"
                       "    assert_recall_holds(*half, (0.87, 0.94, 0.97))\n\n\n"
                       "def test_negatives(half=('dev', a_set_under_its_floors())):\n"
                       "    assert_negatives_refused(*half, (0.87, 0.94, 0.97), tuned_on=False)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "0", "--rootdir", str(ROOT),
                          str(failing)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "2 failed" in run.stdout, run.stdout[-2000:]
    assert "1 of 3 first" in run.stdout and "1 of 2 negatives refused" in run.stdout
    assert HELD_OUT_QUESTION not in run.stdout + run.stderr and HELD_OUT_NEGATIVE not in run.stdout + run.stderr
