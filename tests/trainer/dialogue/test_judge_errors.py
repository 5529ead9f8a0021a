"""bench.judge_errors: each miss or false credit gets the cause the error table counts it under."""

from __future__ import annotations

from bench.judge_errors import Judged, cause
from trainer.dialogue.corpus import LabelledUtterance


def judged(text: str, labels: tuple[str, ...], *, found=None, best=0.2, sentence=None, clause=None, rule=()) -> Judged:
    return Judged(LabelledUtterance(text, labels, split="train", writer="w-x"), dict(found or {}), {"rude": best},
                  {"rude": best if sentence is None else sentence}, {"rude": best if clause is None else clause},
                  set(rule), {"rude": 0.8})


def test_a_miss_is_put_down_to_the_first_cause_that_applies():
    votes = {"您说重点。": {"rude": 2}}
    assert cause(judged("您说重点。", ("rude",)), "rude", votes) == "label boundary"  # the raters split on it
    assert cause(judged("说了八遍了。", ("rude",), best=0.85), "rude", {}) == "check"  # scored above, dropped by a check
    assert cause(judged("说了八遍了。", ("rude",), rule=("rude",)), "rude", {}) == "check"  # a rule fired below its floor
    assert cause(judged("好吧，说了八遍了。", ("rude",), clause=0.9), "rude", {}) == "wrong unit"
    assert cause(judged("说了八遍了。", ("rude",), best=0.75), "rude", {}) == "threshold"
    assert cause(judged("说了八遍了。", ("rude",), best=0.3), "rude", {}) == "phrasing"
    assert cause(judged("说了八遍了。", ("rude",), best=0.3), "rude", {"说了八遍了。": {"rude": 3}}) == "phrasing"  # all agree


def test_a_false_credit_is_put_down_to_the_unit_negation_threshold_or_phrasing():
    whole = "我再讲一遍。您听听看。"
    assert cause(judged(whole, (), found={"rude": whole}, best=0.9, sentence=0.5), "rude", {}) == "wrong unit"
    assert cause(judged("我不会催您。", (), found={"rude": "我不会催您。"}, best=0.95), "rude", {}) == "negation / hedge"
    assert cause(judged("我再讲一遍。", (), found={"rude": "我再讲一遍。"}, best=0.85), "rude", {}) == "threshold"
    assert cause(judged("我再讲一遍。", (), found={"rude": "我再讲一遍。"}, best=0.95), "rude", {}) == "phrasing"
    assert cause(judged("我再讲一遍。", (), found={"rude": "我再讲一遍。"}, best=0.95), "rude",
                 {"我再讲一遍。": {"rude": 1}}) == "label boundary"


def test_recipe_overrides_are_literals_on_the_apps_recipe():
    from bench.judge_errors import recipe_with
    from trainer.dialogue.classifier import Recipe

    assert recipe_with("") == Recipe()
    assert recipe_with("clause_units=True, folds=3") == Recipe(clause_units=True, folds=3)


def test_the_screen_keeps_a_behaviour_only_for_a_recall_gain_no_precision_loss_and_no_writer_paying():
    from bench.judge_errors import Figures, keeps

    before = Figures(0.85, 0.60, {"w-a": 0.70, "w-b": 0.70})
    assert keeps(before, Figures(0.85, 0.62, {"w-a": 0.71, "w-b": 0.71}))
    assert keeps(before, Figures(0.84, 0.70, {"w-a": 0.69, "w-b": 0.80}))  # within the margins
    assert not keeps(before, Figures(0.85, 0.61, {"w-a": 0.72, "w-b": 0.72}))  # recall gain too small
    assert not keeps(before, Figures(0.83, 0.70, {"w-a": 0.75, "w-b": 0.75}))  # precision falls 0.02
    assert not keeps(before, Figures(0.86, 0.70, {"w-a": 0.65, "w-b": 0.85}))  # one writer pays for it


def test_pooled_figures_and_f1_per_writer():
    from bench.judge_errors import figures

    items = [judged("说了八遍了。", ("rude",), found={"rude": "说了八遍了。"}),
             judged("您说。", ("rude",)),
             judged("好的。", (), found={"rude": "好的。"})]
    items.append(Judged(LabelledUtterance("快点说！", ("rude",), split="train", writer="w-y"), {"rude": "快点说！"},
                        {}, {}, {}, set(), {}))
    f = figures(items, "rude")
    assert (f.precision, f.recall) == (2 / 3, 2 / 3)
    assert f.writer_f1 == {"w-x": 0.5, "w-y": 1.0}


def test_the_curve_rule_lowers_a_threshold_only_as_far_as_lowo_precision_stays_at_the_target():
    from bench.judge_errors import shift_for_recall

    curve = {-0.1: (0.86, 0.80), -0.05: (0.91, 0.75), -0.025: (0.92, 0.70), 0.0: (0.95, 0.70), 0.05: (0.97, 0.60)}
    assert shift_for_recall(curve) == -0.05  # the lowest still at precision 0.90, with more recall than at 0
    assert shift_for_recall({**curve, 0.0: (0.88, 0.70)}) == 0.0  # already under the target: never raised
    assert shift_for_recall({-0.05: (0.91, 0.70), 0.0: (0.95, 0.70)}) == 0.0  # no recall gained


def test_a_kept_classifier_is_trained_once_per_training_set(tmp_path, monkeypatch):
    """`--cache`: a second screen reuses the left-out writers' classifiers without the new file (judge43t)."""
    import bench.judge_errors as errors

    trained = []
    monkeypatch.setattr(errors, "train_classifier", lambda some, *a, **k: trained.append(len(some)) or {"n": len(some)})
    one = [LabelledUtterance("您别急，我来查。", ("empathy",), split="train", writer="w-x")]
    two = one + [LabelledUtterance("说了八遍了。", ("rude",), split="train", writer="w-y")]
    assert errors.kept_classifier(one, None, "m", errors.Recipe(), tmp_path) == {"n": 1}
    assert errors.kept_classifier(one, None, "m", errors.Recipe(), tmp_path) == {"n": 1}  # read back, not trained
    assert errors.kept_classifier(two, None, "m", errors.Recipe(), tmp_path) == {"n": 2}
    assert trained == [1, 2]
    assert errors.kept_classifier(one, None, "m", errors.Recipe(folds=3), tmp_path) == {"n": 1}  # another recipe
    assert trained == [1, 2, 1]
