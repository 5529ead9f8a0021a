"""The annotation key: which utterance each blind annotator's item id stands for.

    .venv/bin/python -m bench.annotation_key OUT_DIR [--content DIR]   # write dev_key.yaml, train_key.yaml
    .venv/bin/python -m bench.annotation_key --check DIR               # ids and texts still match the corpus

Ids are the utterances of each split in the order of sha256(text) (`trainer.dialogue.agreement.key_order`),
so they depend on the texts only. The key files in tests/trainer/dialogue/annotations/ were written
from the corpus *before* adjudication (main 5c452d9): their labels are the writers' own, the
reference that bench/judge_agreement.py compares the annotators with. `--check` compares ids and
texts only, since adjudication changes labels but never moves an item.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from settings import Settings
from trainer.dialogue.agreement import key_files, key_rows, read_key
from trainer.dialogue.corpus import read_corpus

SPLITS = ("dev", "train")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.annotation_key")
    parser.add_argument("out_dir", nargs="?", type=Path)
    parser.add_argument("--content", type=Path, default=None, help="content dir (default: the setting)")
    parser.add_argument("--check", type=Path, default=None, help="a folder of key files to check against the corpus")
    args = parser.parse_args(argv)
    utterances, problems = read_corpus(args.content or Settings.from_env().content_dir)
    if problems:
        print(f"{len(problems)} corpus problem(s): run python -m kb validate")
        return 1
    if args.check:
        bad = 0
        for split in SPLITS:
            _, texts = read_key(args.check / f"{split}_key.yaml")
            now = {row["id"]: row["text"] for row in key_rows(utterances, split, key_files(args.check / f"{split}_key.yaml"))}
            bad += now != texts
            print(f"{split}: {len(texts)} ids, {'match' if now == texts else 'DIFFER from'} the corpus")
        return 1 if bad else 0
    if args.out_dir is None:
        parser.error("give OUT_DIR or --check DIR")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        rows = key_rows(utterances, split)
        (args.out_dir / f"{split}_key.yaml").write_text(
            yaml.safe_dump({"items": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"{split}: {len(rows)} items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
