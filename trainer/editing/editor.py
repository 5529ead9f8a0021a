"""Saving instructor edits: validate everything, refuse conflicts, write atomically, record, publish.

One path (`ContentEditor._commit`) serves every kind of change — a form save, a scenario, a
restore, a roll-back, an import — so each gets the same guarantees:

1. under a lock shared by all app processes, the file on disk must still be the version the
   instructor started from (else: a conflict showing the other person's change);
2. the whole content set, with the change applied in memory, must have no problem it did
   not have before (else: refused with file/line/item/field problems; nothing written);
3. deleting an entry that quiz items or scenarios use is refused, listing them;
4. the files are replaced all-or-nothing together with their `ContentChange` rows (who, what,
   diff, before/after); linked content is flagged for review;
5. the knowledge base reloads, so every session's search sees the change at once.

All-or-nothing across several files (an import moving an item between files): every new
text is first staged in a fsynced temporary file; then the history rows are committed with
`applied = false` — the commit is the point of no return and the rows are the intent record;
then the staged files are renamed into place and the rows marked applied. A crash before the
commit changes nothing (the temporary files are swept up later); a crash after it is finished
by `recover_interrupted_saves` at the next start (or the next save), from the rows' after_text.

File names reach the disk only through `trainer.editing.files.content_path` (id pattern,
containment, no symlinks out of the tree).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from kb.content import ContentSet, Entry, collect_content, content_fingerprint
from kb.knowledge_base import KnowledgeBase
from sqlalchemy import delete, select, update

from kb.yaml_source import Problem, distinct, duplicate_id, normalize_line_breaks
from settings import Settings
from trainer.store.db import Database
from trainer.editing import change_summary as summaries, history
from trainer.editing.fields import ENTRY, QUIZ
from kb.regulations.library import changed_articles
from trainer.editing.files import (EditLock, UnsafePath, atomic_write, content_path, discard, install,
                                   leftover_temp_files, read_text, stage, text_hash)
from trainer.editing.versions import ContentVersions, is_shared_database
from trainer.editing.links import Reference, citations_to, flag_for_review, references_to
from trainer.dialogue.example_faults import example_count, example_fault_problems
from trainer.dialogue.factbook import ContentFacts
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.loading import SCENARIO_FOLDER, read_scenarios
from trainer.dialogue.validation import corpus_problems
from trainer.editing.yaml_style import YamlEditError, find_item, set_item
from trainer.store.models import ContentChange, ReviewFlag


def script_problem(kind: str | None, file: str, item_id: str, fields: Mapping[str, Any]) -> Problem | None:
    """An FAQ entry saved from the app (the form or a spreadsheet import) with no 话术 (qa21: an instructor emptied it
    by mistake, read 已保存并发布, and the agent on a call found no words to say). Asked of what is saved, not by the
    loader: a content set written before the rule, with an entry lacking its script, still loads and serves."""
    if kind != ENTRY or str(fields.get("script") or "").strip():
        return None
    return Problem(file, 0, item_id, "script", "is empty: the words the agent says on the call",
                   "不能为空：坐席在电话里照着说的话")


# kind -> (folder, top-level list key)
ITEM_KINDS = {ENTRY: ("faq", "entries"), QUIZ: ("quizzes", "items")}
LOCK_FILE = "content-editor.lock"


def kind_of_file(name: str) -> str | None:
    """'entry' for faq/…, 'quiz' for quizzes/…, None for other files (scenarios)."""
    folder = name.split("/", 1)[0]
    return next((kind for kind, (f, _) in ITEM_KINDS.items() if f == folder), None)


@dataclass(frozen=True)
class Draft:
    """What an edit form opened: the item and the file's exact text at that moment."""

    file: str
    kind: str | None  # entry | quiz | None for a whole file (a scenario)
    item_id: str
    fields: dict[str, Any] | None  # the item as opened; None for a new item or file
    base_text: str | None
    seen_change_id: int  # the newest recorded change when the form opened

    @property
    def base_hash(self) -> str | None:
        return text_hash(self.base_text)


@dataclass(frozen=True)
class FileEdit:
    """One file to replace: its text as the editor saw it and the text to write (None deletes)."""

    name: str
    base_text: str | None
    new_text: str | None
    seen_change_id: int


