"""Rewrite FAQ `sources` as structured library citations: document id + canonical article (+ 款/项).

    python -m kb.regulations.migrate_citations [CONTENT_DIR] [--report docs/citation-migration.md] [--check]

`{doc: 保险法, article: 第16条第二款}` becomes `{doc: L1-01, article: 第十六条, clause: 2}`.
Only the flow-mapping lines of `sources` change; every other byte of each file stays. A
citation whose document is not in the library (company practice, a notice without its text)
is left as written and listed in the report with the reason. Before writing, the whole
content set is re-validated with the rewritten files and every entry must cite exactly the
same (document, article, 款, 项) as before — the migration changes spelling, never meaning.
Safe to re-run: already-migrated citations are left alone.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from kb.content import ContentSet, Source, collect_content
from kb.regulations.library import Library

_FLOW_SOURCE = __import__("re").compile(r"^(?P<indent>\s*-\s*)\{(?P<body>[^{}]*\bdoc:[^{}]*)\}(?P<tail>\s*(#.*)?)$")


@dataclass(frozen=True)
class Unresolved:
    file: str
    line: int
    entry_id: str
    citation: str
    reason: str


def _meaning(source: Source) -> tuple:
    return (source.document_id or source.doc, source.article, source.clause, source.item)


def _render(source: Source) -> str:
    parts = [f"doc: {source.document_id}"]
    if source.article:
        article = source.article
        parts.append(f'article: "{article}"' if article.replace(".", "").isdigit() else f"article: {article}")
    if source.clause:
        parts.append(f"clause: {source.clause}")
    if source.item:
        parts.append(f"item: {source.item}")
    return "{" + ", ".join(parts) + "}"


def migrate(root: Path) -> tuple[dict[str, str], list[Unresolved], int]:
    """(new text per changed file, citations left as written, number of citations rewritten)."""
    content, problems = collect_content(root)
    if problems:
        raise SystemExit(f"the content has {len(problems)} problem(s); fix them first:\n" + "\n".join(map(str, problems[:20])))
    by_line = {(e.file, s.line): (e, s) for e in content.entries.values() for s in e.sources}
    changed: dict[str, str] = {}
    unresolved: list[Unresolved] = []
    rewritten = 0
    for name in sorted({e.file for e in content.entries.values()}):
        lines = (root / name).read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            found = by_line.get((name, number))
            match = _FLOW_SOURCE.match(line.rstrip("\n"))
            if found is None or match is None:
                continue
            entry, source = found
            if not source.document_id:
                reason = _reason(content, source)
                unresolved.append(Unresolved(name, number, entry.id, str(source), reason))
                continue
            new = f"{match.group('indent')}{_render(source)}{match.group('tail') or ''}\n"
            if new != line:
                lines[number - 1] = new
                rewritten += 1
        text = "".join(lines)
        if text != (root / name).read_text(encoding="utf-8"):
            changed[name] = text
    _check_meaning(root, content, changed)
    return changed, unresolved, rewritten


def _reason(content: ContentSet, source: Source) -> str:
    known = content.source_docs.get(source.doc)
    if known and "惯例" in source.doc:
        return "company or industry practice, not a published text (sources.yaml: " + known.full_title + ")"
    if known:
        return f"not in the regulation library: {known.full_title} (its official text is not in ../shared/domain/sources)"
    return "unknown document"


def _check_meaning(root: Path, before: ContentSet, changed: dict[str, str]) -> None:
    after, problems = collect_content(root, changed)
    if problems:
        raise SystemExit("the rewritten content would not validate:\n" + "\n".join(map(str, problems[:20])))
    for entry_id, entry in before.entries.items():
        old = [_meaning(s) for s in entry.sources]
        new = [_meaning(s) for s in after.entries[entry_id].sources]
        if old != new:
            raise SystemExit(f"{entry.file}: entry '{entry_id}': citations would change meaning: {old} -> {new}")


def report(unresolved: list[Unresolved], rewritten: int, library: Library) -> str:
    lines = ["# FAQ citation migration — report", "",
             "Written by `python -m kb.regulations.migrate_citations content --report docs/citation-migration.md`.", "",
             f"- citations rewritten to library ids: {rewritten}",
             f"- citations left as written (document not in the regulation library): {len(unresolved)}",
             f"- library: {len(library.documents)} documents, {len(library.articles())} articles", "",
             "## Citations not in the library", "", "| file:line | entry | citation | reason |", "|---|---|---|---|"]
    lines += [f"| {u.file}:{u.line} | {u.entry_id} | {u.citation} | {u.reason} |" for u in unresolved]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.regulations.migrate_citations")
    parser.add_argument("content", type=Path, nargs="?", default=Path("content"))
    parser.add_argument("--report", type=Path, help="write the report (Markdown) here")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a citation would be rewritten")
    args = parser.parse_args(argv)
    changed, unresolved, rewritten = migrate(args.content)
    if args.check:
        print(f"{rewritten} citation(s) would be rewritten in {len(changed)} file(s)")
        return 1 if changed else 0
    for name, text in changed.items():
        (args.content / name).write_text(text, encoding="utf-8")
    library = collect_content(args.content)[0].library
    if args.report:
        args.report.write_text(report(unresolved, rewritten, library), encoding="utf-8")
    print(f"rewrote {rewritten} citation(s) in {len(changed)} file(s); {len(unresolved)} left as written (not in the library)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
