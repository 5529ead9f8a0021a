"""A scenario's problems in the words of the editor's form (qa22 I2): the check names YAML paths
(`persona.name`, `customer_lines.follow_ups[2].cues`); an instructor who fills the form sees the field's own label
(姓名, 客户追问 第 2 行 · 关键说法), in the UI language, and each problem under its field. The YAML paths stay
available to whoever edits the YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.yaml_source import Problem
from trainer.dialogue.schema import READS_AS_QUESTION
from trainer.editing.scenario_fields import LINE_LISTS, LINE_TEXTS
from ui.i18n import tr
from ui.scenario_form import COLUMNS, FIELD_LABELS, FOLLOW_UP_HELP, LINE_LABELS, MOOD_LABELS

TOP_CELLS = ("title", "title_en", "kind", "difficulty", "goals", "goals_en", "model_answers")
PERSONA_CELLS = ("name", "description", "description_en", "facts", "private")
_ROW = re.compile(r"\[(\d+)\](?:\.(\w+))?")
# "is missing", "is empty", "needs at least N item(s), has 0": a field not written yet, said as "still needed"
_NOT_WRITTEN = re.compile(r"^(is missing|is empty|needs at least \d+ item\(s\), has 0)$")


def form_cell(path: str | None) -> str | None:
    """The form field (its cell name in ui.scenario_form) a problem's YAML path belongs to, or None: a field only the
    YAML tab edits (max_turns, triggers, case facts …)."""
    if not path:
        return None
    head, _, rest = path.partition(".")
    head = head.split("[")[0]
    if head in TOP_CELLS:
        return head
    if head == "persona":
        name = rest.split(".")[0]
        return f"persona.{name}" if name in PERSONA_CELLS else None
    if head == "mood":
        return "mood"
    if head == "checkpoints":
        return "checkpoints"
    if head == "customer_lines" and rest:
        name = re.split(r"[.\[]", rest)[0]
        if name == "follow_ups":
            return "follow_ups"
        if name in ("asking", "not_asking"):
            return "questions"
        if name in LINE_TEXTS or name in LINE_LISTS:
            return f"lines.{name}"
    return None


def form_label(path: str | None) -> str:
    """The words the form shows for the field of `path` — with the table row and column, or the mood threshold —
    in the UI language; the YAML path itself for a field the form does not show."""
    cell = form_cell(path)
    if cell is None:
        return path or ""
    if cell.startswith("lines."):
        return tr(*LINE_LABELS[cell.removeprefix("lines.")])
    label = tr(*FIELD_LABELS[cell])
    if cell == "mood" and path and "." in path:
        threshold = path.split(".", 1)[1]
        return label + (" · " + tr(*MOOD_LABELS[threshold]) if threshold in MOOD_LABELS else "")
    row = _ROW.search(path or "")
    if cell in ("checkpoints", "follow_ups") and row:
        where = tr(f" 第 {row.group(1)} 行", f" row {row.group(1)}")
        column = row.group(2)
        help_table = FOLLOW_UP_HELP if cell == "follow_ups" and column in FOLLOW_UP_HELP else COLUMNS
        return label + where + (" · " + tr(*help_table[column][0]) if column in help_table else "")
    return label


@dataclass
class FormProblems:
    """A scenario's problems sorted for the form: the fields still to write, the other problems of the form's fields
    (label, message) and each field's notes by cell name; `in_form` the problems of the form's fields as the check
    gave them (their YAML paths), `yaml_only` those of fields only the YAML tab edits (a syntax error, triggers …)."""

    needed: list[str] = field(default_factory=list)
    others: list[tuple[str, str]] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    in_form: list[Problem] = field(default_factory=list)
    yaml_only: list[Problem] = field(default_factory=list)


def form_problems(problems: list[Problem]) -> FormProblems:
    """`problems` in the form's words. The question lines in neither asking nor not_asking are one note (how many
    lines still need a choice under 客户的问句), not a YAML instruction per line."""
    found = FormProblems()
    unchosen = 0
    for problem in problems:
        cell = form_cell(problem.field)
        if cell is None:
            found.yaml_only.append(problem)
            continue
        found.in_form.append(problem)
        if READS_AS_QUESTION in problem.message:
            unchosen += 1
            continue
        label, message = form_label(problem.field), tr(problem.zh_message(), problem.message)
        if _NOT_WRITTEN.match(problem.message) and label not in found.needed:
            found.needed.append(label)
        elif not _NOT_WRITTEN.match(problem.message):
            found.others.append((label, message))
        row = label.removeprefix(tr(*FIELD_LABELS[cell])).strip(" ·") if not cell.startswith("lines.") else ""
        found.notes.setdefault(cell, []).append((row + tr("：", ": ") if row else "") + message)
    if unchosen:
        label = tr(*FIELD_LABELS["questions"])
        message = tr(f"还有 {unchosen} 句问句没有选择：客户在问问题（需要回答），还是只是情绪（不用回答）",
                     f"{unchosen} question line(s) still need a choice: does the customer ask something, or only vent")
        found.others.append((label, message))
        found.notes.setdefault("questions", []).append(message)
    return found
