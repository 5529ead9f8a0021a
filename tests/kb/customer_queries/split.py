"""Bring the customer-words dev set in from the writers' drafts with a fixed tune/dev split.

    /work/main/.venv/bin/python tests/kb/customer_queries/split.py /work/drafts/queries/*.yaml

Each writer file holds `queries` (q, ids best first, tags) and `negatives` (q, domain).
Every item goes to `tune` or `dev` by the parity of the first 8 hex digits of sha256(q):
the split depends on the text alone, so re-importing a writer's grown file never moves an
item between halves. `tune` may be looked at and tuned on; `dev` is held out (figures only).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
HEADER = """# Customer-words dev set (issue #14), {half} half, writer {writer}.
# Written by helper sessions with personas (angry customer / poor typing, elderly customer /
# relative of the insured) who did not write the content. Imported unchanged by
# tests/kb/customer_queries/split.py: an item is in `tune` when int(sha256(q)[:8], 16) is even,
# else in `dev`. {rule}
# Do not edit by hand: fix the writer's draft and re-run split.py.
"""
RULES = {
    "tune": "TUNE: may be inspected and used to tune thresholds, maps and content variants.",
    "dev": "DEV: held out. Report figures only; never inspect single failures or tune on it.",
}


def half_of(text: str) -> str:
    """'tune' or 'dev' for a query text; stable across runs and file edits."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "dev"


def _flow(rows: list[dict]) -> str:
    """One YAML flow mapping per line, as the writers wrote them (easy to read and diff)."""
    return "".join("  - " + yaml.safe_dump(row, allow_unicode=True, default_flow_style=True,
                                            width=10_000, sort_keys=False).strip() + "\n" for row in rows)


def split_file(path: Path) -> dict[str, tuple[int, int]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    writer = str(data.get("writer") or path.stem)
    counts = {}
    for half in ("tune", "dev"):
        queries = [row for row in data.get("queries") or [] if half_of(str(row["q"])) == half]
        negatives = [row for row in data.get("negatives") or [] if half_of(str(row["q"])) == half]
        body = HEADER.format(half=half, writer=writer, rule=RULES[half]) + f"writer: {writer}\nsplit: {half}\n"
        body += "queries:\n" + _flow(queries) + "negatives:\n" + _flow(negatives)
        target = HERE / half / f"{writer}.yaml"
        target.parent.mkdir(exist_ok=True)
        target.write_text(body, encoding="utf-8")
        counts[half] = (len(queries), len(negatives))
    return counts


def main(paths: list[str]) -> None:
    for path in paths:
        for half, (queries, negatives) in split_file(Path(path)).items():
            print(f"{Path(path).name}: {half} {queries} queries, {negatives} negatives")


if __name__ == "__main__":
    main(sys.argv[1:])
