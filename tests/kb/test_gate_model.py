"""The logistic answer gate shared by the FAQ and regulation searches."""

from __future__ import annotations

import numpy as np

from kb.gate_model import GateModel, fit_gate


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
