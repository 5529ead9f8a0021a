"""The labelled corpus of agent utterances (content/dialogue/utterances/<writer>.yaml).

Each file is one writer's utterances, each with every behaviour it shows (`labels`, or `none`),
the negative behaviours it must *not* be flagged for (`counter`: hard counter-examples such as
a negated promise), and a fixed `split`: `train` utterances teach the classifier, `dev` ones
only measure it (never trained or tuned on). The split is stored, so it never moves when the
corpus grows; `assign_splits` makes it once for a new writer's file.

A file marked `training_only: true` holds hard examples written to teach the classifier (e.g.
polite comprehension checks that must not read as rude): its utterances are always `train`
(`split` may be left out, and `dev` is an error), so the dev split stays the three corpus
writers' words and its figures stay comparable. A training-only file may say which behaviours it
was written to teach (`teaches: [rude, empathy]`): its labels then train and calibrate only those,
and say nothing of the others (unknown, not "not shown"); the behaviours no such file teaches are
scored by the classifier of the corpus without these files, so hard examples written for one
behaviour cannot move another's score, head or threshold (`trainer.dialogue.taught`;
docs/benchmarks.md, judge11 and judge12).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from kb.yaml_source import LocatedDict, Problem, parse_yaml, read_source
from trainer.dialogue.behaviours import NEGATIVE, NO_BEHAVIOUR, UTTERANCE_BEHAVIOURS

CORPUS_FOLDER = "dialogue/utterances"
SPLITS = ("train", "dev")
SEALED_SPLIT = "confirm"  # the split of a sealed set's utterances: measured once, never trained on
TUNE_SPLIT = "tune"  # the tune replies' split: kept out of content like the sealed set, but read freely
CHECK_SPLIT = "check"  # the check replies' split: kept out like the tune replies, read for figures only, never item by item
DEV_SHARE = 0.30
FILE_FIELDS = {"writer", "personas", "utterances", "training_only", "teaches"}
UTTERANCE_FIELDS = {"text", "labels", "counter", "split", "note"}


@dataclass(frozen=True)
class LabelledUtterance:
    """One agent utterance and what it shows; `counter` lists faults it must not be flagged for."""

    text: str
    labels: tuple[str, ...]
    counter: tuple[str, ...] = ()
    split: str = "train"
    writer: str = ""
    file: str = ""
    line: int = 0
    training_only: bool = False  # from a training-only file: never in dev
    teaches: tuple[str, ...] = ()  # the behaviours its file was written to teach (empty: every behaviour)

    def shows(self, behaviour: str) -> bool:
        return behaviour in self.labels

    def teaches_about(self, behaviour: str) -> bool:
        """Whether this utterance's label for `behaviour` trains and calibrates it (else it is unknown)."""
        return not self.teaches or behaviour in self.teaches


