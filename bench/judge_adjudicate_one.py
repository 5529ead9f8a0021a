"""Apply a one-behaviour panel to the corpus: two blind annotators + the label it had, two of three decide.

    .venv/bin/python -m bench.judge_adjudicate_one verification [DIR] [--record DOC] [--write]
    .venv/bin/python -m bench.judge_adjudicate_one escalation --set tune|confirm [--write]

DIR (default tests/trainer/dialogue/annotations/<behaviour>) holds the panel (trainer/dialogue/
behaviour_panel.py: key.yaml and two `ann-<letter>.yaml`); the rule the annotators followed is
docs/annotation-<behaviour>.md. Prints counts only — labels added / removed per split, Cohen's kappa
of each pair of raters, the unsure answers, and how many key labels no longer match the corpus
(another change since the panel was drawn) — never an utterance, so it can be run on the dev split's
items without reading them. With --write the corpus lines are rewritten (that behaviour only) and
every changed label with its three votes goes to DIR/adjudication.yaml and DOC (default
docs/judge-adjudication-<behaviour>.md). Running it again changes nothing (the votes come from the key).

With --set tune|confirm the same panel is applied to a reply set kept out of content (the TUNE replies, the
sealed CONFIRM set): DIR defaults to <set folder>/annotations/<behaviour>/ and the record to adjudication.md
there — never docs/, which helpers read, since the record quotes the changed replies.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from bench.judge_adjudicate_confirm import SETS
from bench.judge_agreement import ANNOTATIONS, ROOT
from settings import Settings
from trainer.dialogue.adjudication import write_relabels
from trainer.dialogue.agreement import cohen_kappa
from trainer.dialogue.behaviour_panel import BehaviourPanel, panel_relabels, read_panel
from trainer.dialogue.corpus import LabelledUtterance, read_corpus, read_sealed


def changes(panel: BehaviourPanel) -> list[dict]:
    """Every item whose decision differs from the label it had, with the three votes."""
    (first, _), (second, _) = panel.annotators
    rows = []
    for item_id, shown in panel.decided.items():
        had, a, b = panel.votes(item_id)
        if had != shown:
            rows.append({"id": item_id, "file": panel.files[item_id], "split": panel.splits[item_id],
                         "text": panel.texts[item_id], "had": had, first: a, second: b, "now": shown,
                         "unsure": sorted(n for n, ids in panel.unsure.items() if item_id in ids)})
    return rows


def summary(panel: BehaviourPanel, rows: list[dict]) -> list[str]:
    """The counts the command prints (and the record opens with): no utterance text."""
    (first, a), (second, b) = panel.annotators
    ids, current, behaviour = panel.ids, panel.current, panel.behaviour
    lines = [f"{behaviour}: {len(ids)} items, both annotators on every one: {first}, {second}"]
    for split in sorted(set(panel.splits.values())):
        in_split = [i for i in ids if panel.splits[i] == split]
        had = sum(behaviour in current[i] for i in in_split)
        added = sum(r["now"] for r in rows if r["split"] == split)
        removed = sum(not r["now"] for r in rows if r["split"] == split)
        lines.append(f"{split}: {len(in_split)} items, {had} labelled {behaviour} before → {had + added - removed} after "
                     f"(+{added} / −{removed})")
    pairs = ((f"{first}–{second}", a, b), (f"{first}–current", a, current), (f"{second}–current", b, current))
    lines.append("Cohen's kappa: " + ", ".join(f"{name} {cohen_kappa(x, y, behaviour, ids):.2f}" for name, x, y in pairs))
    said = Counter({name: sum(behaviour in labels[i] for i in ids) for name, labels in panel.annotators})
    lines.append("said shown: " + ", ".join(f"{name} {said[name]}" for name, _ in panel.annotators)
                 + f", current {sum(behaviour in current[i] for i in ids)}; unsure: "
                 + ", ".join(f"{name} {len(u)}" for name, u in panel.unsure.items())
                 + f"; the two annotators disagree on {sum((behaviour in a[i]) != (behaviour in b[i]) for i in ids)}")
    return lines


def _markdown(panel: BehaviourPanel, rows: list[dict], command: str) -> str:
    mark = {True: "✓", False: "·"}
    (first, _), (second, _) = panel.annotators
    out = [f"# {panel.behaviour}: one-behaviour panel over both splits (issue #12)", "",
           f"Written by `{command}` (do not edit by hand). The annotators labelled only {panel.behaviour}, blind (the",
           f"text and the rule, docs/annotation-{panel.behaviour}.md). Rule, fixed before any vote was seen and never",
           "looking at the model: the behaviour is shown when at least two of {annotator 1, annotator 2, the label the",
           "corpus had} say so. ✓ = the rater says shown, · = not shown; (?) = the annotator marked the answer unsure.",
           "", *(f"- {line}" for line in summary(panel, rows)), ""]
    for split in sorted({r["split"] for r in rows}):
        out += [f"## {split} split", "", f"| id | file | utterance | had | {first} | {second} | now |", "|---|---|---|---|---|---|---|"]
        for r in (r for r in rows if r["split"] == split):
            unsure = lambda name: " (?)" if name in r["unsure"] else ""  # noqa: E731
            out.append(f"| {r['id']} | {r['file']} | {r['text'].replace('|', '｜')} | {mark[r['had']]} | "
                       f"{mark[r[first]]}{unsure(first)} | {mark[r[second]]}{unsure(second)} | "
                       f"{'shown' if r['now'] else 'not shown'} |")
        out.append("")
    return "\n".join(out)


def _shown(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _utterances(which: str, content: Path) -> list[LabelledUtterance] | None:
    """The corpus (None, after saying so, when it has problems) or a reply set's valid replies (a set's
    repeated reply is left out as bench.judge leaves it out)."""
    if which == "corpus":
        utterances, problems = read_corpus(content)
        if problems:
            print(f"{len(problems)} corpus problem(s): run python -m kb validate")
            return None
        return utterances
    reply_set = SETS[which]
    utterances, problems = read_sealed(reply_set.folder, reply_set.split)
    if problems:
        print(f"{which}: {len(problems)} problem(s) in the set's files, their replies left out")
    return utterances


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_adjudicate_one")
    parser.add_argument("behaviour")
    parser.add_argument("directory", nargs="?", type=Path, default=None,
                        help="the panel's folder (default: tests/trainer/dialogue/annotations/<behaviour>)")
    parser.add_argument("--record", type=Path, default=None, help="the Markdown record (default: docs/judge-adjudication-<behaviour>.md)")
    parser.add_argument("--set", choices=["corpus", *sorted(SETS)], default="corpus",
                        help="what the panel relabels: the corpus (default) or a reply set kept out of content")
    parser.add_argument("--write", action="store_true", help="rewrite the corpus and the records")
    args = parser.parse_args(argv)
    if args.set == "corpus":
        directory = args.directory or ANNOTATIONS / args.behaviour
        record = args.record or ROOT / "docs" / f"judge-adjudication-{args.behaviour}.md"
        root = Settings.from_env().content_dir
    else:
        directory = args.directory or SETS[args.set].panel_dir / args.behaviour
        record = args.record or directory / "adjudication.md"
        root = ROOT
    utterances = _utterances(args.set, root)
    if utterances is None:
        return 1
    panel = read_panel(directory, args.behaviour)
    rows = changes(panel)
    for line in summary(panel, rows):
        print(line)
    relabels = panel_relabels(utterances, panel)
    by_text = {r.utterance.text: r.utterance for r in relabels}
    drifted = sum((panel.behaviour in panel.current[i]) != by_text[panel.texts[i]].shows(panel.behaviour)
                  for i in panel.ids if panel.texts[i] in by_text)
    print(f"{args.set}: {len(relabels)} of {len(panel.ids)} items found; {drifted} whose label differs from the key's "
          f"(this panel's rewrite, or a change since it was drawn); {sum(r.changed for r in relabels)} lines to rewrite")
    if args.write:
        print(f"{args.set}: {write_relabels(root, relabels)} lines rewritten")
        (directory / "adjudication.yaml").write_text(yaml.safe_dump(
            {"behaviour": panel.behaviour, "rule": "shown when at least two of annotator 1, annotator 2 and the label it had say so",
             "annotators": [name for name, _ in panel.annotators], "changes": rows},
            allow_unicode=True, sort_keys=False), encoding="utf-8")
        where = "" if args.set == "corpus" else f" --set {args.set}"
        command = f"python -m bench.judge_adjudicate_one {panel.behaviour} {_shown(directory)}{where} --write"
        record.write_text(_markdown(panel, rows, command), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
