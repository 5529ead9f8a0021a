"""FAQ entries and quiz items to XLSX/CSV for review outside the app, and back in with a dry run.

Reviewers (compliance, product) work in spreadsheets. A list field is one cell with one
element per line; a source is "document | article"; a quiz answer is written as the option
text(s) rather than an index, so a reviewer can read it. Importing first produces an
`ImportPlan` — new, changed, unchanged and invalid rows with their row numbers, checked
against the whole content set — and nothing is written until the plan is applied through
the editor's normal save path (conflict check, atomic write, history, reload).

Uploads are hostile until read: at most MAX_UPLOAD_BYTES and MAX_IMPORT_ROWS rows (reading
stops there, with a message saying so); cells that would run as formulas in a spreadsheet are
exported neutralised and read back as they were (trainer.sheets); the dry run parses each file
once per pass, however many rows it has, and reports its progress.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, NamedTuple

from openpyxl import Workbook, load_workbook

from kb.content import ContentSet, Entry, QuizItem, collect_content
from trainer.editing import history
from trainer.editing.change_summary import imported
from trainer.editing.fields import COLUMNS, cell_text, english_fields, item_from_cells
from trainer.editing.editor import (ENTRY, ITEM_KINDS, QUIZ, ContentEditor, FileEdit, SaveResult, kind_of_file,
                                     script_problem)
from trainer.editing.yaml_style import YamlEditError, set_item, set_items
from trainer.sheets import csv_bytes, csv_text, read_cell, safe_cell

SHEET_NAMES = {ENTRY: "FAQ", QUIZ: "Quiz"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5_000  # the whole content pack is ~700 items
Progress = Callable[[int, int], None]  # (rows done, rows in all)

# ---------------------------------------------------------------------------- export


def export_rows(content: ContentSet, kind: str) -> list[list[Any]]:
    """Header plus one row per entry or quiz item, in content order."""
    items = content.entries.values() if kind == ENTRY else content.quiz_items.values()
    columns = COLUMNS[kind]
    return [[c.name for c in columns]] + [[c.export(item) for c in columns] for item in items]


def to_xlsx(content: ContentSet) -> bytes:
    """A workbook with a FAQ sheet and a Quiz sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind, title in SHEET_NAMES.items():
        sheet = workbook.create_sheet(title)
        for row in export_rows(content, kind):
            sheet.append([safe_cell(cell) for cell in row])
        sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(content: ContentSet, kind: str) -> bytes:
    """One kind as CSV (UTF-8 with BOM, so Excel shows the Chinese correctly)."""
    return csv_bytes(export_rows(content, kind))


# ---------------------------------------------------------------------------- reading uploads


class FileProblem(NamedTuple):
    """Why a file (or one of its sheets) cannot be imported at all, in English (logs, tests) and in Chinese:
    the Chinese 导入导出 page showed "CSV must be UTF-8 or GBK encoded" and the like in English (qa15 #18)."""

    where: str  # the file or sheet name
    message: str
    message_zh: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def zh(self) -> str:
        return f"{self.where}：{self.message_zh}"


@dataclass(frozen=True)
class UploadRow:
    sheet: str
    row: int  # spreadsheet row number (the header is row 1)
    kind: str
    cells: Mapping[str, Any]


def _kind_of_header(header: list[str]) -> str | None:
    if "prompt" in header:
        return QUIZ
    if "question" in header:
        return ENTRY
    return None


def _rows_of(sheet: str, table: Iterable[Iterable[Any]], room: int) -> tuple[list[UploadRow] | None, list[FileProblem]]:
    """The data rows of one sheet; None (and why) when there are more than `room` of them."""
    table = iter(table)
    first = next(table, None)
    if first is None:
        return [], []
    header = [cell_text(cell).lower() for cell in first]
    kind = _kind_of_header(header)
    if kind is None:
        return [], [FileProblem(sheet, "the first row must be the column names (id, question … or id, type, prompt …)",
                                "第一行必须是列名（id、question …… 或 id、type、prompt ……），请用导出的文件修改后再导入")]
    rows = []
    for number, values in enumerate(table, start=2):
        values = [read_cell(v) for v in values]
        if all(cell_text(v) == "" for v in values):
            continue
        if len(rows) == room:
            return None, [FileProblem(sheet, f"more than {MAX_IMPORT_ROWS:,} rows; split the file and import the parts one by one",
                                      f"超过 {MAX_IMPORT_ROWS} 行；请把文件拆开，分几次导入")]
        rows.append(UploadRow(sheet, number, kind, dict(zip(header, values))))
    return rows, []


