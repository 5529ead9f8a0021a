"""A small logistic gate: does a search answer this question at all?

Shared by the FAQ gate (kb.faq_gate) and the regulation gate (kb.regulations.gate): each keeps its own
features and fitted constants; the model and its fit are the same. Nothing is trained at run time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class GateModel:
    """Logistic regression on standardised features; an unknown feature (None) counts as average."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, features: Sequence[float | None]) -> float:
        """Probability that the question is one the search answers."""
        z = sum(w * ((f - m) / s if f is not None else 0.0)
                for f, m, s, w in zip(features, self.mean, self.scale, self.weights))
        return 1.0 / (1.0 + math.exp(-(z + self.bias)))


def fit_gate(features: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 50) -> GateModel:
    """L2-regularised logistic regression by Newton steps (a few hundred rows, a handful of features)."""
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    beta = np.zeros(x.shape[1])
    penalty = np.diag([l2] * (x.shape[1] - 1) + [0.0])  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        gradient = x.T @ (p - labels) + penalty @ beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return GateModel(tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, beta[:-1])), float(beta[-1]))


def fit_logistic(features: np.ndarray, labels: np.ndarray, c: float) -> GateModel:
    """scikit-learn's L2 logistic regression (strength 1/c) on standardised features, kept as constants.

    lbfgs has no randomness: the same rows give the same model. scikit-learn is imported here, not at the
    top, because only the benchmarks fit; the app reads the constants."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-10).fit((features - mean) / scale, labels)
    return GateModel(tuple(round(float(v), 6) for v in mean), tuple(round(float(v), 6) for v in scale),
                     tuple(round(float(v), 6) for v in model.coef_[0]), round(float(model.intercept_[0]), 6))