@dataclass(frozen=True)
class Conflict:
    """The file changed since the form opened: the other person's change, never overwritten."""

    file: str
    their_diff: str
    authors: tuple[str, ...]  # who saved in the app meanwhile; empty: edited outside the app

    def __str__(self) -> str:
        who = ", ".join(self.authors) if self.authors else "someone outside the app (e.g. in git)"
        return f"{self.file} was changed by {who} after you opened it; your change was not saved"


@dataclass
class SaveResult:
    """The outcome of a save; `ok` False means nothing on disk changed."""

    ok: bool
    problems: list[Problem] = field(default_factory=list)
    conflict: Conflict | None = None
    references: list[Reference] = field(default_factory=list)
    error: str = ""
    change_ids: list[int] = field(default_factory=list)
    flagged: int = 0
    reload_problems: list[Problem] = field(default_factory=list)

    def field_problems(self, item_id: str) -> dict[str, list[Problem]]:
        """Problems of one item by field ('' for the item as a whole), for display next to inputs
        (each in the reader's language: `message` or `zh_message()`)."""
        grouped: dict[str, list[Problem]] = {}
        for problem in self.problems:
            if problem.item_id in (item_id, None):
                grouped.setdefault(problem.field or "", []).append(problem)
        return grouped

    def other_problems(self, item_id: str) -> list[Problem]:
        """Problems the change causes elsewhere (another item or file)."""
        return [p for p in self.problems if p.item_id not in (item_id, None)]


@dataclass(frozen=True)
class _Checked:
    """A content set with drafts applied, and every problem it has (old ones included)."""

    content: ContentSet
    problems: list[Problem]


def _problem_key(problem: Problem) -> tuple:
    """Identity of a problem regardless of line numbers (an edit shifts the lines below it)."""
    return problem.file, problem.item_id, problem.field, problem.message


def _facts(entry: Entry) -> Entry:
    """What quiz items and scenarios can rely on: not its line, nor its variants (wordings search
    matches; a new one, e.g. from 搜索反馈, changes no fact, so it flags nothing for review), nor how a source's
    document is written: L1-01 and 保险法 name one law (qa25 I4: rewriting it so, with a variant added, flagged
    2 quiz items and 3 scenarios)."""
    sources = tuple(dataclasses.replace(source, doc=source.document_id or source.doc) for source in entry.sources)
    return dataclasses.replace(entry, line=0, variants=(), sources=sources)


def _cited_more(before: Entry, after: Entry) -> bool:
    """`after` is `before` with citations added and nothing else changed: every source it cited is still cited as it
    was. What quiz items and scenarios rest on stands, so nothing is sent to review (qa27 E1: one source added
    flagged 2 quiz items and 3 scenarios); a citation changed or removed changes an item's basis and still does."""
    was, now = _facts(before), _facts(after)
    return (dataclasses.replace(was, sources=()) == dataclasses.replace(now, sources=())
            and set(was.sources) <= set(now.sources))


def changed_entries(before: ContentSet, after: ContentSet) -> set[str]:
    """Ids of entries added, removed or whose facts changed between two content sets (wordings aside, and sources
    only added: `_cited_more`)."""
    ids = set(before.entries) | set(after.entries)
    return {i for i in ids if i not in before.entries or i not in after.entries
            or (_facts(before.entries[i]) != _facts(after.entries[i])
                and not _cited_more(before.entries[i], after.entries[i]))}