def read_upload(name: str, data: bytes) -> tuple[list[UploadRow], list[FileProblem]]:
    """Rows of an uploaded .xlsx (every sheet) or .csv file, and problems with the file itself."""
    if len(data) > MAX_UPLOAD_BYTES:
        size, limit = f"{len(data) / 2**20:.1f}", MAX_UPLOAD_BYTES // 2**20
        return [], [FileProblem(name, f"the file is {size} MB; at most {limit} MB can be imported",
                                f"文件有 {size} MB，最多只能导入 {limit} MB")]
    if name.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as err:  # openpyxl raises many kinds for a damaged file
            return [], [_unreadable(name, "Excel", err)]
        rows, problems = [], []
        try:
            for sheet in workbook.worksheets:
                found, trouble = _rows_of(sheet.title, sheet.iter_rows(values_only=True), MAX_IMPORT_ROWS - len(rows))
                if found is None:
                    return [], trouble
                rows += found
                problems += trouble
        except Exception as err:  # a damaged sheet inside a readable zip
            return [], [_unreadable(name, "Excel", err)]
        finally:
            workbook.close()
        return rows, problems
    text = csv_text(data)  # UTF-8, or GBK as Excel in China saves a CSV (qa15: refused, in English)
    if text is None:
        return [], [FileProblem(name, "CSV must be UTF-8 or GBK encoded",
                                "CSV 文件须为 UTF-8 或 GBK 编码（在 Excel 中另存为“CSV UTF-8”即可）")]
    try:
        found, problems = _rows_of(name, csv.reader(io.StringIO(text)), MAX_IMPORT_ROWS)
        return found or [], problems
    except csv.Error as err:  # e.g. a cell longer than csv.field_size_limit()
        return [], [_unreadable(name, "CSV", err)]


def _unreadable(name: str, kind: str, error: Exception) -> FileProblem:
    return FileProblem(name, f"not a readable {kind} file ({error})", f"无法读取，不是有效的 {kind} 文件（{error}）")


# ---------------------------------------------------------------------------- the dry run


@dataclass
class RowOutcome:
    """What importing one row would do: new, changed, unchanged or invalid (with messages)."""

    sheet: str
    row: int
    kind: str
    item_id: str
    status: str = "unchanged"
    messages: list[str] = field(default_factory=list)  # English (logs, tests)
    messages_zh: list[str] = field(default_factory=list)  # the same, for the Chinese page (qa15 found English there)

    def note(self, message: str, message_zh: str) -> None:
        """One problem of the row, in English and in Chinese."""
        self.messages.append(message)
        self.messages_zh.append(message_zh)


@dataclass
class ImportPlan:
    rows: list[RowOutcome]
    edits: list[FileEdit]
    file_problems: list[FileProblem] = field(default_factory=list)

    def by_status(self, status: str) -> list[RowOutcome]:
        return [r for r in self.rows if r.status == status]

    @property
    def writes(self) -> bool:
        """Whether confirming would change anything: a new or changed row, and a file to write."""
        return bool(self.edits) and bool(self.by_status("new") or self.by_status("changed"))


def _category(row: UploadRow, item: Mapping[str, Any], content: ContentSet) -> str | None:
    category = cell_text(row.cells.get("category"))
    if category:
        return category
    if row.kind == ENTRY:
        return next((c.id for c in content.categories.values() if str(item.get("id", "")).startswith(c.prefix)), None)
    entry = content.entries.get(str(item.get("entry", "")))
    return entry.category if entry else None


def _facts(item: Entry | QuizItem | None) -> Any:
    return dataclasses.replace(item, line=0) if item is not None else None


