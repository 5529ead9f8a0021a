"""Bring the customer-words dev set in from the writers' drafts with a fixed tune/dev split.

    /work/main/.venv/bin/python tests/kb/customer_queries/split.py /work/drafts/queries/w-NEW.yaml

Import only the writers you mean to (re)import: the first two writers' drafts
(w-angry-typo, w-elderly-relative) were edited after their import, and re-importing them would
change the held-out DEV half that every pass's figures are compared on.

Each writer file holds `queries` (q, ids best first, tags) and `negatives` (q, domain).
Every item goes to `tune` or `dev` by the parity of the first 8 hex digits of sha256(q):
the split depends on the text alone, so re-importing a writer's grown file never moves an
item between halves. `tune` may be looked at and tuned on; `dev` is held out (figures only).

A writer file with `split: tune` at the top is training data as a whole (written after DEV was
fixed, so that DEV stays the same set across passes): all its items go to `tune`, none to `dev`.
A writer file with `split: confirm` is a held-out confirmation set as a whole (written by a fresh
writer after DEV had been read in many passes): all its items go to `confirm`, read once per stop,
never tuned on. The English sets (tests/kb/english_queries, `--out`) are new, so there a whole
writer file may also be `split: dev`.

    .venv/bin/python tests/kb/customer_queries/split.py --out tests/kb/english_queries /work/drafts/queries15/en-agent.yaml

A writer asked for questions on a few entries (content50: 64 agents' questions on the eight non-disclosure entries and
16 near misses) is split `alternate`: per entry (its first id) in the file's order, the first, third … question go to
`tune` (half A: the evidence a content owner reads to write the entries' variants) and the second, fourth … to
`confirm` (half B: held out, figures only); negatives and near misses alternate the same way in their own order. The
halves are fixed by the file's order, so a re-import of a grown file must append, not insert. Rows may be written
{text, entry} as well as {q, ids}; `near` rows ({text, why}: questions another entry answers, which must not gain the
asked-about entries) are kept under `near:` (no bench or floor reads them as labelled queries).

    .venv/bin/python tests/kb/customer_queries/split.py --split alternate /work/drafts/content50w/nondisclosure-queries.yaml
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
HEADER = """# Customer-words dev set (issue #14), {half} half, writer {writer}.
# Written by helper sessions with personas who did not write the content. Imported unchanged by
# tests/kb/customer_queries/split.py: {how} {rule}
# Do not edit by hand: fix the writer's draft and re-run split.py.
"""
HASHED = "an item is in `tune` when int(sha256(q)[:8], 16) is even,\n# else in `dev`."
WHOLE = {
    "tune": ("the writer's file says `split: tune`: every item of it is in `tune`,\n# none in `dev` "
             "(training data written after DEV was fixed; DEV stays the same set)."),
    "confirm": ("the writer's file says `split: confirm`: every item of it is in `confirm`\n# (a fresh "
                "writer's held-out set, read once per stop to confirm the DEV figures)."),
    "dev": "the writer's file says `split: dev`: every item of it is in `dev`.",
    "alternate": ("the writer's file is split `alternate`: per entry, in the file's order, the\n# first, third … "
                  "question is in `tune` (half A), the second, fourth … in `confirm` (half B, held out);\n# negatives "
                  "and near misses alternate the same way."),
}
RULES = {
    "tune": "TUNE: may be inspected and used to tune thresholds, maps and content variants.",
    "dev": "DEV: held out. Report figures only; never inspect single failures or tune on it.",
    "confirm": "CONFIRM: held out. Report figures only, once per stop; never inspect failures or tune on it.",
}
HALVES = ("tune", "dev", "confirm")
ALTERNATE = "alternate"
ALTERNATE_HALVES = ("tune", "confirm")  # half A, half B


def half_of(text: str) -> str:
    """'tune' or 'dev' for a query text; stable across runs and file edits."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "dev"


def _flow(rows: list[dict]) -> str:
    """One YAML flow mapping per line, as the writers wrote them (easy to read and diff)."""
    return "".join("  - " + yaml.safe_dump(row, allow_unicode=True, default_flow_style=True,
                                            width=10_000, sort_keys=False).strip() + "\n" for row in rows)


def writer_split(data: dict, path: Path, dev_fixed: bool = True) -> str | None:
    """The half a writer's file goes to as a whole, or None for the hashed tune/dev split.

    The customer-words DEV half is fixed (every pass is compared on it), so there a new writer goes to
    `tune` or `confirm`, never `dev`; a new set (`dev_fixed=False`) may take a whole writer as its `dev`."""
    declared = data.get("split")
    if declared in (None, ""):
        return None
    allowed = ("tune", "confirm", ALTERNATE) if dev_fixed else HALVES
    if declared not in allowed:
        raise ValueError(f"{path}: `split: {declared}` is not supported here (only {', '.join(allowed)}, or no "
                         "split for the hashed tune/dev split): a new writer must not add to the held-out DEV half")
    return declared


def _plain(text: str) -> str:
    """A text without spaces and punctuation: two writers' same question typed differently is one text."""
    return "".join(ch for ch in text if ch.isalnum())


# Held-out sets kept apart from the customer-words set that a training writer must not repeat either: agents' own
# live-call queries (search36: short keyword queries of two writers coincide, e.g. the same four characters).
OTHER_HELD_OUT = (HERE.parent / "agent_queries" / "dev",)


