"""Label agreement on the utterance corpus: the human ceiling for the judge's P ≥ 0.90 / R ≥ 0.85.

    .venv/bin/python -m bench.judge_agreement [DIR]     # default tests/trainer/dialogue/annotations

DIR holds the annotation key ({dev,train}_key.yaml: the writers' labels before adjudication, see
bench/annotation_key.py) and the blind annotators' files `ann-<letter>-<panel>.yaml`, where a panel
(dev, train-1, train-2) is the range two annotators labelled. A training file annotated later has its
own folder (annotations/frontline: train_key.yaml and panel train-frontline), so its ids never
mix with the corpus key's. Per split and behaviour, over the
items both annotators of their panel labelled (panels of a split pooled; "annotator 1" is the
first letter of each panel):
- each annotator against the writer (precision / recall / F1, the writer as reference): what a
  careful person reaches on the writer's labels — the ceiling a classifier can be held to;
- Cohen's kappa for each pair of the three raters (writer, annotator 1, annotator 2);
- the majority of the three (the adjudication rule) against the writer: how much it changes.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from trainer.dialogue.agreement import (cohen_kappa, covered_ids, majority, pair_figures, read_annotations,
                                        read_key)
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "trainer" / "dialogue" / "annotations"
TARGET_P, TARGET_R = 0.90, 0.85
_FILE = re.compile(r"ann-(?P<letter>[A-Za-z]+)-(?P<panel>(dev|train|confirm|tune|check)[-\w]*)\.yaml$")


@dataclass(frozen=True)
class SplitVotes:
    """One split's three votes per item: the writer's labels and two annotators' (pooled over panels)."""

    split: str
    ids: list[str]                      # items both annotators of their panel labelled, key order
    texts: dict[str, str]
    writer: dict[str, frozenset[str]]
    first: dict[str, frozenset[str]]
    second: dict[str, frozenset[str]]
    panels: list[tuple[str, str, str, int]]  # (panel, annotator 1, annotator 2, items)

    @property
    def majority(self) -> dict[str, frozenset[str]]:
        return majority([self.writer, self.first, self.second], self.ids)


def split_votes(directory: Path, split: str) -> SplitVotes | None:
    """The split's votes from DIR, or None when DIR has no key for the split or no panel of the split
    has both annotators' files (a folder may hold one split's annotations only)."""
    if not (directory / f"{split}_key.yaml").is_file():
        return None
    writer, texts = read_key(directory / f"{split}_key.yaml")
    by_panel: dict[str, list[Path]] = {}
    for path in sorted(directory.glob("ann-*.yaml")):
        match = _FILE.match(path.name)
        if match and match["panel"].split("-")[0] == split:
            by_panel.setdefault(match["panel"], []).append(path)
    first: dict[str, frozenset[str]] = {}
    second: dict[str, frozenset[str]] = {}
    ids: list[str] = []
    panels = []
    for panel, paths in sorted(by_panel.items()):
        if len(paths) != 2:
            print(f"{split}: panel {panel} has {len(paths)} annotator file(s), needs 2: left out")
            continue
        (name_a, a), (name_b, b) = read_annotations(paths[0]), read_annotations(paths[1])
        unknown = (set(a) | set(b)) - set(writer)
        if unknown:
            raise ValueError(f"{panel}: ids not in the {split} key: {sorted(unknown)[:5]}")
        both = covered_ids(list(writer), a, b)
        panels.append((panel, name_a, name_b, len(both)))
        ids += both
        first.update({i: a[i] for i in both})
        second.update({i: b[i] for i in both})
    if not ids:
        return None
    order = {i: n for n, i in enumerate(writer)}
    return SplitVotes(split, sorted(set(ids), key=order.get), texts, writer, first, second, panels)


def agreement_table(votes: SplitVotes) -> None:
    ids, w, a, b, m = votes.ids, votes.writer, votes.first, votes.second, votes.majority
    print(f"\n### {votes.split}: {len(ids)} items; panels " + ", ".join(
        f"{p} ({x} + {y}, {n} items)" for p, x, y, n in votes.panels))
    print("\n| behaviour | writer n | ann. 1 n | ann. 2 n | ann. 1 vs writer P / R / F1 | ann. 2 vs writer P / R / F1 "
          "| κ writer–1 | κ writer–2 | κ 1–2 | majority vs writer P / R | labels changed (+ / −) | ann. meeting P ≥ 0.90, R ≥ 0.85 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for behaviour in UTTERANCE_BEHAVIOURS:
        fa, fb, fm = (pair_figures(w, r, behaviour, ids) for r in (a, b, m))
        kappas = [cohen_kappa(x, y, behaviour, ids) for x, y in ((w, a), (w, b), (a, b))]
        added = sum(behaviour in m[i] and behaviour not in w[i] for i in ids)
        dropped = sum(behaviour not in m[i] and behaviour in w[i] for i in ids)
        met = sum(f.precision >= TARGET_P and f.recall >= TARGET_R for f in (fa, fb))
        rows.append((fa, fb, fm, kappas))
        print(f"| {behaviour} | {fa.reference_positives} | {fa.rater_positives} | {fb.rater_positives} | "
              f"{fa.precision:.2f} / {fa.recall:.2f} / {fa.f1:.2f} | {fb.precision:.2f} / {fb.recall:.2f} / {fb.f1:.2f} | "
              f"{kappas[0]:.2f} | {kappas[1]:.2f} | {kappas[2]:.2f} | {fm.precision:.2f} / {fm.recall:.2f} | "
              f"+{added} / −{dropped} | {met}/2 |")
    mean = lambda values: float(np.mean(values))  # noqa: E731
    print(f"| **macro** | | | | {mean([r[0].precision for r in rows]):.3f} / {mean([r[0].recall for r in rows]):.3f} / "
          f"{mean([r[0].f1 for r in rows]):.3f} | {mean([r[1].precision for r in rows]):.3f} / "
          f"{mean([r[1].recall for r in rows]):.3f} / {mean([r[1].f1 for r in rows]):.3f} | "
          f"{mean([r[3][0] for r in rows]):.2f} | {mean([r[3][1] for r in rows]):.2f} | {mean([r[3][2] for r in rows]):.2f} | "
          f"{mean([r[2].precision for r in rows]):.3f} / {mean([r[2].recall for r in rows]):.3f} | | |")
    items_changed = sum(m[i] != w[i] for i in ids)
    print(f"\nitems whose labels the majority changes: {items_changed}/{len(ids)}; "
          f"both annotators equal to the writer on every behaviour: {sum(a[i] == w[i] == b[i] for i in ids)}/{len(ids)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_agreement")
    parser.add_argument("directory", nargs="?", type=Path, default=ANNOTATIONS)
    args = parser.parse_args(argv)
    for split in ("dev", "train"):
        votes = split_votes(args.directory, split)
        if votes is None:
            print(f"\n{split}: no complete panel of two annotators")
            continue
        agreement_table(votes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
