"""Recognising behaviours by meaning: a logistic-regression head per behaviour over sentence embeddings.

Features: the encoder's embedding, standardised (StandardScaler) and down-weighted, next to
character 1–3-gram TF-IDF of the same text. Measured on the dev split (docs/benchmarks.md):
embeddings alone reached mean recall 0.49 at the calibrated precision, n-grams alone 0.72
(precision 0.86), both together 0.71 at precision 0.89; the embedding carries the paraphrases
the n-grams miss, the n-grams the wording the embedding blurs.

design/JUDGE.md measured why this shape: e5 cosines between short service sentences sit in a
narrow band, so nearest-example similarity flags nearly everything; a discriminative head over
*standardised* embeddings separates them, provided it sees hard counter-examples.

Training (deterministic: sorted inputs, fixed random_state, single-threaded liblinear):
- each train-split utterance, whole, with its labels (its vector the mean of its sentences', as
  replies are read: each sentence is encoded once);
- each sentence of a multi-sentence utterance as a negative for the behaviours the utterance
  does not show (a sentence cannot show what its utterance does not);
- counter-examples weigh more (they are exactly what a trainee must not be flagged for).
Thresholds: per behaviour, from out-of-fold scores on the train split (grouped by utterance,
scored the way replies are: the best of its sentences and the whole), the lowest threshold
whose precision reaches `TARGET_PRECISION` — for behaviours with a positive cue rule, chosen
together with the floor a rule hit needs (`_joint_threshold`). The dev split is never seen here.
Nearest texts (trainer.dialogue.neighbours): the k nearest training texts' vote is blended into a
head's probability, its share per behaviour chosen on the same out-of-fold scores (0 keeps the head
alone); it catches wording close to a labelled example that the linear head averages away.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sparse
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy.special import expit
from sklearn.preprocessing import StandardScaler

from trainer.dialogue.behaviours import POSITIVE, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance, corpus_hash, stable_rank
from trainer.dialogue.neighbours import Neighbours
from trainer.dialogue.stacking import Stack, StackSetting, features as stack_features, fit as fit_stack
from trainer.dialogue.stacking import out_of_fold as stack_out_of_fold
from trainer.dialogue.segments import Segment, clause_segments, reading_units
from trainer.dialogue.taught import TaughtClassifier, classifier_corpora

log = logging.getLogger(__name__)

CLASSIFIER_FORMAT = "7"  # bumped when training or the pickled shape changes (6: nearest-text votes, 7: second stage)
RANDOM_STATE = 0
FOLDS = 5
COUNTER_WEIGHT = 3.0
TARGET_PRECISION = 0.90
MIN_THRESHOLD = 0.5
Embed = Callable[[Sequence[str]], np.ndarray]
_WHITESPACE = re.compile(r"\s\s+")  # what sklearn's char analyser collapses


@dataclass(frozen=True)
class HeadSetting:
    """One behaviour head's regularisation and how much the embedding weighs beside the n-grams."""

    c: float = 6.0
    embedding_weight: float = 0.05  # scaled embeddings next to TF-IDF rows of unit length


DEFAULT_HEAD = HeadSetting()
# Per-behaviour settings (`Recipe.heads`) can be chosen on the train split's out-of-fold scores
# (`choose_head_settings`, `python -m bench.judge_techniques --choose-heads`). Measured on the dev
# split they moved precision down as much as recall up (docs/benchmarks.md), so none are used.
HEAD_SETTINGS: dict[str, HeadSetting] = {}


@dataclass(frozen=True)
class Recipe:
    """How the classifier is trained; each field is one technique measured in docs/benchmarks.md."""

    whole_from_sentences: bool = True   # a reply's whole vector is its sentences' mean (one encoding per sentence)
    ngram_max: int = 3                  # character n-grams 1..ngram_max
    heads: tuple[tuple[str, HeadSetting], ...] = tuple(sorted(HEAD_SETTINGS.items()))
    confirm_rules: bool = True          # a positive cue-rule hit counts only if the classifier does not firmly disagree
    clause_units: bool = False          # each comma clause of a sentence is scored too (its vector: the sentence's)
    hashed_folds: bool = False          # an utterance's fold from a hash of its text (stable as the corpus grows), not its position
    calibrate_on_corpus: bool = False   # thresholds from the corpus writers' utterances only (training-only hard examples train, not calibrate)
    folds: int = FOLDS                  # out-of-fold scores from this many folds
    both_dealings: bool = False         # out-of-fold scores averaged over two fold dealings (position and hash): a steadier threshold
    neighbours: int = 5                 # k nearest training texts vote per behaviour (0: heads alone)
    neighbour_weights: tuple[float, ...] = (0.0, 0.1, 0.2, 0.35)  # the vote's share of a score, per behaviour
                                        # the one with the best out-of-fold recall at the target precision
    neighbour_power: float = 8.0        # votes weighed by cosine ** power: the closest text dominates
    stack: StackSetting | None = StackSetting(model="lr", reply_context=True, c=0.1)  # second stage over all heads and votes
    stack_shares: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)  # its share of a score, per behaviour, chosen
                                        # like the votes' (0 keeps the first stage alone)

    def head(self, behaviour: str) -> HeadSetting:
        return dict(self.heads).get(behaviour, DEFAULT_HEAD)


