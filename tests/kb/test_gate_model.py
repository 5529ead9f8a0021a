"""The logistic answer gate shared by the FAQ and regulation searches."""

from __future__ import annotations

import numpy as np

from kb.gate_model import GateModel, fit_gate, fit_logistic


def test_a_fitted_gate_separates_answerable_from_unanswerable_rows() -> None:
    rng = np.random.default_rng(0)
    answerable = rng.normal([0.92, 0.1], 0.01, size=(40, 2))
    unanswerable = rng.normal([0.88, 0.4], 0.01, size=(40, 2))
    model = fit_gate(np.vstack([answerable, unanswerable]), np.array([1.0] * 40 + [0.0] * 40))
    assert model.probability([0.92, 0.1]) > 0.9 > 0.1 > model.probability([0.88, 0.4])


def test_an_unknown_feature_counts_as_average() -> None:
    model = GateModel(mean=(1.0, 5.0), scale=(1.0, 2.0), weights=(2.0, -3.0), bias=0.5)
    assert model.probability([1.0, None]) == model.probability([1.0, 5.0])
    assert model.probability([2.0, None]) > model.probability([1.0, None])


def test_the_scikit_learn_fit_separates_rows_and_is_the_same_every_time() -> None:
    rng = np.random.default_rng(1)
    answered = rng.normal([0.92, 0.1, 1.0], [0.01, 0.05, 0.3], size=(60, 3))
    refused = rng.normal([0.88, 0.4, 1.0], [0.01, 0.05, 0.3], size=(60, 3))
    rows, labels = np.vstack([answered, refused]), np.array([1.0] * 60 + [0.0] * 60)
    model = fit_logistic(rows, labels, c=1.0)
    assert model.probability([0.92, 0.1, 1.0]) > 0.9 > 0.1 > model.probability([0.88, 0.4, 1.0])
    assert fit_logistic(rows.copy(), labels.copy(), c=1.0) == model, "same rows, same constants"
    assert abs(model.weights[2]) < abs(model.weights[0]), "a feature that does not separate weighs little"
    weaker = fit_logistic(rows, labels, c=0.01)
    assert sum(map(abs, weaker.weights)) < sum(map(abs, model.weights)), "a smaller C shrinks the weights"
