"""Floors on a labelled query set, read one way for every set (customer words, confirmation, English).

A floor is (Recall@1, Recall@3, share of near-domain negatives refused), the figures measured when the ranking
or the content changed, less a few queries' worth; a held-out set's failures are never printed.
"""

from __future__ import annotations

import math
from pathlib import Path

from kb.evaluation import DevSet, Evaluation, evaluate, load_dev_set

Floors = tuple[float, float, float]


def evaluated(search, folder: Path | DevSet) -> Evaluation:
    """Every labelled query and near-domain negative of `folder` (or of a set already read) through `search`."""
    labelled = folder if isinstance(folder, DevSet) else load_dev_set(folder)
    return evaluate(search, labelled.queries, labelled.negatives)


def assert_recall_holds(name: str, evaluation: Evaluation, floors: Floors) -> None:
    """A failure says the counts against the floors, never a query (held-out rows are not to be read)."""
    recall_1, recall_3, _ = floors
    held = evaluation.recall_at(1) >= recall_1 and evaluation.recall_at(3) >= recall_3
    total = len(evaluation.outcomes)
    assert held, (f"{name}: {evaluation.found_within(1)} of {total} first (floor {recall_1:.2f}: "
                  f"{math.ceil(recall_1 * total)}), {evaluation.found_within(3)} in the top 3 "
                  f"(floor {recall_3:.2f}: {math.ceil(recall_3 * total)})")


def assert_negatives_refused(name: str, evaluation: Evaluation, floors: Floors, tuned_on: bool) -> None:
    """Only a set that may be tuned on shows which negatives were answered; a held-out set says its counts."""
    refused = evaluation.off_topic_total - len(evaluation.off_topic_answered)
    counts = (f"{name}: {refused} of {evaluation.off_topic_total} negatives refused "
              f"(floor {floors[2]:.2f}: {math.ceil(floors[2] * evaluation.off_topic_total)})")
    assert evaluation.off_topic_rejection >= floors[2], (counts, evaluation.off_topic_answered) if tuned_on else counts
