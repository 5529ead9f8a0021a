"""Finding 3 (Medium): an import that moves an item between files is all-or-nothing, history included.

Each test kills a forked child with os._exit at one point of the save — what SIGKILL does —
and checks what the next start-up (recover_interrupted_saves) leaves: never a lost item,
never an edit without its history row.
"""

from __future__ import annotations

import csv
import io
import os

import pytest
import yaml

from trainer.editing import editor as editor_module
from trainer.editing import history
from trainer.editing.editor import recover_interrupted_saves
from trainer.editing.files import leftover_temp_files
from trainer.editing.spreadsheet import plan_import, read_upload, to_csv

MOVED = "q-cooling-off-refund-1"
SOURCE, TARGET = "quizzes/cooling-off.yaml", "quizzes/lapse.yaml"


def move_plan(editor):
    """A dry-run plan that moves quiz item MOVED from the cooling-off file to the lapse file."""
    table = list(csv.reader(io.StringIO(to_csv(editor.kb.content, "quiz").decode("utf-8-sig"))))
    header = table[0]
    row = next(r for r in table if r[0] == MOVED)
    row[header.index("category")] = "lapse"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    plan = plan_import(editor, *read_upload("quiz.csv", buffer.getvalue().encode()))
    assert sorted(e.name for e in plan.edits) == [SOURCE, TARGET]
    return plan


def ids_in(editor, name: str) -> list[str]:
    path = editor.root / name
    if not path.exists():
        return []
    return [item["id"] for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("items") or []]


def crash_at(editor, plan, function: str, call: int) -> None:
    """Run the import in a forked child that dies (os._exit, no clean-up) at the `call`-th call of `function`."""
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            editor.db.engine.dispose(close=False)
            real, calls = getattr(editor_module, function), []

            def dying(*args, **kwargs):
                calls.append(1)
                if len(calls) == call:
                    os._exit(9)
                return real(*args, **kwargs)

            setattr(editor_module, function, dying)
            editor.apply("li", "import", "", "import: move", plan.edits)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 9, "the child should have died mid-save"


def test_a_crash_before_the_commit_changes_nothing_and_the_temporary_files_are_swept(editor):
    plan = move_plan(editor)
    before = {name: editor.read(name) for name in (SOURCE, TARGET)}
    crash_at(editor, plan, "stage", 2)  # the first file staged, the history not committed
    assert {name: editor.read(name) for name in (SOURCE, TARGET)} == before
    assert history.changes(editor.db) == []
    assert leftover_temp_files(editor.root)  # the first file's staged copy
    recover_interrupted_saves(editor.db, editor.kb.settings)
    assert leftover_temp_files(editor.root) == []
    assert {name: editor.read(name) for name in (SOURCE, TARGET)} == before


@pytest.mark.parametrize("function, call", [("install", 1), ("install", 2), ("_mark_applied", 1)])
def test_a_crash_after_the_commit_is_completed_at_the_next_start(editor, function, call):
    plan = move_plan(editor)
    crash_at(editor, plan, function, call)
    recover_interrupted_saves(editor.db, editor.kb.settings)
    assert MOVED in ids_in(editor, TARGET) and MOVED not in ids_in(editor, SOURCE)  # moved, not lost
    changes = history.changes(editor.db)
    assert sorted(c.file for c in changes) == [SOURCE, TARGET] and all(c.applied for c in changes)
    assert leftover_temp_files(editor.root) == []
    # and the history can undo it: rolling back puts the item where it was
    assert editor.rollback_to(0, "li").ok
    assert MOVED in ids_in(editor, SOURCE) and MOVED not in ids_in(editor, TARGET)


def test_the_next_save_finishes_an_interrupted_one_first(editor):
    plan = move_plan(editor)
    crash_at(editor, plan, "install", 2)
    draft = editor.open_item("entry", "cooling-off-length")
    assert editor.save_item(draft, {**draft.fields, "answer": "以合同为准，一般为15日。"}, "wang").ok
    assert MOVED in ids_in(editor, TARGET) and MOVED not in ids_in(editor, SOURCE)
