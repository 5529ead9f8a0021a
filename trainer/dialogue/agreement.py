"""How far people agree on the corpus's labels: the human ceiling for the judge's targets.

Independent annotators labelled the corpus's utterances blind (only the text and the behaviour
definitions), each item under an id from the *annotation key*: the utterances of one split taken
in the order of sha256(text), numbered d0001… (dev) or t0001… (train). This module builds that key,
reads annotation files, and counts per behaviour: an annotator against the writer's labels
(precision/recall/F1 with the writer as reference), Cohen's kappa between any two raters, and
the majority of writer + annotators, which is the fixed adjudication rule (it never looks at
the model).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping, Sequence

import yaml

from trainer.dialogue.behaviours import NO_BEHAVIOUR, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance

ID_PREFIX = {"dev": "d", "train": "t", "confirm": "c", "tune": "u", "check": "k"}
Labels = Mapping[str, frozenset[str]]  # item id -> behaviours shown (empty for none)


def key_order(utterances: Iterable[LabelledUtterance], split: str) -> list[tuple[str, LabelledUtterance]]:
    """(id, utterance) for every utterance of `split`, in the order of sha256 of its text.

    The order depends on the texts alone, so annotators see writers mixed and the ids survive
    relabelling (a label change never moves an item).
    """
    chosen = sorted((u for u in utterances if u.split == split),
                    key=lambda u: hashlib.sha256(u.text.encode("utf-8")).hexdigest())
    return [(f"{ID_PREFIX[split]}{number:04d}", u) for number, u in enumerate(chosen, start=1)]


def key_rows(utterances: Iterable[LabelledUtterance], split: str, files: Collection[str] | None = None) -> list[dict]:
    """The key file's rows: id, file, text, the writer's labels and counter-examples; with `files`,
    only the utterances of those corpus files (a shipped key names the files it was written from:
    training files added later were never annotated and must not shift its ids)."""
    chosen = [u for u in utterances if files is None or Path(u.file).name in files]
    return [{"id": item_id, "file": Path(u.file).name, "text": u.text,
             "labels": list(u.labels) or [NO_BEHAVIOUR], "counter": list(u.counter)}
            for item_id, u in key_order(chosen, split)]


def _label_set(values: Sequence[str] | None) -> frozenset[str]:
    return frozenset(v for v in values or () if v != NO_BEHAVIOUR)


def key_files(path: Path | str) -> frozenset[str]:
    """The corpus files a key file was written from."""
    return frozenset(i["file"] for i in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["items"])


def read_key(path: Path | str) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """(id -> writer's labels, id -> text) from a key file."""
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["items"]
    return {i["id"]: _label_set(i["labels"]) for i in items}, {i["id"]: i["text"] for i in items}


def _read_items(path: Path | str, labels_of: Callable[[dict], frozenset[str]]) -> tuple[str, dict[str, frozenset[str]], dict]:
    """(annotator name, id -> labels, the file's data) from an annotator's file, each item's labels read
    by `labels_of`; raises ValueError on an id given twice, so a figure is never computed from a
    half-read file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    labels: dict[str, frozenset[str]] = {}
    for item in data["items"]:
        if item["id"] in labels:
            raise ValueError(f"{path}: {item['id']} is labelled twice")
        labels[item["id"]] = labels_of(item)
    return str(data.get("annotator") or Path(path).stem), labels, data


def read_annotations(path: Path | str) -> tuple[str, dict[str, frozenset[str]]]:
    """(annotator name, id -> labels) from an annotator's file; `unsure` labels still count as labels.

    Raises ValueError on an unknown behaviour name or an id given twice, so a figure is never
    computed from a half-read file.
    """
    def labels_of(item: dict) -> frozenset[str]:
        unknown = set(item.get("labels") or ()) - set(UTTERANCE_BEHAVIOURS) - {NO_BEHAVIOUR}
        if unknown:
            raise ValueError(f"{path}: {item['id']}: unknown behaviour(s) {sorted(unknown)}")
        return _label_set(item.get("labels"))

    name, labels, _ = _read_items(path, labels_of)
    return name, labels


YES_NO = {True: True, False: False, "yes": True, "no": False}


def read_one_behaviour(path: Path | str, behaviour: str) -> tuple[str, dict[str, frozenset[str]], frozenset[str]]:
    """(annotator name, id -> labels, the ids marked `unsure`) from a one-behaviour annotator's file,
    items `{id, <behaviour>: yes/no, unsure: true}` (YAML reads yes / no as booleans; quoted ones
    are read too). An unsure answer still counts. Raises ValueError on an item without a yes / no
    for `behaviour` or an id given twice."""
    def labels_of(item: dict) -> frozenset[str]:
        answer = item.get(behaviour)
        if isinstance(answer, str):
            answer = answer.strip().lower()
        if answer not in YES_NO:
            raise ValueError(f"{path}: {item['id']}: {behaviour} must be yes or no, not {answer!r}")
        return frozenset({behaviour}) if YES_NO[answer] else frozenset()

    name, labels, data = _read_items(path, labels_of)
    return name, labels, frozenset(i["id"] for i in data["items"] if i.get("unsure"))


@dataclass(frozen=True)
class PairFigures:
    """One rater against a reference on one behaviour."""

    precision: float
    recall: float
    f1: float
    reference_positives: int
    rater_positives: int


def pair_figures(reference: Labels, rater: Labels, behaviour: str, ids: Sequence[str]) -> PairFigures:
    truth = [behaviour in reference[i] for i in ids]
    said = [behaviour in rater[i] for i in ids]
    hits = sum(t and s for t, s in zip(truth, said))
    precision = hits / sum(said) if any(said) else 0.0
    recall = hits / sum(truth) if any(truth) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairFigures(precision, recall, f1, sum(truth), sum(said))


def cohen_kappa(a: Labels, b: Labels, behaviour: str, ids: Sequence[str]) -> float:
    """Cohen's kappa of two raters on one behaviour (yes/no per item); 1.0 when both never differ."""
    x = [behaviour in a[i] for i in ids]
    y = [behaviour in b[i] for i in ids]
    n = len(ids)
    observed = sum(p == q for p, q in zip(x, y)) / n
    pa, pb = sum(x) / n, sum(y) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def majority(raters: Sequence[Labels], ids: Sequence[str]) -> dict[str, frozenset[str]]:
    """Per item, every behaviour that more than half of the raters give it (the adjudication rule)."""
    need = len(raters) // 2 + 1
    return {i: frozenset(b for b in UTTERANCE_BEHAVIOURS if sum(b in r[i] for r in raters) >= need) for i in ids}


def covered_ids(key_ids: Sequence[str], *annotations: Labels) -> list[str]:
    """The key's ids that every given annotator labelled, in key order."""
    return [i for i in key_ids if all(i in a for a in annotations)]