class Features:
    """Standardised embeddings beside character n-gram TF-IDF, fitted on training texts only."""

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, ngram_max: int = 3) -> None:
        self.scaler = StandardScaler().fit(np.asarray(vectors, dtype=np.float64))
        self.ngrams = TfidfVectorizer(analyzer="char", ngram_range=(1, ngram_max), min_df=2, sublinear_tf=True,
                                      dtype=np.float64).fit(list(texts))

        self.ngram_max = ngram_max
        self._mean, self._scale = self.scaler.mean_, self.scaler.scale_

    def parts(self, texts: Sequence[str], vectors: np.ndarray) -> tuple[np.ndarray, sparse.csr_matrix]:
        """(standardised embeddings, n-gram TF-IDF): computed once, weighed per head by `joined`."""
        dense = (np.asarray(vectors, dtype=np.float64) - self._mean) / self._scale
        return dense, self._tfidf(texts)

    def _tfidf(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The fitted vectoriser's transform, computed directly: same numbers (a test checks), without
        sklearn's per-call validation, which cost more than the rest of a turn's scoring."""
        vocabulary, idf = self.ngrams.vocabulary_, self.ngrams.idf_
        data, indices, indptr = [], [], [0]
        for text in texts:
            text = _WHITESPACE.sub(" ", text.lower())
            counts: dict[int, int] = {}
            for n in range(1, self.ngram_max + 1):
                for i in range(len(text) - n + 1):
                    column = vocabulary.get(text[i:i + n])
                    if column is not None:
                        counts[column] = counts.get(column, 0) + 1
            columns = sorted(counts)
            values = np.array([(1.0 + np.log(counts[c])) * idf[c] for c in columns])
            norm = np.sqrt((values ** 2).sum()) if len(values) else 0.0
            data.extend(values / norm if norm > 0 else values)
            indices.extend(columns)
            indptr.append(len(indices))
        return sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), np.array(indptr)),
                                 shape=(len(texts), len(idf)))


def joined(parts: tuple[np.ndarray, sparse.csr_matrix], embedding_weight: float) -> sparse.csr_matrix:
    dense, ngrams = parts
    return sparse.hstack([sparse.csr_matrix(dense * embedding_weight), ngrams]).tocsr()


@dataclass
class BehaviourClassifier:
    """The features and one logistic head per behaviour; `scores` gives probabilities per text."""

    behaviours: tuple[str, ...]
    features: Features
    heads: dict[str, LogisticRegression]
    thresholds: dict[str, float]
    model_id: str
    corpus_key: str
    train_size: int = 0
    calibration: dict[str, tuple[float, float]] = field(default_factory=dict)  # behaviour -> (precision, recall) out of fold
    recipe: Recipe = field(default_factory=Recipe)
    rule_floors: dict[str, float] = field(default_factory=dict)  # behaviour -> least score a cue-rule hit needs
    neighbours: Neighbours | None = None  # the training texts whose votes are blended in (recipe.neighbours)
    neighbour_weights: dict[str, float] = field(default_factory=dict)  # behaviour -> the vote's share (0: head alone)
    stack: Stack | None = None  # the second stage over every behaviour's first-stage evidence (recipe.stack)
    stack_shares: dict[str, float] = field(default_factory=dict)  # behaviour -> the second stage's share (0: first stage alone)

    @property
    def whole_from_sentences(self) -> bool:
        """The whole reply's vector is its sentences' mean (the reply is not encoded whole)."""
        return self.recipe.whole_from_sentences

    def scores(self, texts: Sequence[str], vectors: np.ndarray, only: str | None = None) -> np.ndarray:
        """(n texts, n behaviours) probabilities (one column with `only`); `vectors` are the texts' embeddings.

        The heads are linear, so all of them are one product with their stacked coefficients (the
        embedding part already multiplied by each head's weight): the same numbers as each head's
        predict_proba, in a fraction of the time.
        """
        columns = [self.behaviours.index(only)] if only is not None else list(range(len(self.behaviours)))
        if not len(texts):
            return np.zeros((0, len(columns)))
        second = self.stack is not None and any(self.stack_shares.get(self.behaviours[c], 0.0) for c in columns)
        needed = list(range(len(self.behaviours))) if second else columns  # the second stage reads every behaviour
        dense, ngrams = self.features.parts(texts, vectors)
        heads = self._heads(dense, ngrams, needed)
        weights = np.array([self.neighbour_weights.get(self.behaviours[c], 0.0) for c in needed])
        if self.neighbours is None or not (weights.any() or second):
            first, votes = heads, np.zeros_like(heads)
        else:
            votes = self.neighbours.votes((dense, ngrams))[:, needed]
            first = blend(heads, votes, weights)
        if not second:
            return first
        x = stack_features(heads, votes, weights, np.zeros(len(texts), dtype=int), self.stack.setting)
        shares = np.array([self.stack_shares.get(b, 0.0) for b in self.behaviours])
        return blend(first, self.stack.scores(x), shares)[:, columns]

    def columns_of(self, texts: Sequence[str], vectors: np.ndarray, behaviours: Sequence[str]) -> np.ndarray:
        """Exactly `scores(texts, vectors)[:, those behaviours' columns]`, computing only what they need: without the
        second stage, only their neighbour votes (none for a column that blends none). The heads are one product over
        every behaviour, as in `scores`: a product over fewer columns can differ in the last bit."""
        columns = [self.behaviours.index(b) for b in behaviours]
        if self.stack is not None and any(self.stack_shares.get(b, 0.0) for b in behaviours):
            return self.scores(texts, vectors)[:, columns]  # the second stage reads every behaviour
        if not len(texts):
            return np.zeros((0, len(columns)))
        dense, ngrams = self.features.parts(texts, vectors)
        heads = self._heads(dense, ngrams, list(range(len(self.behaviours))))[:, columns]
        weights = np.array([self.neighbour_weights.get(b, 0.0) for b in behaviours])
        if self.neighbours is None or not weights.any():
            return heads
        voting = [i for i, w in enumerate(weights) if w]
        votes = np.zeros_like(heads)  # a column with no share blends none: (1 - 0) * head + 0 * 0, as `scores` gives
        votes[:, voting] = self.neighbours.votes((dense, ngrams), [columns[i] for i in voting])
        return blend(heads, votes, weights)

    def _heads(self, dense: np.ndarray, ngrams: sparse.csr_matrix, needed: list[int]) -> np.ndarray:
        """The linear heads' probabilities of the `needed` columns. The dense product keeps its operand's layout (a
        column selection: a product over another layout or fewer columns can differ in the last bit); the n-gram
        product is the same sum in any layout, so all columns use the stacked weights uncopied (copying the 12,000 × 14
        weights cost more than the product; perf41)."""
        w_dense, w_ngrams, bias = self._stacked()
        by_ngrams = ngrams @ (w_ngrams if needed == list(range(w_ngrams.shape[1])) else w_ngrams[:, needed])
        return expit(dense @ w_dense[:, needed] + by_ngrams + bias[needed])

    def _stacked(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if getattr(self, "_stacked_heads", None) is None:
            dim = self.features.scaler.n_features_in_
            coef = [self.heads[b].coef_[0] for b in self.behaviours]
            w_dense = np.column_stack([c[:dim] * self.recipe.head(b).embedding_weight for b, c in zip(self.behaviours, coef)])
            w_ngrams = np.column_stack([c[dim:] for c in coef])
            bias = np.array([self.heads[b].intercept_[0] for b in self.behaviours])
            self._stacked_heads = (w_dense, w_ngrams, bias)
        return self._stacked_heads


def blend(probabilities: np.ndarray, votes: np.ndarray, weight: float | np.ndarray) -> np.ndarray:
    """The heads' probabilities with the nearest training texts' votes mixed in (weight per column or one)."""
    return (1 - weight) * probabilities + weight * votes


@dataclass(frozen=True)
class _TrainingSet:
    texts: list[str]
    group: np.ndarray          # which utterance each text came from
    whole: np.ndarray          # True for the utterance itself, False for one of its sentences
    multi: np.ndarray          # True for the texts of an utterance of several sentences
    labels: np.ndarray         # (n texts, n behaviours) 1 shown / 0 not shown / -1 unknown (a sentence of an utterance that shows it)
    weights: np.ndarray        # (n texts, n behaviours)
    parent: np.ndarray         # a clause's row borrows this row's vector (its sentence); -1 for texts encoded or averaged


def _training_set(utterances: Sequence[LabelledUtterance], behaviours: Sequence[str],
                  clause_units: bool = False) -> _TrainingSet:
    texts, group, whole, multi, labels, weights, parent = [], [], [], [], [], [], []
    for number, utterance in enumerate(utterances):
        units = reading_units(utterance.text)
        pieces = [utterance.text] + [u.text for u in units if u.text != utterance.text] if len(units) > 1 else [utterance.text]
        first = len(texts)
        clauses = []
        if clause_units:
            sentences = [u for u in units if u.text != utterance.text] if len(units) > 1 else units
            for row_offset, sentence in enumerate(sentences, start=1 if len(units) > 1 else 0):
                clauses += [(c.text, first + row_offset) for c in sentence_clauses(sentence)]
        for position, (text, borrowed) in enumerate([(p, -1) for p in pieces] + clauses):
            row = [_label(utterance, b) for b in behaviours]
            if position:
                row = [-1 if r else 0 for r in row]
            texts.append(text)
            group.append(number)
            whole.append(position == 0)
            multi.append(len(pieces) > 1)
            labels.append(row)
            weights.append([COUNTER_WEIGHT if b in utterance.counter else 1.0 for b in behaviours])
            parent.append(borrowed)
    return _TrainingSet(texts, np.array(group), np.array(whole), np.array(multi), np.array(labels), np.array(weights),
                        np.array(parent))


def _label(utterance: LabelledUtterance, behaviour: str) -> int:
    """1 shown / 0 not shown / -1 unknown: a training-only file that teaches other behaviours says nothing of this one."""
    if not utterance.teaches_about(behaviour):
        return -1
    return 1 if utterance.shows(behaviour) else 0


def sentence_clauses(sentence: Segment) -> list[Segment]:
    """The clauses of a sentence that has several (one clause is the sentence itself: nothing to add)."""
    clauses = clause_segments(sentence)
    return clauses if len(clauses) > 1 else []


def _fit_head(x: sparse.csr_matrix, data: "_TrainingSet", rows: np.ndarray, column: int, setting: HeadSetting
              ) -> LogisticRegression:
    use = rows[data.labels[rows, column] >= 0]
    head = LogisticRegression(C=setting.c, class_weight="balanced", max_iter=2000, random_state=RANDOM_STATE,
                              solver="liblinear")
    head.fit(x[use], data.labels[use, column], sample_weight=data.weights[use, column])
    return head


def _out_of_fold(data: "_TrainingSet", x_raw: np.ndarray, behaviours: Sequence[str], ngram_max: int,
                 settings: Sequence[Callable[[str], HeadSetting]], hashed_folds: bool = False,
                 count: int = FOLDS, recipe: Recipe | None = None) -> list[np.ndarray]:
    """Grouped k-fold scores of every training text, one (texts, behaviours) array per way of setting the heads;
    with a `recipe` that has neighbours, one more: the votes of each text's nearest texts in the other folds."""
    folds = _folds(data, hashed_folds, count)
    results = [np.zeros((len(data.texts), len(behaviours))) for _ in settings]
    votes = np.zeros((len(data.texts), len(behaviours)))
    for fold in range(count):
        fit_rows, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        parts = Features([data.texts[i] for i in fit_rows], x_raw[fit_rows], ngram_max).parts(data.texts, x_raw)
        matrices: dict[float, sparse.csr_matrix] = {}
        for setting_of, result in zip(settings, results):
            for column, behaviour in enumerate(behaviours):
                setting = setting_of(behaviour)
                if setting.embedding_weight not in matrices:
                    matrices[setting.embedding_weight] = joined(parts, setting.embedding_weight)
                x = matrices[setting.embedding_weight]
                result[held, column] = _fit_head(x, data, fit_rows, column, setting).predict_proba(x[held])[:, 1]
        neighbours = _neighbours(recipe, (parts[0][fit_rows], parts[1][fit_rows]), data.labels[fit_rows])
        if neighbours is not None:
            votes[held] = neighbours.votes((parts[0][held], parts[1][held]))
    return results + ([votes] if _neighbours_wanted(recipe) else [])


def _neighbours_wanted(recipe: Recipe | None) -> bool:
    return recipe is not None and recipe.neighbours > 0 and any(w > 0 for w in recipe.neighbour_weights)


def _neighbours(recipe: Recipe | None, parts: tuple[np.ndarray, sparse.csr_matrix], labels: np.ndarray
                ) -> Neighbours | None:
    if not _neighbours_wanted(recipe):
        return None
    return Neighbours.fit(parts, labels, recipe.neighbours, recipe.neighbour_power)


def _folds(data: "_TrainingSet", hashed: bool, count: int = FOLDS) -> np.ndarray:
    """Each training text's fold: its utterance's position in text order (i % count), or with `hashed`
    a hash of the utterance's text, so an added utterance does not re-deal every other one."""
    groups = int(data.group.max()) + 1
    if hashed:
        first = {int(g): data.texts[i] for i, g in reversed(list(enumerate(data.group)))}
        # salted: the unsalted rank chose the dev split, so train texts sit high in it
        per_group = np.array([int(stable_rank("fold\0" + first[g]) * count) for g in range(groups)])
    else:
        per_group = np.array([g % count for g in range(groups)])
    return per_group[data.group]


def _threshold(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """(threshold, precision, recall): the lowest threshold with precision ≥ target, else the best F0.5."""
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], truth[order]
    hits = np.cumsum(t)
    precision = hits / np.arange(1, len(t) + 1)
    recall = hits / max(1, t.sum())
    good = [i for i in range(len(s)) if precision[i] >= TARGET_PRECISION and s[i] >= MIN_THRESHOLD
            and (i + 1 == len(s) or s[i + 1] < s[i])]
    if good:
        i = max(good, key=lambda i: (recall[i], -i))
    else:
        f05 = 1.25 * precision * recall / np.maximum(1e-9, 0.25 * precision + recall)
        i = int(np.argmax(np.where(s >= MIN_THRESHOLD, f05, -1)))
    return float(s[i]), float(precision[i]), float(recall[i])


def whole_vector(sentence_vectors: np.ndarray) -> np.ndarray:
    """The whole reply's vector from its sentences' (their normalised mean), so a reply is encoded once.

    Encoding the whole reply as well as its sentences doubled the encoder's work per turn
    (docs/benchmarks.md); training uses the same mean, so the heads see what replies produce.
    """
    mean = np.asarray(sentence_vectors, dtype=np.float64).mean(axis=0)
    norm = np.linalg.norm(mean)
    return mean / norm if norm > 0 else mean


def _encoded_rows(data: "_TrainingSet", whole_from_sentences: bool) -> list[int]:
    """The training texts that go through the encoder (the others are means of their sentences)."""
    return [i for i in range(len(data.texts))
            if not (whole_from_sentences and data.whole[i] and data.multi[i]) and data.parent[i] < 0]


def _embed_pieces(data: "_TrainingSet", embed: Embed, whole_from_sentences: bool) -> np.ndarray:
    """Embeddings of every training text; a multi-sentence utterance's own row from its sentences when asked."""
    encoded = _encoded_rows(data, whole_from_sentences)
    vectors = np.asarray(embed([data.texts[i] for i in encoded]), dtype=np.float64)
    x = np.zeros((len(data.texts), vectors.shape[1]))
    x[encoded] = vectors
    if whole_from_sentences:
        for i in np.flatnonzero(data.whole & data.multi):
            x[i] = whole_vector(x[(data.group == data.group[i]) & ~data.whole & (data.parent < 0)])
    borrowed = np.flatnonzero(data.parent >= 0)
    x[borrowed] = x[data.parent[borrowed]]
    return x


def training_texts(utterances: Sequence[LabelledUtterance], recipe: Recipe = Recipe()) -> list[str]:
    """Every text training encodes (`kb build` counts the ones not cached yet for its progress bar)."""
    train = [u for u in utterances if u.split == "train"]
    data = _training_set(train, UTTERANCE_BEHAVIOURS, recipe.clause_units)
    return list(dict.fromkeys(data.texts[i] for i in _encoded_rows(data, recipe.whole_from_sentences)))


RULE_FLOORS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4)


def _joint_threshold(scores: np.ndarray, rules: np.ndarray, truth: np.ndarray) -> tuple[float, float, float, float]:
    """(threshold, rule floor, precision, recall) for rules and classifier together.

    A reply shows the behaviour when its score reaches the threshold, or a cue rule fires and the
    score reaches the floor. The pair is chosen for the best recall at precision ≥ target (else the
    best F0.5); a floor of 0 keeps every rule hit, as before.
    """
    order = np.argsort(-scores, kind="stable")
    s, t, r = scores[order], truth[order].astype(bool), rules[order].astype(bool)
    positives = max(1, int(t.sum()))
    best = None
    for floor in RULE_FLOORS:
        base = r & (s >= floor)
        base_hits, base_count = int((base & t).sum()), int(base.sum())
        hits = base_hits + np.cumsum(t & ~base)
        count = base_count + np.cumsum(~base)
        precision, recall = hits / count, hits / positives
        ends = [i for i in range(len(s)) if s[i] >= MIN_THRESHOLD and (i + 1 == len(s) or s[i + 1] < s[i])]
        options = [(s[i], precision[i], recall[i]) for i in ends]
        options.append((1.0 + 1e-9, base_hits / max(1, base_count), base_hits / positives))  # rules alone
        for threshold, p, rc in options:
            f05 = 1.25 * p * rc / max(1e-9, 0.25 * p + rc)
            key = (p >= TARGET_PRECISION, rc if p >= TARGET_PRECISION else f05, -floor, threshold)
            if best is None or key > best[0]:
                best = (key, float(threshold), floor, float(p), float(rc))
    return best[1], best[2], best[3], best[4]


def rule_hits(utterances: Sequence[LabelledUtterance], behaviours: Sequence[str]) -> np.ndarray:
    """(utterances, behaviours): the positive cue rules' verdict on each utterance alone (0 for the others)."""
    from trainer.dialogue.detectors import Detectors

    detectors = Detectors(())
    found = [{e.behaviour for e in detectors.positives(u.text)} for u in utterances]
    return np.array([[b in f and b in POSITIVE for b in behaviours] for f in found], dtype=bool)


def best_of_units(scores: np.ndarray, group: np.ndarray, count: int) -> np.ndarray:
    """Per utterance, the best score among its texts (a reply is flagged if any part shows it)."""
    best = np.zeros((count, scores.shape[1]))
    np.maximum.at(best, group, scores)
    return best


def _prepared(utterances: Sequence[LabelledUtterance], embed: Embed, behaviours: Sequence[str], recipe: Recipe):
    train = sorted((u for u in utterances if u.split == "train"), key=lambda u: u.text)
    data = _training_set(train, behaviours, recipe.clause_units)
    truth = np.array([[_label(u, b) for b in behaviours] for u in train])
    return train, data, _embed_pieces(data, embed, recipe.whole_from_sentences), truth


def train_classifier(utterances: Sequence[LabelledUtterance], embed: Embed, model_id: str,
                     behaviours: Sequence[str] = UTTERANCE_BEHAVIOURS, recipe: Recipe = Recipe()) -> BehaviourClassifier:
    """Train on the train split only, thresholds from grouped out-of-fold scores."""
    behaviours = tuple(behaviours)
    train, data, x_raw, truth = _prepared(utterances, embed, behaviours, recipe)
    out_of_fold = _out_of_fold(data, x_raw, behaviours, recipe.ngram_max, [recipe.head], recipe.hashed_folds,
                               recipe.folds, recipe)
    if recipe.both_dealings:
        other = _out_of_fold(data, x_raw, behaviours, recipe.ngram_max, [recipe.head], not recipe.hashed_folds,
                             recipe.folds, recipe)
        out_of_fold = [(a + b) / 2 for a, b in zip(out_of_fold, other)]
    heads_only, votes = out_of_fold[0], (out_of_fold[1] if len(out_of_fold) > 1 else None)
    rules = rule_hits(train, behaviours)
    calibrating = (np.array([not u.training_only for u in train]) if recipe.calibrate_on_corpus
                   else np.ones(len(train), dtype=bool))
    chosen = _choose_weights(heads_only, votes, data, len(train), truth, rules, recipe, calibrating)
    stack, stack_shares = None, {}
    if recipe.stack is not None:
        stack, second = _second_stage(heads_only, votes, np.array([c[0] for c in chosen]), data, len(train), truth,
                                      rules, recipe, calibrating)
        stack_shares = {b: c[0] for b, c in zip(behaviours, second)}
        chosen = [(c[0],) + tuple(d[1:]) for c, d in zip(chosen, second)]
    thresholds, calibration, floors, chosen_weights = {}, {}, {}, {}
    for behaviour, (weight, threshold, floor, precision, recall) in zip(behaviours, chosen):
        chosen_weights[behaviour], thresholds[behaviour] = weight, threshold
        if floor is not None:
            floors[behaviour] = floor
        calibration[behaviour] = (round(precision, 3), round(recall, 3))
    features = Features(data.texts, x_raw, recipe.ngram_max)
    parts = features.parts(data.texts, x_raw)
    everything = np.arange(len(data.texts))
    heads = {b: _fit_head(joined(parts, recipe.head(b).embedding_weight), data, everything, column, recipe.head(b))
             for column, b in enumerate(behaviours)}
    return BehaviourClassifier(behaviours, features, heads, thresholds, model_id, corpus_hash(utterances),
                               len(train), calibration, recipe, floors,
                               _neighbours(recipe, parts, data.labels) if any(chosen_weights.values()) or stack else None,
                               chosen_weights, stack, stack_shares)


def _second_stage(heads: np.ndarray, votes: np.ndarray | None, weights: np.ndarray, data: "_TrainingSet", count: int,
                  truth: np.ndarray, rules: np.ndarray, recipe: Recipe, calibrating: np.ndarray
                  ) -> tuple[Stack | None, list[tuple[float, float, float | None, float, float]]]:
    """The second stage fitted on the first stage's out-of-fold scores, and per behaviour (its share,
    threshold, rule floor, precision, recall) chosen on its own out-of-fold scores (same folds)."""
    votes = np.zeros_like(heads) if votes is None else votes
    first = blend(heads, votes, weights)
    second = stack_out_of_fold(heads, votes, weights, data, _folds(data, recipe.hashed_folds, recipe.folds), recipe.stack)
    chosen = best_shares(first, second, recipe.stack_shares, data.group, count, truth, rules, recipe, calibrating)
    if not any(c[0] for c in chosen):
        return None, chosen
    x = stack_features(heads, votes, weights, data.group, recipe.stack)
    return fit_stack(x, data.labels, data.weights, recipe.stack), chosen


def calibrated_column(scores: np.ndarray, group: np.ndarray, count: int, truth: np.ndarray, rules: np.ndarray,
                      recipe: Recipe, calibrating: np.ndarray | None = None) -> tuple[float, float | None, float, float]:
    """(threshold, rule floor or None, precision, recall) of one behaviour from its per-text out-of-fold
    scores: the reply's best unit, over the calibrating utterances, with the cue rule when it has one."""
    calibrating = (np.ones(count, dtype=bool) if calibrating is None else calibrating) & (truth >= 0)  # known labels only
    per_utterance = best_of_units(scores[:, None], group, count)[calibrating, 0]
    rules, truth = rules[calibrating], truth[calibrating]
    if recipe.confirm_rules and rules.any():
        return _joint_threshold(per_utterance, rules, truth)
    threshold, precision, recall = _threshold(per_utterance, truth)
    return threshold, None, precision, recall


def best_shares(base: np.ndarray, other: np.ndarray, shares: Sequence[float], group: np.ndarray, count: int,
                truth: np.ndarray, rules: np.ndarray, recipe: Recipe, calibrating: np.ndarray | None = None
                ) -> list[tuple[float, float, float | None, float, float]]:
    """Per behaviour (share, threshold, rule floor, precision, recall): the share of `other` mixed into
    `base` (per-text out-of-fold scores) with the best recall at the target precision; ties keep the
    share listed first."""
    chosen = []
    for column in range(base.shape[1]):
        best = None
        for share in shares:
            scores = blend(base[:, column], other[:, column], share)
            threshold, floor, precision, recall = calibrated_column(scores, group, count, truth[:, column],
                                                                    rules[:, column], recipe, calibrating)
            key = (precision >= TARGET_PRECISION, round(recall, 6) if precision >= TARGET_PRECISION else precision)
            if best is None or key > best[0]:
                best = (key, share, threshold, floor, precision, recall)
        chosen.append(best[1:])
    return chosen


def _choose_weights(heads: np.ndarray, votes: np.ndarray | None, data: "_TrainingSet", count: int, truth: np.ndarray,
                    rules: np.ndarray, recipe: Recipe, calibrating: np.ndarray | None = None
                    ) -> list[tuple[float, float, float | None, float, float]]:
    """Per behaviour (vote share, threshold, rule floor, precision, recall) (0 keeps the head alone)."""
    if votes is None:
        return best_shares(heads, heads, (0.0,), data.group, count, truth, rules, recipe, calibrating)
    return best_shares(heads, votes, recipe.neighbour_weights, data.group, count, truth, rules, recipe, calibrating)


def chosen_neighbour_weights(heads: np.ndarray, votes: np.ndarray, data: "_TrainingSet", train: Sequence, truth: np.ndarray,
                             rules: np.ndarray, recipe: Recipe) -> dict[str, float]:
    """Behaviour -> the vote's share the app would choose from these out-of-fold scores."""
    chosen = _choose_weights(heads, votes, data, len(train), truth, rules, recipe)
    return {b: c[0] for b, c in zip(UTTERANCE_BEHAVIOURS, chosen)}


def choose_head_settings(utterances: Sequence[LabelledUtterance], embed: Embed, grid: Sequence[HeadSetting],
                         behaviours: Sequence[str] = UTTERANCE_BEHAVIOURS, recipe: Recipe = Recipe()
                         ) -> dict[str, tuple[HeadSetting, float, float]]:
    """Per behaviour, the grid setting whose out-of-fold recall at the calibrated precision is best
    (train split only; ties keep the default). Returns behaviour -> (setting, precision, recall)."""
    behaviours = tuple(behaviours)
    train, data, x_raw, truth = _prepared(utterances, embed, behaviours, recipe)
    grid = [DEFAULT_HEAD] + [g for g in grid if g != DEFAULT_HEAD]
    results = _out_of_fold(data, x_raw, behaviours, recipe.ngram_max, [lambda b, g=g: g for g in grid])
    chosen = {}
    for column, behaviour in enumerate(behaviours):
        best = None
        for setting, scores in zip(grid, results):
            known = truth[:, column] >= 0
            _, precision, recall = _threshold(best_of_units(scores, data.group, len(train))[known, column],
                                              truth[known, column])
            key = (precision >= TARGET_PRECISION, round(recall, 3), round(precision, 3))
            if best is None or key > best[0]:
                best = (key, setting, precision, recall)
        chosen[behaviour] = best[1:]
    return chosen


# The modules whose code decides what training produces: an edit to any of them trains anew (a kept classifier
# trained by older code served warm caches while cold ones trained with the new code — repro20, stop 32).
TRAINING_MODULES = ("classifier.py", "neighbours.py", "stacking.py", "segments.py", "taught.py")


@functools.cache
def training_code_hash() -> str:
    """A digest of the training modules' source, read once per process."""
    digest = hashlib.sha256()
    for name in TRAINING_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:8]


