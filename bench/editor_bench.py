"""Editor benchmark: time from "save" to "searchable" for one edited entry on the full content pack.

    .venv/bin/python -m bench.editor_bench [--runs 5]

Works on a temporary copy of content/ (the real folder is never written). Each run edits one
entry's answer through `ContentEditor.save_item` — conflict check, whole-set validation,
atomic write, history row, review flags, incremental reload — and stops the clock when a
search returns the new answer. Target: under 2 s. Also prints the split between validation
and the rest, and the first-open cost (not part of the target: it happens once per process).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kb import KnowledgeBase
from kb.content import collect_content
from settings import Settings
from trainer.store.db import Database
from trainer.editing.editor import ContentEditor

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="editor-bench-") as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", content)
        settings = Settings.from_env({}).with_overrides(data_dir=Path(tmp) / "data", content_dir=content)
        started = time.perf_counter()
        kb = KnowledgeBase.open(content, settings)
        opened = time.perf_counter() - started
        db = Database(settings.resolved_database_url)
        editor = ContentEditor(kb, db)
        entry = next(iter(kb.content.entries.values()))
        started = time.perf_counter()
        collect_content(content)
        validate_once = time.perf_counter() - started

        timings = []
        for run in range(args.runs):
            draft = editor.open_item("entry", entry.id)
            marker = f"（基准测试修改 {run}）"
            started = time.perf_counter()
            result = editor.save_item(draft, {**draft.fields, "answer": f"{entry.answer}{marker}"}, "bench")
            assert result.ok, result
            hits = kb.search(entry.question, k=3)
            searchable = time.perf_counter() - started
            assert any(marker in h.answer for h in hits), "the edited answer is not searchable"
            timings.append(searchable)
        db.dispose()

    print(f"content pack: {len(kb.content.entries)} entries, {len(kb.content.quiz_items)} quiz items")
    print(f"first open (load + index, once per process): {opened:.2f} s")
    print(f"one whole-set validation (collect_content): {validate_once:.2f} s")
    print(f"save -> searchable over {len(timings)} edits: median {statistics.median(timings):.2f} s, "
          f"max {max(timings):.2f} s (target < {TARGET_SECONDS:.0f} s): "
          f"{'OK' if max(timings) < TARGET_SECONDS else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