def plan_import(editor: ContentEditor, rows: list[UploadRow], file_problems: Iterable[FileProblem] = (),
                progress: Progress | None = None) -> ImportPlan:
    """What importing `rows` would change, checked against the whole content set; writes nothing.

    `progress(done, total)` is called as rows are read (the content check at the end is one step)."""
    content = editor.kb.content
    outcomes: dict[tuple[str, int], RowOutcome] = {}
    items: dict[tuple[str, int], tuple[UploadRow, dict[str, Any], str]] = {}
    seen: dict[str, RowOutcome] = {}
    report = progress or (lambda done, total: None)
    for number, row in enumerate(rows):
        if number % 100 == 0:
            report(number, len(rows) + 1)
        outcome = RowOutcome(row.sheet, row.row, row.kind, cell_text(row.cells.get("id")))
        outcomes[(row.sheet, row.row)] = outcome
        known = content.entries if row.kind == ENTRY else content.quiz_items
        item, messages = item_from_cells(row.kind, row.cells, english_fields(known.get(outcome.item_id)))
        for message in messages:
            outcome.note(str(message), f"{message.field}：{message.message_zh}")
        category = _category(row, item, content)
        if not outcome.item_id:
            outcome.note("id: is missing", "id：没有填写")
        elif outcome.item_id in seen:
            other = seen[outcome.item_id]
            outcome.note(f"id: appears twice in the upload (also {other.sheet} row {other.row})",
                         f"id：在上传的文件中出现了两次（另见 {other.sheet} 第 {other.row} 行）")
        no_script = script_problem(row.kind, "", outcome.item_id, item)
        if no_script is not None:
            outcome.note(f"{no_script.field}: {no_script.message}", f"{no_script.field}：{no_script.zh_message()}")
        if category is None:
            outcome.note("category: is missing and cannot be told from the id", "category：没有填写，也无法从 id 看出")
        elif category not in content.categories:
            outcome.note(f"category: unknown category '{category}'", f"category：没有这个分类“{category}”")
        seen.setdefault(outcome.item_id, outcome)
        if not outcome.messages:
            items[(row.sheet, row.row)] = (row, item, f"{ITEM_KINDS[row.kind][0]}/{category}.yaml")
    edits, after = _draft(editor, items, outcomes, content)
    report(len(rows) + 1, len(rows) + 1)
    for key, (row, _, _) in items.items():
        outcome = outcomes[key]
        if outcome.messages:
            continue
        old = content.entries.get(outcome.item_id) if row.kind == ENTRY else content.quiz_items.get(outcome.item_id)
        new = after.entries.get(outcome.item_id) if row.kind == ENTRY else after.quiz_items.get(outcome.item_id)
        outcome.status = "new" if old is None else "changed" if _facts(old) != _facts(new) else "unchanged"
    for outcome in outcomes.values():
        if outcome.messages:
            outcome.status = "invalid"
    ordered = sorted(outcomes.values(), key=lambda o: (o.sheet, o.row))
    return ImportPlan(ordered, edits, list(file_problems))


def _draft(editor: ContentEditor, items: dict, outcomes: dict, content: ContentSet) -> tuple[list[FileEdit], ContentSet]:
    """File edits for the valid rows; rows whose item the content set rejects drop out, until it accepts."""
    seen_change = history.latest_change_id(editor.db)
    base: dict[str, str | None] = {}

    def original(name: str) -> str | None:
        if name not in base:
            base[name] = editor.read(name)
        return base[name]

    while True:
        changes: dict[str, dict[str, dict[str, Any] | None]] = {}  # file -> item id -> item (None: moved away)
        owners: dict[str, list[tuple]] = {}  # file -> the rows whose items it receives or loses
        for key, (row, item, name) in items.items():
            if outcomes[key].messages:
                continue
            old = content.entries.get(item["id"]) if row.kind == ENTRY else content.quiz_items.get(item["id"])
            if old is not None and old.file != name:
                changes.setdefault(old.file, {})[item["id"]] = None
                owners.setdefault(old.file, []).append(key)
            changes.setdefault(name, {})[item["id"]] = item
            owners.setdefault(name, []).append(key)
        texts: dict[str, str | None] = {}
        for name, file_changes in changes.items():
            list_key = ITEM_KINDS[kind_of_file(name)][1]
            try:
                texts[name] = set_items(original(name), list_key, file_changes, name)
            except YamlEditError:  # find the row(s) to blame, one at a time (rare: damaged layout)
                texts[name] = _one_by_one(original(name), list_key, file_changes, name,
                                          {items[k][1]["id"]: outcomes[k] for k in owners[name]})
        after, problems = collect_content(editor.root, texts)
        by_id = {outcomes[k].item_id: outcomes[k] for k in items if not outcomes[k].messages}
        rejected = False
        for problem in problems:
            outcome = by_id.get(problem.item_id or "")
            if outcome is not None:
                outcome.note(f"{problem.field or ''}: {problem.message}".lstrip(": "),
                             f"{problem.field or ''}：{problem.zh_message()}".lstrip("："))
                rejected = True
        if not rejected:
            edits = [FileEdit(name, original(name), text, seen_change) for name, text in texts.items()
                     if text != original(name)]
            return edits, after


def _one_by_one(text: str | None, list_key: str, changes: Mapping[str, Mapping[str, Any] | None], name: str,
                outcome_of: Mapping[str, RowOutcome]) -> str | None:
    for item_id, item in changes.items():
        try:
            text = set_item(text, list_key, item_id, item, name)
        except YamlEditError as err:
            outcome_of[item_id].note(str(err), str(err))
    return text


def apply_import(editor: ContentEditor, plan: ImportPlan, author: str) -> SaveResult:
    """Write a dry-run plan's valid rows (refused as a conflict if the files changed since the dry run)."""
    if not plan.writes:
        return SaveResult(True)
    return editor.apply(author, "import", "", imported(len(plan.by_status("new")), len(plan.by_status("changed"))),
                        plan.edits)

