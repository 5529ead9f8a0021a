"""Fitting a logistic answer gate (kb.gate_model) out of fold: shared by the FAQ and regulation gate benchmarks."""

from __future__ import annotations

from typing import Callable

import numpy as np

from kb.gate_model import GateModel, fit_gate

FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0, 10.0)


def out_of_fold(x: np.ndarray, y: np.ndarray, l2: float, groups: np.ndarray | None = None,
                fit: Callable[[np.ndarray, np.ndarray, float], GateModel] = fit_gate) -> np.ndarray:
    """Each row's probability from a model fitted without its fold: folds fixed by row number, or one fold per
    value of `groups` (e.g. leave one writer out, to see whether the fit carries over to a new writer).
    `fit`: how a model is fitted from rows, labels and a regularisation strength."""
    folds = np.arange(len(y)) % FOLDS if groups is None else groups
    p = np.zeros(len(y))
    for fold in np.unique(folds):
        test = folds == fold
        model = fit(x[~test], y[~test], l2)
        p[test] = [model.probability(row) for row in x[test]]
    return p
