"""Adjudicate the corpus's labels by a fixed rule: per item and behaviour, the majority of three.

    .venv/bin/python -m bench.judge_adjudicate [DIR] [--split dev|train ...] [--record DOC] [--write]

The three votes are the writer's label (from the annotation key, i.e. before any adjudication)
and the two blind annotators' of the item's panel (bench/judge_agreement.py). The rule never looks
at the model or its scores. Items that only one annotator (or none) labelled keep the writer's
labels. With --write the corpus files are rewritten (labels, and a `counter` entry dropped when
the majority says that behaviour IS shown; splits untouched), and the record of every changed
label with its three votes goes to DIR/adjudication-<split>.yaml and docs/judge-adjudication.md.
Running it again changes nothing (the votes come from the key, not from the rewritten corpus); a
behaviour a later one-behaviour panel relabelled (annotations/<behaviour>/, bench/judge_adjudicate_one.py)
keeps that panel's decision.
Only the corpus files the key was written from are rewritten (a later file with a repeated text is
not). A training file adjudicated later has its own DIR and its own record, e.g.

    .venv/bin/python -m bench.judge_adjudicate tests/trainer/dialogue/annotations/frontline --split train \
        --record docs/judge-adjudication-frontline.md --write
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from bench.judge_agreement import ANNOTATIONS, ROOT, SplitVotes, split_votes
from settings import Settings
from trainer.dialogue.agreement import key_files
from trainer.dialogue.adjudication import relabels_by_text, write_relabels
from trainer.dialogue.behaviour_panel import panels_under, with_panels
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus

RECORD_DOC = ROOT / "docs" / "judge-adjudication.md"


def changes(votes: SplitVotes, key_items: dict[str, dict]) -> list[dict]:
    """Every (item, behaviour) whose majority differs from the writer's label, with the three votes."""
    rows = []
    decided = votes.majority
    for item_id in votes.ids:
        for behaviour in UTTERANCE_BEHAVIOURS:
            said = [behaviour in r[item_id] for r in (votes.writer, votes.first, votes.second)]
            if said[0] != (behaviour in decided[item_id]):
                item = key_items[item_id]
                rows.append({"id": item_id, "file": item["file"], "text": item["text"], "behaviour": behaviour,
                             "writer": said[0], "annotator_1": said[1], "annotator_2": said[2],
                             "now": behaviour in decided[item_id],
                             "counter_dropped": behaviour in (item.get("counter") or []) and said[1] and said[2]})
    return rows


def _markdown(split: str, votes: SplitVotes, rows: list[dict]) -> str:
    mark = {True: "✓", False: "·"}
    lines = [f"## {split} split: {len(rows)} labels changed on {len({r['id'] for r in rows})} of {len(votes.ids)} items",
             "", "Panels: " + ", ".join(f"{p} = {a} + {b} ({n} items)" for p, a, b, n in votes.panels),
             "", "| id | file | utterance | behaviour | writer | ann. 1 | ann. 2 | now |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        text = r["text"].replace("|", "｜")
        now = ("shown" if r["now"] else "not shown") + (" (counter dropped)" if r["counter_dropped"] else "")
        lines.append(f"| {r['id']} | {r['file']} | {text} | {r['behaviour']} | {mark[r['writer']]} | "
                     f"{mark[r['annotator_1']]} | {mark[r['annotator_2']]} | {now} |")
    return "\n".join(lines) + "\n"


def _shown(path: Path) -> str:
    """A path as the record names it: relative to the repository when inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _options(args: argparse.Namespace) -> str:
    """The command's options that differ from the corpus's own adjudication, as the record quotes them."""
    if args.directory.resolve() == ANNOTATIONS and args.record.resolve() == RECORD_DOC:
        return ""
    return f"{_shown(args.directory)} --split {' '.join(args.split)} --record {_shown(args.record)} "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_adjudicate")
    parser.add_argument("directory", nargs="?", type=Path, default=ANNOTATIONS)
    parser.add_argument("--split", nargs="*", default=["dev", "train"], choices=("dev", "train"))
    parser.add_argument("--record", type=Path, default=RECORD_DOC, help="the Markdown record (default: %(default)s)")
    parser.add_argument("--write", action="store_true", help="rewrite the corpus and the records")
    args = parser.parse_args(argv)
    content = Settings.from_env().content_dir
    utterances, problems = read_corpus(content)
    if problems:
        print(f"{len(problems)} corpus problem(s): run python -m kb validate")
        return 1
    sections = []
    for split in args.split:
        votes = split_votes(args.directory, split)
        if votes is None:
            print(f"{split}: no complete panel of two annotators: nothing adjudicated")
            continue
        key = args.directory / f"{split}_key.yaml"
        key_items = {i["id"]: i for i in yaml.safe_load(key.read_text(encoding="utf-8"))["items"]}
        rows = changes(votes, key_items)
        decided = votes.majority
        files = key_files(key)
        shown = with_panels({votes.texts[i]: decided[i] for i in votes.ids}, panels_under(ANNOTATIONS), files)
        relabels = relabels_by_text([u for u in utterances if u.split == split and Path(u.file).name in files], shown)
        print(f"{split}: {len(rows)} labels differ from the writer's on {len({r['id'] for r in rows})} of "
              f"{len(votes.ids)} items; {sum(r.changed for r in relabels)} corpus lines to rewrite")
        sections.append(_markdown(split, votes, rows))
        if args.write:
            print(f"{split}: {write_relabels(content, relabels)} corpus lines rewritten")
            (args.directory / f"adjudication-{split}.yaml").write_text(
                yaml.safe_dump({"split": split, "rule": "majority of writer + annotator 1 + annotator 2, per behaviour",
                                "panels": [list(p) for p in votes.panels], "changes": rows},
                               allow_unicode=True, sort_keys=False), encoding="utf-8")
    if args.write and sections:
        args.record.write_text(
            "# Adjudicated labels of the utterance corpus (issue #12)\n\n"
            f"Written by `python -m bench.judge_adjudicate {_options(args)}--write` (do not edit by hand). Rule, fixed before any\n"
            "figure was seen and never looking at the model: per item and behaviour, the label is the majority of\n"
            "three votes — the corpus writer's original label and two blind annotators' (helper sessions that saw\n"
            "only the text and the definitions in the annotation brief). A `counter` entry is dropped when the\n"
            "majority says that behaviour is shown. Splits are unchanged. ✓ = the rater says the behaviour is\n"
            f"shown, · = not shown. Machine-readable: `{_shown(args.directory)}/adjudication-<split>.yaml`.\n\n"
            + "\n".join(sections), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