def classifier_key(utterances: Sequence[LabelledUtterance], model_id: str, recipe: Recipe = Recipe()) -> str:
    """Corpus + model + how it is trained: a changed recipe (e.g. new head settings) or training code trains
    anew, and so does a changed cue rule (`rules_hash`: the rules' verdicts are part of the calibration)."""
    recipe_hash = hashlib.sha256(f"{recipe!r}\0{rules_hash(utterances)}\0{training_code_hash()}".encode()).hexdigest()[:8]
    return f"{CLASSIFIER_FORMAT}-{corpus_hash(utterances)}-{recipe_hash}-{model_id}"


def rules_hash(utterances: Sequence[LabelledUtterance], behaviours: Sequence[str] = UTTERANCE_BEHAVIOURS) -> str:
    """The positive cue rules' verdicts on the train split, which the thresholds and rule floors are
    chosen with (`_joint_threshold`): an added or dropped cue that changes any verdict changes this,
    one that hits no training utterance does not (the trained classifier would be the same)."""
    train = sorted((u for u in utterances if u.split == "train"), key=lambda u: u.text)
    hits = rule_hits(train, tuple(behaviours))
    digest = hashlib.sha256(",".join(behaviours).encode())
    digest.update(np.packbits(hits).tobytes() if hits.size else b"")
    return digest.hexdigest()[:12]


