"""Content fields as plain text (form boxes, spreadsheet cells), built from kb.schema's field lists.

Instructors and outside reviewers edit text, not YAML: a list is one element per line, a
source is "document | article", and a quiz answer is the text of the correct option(s) —
never a 0-based index, which nobody outside the code should have to count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, NamedTuple

from kb import schema
from kb.regulations.numbering import write_number
from kb.schema import Field

ENTRY, QUIZ = "entry", "quiz"

TRUE_WORDS = {"true", "对", "正确", "是", "√", "yes", "y"}
FALSE_WORDS = {"false", "错", "错误", "否", "×", "no", "n"}


def join_lines(values: Iterable[Any]) -> str:
    return "\n".join(str(v) for v in values)


def split_lines(text: Any) -> list[str]:
    """Non-empty stripped lines of a text box or cell."""
    return [part.strip() for part in str(text or "").replace("\r", "").split("\n") if part.strip()]


def source_line(source: Mapping[str, Any]) -> str:
    """{doc, article, clause, item} as 'doc | 第十六条第二款' (just 'doc' without an article).

    The 款/项 go into the article text, which the validator reads back into clause and item,
    so editing an entry in the form keeps how precise its citation was.
    """
    doc, article = str(source.get("doc", "")).strip(), str(source.get("article", "") or "").strip()
    if article and source.get("clause"):
        article += f"第{write_number(int(source['clause']))}款"
    if article and source.get("item"):
        article += f"第（{write_number(int(source['item']))}）项"
    return f"{doc} | {article}" if article else doc


def parse_source_line(line: str) -> dict[str, str]:
    doc, _, article = line.partition("|")
    return {"doc": doc.strip(), "article": article.strip()} if article.strip() else {"doc": doc.strip()}


# "保险法第四十七条", "L1-01 第十六条第二款": a document and an article with no "|" between them.
_ARTICLE_WITHOUT_BAR = re.compile(r"^(?P<doc>[^|]*?\S)\s*(?P<article>第[^|第]{1,12}条.*)$")
_SEVERAL_SEPARATORS = re.compile(r"[；;]")


def source_line_problems(field: str, lines: Iterable[str]) -> list["CellProblem"]:
    """How source lines that the validator could only call "unknown document" should be written.

    A line is one source, "document | article" (qa14 #11: 保险法第四十七条 was refused as an unknown
    document, without a word about the "|"); several sources on one line are put on lines of their own.
    """
    problems: list[CellProblem] = []
    for line in lines:
        if line.count("|") > 1 or (_SEVERAL_SEPARATORS.search(line) and "|" in line):
            problems.append(CellProblem(
                field, f"'{line}': one source per line, with | between the document and the article "
                       "(several sources: one line each, e.g. L1-01 | 第四十七条 and a new line L1-02 | 第三条)",
                f"「{line}」：每行只写一个出处，文件名和条款之间用 | 分开；有多个出处时每个单独一行，"
                f"例如 L1-01 | 第四十七条，换行后再写 L1-02 | 第三条"))
            continue
        found = _ARTICLE_WITHOUT_BAR.match(line) if "|" not in line else None
        if found:
            fixed = f"{found['doc']} | {found['article']}"
            problems.append(CellProblem(
                field, f"'{line}': put | between the document and the article: {fixed} "
                       "(several sources: one line each)",
                f"「{line}」：文件名和条款之间请用 | 分开：{fixed}（有多个出处时每个单独一行）"))
    return problems


def quiz_answer_text(kind: str, answer: Any, options: list[str] | tuple[str, ...]) -> str:
    """A quiz answer as a reviewer reads it: option text(s), true/false, or the blank's text."""
    if kind == "single" and isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(options):
        return options[answer]
    if kind == "multiple" and isinstance(answer, list):
        return join_lines(options[i] for i in answer if isinstance(i, int) and 0 <= i < len(options))
    if kind == "true_false" and isinstance(answer, bool):
        return "true" if answer else "false"
    return "" if answer is None else str(answer)