def held_out_texts(out: Path, halves: tuple[str, ...] = ("dev", "confirm"), but: str = "") -> set[str]:
    """Every query and negative already in the given halves, by default the held-out ones (as _plain text), and in
    OTHER_HELD_OUT; writer `but`'s own files are left out, so a re-import does not find its own items."""
    texts = set()
    folders = [out / half for half in halves] + [folder for folder in OTHER_HELD_OUT if folder != out / "dev"]
    for path in [p for folder in folders for p in sorted(folder.glob("*.yaml")) if p.stem != but]:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        texts |= {_plain(str(row["q"])) for key in ("queries", "negatives", "near") for row in data.get(key) or []}
    return texts


def _rows(data: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """The writer's queries ({q, ids, tags}; a row written {text, entry} read as q and ids), negatives and near misses
    ({q, why})."""
    queries = [{"q": row["text"], "ids": [row["entry"]], **{k: v for k, v in row.items() if k not in ("text", "entry")}}
               if "text" in row else row for row in data.get("queries") or []]
    near = [{"q": row.get("q", row.get("text")), **{k: v for k, v in row.items() if k not in ("q", "text")}}
            for row in data.get("near") or []]
    return queries, list(data.get("negatives") or []), near


def alternate_halves(keys: list[str]) -> list[str]:
    """`tune` for each key's first, third … occurrence in order, `confirm` for its second, fourth …"""
    seen: dict[str, int] = {}
    halves = []
    for key in keys:
        halves.append(ALTERNATE_HALVES[seen.get(key, 0) % 2])
        seen[key] = seen.get(key, 0) + 1
    return halves


def split_file(path: Path, out: Path = HERE, dev_fixed: bool = True, split: str | None = None) -> dict[str, tuple[int, int]]:
    """Write the writer's tune and dev (or confirm) files; a whole-file writer's items that repeat a held-out
    text are left out (training on a held-out question would leak it; a confirmation item already in DEV
    confirms nothing), and their number is printed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if split and data.get("split") not in (None, "", split):
        raise ValueError(f"{path}: the file says `split: {data['split']}`, the import asks for {split}")
    data = {**data, "split": split or data.get("split")}
    writer = str(data.get("writer") or path.stem)
    whole = writer_split(data, path, dev_fixed)
    # A confirmation item already in TUNE or DEV confirms nothing; a training item must not be held out.
    halves = HALVES if whole in ("confirm", ALTERNATE) else ("dev", "confirm")
    held_out = held_out_texts(out, halves, but=writer) if whole else set()
    if whole == "dev" and out != HERE:
        # A held-out set apart from the customer words (agents' queries): an item TUNE already holds is trained on.
        held_out |= held_out_texts(HERE, ("tune",), but=writer)
    all_queries, all_negatives, all_near = _rows(data)
    rows = all_queries + all_negatives + all_near
    if repeated := sum(_plain(str(row["q"])) in held_out for row in rows):
        print(f"{path.name}: {repeated} item(s) repeat a held-out text and are left out")
    turn = {}
    if whole == ALTERNATE:  # questions alternate per entry, negatives and near misses each in their own order
        keys = [f"entry {row['ids'][0]}" for row in all_queries] + ["negative"] * len(all_negatives) + ["near"] * len(all_near)
        turn = {id(row): half for row, half in zip(rows, alternate_halves(keys))}
    counts = {}
    for half in ("tune", "dev") if whole is None else ALTERNATE_HALVES if whole == ALTERNATE else (whole,):
        def here(row: dict) -> bool:
            return (turn.get(id(row)) or whole or half_of(str(row["q"]))) == half and _plain(str(row["q"])) not in held_out
        queries = [row for row in all_queries if here(row)]
        negatives = [row for row in all_negatives if here(row)]
        near = [row for row in all_near if here(row)]
        target = out / half / f"{writer}.yaml"
        if whole and not queries and not negatives and not near:
            target.unlink(missing_ok=True)
            counts[half] = (0, 0)
            continue
        how = WHOLE[whole] if whole else HASHED
        body = HEADER.format(half=half, writer=writer, how=how, rule=RULES[half])
        body += f"writer: {writer}\nsplit: {half}\n" + (f"writer_split: {whole}\n" if whole else "")
        body += "queries:\n" + _flow(queries) + "negatives:\n" + _flow(negatives) + ("near:\n" + _flow(near) if near else "")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        counts[half] = (len(queries), len(negatives))
    return counts


def alternate_writer(path: Path) -> bool:
    """Whether a set file is one half of a writer split `alternate` (the other half is in another folder)."""
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("writer_split") == ALTERNATE


def held_out_set(folder: Path, halves_of_alternate: bool = False):
    """A held-out folder's writers held out whole as one set (kb.evaluation.DevSet), or with `halves_of_alternate`
    its alternate writers' halves: a half written on a few entries (content50's non-disclosure questions) is read on
    its own line and floor, so the folder's figure stays comparable across stops."""
    from kb.evaluation import DevSet, load_dev_set

    parts = [load_dev_set(path) for path in sorted(folder.glob("*.yaml")) if alternate_writer(path) == halves_of_alternate]
    return DevSet(tuple(q for part in parts for q in part.queries), tuple(t for part in parts for t in part.off_topic),
                  tuple(t for part in parts for t in part.negatives))


def main(args: list[str]) -> None:
    out, split = HERE, None
    if args[:1] == ["--out"]:
        out, args = Path(args[1]).resolve(), args[2:]
    if args[:1] == ["--split"]:
        split, args = args[1], args[2:]
    for path in args:
        for half, (queries, negatives) in split_file(Path(path), out, dev_fixed=out == HERE, split=split).items():
            print(f"{Path(path).name}: {half} {queries} queries, {negatives} negatives")


if __name__ == "__main__":
    main(sys.argv[1:])
