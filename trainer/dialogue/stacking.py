"""A second stage over the judge's first-stage evidence, so that behaviours inform each other.

The first stage scores each behaviour on its own (a linear head and the nearest training texts'
vote). Labels co-occur and exclude each other (rude with vague or blame, next_step with
explanation, a polite refusal's explanation against blame), which a head of one behaviour cannot
see. The second stage is one small model per behaviour over every behaviour's first-stage
evidence of the same text: the 14 heads' log-odds and the 14 votes, and optionally the best
blended score of each behaviour anywhere in the reply. It is trained on the first stage's
*out-of-fold* scores of the train split (what unseen replies produce) and so its own thresholds
come from its own out-of-fold scores (stacking; `python -m bench.judge_stack`, docs/benchmarks.md, judge9).

Deterministic: liblinear logistic regression, or scikit-learn's MLP with a fixed random_state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

RANDOM_STATE = 0


@dataclass(frozen=True)
class StackSetting:
    """The second stage's shape; each field is one option screened in bench.judge_stack."""

    model: str = "lr"            # "lr": logistic regression; "mlp": one hidden layer
    reply_context: bool = False  # also the best blended score of each behaviour over the reply's units
    c: float = 1.0               # inverse regularisation of "lr"; "mlp" uses alpha = 1 / c
    hidden: int = 16


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def features(heads: np.ndarray, votes: np.ndarray, weights: np.ndarray, group: np.ndarray,
             setting: StackSetting) -> np.ndarray:
    """(texts, features): heads' log-odds, votes, and with reply context each behaviour's best blended
    score among the texts of the same reply (`group`: which reply each text belongs to)."""
    parts = [_logit(heads), votes]
    if setting.reply_context:
        blended = (1 - weights) * heads + weights * votes
        best = np.full((int(group.max()) + 1, blended.shape[1]), -np.inf)
        np.maximum.at(best, group, blended)
        parts.append(best[group])
    return np.hstack(parts)


@dataclass
class Stack:
    """The fitted second stage: a scaler and one model per behaviour (column order of the first stage)."""

    setting: StackSetting
    scaler: StandardScaler
    models: list

    def scores(self, x: np.ndarray) -> np.ndarray:
        """(texts, behaviours) probabilities from the `features` rows."""
        if not len(x):
            return np.zeros((0, len(self.models)))
        # the scaler's own arithmetic, without its per-call input checks (a third of the second stage's time; perf41)
        z = (np.asarray(x, dtype=np.float64) - self.scaler.mean_) / self.scaler.scale_
        if self.setting.model == "lr":
            coef = np.column_stack([m.coef_[0] for m in self.models])
            bias = np.array([m.intercept_[0] for m in self.models])
            return 1.0 / (1.0 + np.exp(-(np.einsum("ij,jk->ik", z, coef) + bias)))
        return np.column_stack([m.predict_proba(z)[:, 1] for m in self.models])


def fit(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, setting: StackSetting) -> Stack:
    """One model per behaviour on the rows whose label is known (labels: 1 / 0 / -1 unknown)."""
    scaler = StandardScaler().fit(x)
    z = scaler.transform(x)
    models = []
    for column in range(labels.shape[1]):
        use = labels[:, column] >= 0
        y, w = labels[use, column], weights[use, column]
        if setting.model == "lr":
            model = LogisticRegression(C=setting.c, class_weight="balanced", max_iter=2000,
                                       random_state=RANDOM_STATE, solver="liblinear")
        else:
            model = MLPClassifier(hidden_layer_sizes=(setting.hidden,), alpha=1.0 / setting.c, max_iter=1000,
                                  random_state=RANDOM_STATE)
            w = w * np.where(y == 1, (y == 0).sum() / max(1, (y == 1).sum()), 1.0)  # balanced, as the heads
        models.append(model.fit(z[use], y, sample_weight=w))
    return Stack(setting, scaler, models)


def out_of_fold(heads: np.ndarray, votes: np.ndarray, weights: np.ndarray, data, folds: np.ndarray,
                setting: StackSetting) -> np.ndarray:
    """The second stage's grouped out-of-fold scores over the first stage's out-of-fold scores."""
    x = features(heads, votes, weights, data.group, setting)
    result = np.zeros_like(heads)
    for fold in np.unique(folds):
        fit_rows, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        result[held] = fit(x[fit_rows], data.labels[fit_rows], data.weights[fit_rows], setting).scores(x[held])
    return result