class CellProblem(NamedTuple):
    """Why a cell cannot be read: its field and the message in English (spreadsheet import report,
    logs) and in Chinese (the Chinese editor shows it under the box)."""

    field: str
    message: str
    message_zh: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def parse_quiz_answer(kind: str, value: Any, options: list[str]) -> tuple[Any, tuple[str, str] | None]:
    """(answer as stored in YAML, problem as (English, Chinese) or None) from the text form of an answer."""
    if kind in ("single", "multiple"):
        wanted = split_lines(value)
        if not wanted or any(w not in options for w in wanted):
            listed = " / ".join(options)
            return None, (f"must be the text of the correct option(s), one per line: {listed or '(no options yet)'}",
                          f"必须是正确选项的原文，每行一个：{listed or '（还没有选项）'}")
        indices = [options.index(w) for w in wanted]
        if kind == "single":
            return (indices[0], None) if len(indices) == 1 else (None, ("a single-choice item has exactly one answer",
                                                                        "单选题只能有一个正确答案"))
        return indices, None
    if kind == "true_false":
        if isinstance(value, bool):
            return value, None
        word = str(value or "").strip().lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS, None
        return None, ("must be true or false (对/错)", "只能填 对 或 错（也可填 true / false）")
    return str(value or "").strip(), None


# ---------------------------------------------------------------------------- items as text cells


def cell_text(cell: Any) -> str:
    """A cell or text box as stripped text (Excel's 2.0 reads as 2)."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell if cell is not None else "").replace("\r", "").strip()


def _choice(cell: Any) -> Any:
    """A choice cell: a whole number (difficulty 2) as a number, other text as it is, blank as None."""
    text = cell_text(cell)
    return int(text) if text.isdecimal() and len(text) < 10 else (text or None)  # "²".isdigit() but int("²") fails


def _sources(cell: Any) -> list[dict[str, str]]:
    return [parse_source_line(line) for line in split_lines(cell)]


# ---------------------------------------------------------------------------- columns


# Form controls: a one-line box, a text area, a pick among the field's choices, a pick among FAQ entries.
LINE, AREA, PICK, PICK_ENTRY = "line", "area", "pick", "pick_entry"


@dataclass(frozen=True)
class Column:
    """One text field (form box or spreadsheet column): written from a loaded item, read into a YAML field."""

    name: str
    export: Callable[[Any], Any]
    field: str | None = None  # the YAML field it fills (None: handled specially, or not a field)
    parse: Callable[[Any], Any] = cell_text
    spec: Field | None = None  # what kb.schema says about the field (None: not in the form)
    control: str = LINE
    label: str = ""
    label_en: str = ""

    @property
    def problem_field(self) -> str:
        """The YAML field whose problems belong next to this column's box."""
        return self.spec.name if self.spec is not None else self.name


def _attribute(name: str) -> Callable[[Any], Any]:
    return lambda item: getattr(item, name)


def _lines_of(name: str) -> Callable[[Any], str]:
    return lambda item: join_lines(getattr(item, name))


def _english_part(name: str, part: str) -> Callable[[Any], str]:
    return lambda item: (getattr(item, name, None) or {}).get(part, "")


