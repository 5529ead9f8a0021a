"""Journey step times as users feel them: the browser tests (tests/browser) run against the app
started as `make run` starts it, and each step's median is printed against the issue-16 targets.

    .venv/bin/python -m bench.browser_journeys [--runs N]

Each step is timed from the user's action to the end of the last rerun it causes and the last
change to the page (tests/browser/driver.py). Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# seconds, median in the browser on the 2-core machine (issue 16)
TARGETS = {"search": 0.8, "quiz submit": 0.8, "practice turn": 0.8, "practice report": 1.5, "editor save": 1.5,
           "open a page": 2.0, "sign in": 2.0, "switch language": 2.0, "batch hit test": 15.0}


def run_suite(runs: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/browser"], cwd=ROOT, check=False,
                           env={**__import__("os").environ, "AGENT_TRAINER_BROWSER_TIMINGS": out.name})
            text = Path(out.name).read_text() or "{}"
        for step, seconds in json.loads(text).items():
            timings[step] += seconds
    return timings


def table(timings: dict[str, list[float]]) -> str:
    rows = ["| step | n | median s | max s | target s | met |", "|---|---|---|---|---|---|"]
    for step in sorted(timings, key=lambda s: (s not in TARGETS, s)):
        values = timings[step]
        median = statistics.median(values)
        target = TARGETS.get(step)
        met = "—" if target is None else ("yes" if median <= target else "no")
        rows.append(f"| {step} | {len(values)} | {median:.2f} | {max(values):.2f} | {target or '—'} | {met} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="suite runs to pool (each takes a few minutes)")
    parser.add_argument("--from-json", help="print the table from a timings file the suite wrote")
    args = parser.parse_args()
    timings = json.loads(Path(args.from_json).read_text()) if args.from_json else run_suite(args.runs)
    print(table(timings))


if __name__ == "__main__":
    main()