def stable_rank(text: str) -> float:
    """A number in [0, 1) fixed by the text alone: the same utterance always lands in the same split."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16) / float(1 << 48)


def assign_splits(items: Sequence[Mapping], share: float = DEV_SHARE) -> list[str]:
    """`dev` for about `share` of `items` (mappings with text, labels, counter), else `train`.

    Utterances are taken in the order of their text hash; one goes to dev while some behaviour
    (or counter-example kind) it carries still has fewer than `share` of its examples in dev,
    so every behaviour gets dev examples and the whole stays near `share`.
    """
    def strata(item: Mapping) -> list[str]:
        return list(item.get("labels") or []) + [f"counter:{c}" for c in item.get("counter") or []]

    totals: dict[str, int] = {}
    for item in items:
        for stratum in strata(item):
            totals[stratum] = totals.get(stratum, 0) + 1
    in_dev: dict[str, int] = {}
    target = round(share * len(items))
    splits = ["train"] * len(items)
    dev = 0
    for position in sorted(range(len(items)), key=lambda i: stable_rank(str(items[i]["text"]))):
        wanted = [s for s in strata(items[position]) if in_dev.get(s, 0) < share * totals[s]]
        if dev < target and wanted and all(in_dev.get(s, 0) + 1 <= share * totals[s] + 1 for s in strata(items[position])):
            splits[position] = "dev"
            dev += 1
            for stratum in strata(items[position]):
                in_dev[stratum] = in_dev.get(stratum, 0) + 1
    return splits


def _names(root: Path, overrides: Mapping[str, str | None]) -> list[str]:
    folder = root / CORPUS_FOLDER
    names = {f"{CORPUS_FOLDER}/{p.name}" for p in folder.glob("*.yaml")} if folder.is_dir() else set()
    names |= {n for n, t in overrides.items() if n.startswith(f"{CORPUS_FOLDER}/") and n.endswith(".yaml") and t is not None}
    names -= {n for n, t in overrides.items() if t is None}
    return sorted(names)


def _behaviour_list(item: LocatedDict, field: str, name: str, allowed: Iterable[str],
                    problems: list[Problem]) -> tuple[str, ...]:
    value = item.get(field)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(name, item.line_of(field), None, field, "must be a list of behaviour names",
                                "必须是行为名称的列表"))
        return ()
    allowed = tuple(allowed)
    for unknown in [v for v in value if v not in allowed]:
        problems.append(Problem(name, item.line_of(field), None, field,
                                f"unknown behaviour '{unknown}' (one of: {', '.join(allowed)})",
                                f"未知的行为“{unknown}”（可用：{', '.join(allowed)}）"))
    if len(set(value)) != len(value):
        problems.append(Problem(name, item.line_of(field), None, field, "lists a behaviour twice", "同一个行为列了两次"))
    return tuple(v for v in dict.fromkeys(value) if v in allowed)


def _read_file(data, name: str, problems: list[Problem], seen: dict[str, str],
               sealed: bool = False) -> list[LabelledUtterance]:
    """A file's valid utterances; `sealed`: a sealed set's file (no split, nothing training-only)."""
    if not isinstance(data, LocatedDict):
        problems.append(Problem(name, 1, None, None, "must be a mapping with writer: and utterances:",
                                "必须是包含 writer: 和 utterances: 的映射"))
        return []
    for unknown in sorted(set(data) - FILE_FIELDS):
        problems.append(Problem(name, data.line_of(unknown), None, unknown, "unknown field", "未知字段"))
    writer = data.get("writer")
    if not isinstance(writer, str) or not writer.strip():
        problems.append(Problem(name, data.line_of("writer"), None, "writer", "is missing (who wrote these utterances)",
                                "缺少此字段（这些话语的作者）"))
        writer = Path(name).stem
    training_only = data.get("training_only", False)
    if sealed and "training_only" in data:
        problems.append(Problem(name, data.line_of("training_only"), None, "training_only",
                                "a sealed set trains nothing (leave the field out)", "封存的测试集不用于训练（请删去此字段）"))
        training_only = False
    if not isinstance(training_only, bool):
        problems.append(Problem(name, data.line_of("training_only"), None, "training_only", "must be true or false", "只能是 true 或 false"))
        training_only = False
    teaches: tuple[str, ...] = ()
    if "teaches" in data:
        teaches = _behaviour_list(data, "teaches", name, UTTERANCE_BEHAVIOURS, problems)
        if not training_only:
            problems.append(Problem(name, data.line_of("teaches"), None, "teaches",
                                    "needs training_only: true (a corpus writer's labels count for every behaviour)",
                                    "需要 training_only: true（语料作者的标注对所有行为都算数）"))
        if not teaches:
            problems.append(Problem(name, data.line_of("teaches"), None, "teaches", "must list at least one behaviour",
                                    "至少列出一个行为"))
    items = data.get("utterances")
    if not isinstance(items, list) or not items:
        problems.append(Problem(name, data.line_of("utterances"), None, "utterances", "must be a non-empty list", "必须是非空列表"))
        return []
    found = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, LocatedDict):
            problems.append(Problem(name, data.line_of("utterances"), None, "utterances", f"item {position} must be a mapping",
                                    f"第 {position} 项必须是映射"))
            continue
        before = len(problems)
        for unknown in sorted(set(item) - UTTERANCE_FIELDS):
            problems.append(Problem(name, item.line_of(unknown), None, unknown, "unknown field", "未知字段"))
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(name, item.line_of("text"), None, "text", "is missing", "缺少此字段"))
            continue
        text = text.strip()
        if text in seen:
            problems.append(Problem(name, item.line_of("text"), None, "text", f"duplicate utterance (also in {seen[text]})",
                                    f"话语重复（{seen[text]} 中已有）"))
        seen.setdefault(text, f"{name}:{item.line}")
        labels = _behaviour_list(item, "labels", name, UTTERANCE_BEHAVIOURS + (NO_BEHAVIOUR,), problems)
        if "labels" not in item:
            problems.append(Problem(name, item.line, None, "labels", f"is missing (behaviours shown, or [{NO_BEHAVIOUR}])",
                                    f"缺少此字段（体现的行为，或 [{NO_BEHAVIOUR}]）"))
        elif item.get("labels") == []:
            problems.append(Problem(name, item.line_of("labels"), None, "labels", f"is empty (use [{NO_BEHAVIOUR}])",
                                    f"为空（没有行为请写 [{NO_BEHAVIOUR}]）"))
        if NO_BEHAVIOUR in labels and len(labels) > 1:
            problems.append(Problem(name, item.line_of("labels"), None, "labels", f"'{NO_BEHAVIOUR}' cannot go with other behaviours",
                                    f"“{NO_BEHAVIOUR}”不能与其他行为同时出现"))
        counter = _behaviour_list(item, "counter", name, NEGATIVE, problems)
        for clash in sorted(set(counter) & set(labels)):
            problems.append(Problem(name, item.line_of("counter"), None, "counter",
                                    f"'{clash}' is both shown and a counter-example",
                                    f"“{clash}”不能既是体现的行为又是反例"))
        split = item.get("split", SEALED_SPLIT if sealed else "train" if training_only else None)
        if sealed:
            if "split" in item:
                problems.append(Problem(name, item.line_of("split"), None, "split",
                                        "a sealed set has no split (none of it is ever trained on)",
                                        "封存的测试集没有 split（其中的话语从不用于训练）"))
        elif training_only and split == "dev":
            problems.append(Problem(name, item.line_of("split"), None, "split",
                                    "is dev in a training_only file (its utterances only teach; dev is for other writers' words)",
                                    "training_only 文件中不能有 dev（这些话语只用于训练；dev 留给其他作者的原话）"))
        elif split not in SPLITS:
            problems.append(Problem(name, item.line_of("split") if "split" in item else item.line, None, "split",
                                    f"must be one of {', '.join(SPLITS)}" + ("" if split is None else f", not {split!r}"),
                                    f"只能是 {', '.join(SPLITS)} 之一" + ("" if split is None else f"，不能是 {split!r}")))
        if len(problems) == before:
            found.append(LabelledUtterance(text, tuple(l for l in labels if l != NO_BEHAVIOUR), counter, split,
                                           writer.strip(), name, item.line, training_only, teaches))
    return found


def read_corpus(root: Path | str, overrides: Mapping[str, str | None] | None = None
                ) -> tuple[list[LabelledUtterance], list[Problem]]:
    """Every valid utterance under root/dialogue/utterances (drafts applied) and every problem found."""
    root, overrides = Path(root), dict(overrides or {})
    return _read_files(root, _names(root, overrides), overrides, sealed=False)


def read_sealed(folder: Path | str, split: str = SEALED_SPLIT) -> tuple[list[LabelledUtterance], list[Problem]]:
    """Every valid utterance of a set kept out of content (folder/*.yaml) and every problem found.

    `split` names the set its utterances belong to: `confirm` (the sealed set) or `tune` (the tune
    replies, read freely); neither is ever trained on. Problems name the file as folder/file.yaml; a
    folder without any file is a problem too."""
    folder = Path(folder)
    names = sorted(p.name for p in folder.glob("*.yaml")) if folder.is_dir() else []
    if not names:
        return [], [Problem(str(folder), 0, None, None, "holds no .yaml file", "没有 .yaml 文件")]
    utterances, problems = _read_files(folder, names, {}, sealed=True)
    if split != SEALED_SPLIT:
        utterances = [replace(u, split=split) for u in utterances]
    return utterances, problems


def _read_files(root: Path, names: Sequence[str], overrides: Mapping[str, str | None],
                sealed: bool) -> tuple[list[LabelledUtterance], list[Problem]]:
    utterances: list[LabelledUtterance] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name in names:
        shown = str(root / name) if sealed else name
        if name in overrides:
            data, parse_problems = parse_yaml(overrides[name] or "", name)
        else:
            text, parse_problems = read_source(root / name, shown)
            if text is not None:
                data, parse_problems = parse_yaml(text, shown)
        problems += parse_problems
        if not parse_problems:
            utterances += _read_file(data, shown, problems, seen, sealed)
    return utterances, problems


def corpus_hash(utterances: Iterable[LabelledUtterance]) -> str:
    """Identifies what a classifier is trained on (texts, labels, counters, splits; not line numbers)."""
    digest = hashlib.sha256()
    for u in sorted(utterances, key=lambda u: u.text):
        taught = f"\0{','.join(sorted(u.teaches))}" if u.teaches else ""  # absent: the hashes of before stay
        digest.update(f"{u.text}\0{','.join(sorted(u.labels))}\0{','.join(sorted(u.counter))}\0{u.split}{taught}\n".encode())
    return digest.hexdigest()[:24]


def corpus_fingerprint(root: Path | str) -> str:
    """A cheap change check of the corpus files on disk (their bytes), without parsing them."""
    digest = hashlib.sha256()
    for name in _names(Path(root), {}):
        try:
            digest.update(name.encode() + b"\0" + (Path(root) / name).read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:24]
