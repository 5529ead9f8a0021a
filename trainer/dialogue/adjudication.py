"""Writing adjudicated labels back into the corpus files, one utterance line at a time.

The corpus keeps one utterance per line (`- {text: …, labels: […], counter: […], split: …}`), so
a label change rewrites only that line's `labels` and `counter` lists: the text, the split, the
order and every comment stay as the writer left them. A `counter` entry goes when the new labels
say the behaviour IS shown (an utterance cannot both show a fault and be its counter-example).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from trainer.dialogue.behaviours import NO_BEHAVIOUR, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import LabelledUtterance

_LABELS = re.compile(r", labels: \[[^\]]*\]")
_COUNTER = re.compile(r", counter: \[[^\]]*\]")


@dataclass(frozen=True)
class Relabel:
    """One utterance's labels before and after adjudication."""

    utterance: LabelledUtterance
    labels: tuple[str, ...]
    counter: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return set(self.labels) != set(self.utterance.labels) or set(self.counter) != set(self.utterance.counter)


def relabel(utterance: LabelledUtterance, shown: Iterable[str]) -> Relabel:
    """The utterance with `shown` as its labels and its counters made consistent.

    Labels the writer gave keep their place; added ones follow in the behaviours' order, so a
    line's diff shows only what changed.
    """
    shown = set(shown)
    labels = tuple([b for b in utterance.labels if b in shown]
                   + [b for b in UTTERANCE_BEHAVIOURS if b in shown and b not in utterance.labels])
    counter = tuple(c for c in utterance.counter if c not in shown)
    return Relabel(utterance, labels, counter)


def rewritten_line(line: str, labels: Iterable[str], counter: Iterable[str]) -> str:
    """The corpus line with new `labels` and `counter` lists (an empty counter list is dropped)."""
    labels, counter = list(labels) or [NO_BEHAVIOUR], list(counter)
    if len(_LABELS.findall(line)) != 1 or len(_COUNTER.findall(line)) > 1:
        raise ValueError(f"not a one-line utterance: {line!r}")
    line = _LABELS.sub(f", labels: [{', '.join(labels)}]", line)
    if _COUNTER.search(line):
        return _COUNTER.sub(f", counter: [{', '.join(counter)}]" if counter else "", line)
    if counter:
        return _LABELS.sub(lambda m: m.group(0) + f", counter: [{', '.join(counter)}]", line)
    return line


def write_relabels(root: Path | str, relabels: Iterable[Relabel]) -> int:
    """Rewrite every changed utterance's line in its file under `root`; returns how many lines changed."""
    by_file: dict[str, list[Relabel]] = {}
    for r in relabels:
        if r.changed:
            by_file.setdefault(r.utterance.file, []).append(r)
    changed = 0
    for name, items in sorted(by_file.items()):
        path = Path(root) / name
        lines = path.read_text(encoding="utf-8").split("\n")
        for r in items:
            index = r.utterance.line - 1
            if r.utterance.text not in lines[index]:
                raise ValueError(f"{name}:{r.utterance.line} does not hold {r.utterance.text!r}")
            lines[index] = rewritten_line(lines[index], r.labels, r.counter)
            changed += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def relabels_by_text(utterances: Iterable[LabelledUtterance], shown: Mapping[str, Iterable[str]]) -> list[Relabel]:
    """A Relabel for every utterance whose text has adjudicated labels in `shown`."""
    return [relabel(u, shown[u.text]) for u in utterances if u.text in shown]
