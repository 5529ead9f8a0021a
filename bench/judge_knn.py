"""Nearest labelled training utterances beside the judge's heads, screened on TRAIN out-of-fold scores only.

    .venv/bin/python -m bench.judge_knn

No dev utterance is read. For each training text, its k nearest labelled training texts of the
other folds vote per behaviour (views: cosine on the raw e5 vectors "emb", on the standardised
ones "zemb", on the character n-gram TF-IDF "ngram", or on both as the app does "joint"); the
vote is blended with the heads' out-of-fold probability (heads alone: "app"). Each blend is scored like the app
(`bench.judge_oof`): recall at the calibrated precision 0.90 on the train split's grouped folds.
"""

from __future__ import annotations

import argparse

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import classifier as C
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.neighbours import EMBEDDING_SHARE, knn_votes, neighbour_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_knn")
    parser.add_argument("--ks", default="5,10,20")
    parser.add_argument("--alphas", default="0.2,0.35,0.5")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    embed = EmbeddingCache(load_encoder(settings.embedding_model), settings.embedding_cache_dir).embed
    utterances, _ = read_corpus(settings.content_dir)
    behaviours = tuple(UTTERANCE_BEHAVIOURS)
    train, data, x_raw, truth = C._prepared(utterances, embed, behaviours, C.Recipe())
    [lr] = C._out_of_fold(data, x_raw, behaviours, 3, [C.Recipe().head])
    folds = C._folds(data, False)
    unit = x_raw / np.maximum(1e-9, np.linalg.norm(x_raw, axis=1, keepdims=True))
    views = {"emb": unit @ unit.T}
    knn = {}
    for fold in range(C.FOLDS):
        fit_rows, held = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        scaled, tfidf = C.Features([data.texts[i] for i in fit_rows], x_raw[fit_rows]).parts(data.texts, x_raw)
        dense, ngrams = neighbour_rows(scaled, tfidf)  # the app's view: standardised embedding beside n-grams
        scaled = dense / np.sqrt(EMBEDDING_SHARE)
        sims = dict(views, ngram=(tfidf[held] @ tfidf.T).toarray(), zemb=scaled[held] @ scaled.T,
                    joint=dense[held] @ dense.T + (ngrams[held] @ ngrams.T).toarray())
        for view, matrix in sims.items():
            rows = matrix[held] if view == "emb" else matrix
            for k in map(int, args.ks.split(",")):
                for power in (1.0, 8.0):
                    key = (view, k, power)
                    knn.setdefault(key, np.zeros_like(lr))[held] = knn_votes(rows[:, fit_rows], data.labels[fit_rows], k, power)

    def report(name: str, scores: np.ndarray) -> None:
        per = C.best_of_units(scores, data.group, len(train))
        rows = [C._threshold(per[:, c], truth[:, c]) for c in range(len(behaviours))]
        print(f"{name}: P {np.mean([r[1] for r in rows]):.3f} R {np.mean([r[2] for r in rows]):.3f}; "
              + ", ".join(f"{b} {r[1]:.2f}/{r[2]:.2f}" for b, r in zip(behaviours, rows)), flush=True)

    report("app", lr)
    for key, votes in sorted(knn.items()):
        if key[0] == "emb":
            continue
        report(f"knn {key} alone", votes)
        for alpha in map(float, args.alphas.split(",")):
            report(f"blend {key} a={alpha}", (1 - alpha) * lr + alpha * votes)
    print("per behaviour, the blend weight with the best out-of-fold recall at P 0.90 (chosen on these folds):")
    for key in sorted(k for k in knn if k[0] != "emb"):
        chosen = np.zeros_like(lr)
        picks = []
        for c in range(len(behaviours)):
            best = None
            for alpha in (0.0,) + tuple(map(float, args.alphas.split(","))):
                s = (1 - alpha) * lr[:, c] + alpha * knn[key][:, c]
                _, p, r = C._threshold(C.best_of_units(s[:, None], data.group, len(train))[:, 0], truth[:, c])
                if best is None or (p >= 0.9, r) > best[0]:
                    best = ((p >= 0.9, r), alpha, s)
            chosen[:, c] = best[2]
            picks.append(best[1])
        report(f"per-behaviour {key} {picks}", chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
