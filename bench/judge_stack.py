"""A second stage over the judge's 14 heads and neighbour votes, screened on TRAIN out-of-fold scores only.

    .venv/bin/python -m bench.judge_stack [--variants lr,lr-reply,mlp] [--cs 0.1,1]

No dev utterance is read. The first stage is the app's (`trainer.dialogue.classifier`): each
training text's out-of-fold head probabilities and neighbour votes on the app's grouped 5 folds,
blended with the app's chosen weights ("app"). A second stage per behaviour then reads every
behaviour's first-stage evidence of the same text (and with "-reply", the best of each behaviour
over the utterance's other texts), so behaviours inform each other (rude/vague/blame,
next_step/explanation co-occur). Its own out-of-fold scores come from the same folds, over
the first stage's out-of-fold scores (stacking). Every row is calibrated like the app: per
behaviour, the lowest threshold (with the cue-rule floor) reaching precision 0.90 on the
utterances, recall at it reported.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import classifier as C
from trainer.dialogue import stacking as S
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus


SHARES = C.Recipe().stack_shares


def first_stage(utterances, embed, recipe: C.Recipe, cache: Path | None):
    """Out-of-fold heads and votes of the train split (remembered in `cache` between screening runs)."""
    behaviours = tuple(UTTERANCE_BEHAVIOURS)
    train, data, x_raw, truth = C._prepared(utterances, embed, behaviours, recipe)
    if cache is not None and cache.is_file():
        saved = np.load(cache)
        if saved["heads"].shape[0] == len(data.texts):
            return train, data, truth, saved["heads"], saved["votes"]
    heads, votes = C._out_of_fold(data, x_raw, behaviours, recipe.ngram_max, [recipe.head], recipe.hashed_folds,
                                  recipe.folds, recipe)
    if cache is not None:
        np.savez(cache, heads=heads, votes=votes)
    return train, data, truth, heads, votes


def calibrated(scores: np.ndarray, data, train, truth, rules, recipe: C.Recipe) -> list[tuple[float, float, float]]:
    """Per behaviour (threshold, precision, recall) on the utterances, the app's rule."""
    return [(t, p, r) for t, _, p, r in (C.calibrated_column(scores[:, c], data.group, len(train), truth[:, c],
                                                              rules[:, c], recipe) for c in range(scores.shape[1]))]


def report(name: str, rows) -> None:
    print(f"{name}: P {np.mean([r[1] for r in rows]):.3f} R {np.mean([r[2] for r in rows]):.3f}; "
          + ", ".join(f"{b} {r[1]:.2f}/{r[2]:.2f}" for b, r in zip(UTTERANCE_BEHAVIOURS, rows)), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_stack")
    parser.add_argument("--variants", default="lr,lr-reply")
    parser.add_argument("--cs", default="0.1,1")
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--cache", default=None, help="remember the first stage's out-of-fold scores in this .npz")
    parser.add_argument("--hashed", action="store_true", help="the other fold dealing (by text hash): a robustness check")
    parser.add_argument("--shares", default=None, help="fixed second-stage shares per behaviour (comma list of 14), not chosen")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    embed = EmbeddingCache(load_encoder(settings.embedding_model), settings.embedding_cache_dir).embed
    utterances, _ = read_corpus(settings.content_dir)
    recipe = C.Recipe(hashed_folds=args.hashed)
    started = time.perf_counter()
    train, data, truth, heads, votes = first_stage(utterances, embed, recipe, Path(args.cache) if args.cache else None)
    print(f"train split: {len(train)} utterances, {len(data.texts)} texts; first stage {time.perf_counter() - started:.0f} s")
    rules = C.rule_hits(train, UTTERANCE_BEHAVIOURS)
    chosen = C.chosen_neighbour_weights(heads, votes, data, train, truth, rules, recipe)
    weights = np.array([chosen[b] for b in UTTERANCE_BEHAVIOURS])
    app = C.blend(heads, votes, weights)
    report(f"app (weights {weights.tolist()})", calibrated(app, data, train, truth, rules, recipe))
    folds = C._folds(data, recipe.hashed_folds, recipe.folds)
    for variant in args.variants.split(","):
        for c in map(float, args.cs.split(",")):
            started = time.perf_counter()
            setting = S.StackSetting(model=variant.split("-")[0], reply_context=variant.endswith("-reply"), c=c,
                                     hidden=args.hidden)
            second = S.out_of_fold(heads, votes, weights, data, folds, setting)
            rows = calibrated(second, data, train, truth, rules, recipe)
            report(f"{variant} C={c} ({time.perf_counter() - started:.0f} s)", rows)
            shares = [[float(v)] for v in args.shares.split(",")] if args.shares else [SHARES] * app.shape[1]
            picks = [C.best_shares(app[:, [col]], second[:, [col]], shares[col], data.group, len(train), truth[:, [col]],
                                   rules[:, [col]], recipe)[0][0] for col in range(app.shape[1])]
            mixed = C.blend(app, second, np.array(picks))
            report(f"  app and {variant} C={c} mixed, share per behaviour {picks}",
                   calibrated(mixed, data, train, truth, rules, recipe))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
