"""How list fields, sources and quiz answers look as plain text (form boxes, spreadsheet cells).

Instructors and outside reviewers edit text, not YAML: a list is one element per line, a
source is "document | article", and a quiz answer is the text of the correct option(s) —
never a 0-based index, which nobody outside the code should have to count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

ENTRY, QUIZ = "entry", "quiz"

TRUE_WORDS = {"true", "对", "正确", "是", "√", "yes", "y"}
FALSE_WORDS = {"false", "错", "错误", "否", "×", "no", "n"}


def join_lines(values: Iterable[Any]) -> str:
    return "\n".join(str(v) for v in values)


def split_lines(text: Any) -> list[str]:
    """Non-empty stripped lines of a text box or cell."""
    return [part.strip() for part in str(text or "").replace("\r", "").split("\n") if part.strip()]


def source_line(source: Mapping[str, Any]) -> str:
    """{doc, article} as 'doc | article' (just 'doc' without an article)."""
    doc, article = str(source.get("doc", "")).strip(), str(source.get("article", "") or "").strip()
    return f"{doc} | {article}" if article else doc


def parse_source_line(line: str) -> dict[str, str]:
    doc, _, article = line.partition("|")
    return {"doc": doc.strip(), "article": article.strip()} if article.strip() else {"doc": doc.strip()}


def quiz_answer_text(kind: str, answer: Any, options: list[str] | tuple[str, ...]) -> str:
    """A quiz answer as a reviewer reads it: option text(s), true/false, or the blank's text."""
    if kind == "single" and isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(options):
        return options[answer]
    if kind == "multiple" and isinstance(answer, list):
        return join_lines(options[i] for i in answer if isinstance(i, int) and 0 <= i < len(options))
    if kind == "true_false" and isinstance(answer, bool):
        return "true" if answer else "false"
    return "" if answer is None else str(answer)


def parse_quiz_answer(kind: str, value: Any, options: list[str]) -> tuple[Any, str | None]:
    """(answer as stored in YAML, problem message or None) from the text form of an answer."""
    if kind in ("single", "multiple"):
        wanted = split_lines(value)
        if not wanted or any(w not in options for w in wanted):
            listed = " / ".join(options) if options else "(no options yet)"
            return None, f"must be the text of the correct option(s), one per line: {listed}"
        indices = [options.index(w) for w in wanted]
        if kind == "single":
            return (indices[0], None) if len(indices) == 1 else (None, "a single-choice item has exactly one answer")
        return indices, None
    if kind == "true_false":
        if isinstance(value, bool):
            return value, None
        word = str(value or "").strip().lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS, None
        return None, "must be true or false (对/错)"
    return str(value or "").strip(), None


# ---------------------------------------------------------------------------- items as text cells


def cell_text(cell: Any) -> str:
    """A cell or text box as stripped text (Excel's 2.0 reads as 2)."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell if cell is not None else "").replace("\r", "").strip()


def _difficulty(cell: Any) -> Any:
    text = cell_text(cell)
    return int(text) if text.isdecimal() and len(text) < 10 else (text or None)  # "²".isdigit() but int("²") fails


# ---------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One text field (form box or spreadsheet column): written from a loaded item, read into a YAML field."""

    name: str
    export: Callable[[Any], Any]
    field: str | None = None  # the YAML field it fills (None: handled specially)
    parse: Callable[[Any], Any] = cell_text


ENTRY_COLUMNS = (
    Column("id", lambda e: e.id, "id"),
    Column("category", lambda e: e.category),
    Column("question", lambda e: e.question, "question"),
    Column("variants", lambda e: join_lines(e.variants), "variants", split_lines),
    Column("answer", lambda e: e.answer, "answer"),
    Column("script", lambda e: e.script, "script"),
    Column("keywords", lambda e: join_lines(e.keywords), "keywords", split_lines),
    Column("sources", lambda e: join_lines(source_line(vars(s)) for s in e.sources),
           "sources", lambda cell: [parse_source_line(line) for line in split_lines(cell)]),
    Column("tags", lambda e: join_lines(e.tags), "tags", split_lines),
    Column("difficulty", lambda e: e.difficulty, "difficulty", _difficulty),
    Column("en_question", lambda e: (e.en or {}).get("question", "")),
    Column("en_answer", lambda e: (e.en or {}).get("answer", "")),
)


QUIZ_COLUMNS = (
    Column("id", lambda q: q.id, "id"),
    Column("category", lambda q: q.category),
    Column("type", lambda q: q.type, "type"),
    Column("prompt", lambda q: q.prompt, "prompt"),
    Column("options", lambda q: join_lines(q.options), "options", split_lines),
    Column("answer", lambda q: quiz_answer_text(q.type, q.answer, q.options)),
    Column("accept", lambda q: join_lines(q.accept), "accept", split_lines),
    Column("explanation", lambda q: q.explanation, "explanation"),
    Column("entry", lambda q: q.entry, "entry"),
    Column("difficulty", lambda q: q.difficulty, "difficulty", _difficulty),
)
COLUMNS = {ENTRY: ENTRY_COLUMNS, QUIZ: QUIZ_COLUMNS}
EN_FIELDS = ("question", "answer")


def cells_of(kind: str, item: Any) -> dict[str, Any]:
    """A loaded Entry or QuizItem as named text cells (the initial values of a form or a row)."""
    return {c.name: c.export(item) for c in COLUMNS[kind]}


def item_from_cells(kind: str, cells: Mapping[str, Any], previous: Mapping[str, Any] | None = None
                    ) -> tuple[dict[str, Any], list[str]]:
    """(YAML item, problems as 'field: message') from named text cells.

    `previous` (the item as it is in its file) keeps English fields the cells do not carry.
    """
    item = {c.field: c.parse(cells.get(c.name)) for c in COLUMNS[kind] if c.field}
    messages: list[str] = []
    if kind == ENTRY:
        en = dict((previous or {}).get("en") or {})
        en.update({k: cell_text(cells.get(f"en_{k}")) for k in EN_FIELDS})
        item["en"] = {k: v for k, v in en.items() if v} or None
    else:
        answer, message = parse_quiz_answer(str(item.get("type") or ""), cells.get("answer"), item.get("options") or [])
        item["answer"] = answer
        if message:
            messages.append(f"answer: {message}")
    return item, messages