class ContentEditor:
    """Edits of one content folder, published to one knowledge base and recorded in one database."""

    def __init__(self, kb: KnowledgeBase, db: Database, lock_path: Path | None = None,
                 judge: Callable[[], MeaningJudge | None] | None = None) -> None:
        """`judge`: the practice-call judge, asked for only when a saved scenario holds step examples, which it
        reads for faults beside the rules (`example_faults`); without it the rules read them alone."""
        self.kb = kb
        self.db = db
        self.judge = judge
        self.root = Path(kb.settings.content_dir)
        self.lock = EditLock(lock_path or Path(kb.settings.data_dir) / LOCK_FILE)
        # Several servers on PostgreSQL: saves also take the database lock and publish a version.
        self.versions = ContentVersions(db, self.root, self.lock) if is_shared_database(db) else None

    # ------------------------------------------------------------------ opening

    def path(self, name: str) -> Path:
        """Where content file `name` lives (UnsafePath for anything but `<folder>/<id>.yaml` in the tree)."""
        return content_path(self.root, name)

    def read(self, name: str) -> str | None:
        """A content file's current text on disk (None if it does not exist); UnsafePath for a bad name."""
        return read_text(self.path(name))

    def open_file(self, name: str) -> Draft:
        """A whole file (a scenario) as it is now."""
        return Draft(name, kind_of_file(name), Path(name).stem, None, self.read(name),
                     history.latest_change_id(self.db))

    def open_item(self, kind: str, item_id: str) -> Draft:
        """An existing FAQ entry or quiz item, read from its file as it is now (KeyError if unknown)."""
        content = self.kb.content
        known = content.entries.get(item_id) if kind == ENTRY else content.quiz_items.get(item_id)
        if known is None:
            raise KeyError(item_id)
        text = self.read(known.file)
        fields = find_item(text or "", ITEM_KINDS[kind][1], item_id) if text else None
        if fields is None:
            raise KeyError(item_id)
        return Draft(known.file, kind, item_id, fields, text, history.latest_change_id(self.db))

    def new_item(self, kind: str, category: str) -> Draft:
        """A blank form for a new entry or quiz item in `category`'s file."""
        name = f"{ITEM_KINDS[kind][0]}/{category}.yaml"
        return Draft(name, kind, "", None, self.read(name), history.latest_change_id(self.db))

    # ------------------------------------------------------------------ saving items and files

    def save_item(self, draft: Draft, fields: Mapping[str, Any] | None, author: str) -> SaveResult:
        """Create (draft without fields), update, or delete (fields None) one entry or quiz item."""
        if draft.kind is None:
            raise ValueError("save_item needs a draft of an entry or quiz item")
        if fields is None:
            action, item_id = "delete", draft.item_id
        else:
            item_id = str(fields.get("id") or "").strip()
            action = "create" if draft.fields is None else "update"
            problem = self._id_problem(draft, action, item_id) or script_problem(draft.kind, draft.file, item_id, fields)
            if problem is not None:
                return SaveResult(False, problems=[problem])
            fields = {**fields, "id": item_id}
        try:
            new_text = set_item(draft.base_text, ITEM_KINDS[draft.kind][1], item_id, fields, draft.file)
        except YamlEditError as err:
            return SaveResult(False, error=str(err))
        return self._commit(author, action, item_id, summaries.item_saved(action, draft.kind, item_id),
                            [FileEdit(draft.file, draft.base_text, new_text, draft.seen_change_id)])

    def _id_problem(self, draft: Draft, action: str, item_id: str) -> Problem | None:
        if not item_id:
            return Problem(draft.file, 0, None, "id", "is missing", "缺少此字段")
        if action == "update" and item_id != draft.item_id:
            return Problem(draft.file, 0, draft.item_id, "id",
                           "ids are never renamed (progress and scenarios refer to them); create a new item instead",
                           "id 不能改名（学习进度和情景都引用它）；请新建一条")
        content = self.kb.content
        if action == "create" and (item_id in content.entries or item_id in content.quiz_items):
            entry, quiz_item = content.entries.get(item_id), content.quiz_items.get(item_id)
            first = entry or quiz_item
            return duplicate_id(draft.file, 0, item_id, f"{first.file}:{first.line}",
                                entry.question if entry is not None else quiz_item.prompt)
        return None

    def save_file(self, draft: Draft, text: str | None, author: str) -> SaveResult:
        """Write a whole file (a scenario's YAML); None deletes it."""
        action = "delete" if text is None else "create" if draft.base_text is None else "update"
        return self._commit(author, action, draft.item_id, summaries.file_saved(action, draft.file),
                            [FileEdit(draft.file, draft.base_text, text, draft.seen_change_id)])

    # ------------------------------------------------------------------ history

    def restore_file(self, change_id: int, author: str, side: str = "before") -> SaveResult:
        """Put a whole file back as it was before (or right after) a recorded change."""
        recorded = self._change(change_id)
        target = recorded.before_text if side == "before" else recorded.after_text
        return self._commit(author, "restore", recorded.item_id,
                            summaries.file_restored(recorded.file, side, change_id),
                            [self._edit_now(recorded.file, target)])

    def restore_item(self, change_id: int, author: str, side: str = "before") -> SaveResult:
        """Put one entry or quiz item back as it was before (or after) a change, leaving the rest of its file."""
        recorded = self._change(change_id)
        kind = kind_of_file(recorded.file)
        if kind is None or not recorded.item_id:
            return self.restore_file(change_id, author, side)
        list_key = ITEM_KINDS[kind][1]
        version = recorded.before_text if side == "before" else recorded.after_text
        try:
            wanted = find_item(version, list_key, recorded.item_id) if version else None
            current = self.read(recorded.file)
            if wanted is None and (not current or find_item(current, list_key, recorded.item_id) is None):
                return SaveResult(True)
            new_text = set_item(current, list_key, recorded.item_id, wanted, recorded.file)
        except YamlEditError as err:
            return SaveResult(False, error=str(err))
        edit = FileEdit(recorded.file, current, new_text, history.latest_change_id(self.db))
        return self._commit(author, "restore", recorded.item_id,
                            summaries.item_restored(kind, recorded.item_id, side, change_id), [edit])

    def rollback_to(self, change_id: int, author: str) -> SaveResult:
        """Undo every change after `change_id` across the whole content set, as one new change."""
        later = sorted(history.changes(self.db, since_id=change_id, limit=100_000), key=lambda c: c.id)
        first_after: dict[str, ContentChange] = {}
        for recorded in later:
            first_after.setdefault(recorded.file, recorded)
        edits = [self._edit_now(name, recorded.before_text) for name, recorded in first_after.items()]
        if not edits:
            return SaveResult(True)
        return self._commit(author, "restore", "", summaries.rolled_back(change_id), edits)

    def _change(self, change_id: int) -> ContentChange:
        recorded = history.change(self.db, change_id)
        if recorded is None:
            raise KeyError(f"no content change #{change_id}")
        return recorded

    def _edit_now(self, name: str, new_text: str | None) -> FileEdit:
        """An edit based on the file as it is now (restores are not made from an open form).

        A name that is not a content file (a tampered history row) is refused by `_commit`."""
        try:
            on_disk = self.read(name)
        except UnsafePath:
            on_disk = None
        return FileEdit(name, on_disk, new_text, history.latest_change_id(self.db))

    # ------------------------------------------------------------------ the one write path

    def apply(self, author: str, action: str, item_id: str, summary: str, edits: list[FileEdit]) -> SaveResult:
        """Publish prepared file edits (an import) through the same checks as any save."""
        return self._commit(author, action, item_id, summary, edits)

    def _commit(self, author: str, action: str, item_id: str, summary: str, edits: list[FileEdit]) -> SaveResult:
        try:
            for edit in edits:
                self.path(edit.name)
        except UnsafePath as err:
            return SaveResult(False, error=str(err))
        edits = [dataclasses.replace(e, new_text=normalize_line_breaks(e.new_text)) if e.new_text else e for e in edits]
        with self.lock.held() if self.versions is None else self.versions.save_lock():
            _finish_interrupted(self.db, self.root)
            caught_up = self.versions is not None and self.versions.catch_up()  # another server's save first
            current = {e.name: self.read(e.name) for e in edits}
            for edit in edits:
                if text_hash(current[edit.name]) != text_hash(edit.base_text):
                    if caught_up:
                        self.kb.reload()
                    return SaveResult(False, conflict=self._conflict(edit, current[edit.name]))
            edits = [e for e in edits if e.new_text != current[e.name]]
            if not edits:
                return SaveResult(True)
            before, after, refusal = self._check({e.name: e.new_text for e in edits})
            if refusal is not None:
                return refusal
            result = self._write_and_record(author, action, item_id, summary, edits, current, before, after.content)
            if result.ok and self.versions is not None:
                self.versions.publish(author)
            if result.ok and not after.problems:
                self.kb.publish(after.content)  # validated above: no second parse of every file
        if result.ok and after.problems:
            result.reload_problems = self.kb.reload()  # older problems elsewhere: the loader decides
        return result

    def check(self, overrides: Mapping[str, str | None]) -> SaveResult:
        """Would these draft file texts be accepted? (live validation; nothing is written)"""
        try:
            for name in overrides:
                self.path(name)
        except UnsafePath as err:
            return SaveResult(False, error=str(err))
        return self._check(overrides)[2] or SaveResult(True)

    def draft_overrides(self, draft: Draft, fields: Mapping[str, Any]) -> dict[str, str]:
        """The draft's file text with `fields` applied, for the hit test (YamlEditError if impossible)."""
        item_id = str(fields.get("id") or draft.item_id).strip()
        return {draft.file: set_item(draft.base_text, ITEM_KINDS[draft.kind][1], item_id, dict(fields), draft.file)}

    def _check(self, overrides: Mapping[str, str | None]) -> tuple[ContentSet, _Checked, SaveResult | None]:
        """(content on disk, content with the drafts, refusal or None if the drafts add no problem)."""
        before, known_problems = self._validated_on_disk()
        after, problems = collect_content(self.root, overrides)
        problems = distinct(problems + read_scenarios(self.root, after.entries, overrides)[1] + corpus_problems(self.root, overrides))
        faulted_before, faulted_after = self._faulted_examples(overrides, before, after)
        problems, known_problems = distinct(problems + faulted_after), known_problems + faulted_before
        checked = _Checked(after, problems)
        references = self._references_to_deleted(before, after, overrides)
        if references:
            return before, checked, SaveResult(False, references=references)
        known = {_problem_key(p) for p in known_problems}
        new_problems = [p for p in problems if _problem_key(p) not in known]
        return before, checked, SaveResult(False, problems=new_problems) if new_problems else None

    def _faulted_examples(self, overrides: Mapping[str, str | None], before: ContentSet, after: ContentSet
                          ) -> tuple[list[Problem], list[Problem]]:
        """The step examples the judge faults in the drafted scenario files, on disk and with the drafts (review47):
        an example added with a fault is a new problem; one already on disk does not block another edit of its file."""
        names = {n for n, text in overrides.items() if n.startswith(f"{SCENARIO_FOLDER}/") and text is not None}
        if not names:
            return [], []
        drafted = [s for s in read_scenarios(self.root, after.entries, overrides)[0].values() if s.file in names]
        if not example_count(drafted):
            return [], []
        judge = self.judge() if self.judge is not None else None
        on_disk = [s for s in read_scenarios(self.root, before.entries)[0].values() if s.file in names]
        return (example_fault_problems(on_disk, ContentFacts(before), judge),
                example_fault_problems(drafted, ContentFacts(after), judge))

    def _validated_on_disk(self) -> tuple[ContentSet, list[Problem]]:
        """The content on disk and its problems; the loaded snapshot when it is what is on disk."""
        if content_fingerprint(self.root) == self.kb.content.content_hash:
            content, problems = self.kb.content, []
        else:
            content, problems = collect_content(self.root)
        return content, distinct(problems + read_scenarios(self.root, content.entries)[1] + corpus_problems(self.root))

    def _references_to_deleted(self, before: ContentSet, after: ContentSet,
                               overrides: Mapping[str, str | None]) -> list[Reference]:
        """Quiz items and scenarios still using an entry the change removes."""
        deleted = set(before.entries) - set(after.entries)
        if not deleted:
            return []
        deleted_scenarios = {n for n, t in overrides.items() if n.startswith(f"{SCENARIO_FOLDER}/") and t is None}
        return [r for r in references_to(after, deleted) if r.file not in deleted_scenarios]

    def _conflict(self, edit: FileEdit, current_text: str | None) -> Conflict:
        theirs = history.changes(self.db, file=edit.name, since_id=edit.seen_change_id)
        authors = tuple(dict.fromkeys(c.author for c in reversed(theirs)))
        return Conflict(edit.name, history.unified_diff(edit.base_text, current_text, edit.name), authors)

    def _write_and_record(self, author: str, action: str, item_id: str, summary: str, edits: list[FileEdit],
                          current: Mapping[str, str | None], before: ContentSet, after: ContentSet) -> SaveResult:
        """Write the files and the history rows as one unit: all of them, or none."""
        paths = {e.name: self.path(e.name) for e in edits}
        staged: dict[str, Path | None] = {}
        try:
            for edit in edits:
                staged[edit.name] = stage(paths[edit.name], edit.new_text)
        except OSError as err:
            for tmp in staged.values():
                discard(tmp)
            return SaveResult(False, error=f"could not write {edit.name}: {err}; nothing was changed")
        with self.db.session() as session:
            rows = {e.name: ContentChange(author=author, file=e.name, item_id=item_id[:160], action=action,
                                          summary=summary, diff=history.unified_diff(current[e.name], e.new_text, e.name),
                                          before_text=current[e.name], after_text=e.new_text, applied=False)
                    for e in edits}
            session.add_all(rows.values())
            session.flush()
            touched = changed_entries(before, after)
            change_of_entry = {i: rows[self._file_of(i, before, after)].id for i in touched
                               if self._file_of(i, before, after) in rows}
            flagged = flag_for_review(session, references_to(after, touched), change_of_entry)
            # A replaced regulation: every entry citing an article whose text changed is re-checked.
            articles = changed_articles(before.library, after.library)
            change_of_article = {key: rows[f"regulations/{key.split()[0]}.md"].id for key in articles
                                 if f"regulations/{key.split()[0]}.md" in rows}
            flagged += flag_for_review(session, citations_to(before, articles), change_of_article)
            try:
                session.commit()  # the point of no return: from here on the save is finished, even after a crash
            except BaseException:
                session.rollback()
                for tmp in staged.values():
                    discard(tmp)
                raise
            change_ids = [row.id for row in rows.values()]
        installed: list[FileEdit] = []
        try:
            for edit in edits:
                install(paths[edit.name], staged[edit.name])
                installed.append(edit)
        except BaseException as err:  # a live failure (not a crash): undo it all, as if never committed
            self._undo(installed, staged, current, change_ids)
            if isinstance(err, OSError):
                return SaveResult(False, error=f"could not write {edit.name}: {err}; nothing was changed")
            raise
        _mark_applied(self.db, change_ids)
        return SaveResult(True, change_ids=change_ids, flagged=flagged)

    def _undo(self, installed: list[FileEdit], staged: Mapping[str, Path | None],
              current: Mapping[str, str | None], change_ids: list[int]) -> None:
        """Put back the files already renamed and drop the save's history rows (and their flags).

        If this fails too, the rows stay unapplied and recovery completes the save instead:
        either way the files and the history agree."""
        for tmp in staged.values():
            discard(tmp)
        for edit in installed:
            atomic_write(self.path(edit.name), current[edit.name])
        with self.db.session() as session:
            session.execute(delete(ReviewFlag).where(ReviewFlag.change_id.in_(change_ids)))
            session.execute(delete(ContentChange).where(ContentChange.id.in_(change_ids)))
            session.commit()

    @staticmethod
    def _file_of(entry_id: str, before: ContentSet, after: ContentSet) -> str:
        entry = after.entries.get(entry_id) or before.entries[entry_id]
        return entry.file


def _mark_applied(db: Database, change_ids: list[int]) -> None:
    with db.session() as session:
        session.execute(update(ContentChange).where(ContentChange.id.in_(change_ids)).values(applied=True))
        session.commit()


def _finish_interrupted(db: Database, root: Path) -> int:
    """Complete saves committed but not renamed into place (caller holds the edit lock); sweep
    up temporary files of saves that never committed. Returns how many files were written."""
    with db.session() as session:
        pending = list(session.scalars(select(ContentChange).where(ContentChange.applied.is_(False))
                                       .order_by(ContentChange.id)))
    for row in pending:
        atomic_write(content_path(root, row.file), row.after_text)
    if pending:
        _mark_applied(db, [row.id for row in pending])
    for leftover in leftover_temp_files(root):
        leftover.unlink(missing_ok=True)
    return len(pending)


def recover_interrupted_saves(db: Database, settings: Settings) -> int:
    """At start-up: finish every save a crash interrupted after its commit (see the module doc)."""
    with EditLock(Path(settings.data_dir) / LOCK_FILE).held():
        return _finish_interrupted(db, Path(settings.content_dir))