def _columns_of(spec: Field) -> list[Column]:
    """The column(s) showing one schema field as text; a new kind of value gets its text form here."""
    shown = dict(spec=spec, label=spec.label, label_en=spec.label_en)
    if spec.kind == schema.ID:
        return [Column(spec.name, _attribute(spec.name), spec.name, **shown),
                Column("category", lambda item: item.category)]
    if spec.kind in (schema.TEXT, schema.ENTRY_REF):
        control = PICK_ENTRY if spec.kind == schema.ENTRY_REF else LINE
        return [Column(spec.name, _attribute(spec.name), spec.name, control=control, **shown)]
    if spec.kind == schema.PARAGRAPH:
        return [Column(spec.name, _attribute(spec.name), spec.name, control=AREA, **shown)]
    if spec.kind == schema.LINES:
        return [Column(spec.name, _lines_of(spec.name), spec.name, split_lines, control=AREA, **shown)]
    if spec.kind == schema.CHOICE:
        return [Column(spec.name, _attribute(spec.name), spec.name, _choice, control=PICK, **shown)]
    if spec.kind == schema.SOURCES:
        return [Column(spec.name, lambda item: join_lines(source_line(vars(s)) for s in getattr(item, spec.name)),
                       spec.name, _sources, control=AREA, **shown)]
    if spec.kind == schema.QUIZ_ANSWER:
        return [Column(spec.name, lambda q: quiz_answer_text(q.type, q.answer, q.options), control=AREA, **shown)]
    if spec.kind == schema.ENGLISH:
        return [Column(f"{spec.name}_{part.name}", _english_part(spec.name, part.name), spec=spec,
                       control=AREA if part.kind == schema.PARAGRAPH else LINE, label=part.label, label_en=part.label_en)
                for part in spec.parts]
    raise ValueError(f"no text form for a field of kind {spec.kind!r}")


SCHEMAS = {ENTRY: schema.ENTRY, QUIZ: schema.QUIZ}
COLUMNS = {kind: tuple(column for spec in item_kind.fields for column in _columns_of(spec))
           for kind, item_kind in SCHEMAS.items()}


def form_columns(kind: str) -> tuple[Column, ...]:
    """The columns an editor form shows, in schema order (the category comes from the form's own pick)."""
    return tuple(c for c in COLUMNS[kind] if c.spec is not None)


def cells_of(kind: str, item: Any) -> dict[str, Any]:
    """A loaded Entry or QuizItem as named text cells (the initial values of a form or a row)."""
    return {c.name: c.export(item) for c in COLUMNS[kind]}


def english_fields(item: Any) -> dict[str, Any]:
    """A loaded item's English (`en:`) as the YAML fields `item_from_cells` keeps from `previous`:
    an entry's mapping, or a quiz item's prompt, options, explanation and accept, which no column carries."""
    english = getattr(item, "en", None)
    if not english:
        return {}
    if not isinstance(english, Mapping):
        english = {k: list(v) if isinstance(v, tuple) else v for k, v in vars(english).items()}
    return {"en": {k: v for k, v in english.items() if v}}


def item_from_cells(kind: str, cells: Mapping[str, Any], previous: Mapping[str, Any] | None = None
                    ) -> tuple[dict[str, Any], list[CellProblem]]:
    """(YAML item, the cells' problems) from named text cells.

    `previous` (the item as it is in its file) keeps English texts the cells do not carry.
    """
    item = {c.field: c.parse(cells.get(c.name)) for c in COLUMNS[kind] if c.field}
    messages: list[CellProblem] = []
    for spec in SCHEMAS[kind].fields:
        if spec.kind == schema.ENGLISH:
            english = dict((previous or {}).get(spec.name) or {})
            english.update({part.name: cell_text(cells.get(f"{spec.name}_{part.name}")) for part in spec.parts
                            if f"{spec.name}_{part.name}" in cells})
            item[spec.name] = {k: v for k, v in english.items() if v} or None
        elif spec.kind == schema.SOURCES and spec.name in item and not item[spec.name]:
            # The validator's words describe the YAML ({doc: …, article: …}); a box or a cell is written as lines.
            messages.append(CellProblem(spec.name, "needs at least one source, one per line: document | article, "
                                        "e.g. L1-01 | 第四十七条", "至少需要一个出处，每行一个：文件名 | 条款，例如 L1-01 | 第四十七条"))
        elif spec.kind == schema.SOURCES and spec.name in item:
            messages.extend(source_line_problems(spec.name, split_lines(cells.get(spec.name))))
        elif spec.kind == schema.QUIZ_ANSWER:
            answer, message = parse_quiz_answer(str(item.get("type") or ""), cells.get(spec.name),
                                                item.get("options") or [])
            item[spec.name] = answer
            if message:
                messages.append(CellProblem(spec.name, *message))
    return item, messages