def classifier_cache_path(cache_dir: Path, key: str) -> Path:
    """Where the classifier with cache key `key` is kept (trainer.dialogue.kept_judge asks whether it is there)."""
    return cache_dir / f"judge-{key}.pkl"


def open_classifier(utterances: Sequence[LabelledUtterance], embed: Embed, model_id: str,
                    cache_dir: Path | None) -> BehaviourClassifier | TaughtClassifier:
    """The cached classifier for this corpus and encoder, or a newly trained one (then cached); with
    files that teach named behaviours, those behaviours from a classifier trained with them and the
    rest from the one of the corpus without them (`trainer.dialogue.taught`)."""
    return isolating(utterances, lambda some: _open_one(some, embed, model_id, cache_dir))


def train_isolating(utterances: Sequence[LabelledUtterance], embed: Embed, model_id: str,
                    recipe: Recipe = Recipe()) -> BehaviourClassifier | TaughtClassifier:
    """A newly trained classifier exactly as the app composes it (`open_classifier`, uncached): a
    benchmark that trains one classifier on a taught file would let it move the untaught behaviours."""
    return isolating(utterances, lambda some: train_classifier(some, embed, model_id, recipe=recipe))


def isolating(utterances: Sequence[LabelledUtterance],
              one: Callable[[Sequence[LabelledUtterance]], BehaviourClassifier]) -> BehaviourClassifier | TaughtClassifier:
    """`one(utterances)`, or with files that teach named behaviours, those behaviours from `one(the
    corpus with the files that teach them)` (`teaching_sets`) and the rest from `one(the corpus without them)`."""
    (_, base), *taught = classifier_corpora(utterances)
    composed: BehaviourClassifier | TaughtClassifier = one(base)
    for teaches, some in taught:
        composed = TaughtClassifier(composed, one(some), teaches)
    return composed


def _open_one(utterances: Sequence[LabelledUtterance], embed: Embed, model_id: str,
              cache_dir: Path | None) -> BehaviourClassifier:
    key = classifier_key(utterances, model_id)
    path = classifier_cache_path(cache_dir, key) if cache_dir else None
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, BehaviourClassifier) and loaded.model_id == model_id:
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as err:
            log.warning("ignoring unreadable judge cache %s: %s", path, err)
    classifier = train_classifier(utterances, embed, model_id)
    if path is not None:
        _atomic_pickle(path, classifier)
    return classifier


def _atomic_pickle(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
