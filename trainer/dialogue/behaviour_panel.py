"""A one-behaviour panel: two blind annotators relabel ONE behaviour on both splits, by a written rule.

The corpus was adjudicated once per split by two annotators each (agreement.py, docs/judge-adjudication.md),
and the dev and train panels read one boundary differently (verification: data read back for
confirmation, a third party sent to the insured; docs/benchmarks.md, judge38e and stop 37). A
one-behaviour panel fixes that with one rule for every split: its folder (named after the behaviour,
e.g. tests/trainer/dialogue/annotations/verification/) holds `key.yaml` (id, text, file, split and the
labels the corpus had when the panel was drawn) and two annotators' files `ann-<letter>.yaml`
(`{id, <behaviour>: yes/no, unsure}`). The decision is fixed before any vote is seen: the behaviour is
shown when at least two of {annotator 1, annotator 2, the label the corpus had} say so — the two
annotators agreeing decide, and when they disagree the label stands. Only that behaviour changes; the
votes come from the key, so applying a panel twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Mapping

import yaml

from trainer.dialogue.adjudication import Relabel, relabel
from trainer.dialogue.agreement import Labels, covered_ids, majority, read_key, read_one_behaviour
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance

KEY = "key.yaml"


@dataclass(frozen=True)
class BehaviourPanel:
    """One behaviour's three votes per item: the corpus's label when the panel was drawn and two annotators'."""

    behaviour: str
    ids: list[str]                    # key order, items both annotators labelled
    texts: dict[str, str]
    files: dict[str, str]             # id -> corpus file name
    splits: dict[str, str]
    current: Labels                   # the labels the corpus had when the panel was drawn
    annotators: tuple[tuple[str, Labels], tuple[str, Labels]]
    unsure: dict[str, frozenset[str]]  # annotator -> ids marked unsure

    @property
    def decided(self) -> dict[str, bool]:
        """id -> whether the behaviour is shown: at least two of the three votes."""
        votes = majority([self.current, self.annotators[0][1], self.annotators[1][1]], self.ids)
        return {i: self.behaviour in votes[i] for i in self.ids}

    def votes(self, item_id: str) -> tuple[bool, bool, bool]:
        """(the corpus's label, annotator 1, annotator 2) on the behaviour for one item."""
        return tuple(self.behaviour in r[item_id] for r in (self.current, self.annotators[0][1],
                                                             self.annotators[1][1]))  # type: ignore[return-value]


def read_panel(directory: Path | str, behaviour: str | None = None) -> BehaviourPanel:
    """The panel in `directory` (its behaviour is the folder's name unless given). Raises ValueError when
    it has not exactly two annotator files or an annotator names an id the key does not hold."""
    directory = Path(directory)
    behaviour = behaviour or directory.name
    if behaviour not in UTTERANCE_BEHAVIOURS:
        raise ValueError(f"{directory}: {behaviour!r} is no behaviour")
    current, texts = read_key(directory / KEY)
    rows = yaml.safe_load((directory / KEY).read_text(encoding="utf-8"))["items"]
    paths = sorted(directory.glob("ann-*.yaml"))
    if len(paths) != 2:
        raise ValueError(f"{directory}: {len(paths)} annotator file(s), a panel needs 2")
    read = [read_one_behaviour(p, behaviour) for p in paths]
    for path, (_, labels, _) in zip(paths, read):
        unknown = set(labels) - set(texts)
        if unknown:
            raise ValueError(f"{path}: ids not in the key: {sorted(unknown)[:5]}")
    (name_a, a, unsure_a), (name_b, b, unsure_b) = read
    return BehaviourPanel(behaviour, covered_ids(list(current), a, b), texts,
                          {r["id"]: r["file"] for r in rows}, {r["id"]: r["split"] for r in rows}, current,
                          ((name_a, a), (name_b, b)), {name_a: unsure_a, name_b: unsure_b})


def panels_under(root: Path | str) -> list[BehaviourPanel]:
    """Every one-behaviour panel in `root`'s subfolders (a folder named after a behaviour, holding a key)."""
    return [read_panel(folder) for folder in sorted(Path(root).iterdir())
            if folder.name in UTTERANCE_BEHAVIOURS and (folder / KEY).is_file()]


def shown_by_text(panel: BehaviourPanel) -> dict[str, bool]:
    """text -> whether the panel decided the behaviour is shown."""
    return {panel.texts[i]: shown for i, shown in panel.decided.items()}


def with_panels(shown: Mapping[str, frozenset[str]], panels: Iterable[BehaviourPanel],
                files: Collection[str]) -> dict[str, frozenset[str]]:
    """text -> labels, each panel's behaviour replaced by its decision where the panel holds the text in
    one of `files` (a split's majority adjudication is overlaid by the later one-behaviour panels, so
    re-running it does not undo them)."""
    out = dict(shown)
    for panel in panels:
        for item_id, decided in panel.decided.items():
            text = panel.texts[item_id]
            if text in out and panel.files[item_id] in files:
                out[text] = out[text] - {panel.behaviour} | ({panel.behaviour} if decided else frozenset())
    return out


def panel_relabels(utterances: Iterable[LabelledUtterance], panel: BehaviourPanel) -> list[Relabel]:
    """A Relabel for every corpus utterance the panel holds (same text, same file): its labels with the
    panel's behaviour set as decided, every other label and counter as they are."""
    decided = {(panel.texts[i], panel.files[i]): shown for i, shown in panel.decided.items()}
    out = []
    for u in utterances:
        shown = decided.get((u.text, Path(u.file).name))
        if shown is not None:
            out.append(relabel(u, set(u.labels) - {panel.behaviour} | ({panel.behaviour} if shown else set())))
    return out
