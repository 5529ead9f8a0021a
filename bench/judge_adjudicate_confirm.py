"""Adjudicate the judge's sealed CONFIRM set like the dev split: per behaviour, the majority of the writer and two
blind annotators (`bench.judge_agreement.split_votes`, the rule `bench.judge_adjudicate` applies to the corpus).

    .venv/bin/python -m bench.judge_adjudicate_confirm [--write]

The panel (stop 38) is tests/trainer/dialogue/confirm/annotations/: items.yaml (id + text, what the annotators saw, with
BRIEF.md), confirm_key.yaml (the writers' labels before adjudication) and ann-M-confirm.yaml / ann-N-confirm.yaml. Prints
counts and kappas only, never an item (the set is sealed); --write rewrites the confirm files' label lines. Running it
again changes nothing: the votes come from the key.
"""

from __future__ import annotations

import argparse

from bench.judge import CONFIRM_DIR
from bench.judge_agreement import ROOT, SplitVotes, split_votes
from trainer.dialogue.adjudication import Relabel, relabels_by_text, write_relabels
from trainer.dialogue.agreement import cohen_kappa
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_sealed

PANEL_DIR = CONFIRM_DIR / "annotations"
SPLIT = "confirm"


def confirm_votes() -> SplitVotes:
    """The writer's and both annotators' labels for every confirm item."""
    votes = split_votes(PANEL_DIR, SPLIT)
    if votes is None:
        raise FileNotFoundError(f"{PANEL_DIR}: no {SPLIT}_key.yaml with two annotators' files")
    return votes


def confirm_relabels(votes: SplitVotes) -> list[Relabel]:
    """Each confirm reply with the panel's majority labels (changed or not)."""
    decided = votes.majority
    return relabels_by_text(read_sealed(CONFIRM_DIR)[0], {votes.texts[i]: decided[i] for i in votes.ids})


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
    parser.add_argument("--write", action="store_true", help="rewrite the confirm files' labels")
    args = parser.parse_args(argv)
    votes = confirm_votes()
    print(f"{len(votes.ids)} items; panels: " + ", ".join(f"{a} + {b}" for _, a, b, _ in votes.panels))
    for line in summary(votes):
        print(line)
    relabels = confirm_relabels(votes)
    print(f"{sum(r.changed for r in relabels)} confirm lines to rewrite")
    if args.write:
        print(f"{write_relabels(ROOT, relabels)} confirm lines rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
