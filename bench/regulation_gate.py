"""The regulation gate: fit it on the tune half, compare it with the relevance gate it replaced.

    .venv/bin/python -m bench.regulation_gate          # figures with the gate in kb.regulations.gate
    .venv/bin/python -m bench.regulation_gate --fit    # refit on TUNE, print the constants to keep
    .venv/bin/python -m bench.regulation_gate --fit --article-keywords   # the gate alone, on the old ranking
    .venv/bin/python -m bench.regulation_gate --fit --sentence-vectors   # gate on dense sentence units (not in the app)
    .venv/bin/python -m bench.regulation_gate --fit --without rankings_agree   # refit without a feature (its "before")
    .venv/bin/python -m bench.regulation_gate --fit --raw-keyword   # one more signal: best sentence BM25 (not in the app)
    .venv/bin/python -m bench.regulation_gate --fit --dev-only   # fit without the training-only questions
    .venv/bin/python -m bench.regulation_gate --fit --choose-on-dev   # fit on all rows, choose on the dev tune half
    .venv/bin/python -m bench.regulation_gate --fit --by-writer   # out of fold = leave one writer out (regs9)
    .venv/bin/python -m bench.regulation_gate --fit --by-writer --refused-on dev   # refusal rule on the dev negatives + scope
    .venv/bin/python -m bench.regulation_gate --fit --by-writer --refused-on each --write-memory   # regs10: the app's gate

Rows: the TUNE half's questions (in scope) and negatives (out of scope), the training-only
questions and negatives (TRAINING_SETS, all TUNE; `--dev-only` leaves them out), plus the FAQ's 70
out-of-scope examples (content/scope.yaml, each compared with the other 69). The held-out half is
scored with the chosen model and threshold, never used to choose, and printed once (at the chosen
threshold). The model (L2 strength) and threshold are those with the highest out-of-fold TUNE top-3 at
which, out of fold, ≥ 0.95 of the negatives are refused (the issue's target; 21 TUNE negatives alone
move in steps of 0.048): all fitted negatives, or with `--refused-on dev` the dev set's tune negatives
and the scope examples only (the training writers' negatives are still fitted on). Folds are fixed by row
number, or with `--by-writer` one per writer (the dev set's writer, each training file's; the scope
examples spread over them), which asks whether the fit carries over to a writer it never saw. "before"
is the relevance gate (0.54) with the scope margin (−0.02) it replaced, on the same ranking.

The gate's memory signals (kb.regulations.gate_memory) are computed from the training-only rows' own
query vectors (float16 as stored); a training row's leave its own writer's rows out, so each writer is
measured as one the gate has never seen (the dev set and the scope examples are never in the memory).
`--write-memory` stores that memory for the app: fit and memory must be written together.

The gate reads the re-ranker's best score (`rerank_top`). The re-ranker was trained on the dev tune half
and RERANKER_TRAINING's questions, where its scores are in sample (higher than a new question's); on
those rows the gate is fitted on the scores of a re-ranker trained without the row's fold
(`out_of_fold_rerankers`), as the re-ranker's own cross-validation does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from kb import KnowledgeBase
from kb.regulations.evaluation import expected_text, half_of, load_regulation_dev_set, squeeze, training_sets, writer_of
from bench.gate_fit import L2_GRID, out_of_fold
from kb.regulations.gate import FEATURES, GATE, fit_gate
from kb.regulations.gate_memory import MEMORY_FILE, GateMemory
from kb.regulations.rerank import WEIGHTS_FILE, article_features
from kb.regulations.search import REGULATION_MIN_RELEVANCE
from bench.regulation_ranking import sentence_unit_texts
from bench.train_regulation_reranker import RERANKER_TRAINING, examples as reranker_examples
from bench.train_reranker import FOLDS as RERANKER_FOLDS, calibrated, fit as fit_reranker
from kb.rerank import Reranker
from settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "kb" / "regulation_queries.yaml"
TRAINING_SETS = training_sets(DEV_SET.parent)  # one file per writer
# Rows the gate is fitted on (training-only rows are TUNE rows kept apart in the printed figures).
FITTED = ("tune", "training", "scope")
TARGET_REJECTION = 0.95
MEMORY_FEATURES = ("known_question_cosine", "known_negative_cosine")
OLD_THRESHOLD, OLD_MARGIN = 0.54, -0.02


def out_of_fold_rerankers(kb: KnowledgeBase) -> dict[str, Reranker]:
    """Per question the shipped re-ranker was trained on, a re-ranker trained without that question's fold
    (same C and folds as bench.train_regulation_reranker's cross-validation, calibrated on its own rows)."""
    tune = load_regulation_dev_set(DEV_SET, *RERANKER_TRAINING).half("tune")
    rows_ = reranker_examples(kb, tune, [])
    c = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["C"]
    out = {}
    for fold in range(RERANKER_FOLDS):
        train = [e for i, e in enumerate(rows_) if i % RERANKER_FOLDS != fold]
        model = calibrated(train, fit_reranker(train, c), kb.encoder.model_id)
        out |= {q.text: model for q in tune.questions[fold::RERANKER_FOLDS]}
    return out


def rows(kb: KnowledgeBase, article_keywords: bool = False, sentence_vectors: bool = False, raw_keyword: bool = False,
         training: tuple[Path, ...] = ()):
    """Per question (text, half, label, found-in-top-3, features, (score, has-sentence) per hit, scope-refused,
    writer), and the gate's memory of the training rows (a training row's features leave its writer's rows out).

    `article_keywords`: rank with BM25 over whole articles, as before sentence units (the gate alone);
    `sentence_vectors`: the gate's best cosine is the best of an article or one of its sentences
    (dense sentence units, measured, not in the app: they embed ~5,150 more texts);
    `raw_keyword`: one more signal, the best sentence BM25 score itself (measured, not in the app)."""
    dev = load_regulation_dev_set(DEV_SET, *training)
    shown = kb._snapshot.regulation_searcher.with_encoder(kb._queries)  # noqa: SLF001 - the gate's parts
    searcher = shown.without_reranker()  # the gate reads the fused order; the re-ranker orders what is shown
    if article_keywords:
        searcher._keyword_scores = searcher.index.keyword_scores  # noqa: SLF001 - this benchmark's copy only
    scope = searcher.scope_examples
    writers = {text: writer_of(path) for path in training
               for part in [load_regulation_dev_set(DEV_SET, path).training_only()]
               for text in [q.text for q in part.questions] + list(part.negatives)}
    items = [(q.text, "training" if q.split else q.half, 1, q) for q in dev.questions]
    items += [(n, "training" if n in dev.training_negatives else half_of(n), 0, None) for n in dev.negatives]
    items += [(e, "scope", 0, None) for e in (scope.examples if scope else ())]
    own = out_of_fold_rerankers(kb) if shown.article_reranker is not None else {}
    units = None
    if sentence_vectors:
        texts, owners = sentence_unit_texts(kb.content.library, searcher.index.entry_ids)
        units = kb._cache.embed(texts)  # noqa: SLF001 - cached per text like the index
    searched = [searcher.scored(text) for text, *_ in items]
    memory = training_memory(items, searched, writers, kb.encoder.model_id)
    searcher = searcher.with_memory(memory)
    out = []
    for (text, half, label, question), (plan, vector, rankings, hits) in zip(items, searched):
        reranker = own.get(text, shown.article_reranker)
        scores = (reranker.shown_scores(article_features(searcher.article_signals(plan, vector, hits, rankings)))
                  if reranker is not None and hits else None)
        features = searcher.gate_features(plan, vector, hits, rankings, leave_out=text if half == "scope" else None,
                                          rerank_scores=scores, writer=writers.get(text))
        if raw_keyword:
            features.append(features[FEATURES.index("keyword_per_token")] * max(1, len(plan.tokens)))
        if units is not None:
            features[0] = max(features[0], float((units @ vector).max()))
        ordered = shown.reranked(plan, vector, hits, rankings)
        found = question is not None and any(squeeze(expected_text(question)) in squeeze(h.text) for h in ordered[:3])
        best = max((s for s, _ in searcher.index.dense_scores(vector, 1).values()), default=0.0)
        refused = scope is not None and float(scope.cosines(vector).max()) + OLD_MARGIN >= best
        marks = tuple((h.score, question is not None and squeeze(expected_text(question)) in squeeze(h.text)) for h in ordered)
        out.append((text, half, label, found, features, marks, refused, writers.get(text, "scope" if half == "scope" else "dev")))
    kb.keep_query_vectors()
    return out, memory


def training_memory(items, searched, writers: dict[str, str], model_id: str) -> GateMemory:
    """The gate's memory (kb.regulations.gate_memory) of the training-only rows among `items`: each question's
    and negative's query vector with its writer (the dev set and the scope examples are never in it)."""
    rows_ = [(vector, writers[text], label) for (text, half, label, _), (_, vector, _, _) in zip(items, searched)
             if half == "training"]
    return GateMemory.of([(v, w) for v, w, label in rows_ if label == 1], [(v, w) for v, w, label in rows_ if label == 0],
                         model_id)


def figures(accept: np.ndarray, data, half: str | tuple[str, ...], found: np.ndarray | None = None) -> tuple[float, float]:
    """(top-3 share of the half's questions, share of its negatives refused) for an acceptance mask."""
    halves = (half,) if isinstance(half, str) else half
    found = np.array([r[3] for r in data]) if found is None else found
    pos = [i for i, r in enumerate(data) if r[1] in halves and r[2] == 1]
    neg = [i for i, r in enumerate(data) if r[1] in halves and r[2] == 0]
    return (sum(found[i] and accept[i] for i in pos) / max(1, len(pos)),
            sum(not accept[i] for i in neg) / len(neg) if neg else 1.0)


def old_gate(data, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The replaced gate: scope margin, then one of the best 3 at `threshold` relevance, then only
    the articles at `threshold` shown (acceptance mask, expected sentence in the top 3 shown)."""
    accept = np.array([not r[6] and any(score >= threshold for score, _ in r[5][:3]) for r in data])
    found = np.array([any(has for _, has in [m for m in r[5] if m[0] >= threshold][:3]) for r in data])
    return accept, found


def refused_share(accept: np.ndarray, data, halves: tuple[str, ...]) -> float:
    """Share of the negatives of `halves` that the acceptance mask refuses."""
    negatives = [i for i, r in enumerate(data) if r[1] in halves and r[2] == 0]
    return sum(not accept[i] for i in negatives) / len(negatives)


def writer_folds(data) -> np.ndarray:
    """One fold per writer (the dev set's, each training file's); the scope examples, written by none of
    them, spread over those folds by row number."""
    names = list(dict.fromkeys(r[7] for r in data if r[7] != "scope"))
    folds = np.array([names.index(r[7]) if r[7] != "scope" else -1 for r in data])
    scope = np.flatnonzero(folds < 0)
    folds[scope] = np.arange(len(scope)) % len(names)
    return folds


def choose(data, train: np.ndarray, x: np.ndarray, y: np.ndarray,
           scored: tuple[str, ...] = FITTED[:2], groups: np.ndarray | None = None,
           refused_on: list[np.ndarray] | None = None) -> tuple[float, float, float]:
    """(l2, threshold, OOF tune top-3): the best out-of-fold TUNE top-3 at which out-of-fold, at least
    TARGET_REJECTION of the negatives of each mask in `refused_on` (default: every fitted negative — TUNE and
    training-only negatives, scope examples) are refused. `groups`: the folds (None: by row number)."""
    refused_on = [np.array([r[1] in FITTED and r[2] == 0 for r in data])] if refused_on is None else refused_on
    best = (0.0, 0.0, -1.0)
    for l2 in L2_GRID:
        p = np.zeros(len(data))
        p[train] = out_of_fold(x[train], y[train], l2, None if groups is None else groups[train])
        for threshold in np.round(np.arange(0.05, 0.99, 0.01), 2):
            top3 = figures(p >= threshold, data, scored)[0]
            if all((p[mask] < threshold).mean() >= TARGET_REJECTION for mask in refused_on) and top3 > best[2]:
                best = (l2, float(threshold), top3)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fit", action="store_true", help="refit on TUNE and print the constants")
    parser.add_argument("--article-keywords", action="store_true", help="rank with whole-article BM25 (the gate alone)")
    parser.add_argument("--sentence-vectors", action="store_true", help="gate on sentence cosines too (embeds ~5,150 texts)")
    parser.add_argument("--without", action="append", default=[], choices=FEATURES, metavar="FEATURE",
                        help="leave a gate feature out of the fit (measures what it adds; with --fit)")
    parser.add_argument("--found-labels", action="store_true",
                        help="fit on 'sentence in the top 3' instead of 'in scope' as the positive label (with --fit)")
    parser.add_argument("--raw-keyword", action="store_true",
                        help="add the best sentence BM25 score itself as a signal (measured, not in the app; with --fit)")
    parser.add_argument("--choose-on-dev", action="store_true",
                        help="fit on all training rows but choose L2 and threshold on the dev tune questions only")
    parser.add_argument("--dev-only", action="store_true", help="leave the training-only questions out of the rows")
    parser.add_argument("--by-writer", action="store_true", help="out of fold = leave one writer out (with --fit)")
    parser.add_argument("--refused-on", choices=("fitted", "dev", "each"), default="fitted",
                        help="negatives the refusal rule counts: every fitted one, the dev tune ones + scope examples, "
                             "or each of those two sets on its own (regs10)")
    parser.add_argument("--write-memory", action="store_true",
                        help="write the training rows' vectors the gate remembers (kb/regulations/gate_memory.npz)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench")
    args = parser.parse_args()
    if (args.without or args.raw_keyword or args.found_labels or args.choose_on_dev or args.by_writer
            or args.refused_on != "fitted") and not args.fit:
        parser.error("--without, --raw-keyword, --found-labels, --choose-on-dev, --by-writer and "
                     "--refused-on need --fit: they change what is fitted")
    settings = Settings.from_env({}).with_overrides(data_dir=args.data, content_dir=ROOT / "content")
    kb = KnowledgeBase.open(settings.content_dir, settings)
    training = () if args.dev_only else TRAINING_SETS
    data, memory = rows(kb, args.article_keywords, args.sentence_vectors, args.raw_keyword, training)
    if not memory.question_writers:  # --dev-only: no training rows to remember
        args.without += [name for name in MEMORY_FEATURES if name not in args.without]
    app_memory = GateMemory.load(kb.encoder.model_id)
    if args.write_memory:
        memory.save(MEMORY_FILE, {"files": [p.name for p in training]})
        print(f"memory written: {len(memory.question_writers)} questions, {len(memory.negative_writers)} negatives "
              f"-> {MEMORY_FILE.name}")
    elif app_memory is None or app_memory.question_writers != memory.question_writers or not np.array_equal(
            app_memory.questions, memory.questions):
        print(f"warning: {MEMORY_FILE.name} is not the memory of today's training files (--write-memory)")
    train = np.array([r[1] in FITTED for r in data])
    print(f"rows: {sum(r[1] == 'tune' for r in data)} tune, {sum(r[1] == 'training' for r in data)} training-only, "
          f"{sum(r[1] == 'scope' for r in data)} scope examples, {sum(r[1] == 'held_out' for r in data)} held-out")
    # A feature unknown at fit time cannot be: the library has scope examples and an FAQ.
    names = FEATURES + (("keyword_top",) if args.raw_keyword else ())
    kept = [i for i, name in enumerate(names) if name not in args.without]
    x = np.array([[np.nan if f is None else f for f in r[4]] for r in data], dtype=float)[:, kept]
    y = np.array([r[2] for r in data], dtype=float)
    if args.found_labels:  # in scope AND answered by the ranking: the gate learns when the ranking is right
        y *= np.array([r[3] for r in data], dtype=float)

    for half in ("tune", "held_out"):
        ungated = figures(np.ones(len(data), bool), data, half)[0]
        accept, found = old_gate(data, OLD_THRESHOLD)
        print(f"{half:<9} ungated top-3 {ungated:.3f}; before (relevance {OLD_THRESHOLD}, scope {OLD_MARGIN}): "
              "top-3 %.3f, rejected %.3f" % figures(accept, data, half, found))
    print("before, swept on tune:")
    for threshold in np.round(np.arange(0.40, 0.72, 0.02), 2):
        accept, found = old_gate(data, threshold)
        print(f"  {threshold:.2f}  tune top-3 %.3f rejected %.3f" % figures(accept, data, "tune", found))

    model, threshold = GATE, REGULATION_MIN_RELEVANCE
    if args.fit:
        dev_negative = np.array([r[1] == "tune" and r[2] == 0 for r in data])
        scope_example = np.array([r[1] == "scope" for r in data])
        refused_on = {"fitted": None, "dev": [dev_negative | scope_example],
                      "each": [dev_negative, scope_example]}[args.refused_on]
        l2, threshold, oof_top3 = choose(data, train, x, y, ("tune",) if args.choose_on_dev else FITTED[:2],
                                         writer_folds(data) if args.by_writer else None, refused_on)
        model = fit_gate(x[train], y[train], l2)
        print(f"\nchosen: l2 {l2}, threshold {threshold} (out-of-fold tune top-3 {oof_top3:.3f})")
        print(f"GATE = {model!r}\nREGULATION_MIN_RELEVANCE = {threshold}")
    print("\nweights:", dict(zip([names[i] for i in kept], np.round(model.weights, 3))))
    p = np.array([model.probability(row) for row in x])
    for half in ("tune", "training", "held_out"):
        print(f"gate {threshold:.2f} {half:<9} top-3 %.3f  rejected %.3f" % figures(p >= threshold, data, half))
    for writer in dict.fromkeys(r[7] for r in data if r[1] == "training"):
        mask = np.array([r[7] == writer for r in data])
        part = [r for r, m in zip(data, mask) if m]
        print(f"  training writer {writer:<12} top-3 %.3f  rejected %.3f" % figures((p >= threshold)[mask], part, "training"))
    print("frontier (tune only: the held-out half is read once, above):")
    for t in np.round(np.arange(0.3, 0.96, 0.05), 2):
        print(f"  {t:.2f}  tune %.3f/%.3f" % figures(p >= t, data, "tune"))


if __name__ == "__main__":
    main()
