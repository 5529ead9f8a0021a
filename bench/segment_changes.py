"""Which replies a change to trainer/dialogue/segments.py cuts differently — before paying for the retrain it forces.

    .venv/bin/python -m bench.segment_changes [--ref main] [--list] [--held-out]
    .venv/bin/python -m bench.segment_changes --judge-with-ref-classifier --tune-replies   # + bench.judge's arguments

segments.py is a training module (`classifier.TRAINING_MODULES`): any edit retrains every judge classifier (35+ min
under load). This counts, per set, the replies whose reading units (`segments.reading_units`) differ between this
checkout and `--ref`'s segments.py: the train split (what the retrain would learn differently), the TUNE replies and the
tune call sets' agent turns (what may be read, and listed with `--list`); `--held-out` adds dev, CHECK and the held-out /
check call sets as counts only, never an item. `--judge-with-ref-classifier` runs bench.judge with the classifier
`--ref`'s training code trained (the warm cache): the judging side of the change alone, no retrain (judge52b).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from settings import Settings
from trainer.dialogue import classifier, segments
from trainer.dialogue.corpus import CHECK_SPLIT, read_corpus
from trainer.dialogue.written_calls import load_calls

TUNE_CALLS = ("tune", "tune-regional", "tune-standard")
HELD_OUT_CALLS = ("held-out", "check", "check-standard")


def _at_ref(ref: str, name: str) -> bytes:
    return subprocess.run(["git", "show", f"{ref}:trainer/dialogue/{name}"], capture_output=True, check=True).stdout


def ref_segments(ref: str) -> ModuleType:
    """`ref`'s segments.py, loaded as a module of its own."""
    path = Path(tempfile.mkdtemp(prefix="segments-")) / "ref_segments.py"
    path.write_bytes(_at_ref(ref, "segments.py"))
    spec = importlib.util.spec_from_file_location("ref_segments", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["ref_segments"] = module  # a dataclass needs its module registered
    spec.loader.exec_module(module)
    return module


def changed(texts: list[str], before: ModuleType) -> list[str]:
    """The texts whose reading units differ between `before` and this checkout."""
    return [t for t in texts
            if [u.text for u in before.reading_units(t)] != [u.text for u in segments.reading_units(t)]]


def use_ref_classifier(ref: str) -> None:
    """Open the classifier `ref`'s training modules trained, whatever this checkout's training code."""
    digest = hashlib.sha256()
    for name in classifier.TRAINING_MODULES:
        digest.update(_at_ref(ref, name))
    classifier.training_code_hash = lambda: digest.hexdigest()[:8]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main", help="the commit whose segments.py is compared (default main)")
    parser.add_argument("--list", action="store_true", help="list the TUNE replies and tune call turns cut differently")
    parser.add_argument("--held-out", action="store_true", help="also count (never list) dev, CHECK and held-out calls")
    parser.add_argument("--judge-with-ref-classifier", action="store_true",
                        help="run bench.judge with --ref's classifier and the other arguments")
    args, judge_args = parser.parse_known_args(argv)
    if args.judge_with_ref_classifier:
        use_ref_classifier(args.ref)
        from bench import judge
        return judge.main(judge_args)
    if judge_args:
        parser.error(f"unrecognized arguments: {' '.join(judge_args)}")
    from bench.judge import CHECK_REPLIES_DIR, TUNE_REPLIES_DIR, confirm_items
    before = ref_segments(args.ref)
    utterances, _ = read_corpus(Settings.from_env().content_dir)
    trained_on = [u.text for u in utterances]
    tune = [u.text for u in confirm_items(TUNE_REPLIES_DIR, trained_on)[0]]
    readable = [("train split", [u.text for u in utterances if u.split == "train"], False),
                ("TUNE replies", tune, True)]
    readable += [(f"{name} call turns", [t for c in load_calls(name) for t in c.turns], True) for name in TUNE_CALLS]
    held_out = [("dev replies", [u.text for u in utterances if u.split == "dev"]),
                ("CHECK replies", [u.text for u in confirm_items(CHECK_REPLIES_DIR, trained_on, CHECK_SPLIT)[0]])]
    held_out += [(f"{name} call turns", [t for c in load_calls(name) for t in c.turns]) for name in HELD_OUT_CALLS]
    for name, texts, listed in readable + [(n, t, False) for n, t in held_out if args.held_out]:
        differ = changed(texts, before)
        print(f"{name}: {len(differ)} / {len(texts)} cut differently")
        for text in differ if args.list and listed else ():
            print("    " + " | ".join(u.text for u in segments.sentence_segments(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
