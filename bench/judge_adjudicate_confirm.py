"""Adjudicate a set of agent replies kept out of content — the sealed CONFIRM set or the TUNE replies — like the
dev split: per behaviour, the majority of the writer and two blind annotators (`bench.judge_agreement.split_votes`,
the rule `bench.judge_adjudicate` applies to the corpus).

    .venv/bin/python -m bench.judge_adjudicate_confirm [--set confirm|tune|check] [--write]
    .venv/bin/python -m bench.judge_adjudicate_confirm --set tune|check --make-key BLIND_DIR

A set's panel is <set folder>/annotations/: <split>_key.yaml (the writers' labels before adjudication, ids in
sha256(text) order) and ann-<letter>-<split>.yaml, one file per annotator. `--make-key` writes the key there and,
in BLIND_DIR (kept out of the set's folder, so no annotator works beside the key), items.yaml: id + text, what the
annotators see. The CONFIRM panel is stop 38's (ann-M, ann-N); the tune replies' is stop 39's. A one-behaviour
panel in <set folder>/annotations/<behaviour>/ (bench.judge_adjudicate_one --set) overlays that behaviour's
decision, as it does on the corpus, so re-running this does not undo it. Prints counts and kappas only, never an
item (the CONFIRM set is sealed); --write rewrites the set's label lines. Running it again changes nothing: the
votes come from the key.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.judge import CHECK_REPLIES_DIR, CONFIRM_DIR, TUNE_REPLIES_DIR
from bench.judge_agreement import ROOT, SplitVotes, split_votes
from trainer.dialogue.adjudication import Relabel, relabels_by_text, write_relabels
from trainer.dialogue.agreement import cohen_kappa, key_rows
from trainer.dialogue.behaviour_panel import panels_under, with_panels
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import CHECK_SPLIT, SEALED_SPLIT, TUNE_SPLIT, read_sealed


@dataclass(frozen=True)
class ReplySet:
    """A folder of writers' reply files outside content and the split name its panel files carry."""

    folder: Path
    split: str

    @property
    def panel_dir(self) -> Path:
        return self.folder / "annotations"


SETS = {"confirm": ReplySet(CONFIRM_DIR, SEALED_SPLIT), "tune": ReplySet(TUNE_REPLIES_DIR, TUNE_SPLIT),
        "check": ReplySet(CHECK_REPLIES_DIR, CHECK_SPLIT)}


def set_votes(reply_set: ReplySet) -> SplitVotes:
    """The writer's and both annotators' labels for every item of the set."""
    votes = split_votes(reply_set.panel_dir, reply_set.split)
    if votes is None:
        raise FileNotFoundError(f"{reply_set.panel_dir}: no {reply_set.split}_key.yaml with two annotators' files")
    return votes


def set_relabels(reply_set: ReplySet, votes: SplitVotes) -> list[Relabel]:
    """Each reply of the set with the panel's majority labels (changed or not), each one-behaviour panel's
    decision laid over its behaviour."""
    decided = votes.majority
    replies = read_sealed(reply_set.folder, reply_set.split)[0]
    files = {Path(u.file).name for u in replies}
    shown = with_panels({votes.texts[i]: decided[i] for i in votes.ids}, panels_under(reply_set.panel_dir), files)
    return relabels_by_text(replies, shown)


def confirm_votes() -> SplitVotes:
    return set_votes(SETS["confirm"])


def confirm_relabels(votes: SplitVotes) -> list[Relabel]:
    return set_relabels(SETS["confirm"], votes)


def make_key(reply_set: ReplySet, blind_dir: Path) -> int:
    """Write the set's key (writers' labels) to its panel folder and the annotators' id + text list to `blind_dir`."""
    replies, problems = read_sealed(reply_set.folder, reply_set.split)
    for problem in problems:
        print(problem)
    rows = key_rows(replies, reply_set.split)
    reply_set.panel_dir.mkdir(parents=True, exist_ok=True)
    (reply_set.panel_dir / f"{reply_set.split}_key.yaml").write_text(
        yaml.safe_dump({"items": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    blind_dir.mkdir(parents=True, exist_ok=True)
    (blind_dir / "items.yaml").write_text(
        yaml.safe_dump({"items": [{"id": r["id"], "text": r["text"]} for r in rows]}, allow_unicode=True,
                       sort_keys=False, width=1000), encoding="utf-8")
    return len(rows)


def summary(votes: SplitVotes) -> list[str]:
    """Per behaviour: the writers' count, the adjudicated count and the three kappas (no text)."""
    decided, ids = votes.majority, votes.ids
    lines = []
    for b in UTTERANCE_BEHAVIOURS:
        added = sum(b in decided[i] and b not in votes.writer[i] for i in ids)
        removed = sum(b in votes.writer[i] and b not in decided[i] for i in ids)
        kappas = ((votes.first, votes.second), (votes.writer, votes.first), (votes.writer, votes.second))
        lines.append(f"{b:20s} writer {sum(b in votes.writer[i] for i in ids):3d} → {sum(b in decided[i] for i in ids):3d} "
                     f"(+{added} / −{removed}); kappa 1–2 / writer–1 / writer–2: "
                     + " / ".join(f"{cohen_kappa(x, y, b, ids):.2f}" for x, y in kappas))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_adjudicate_confirm")
    parser.add_argument("--set", choices=sorted(SETS), default="confirm", help="which set (default: confirm)")
    parser.add_argument("--write", action="store_true", help="rewrite the set's label lines")
    parser.add_argument("--make-key", type=Path, default=None, metavar="BLIND_DIR",
                        help="write the panel's key and, in BLIND_DIR, the annotators' items.yaml")
    args = parser.parse_args(argv)
    reply_set = SETS[args.set]
    if args.make_key:
        print(f"{make_key(reply_set, args.make_key)} items keyed")
        return 0
    votes = set_votes(reply_set)
    print(f"{len(votes.ids)} items; panels: " + ", ".join(f"{a} + {b}" for _, a, b, _ in votes.panels))
    for line in summary(votes):
        print(line)
    relabels = set_relabels(reply_set, votes)
    print(f"{sum(r.changed for r in relabels)} {args.set} lines to rewrite")
    if args.write:
        print(f"{write_relabels(ROOT, relabels)} {args.set} lines rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
