"""Load and validate the YAML content set (categories, FAQ, quizzes, glossary, phrases).

Validation collects *every* problem before giving up, so an instructor fixes a file in one
pass. `load_content` raises `ContentError` carrying those problems; nothing half-loaded ever
escapes, so a caller that keeps its previous `ContentSet` keeps serving good content.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from kb import schema
from kb.durations import DurationRule, Span, StatedSpan, parse_limit
from kb.other_lines import OtherLine
from kb.regulations.library import FOLDER as REGULATIONS_FOLDER
from kb.regulations.library import Library, build_library, parse_article_ref
from kb.regulations.numbering import NUMERAL_CHARS, parse_number, write_number
from kb.schema import CHOICE, CHOICE_TYPES, ENTRY_REF, LINES, PARAGRAPH, TEXT, ItemKind
from kb.synonym_blanks import synonym_beside, synonyms_of
from kb.text import normalize
from kb.script_states import unchecked_states
from kb.wordings import Wording, duplicate_wordings, entry_wordings, repeated_in_entry, repeats, wording_key
from kb.yaml_source import LocatedDict, Problem, duplicate_id, read_yaml, parse_yaml, split_lines

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Keys through which a scenario refers to FAQ entries; checked for dangling references.
SCENARIO_ENTRY_KEYS = ("entry", "entries")
CONTENT_FOLDERS = ("faq", "quizzes", "scenarios")
# Search fields of an entry's English text: they serve English queries (kb.search matches a Chinese one without them).
ENGLISH_FIELD_PREFIX = "en_"
# The field an item is known by, in order (an entry's question, a quiz item's prompt, a category's name, a phrase's
# words): what a duplicate id's problem quotes of the item it duplicates.
TITLE_FIELDS = ("question", "prompt", "name", "text", "phrase")
Seen = dict[str, tuple[str, str]]  # an id → where it is (file:line) and what its item is called (TITLE_FIELDS)


class ContentError(Exception):
    """The content set is invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the content:\n{lines}{more}")


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a document (library id, or a name in sources.yaml) and, usually, an article.

    `clause` and `item` are the 款 and 项 (1-based) when the citation is that precise;
    `document_id` is set when the document is in the regulation library, so the app can open
    the article; `name` is how to show the document (its short name).
    """

    doc: str
    article: str = ""
    clause: int | None = None
    item: int | None = None
    document_id: str = field(default="", compare=False)
    name: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def position(self) -> str:
        """第十六条第二款第（一）项 — the article with its 款 and 项."""
        text = self.article
        if self.clause:
            text += f"第{write_number(self.clause)}款"
        if self.item:
            text += f"第（{write_number(self.item)}）项"
        return text

    def __str__(self) -> str:
        return f"《{self.name or self.doc}》{self.position}"


@dataclass(frozen=True)
class Category:
    id: str
    prefix: str
    name: str
    name_en: str
    description: str = ""


@dataclass(frozen=True)
class Entry:
    """One FAQ entry: a question, the facts that answer it and the words to say."""

    id: str
    category: str
    question: str
    answer: str
    script: str = ""
    variants: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    tags: tuple[str, ...] = ()
    siblings: tuple[str, ...] = ()
    difficulty: int = 1
    en: Mapping[str, str] | None = None
    file: str = ""
    line: int = 0

    def search_texts(self) -> list[tuple[str, str]]:
        """(field, text) pairs under which search indexes this entry."""
        texts = [("question", self.question)]
        texts += [("variant", v) for v in self.variants]
        texts.append(("answer", f"{self.question} {self.answer}"))
        if self.en:
            if self.en.get("question"):
                texts.append((f"{ENGLISH_FIELD_PREFIX}question", self.en["question"]))
            if self.en.get("answer"):
                texts.append((f"{ENGLISH_FIELD_PREFIX}answer", f"{self.en.get('question', '')} {self.en['answer']}"))
        return texts


def in_english(item: Any, field: str) -> str:
    """An FAQ entry's (or search hit's) `question` or `answer` in English where it has one, else in Chinese: what an
    agent who switched to English reads, in the pages (ui.display) and in practice-call advice (trainer.dialogue)."""
    english = item.en.get(field) if item.en else None
    return english or getattr(item, field)


@dataclass(frozen=True)
class QuizItem:
    """A hand-written quiz item; `answer` is an index, a list of indices, a bool or a text."""

    id: str
    category: str
    type: str
    prompt: str
    answer: Any
    explanation: str
    entry: str
    options: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    difficulty: int = 1
    en: "QuizEnglish | None" = None
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class QuizEnglish:
    """A quiz item's English version, shown when the UI is in English.

    `options` are the item's options translated in the same order (so the answer's indices hold);
    `accept` are English spellings of a fill-in answer, accepted in either language.
    """

    prompt: str
    explanation: str
    options: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryGroup:
    """Interchangeable terms (expanded at search time); `spoken` phrases are replaced by terms[0], in a query
    that names one of `spoken_if` when that is given and none of `spoken_unless`."""

    id: str
    terms: tuple[str, ...]
    spoken: tuple[str, ...] = ()
    spoken_if: tuple[str, ...] = ()
    spoken_unless: tuple[str, ...] = ()

    @property
    def reads_a_word(self) -> bool:
        """One ordinary Mandarin word with its spoken forms (没有 for 冇, 怎么样 for 点样): a reading of speech, not a
        group of terms — its word is no term of the trade."""
        return len(self.terms) == 1 and bool(self.spoken)


@dataclass(frozen=True)
class RecommendedPhrase:
    id: str
    situation: str
    text: str


@dataclass(frozen=True)
class ForbiddenPhrase:
    id: str
    phrase: str
    kind: str
    reason: str
    better: str
    variants: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """Every wording that counts as saying this phrase."""
        return (self.phrase, *self.variants)


@dataclass(frozen=True)
class DistractorReview:
    """A content reviewer's verdict on one entry's short answer offered as a wrong option in another entry's
    generated choice item (distractor_reviews.yaml): `wrong` (a fair distractor), `also_right` or `unclear`."""

    question: str
    distractor: str
    option: str
    verdict: str
    reason: str = ""
    line: int = 0


PRACTICE = "惯例"  # sources.yaml names an industry practice (no document) 合同条款惯例, 呼叫中心服务规范惯例 …


@dataclass(frozen=True)
class SourceDoc:
    name: str
    full_title: str
    status: str
    repealed_by: str = ""


@dataclass(frozen=True)
class ContentSet:
    """A validated content set. Immutable: a reload produces a new one."""

    root: Path
    categories: Mapping[str, Category]
    entries: Mapping[str, Entry]
    quiz_items: Mapping[str, QuizItem]
    glossary: tuple[GlossaryGroup, ...]
    recommended_phrases: tuple[RecommendedPhrase, ...]
    forbidden_phrases: tuple[ForbiddenPhrase, ...]
    source_docs: Mapping[str, SourceDoc]
    file_hashes: Mapping[str, str] = field(default_factory=dict)
    out_of_scope: tuple[str, ...] = ()
    duration_rules: tuple[DurationRule, ...] = ()
    # Words stating a span without a number (过了犹豫期): durations.yaml `stated`.
    stated_spans: tuple[StatedSpan, ...] = ()
    library: Library = field(default_factory=Library)
    # Out-of-scope examples marked `faq_only` in scope.yaml: the FAQ search's scope check reads them,
    # the regulation search's gate (fitted on the others) does not.
    faq_only_scope: tuple[str, ...] = ()
    # Lines of business named by their product words (车险, 家财险): a question naming one is refused (scope.yaml).
    other_lines: tuple[OtherLine, ...] = ()
    # Distractors a content reviewer read (distractor_reviews.yaml): which may be swapped in, which never offered.
    distractor_reviews: tuple[DistractorReview, ...] = ()

    @property
    def regulation_out_of_scope(self) -> tuple[str, ...]:
        """The out-of-scope examples the regulation gate compares a question with."""
        faq_only = set(self.faq_only_scope)
        return tuple(q for q in self.out_of_scope if q not in faq_only)

    def citation(self, source: Source) -> str:
        """A source as an agent may repeat it: 《name》第X条 for a document, but a practice by what it is
        (行业通行的保险合同条款约定…), never as a title: 《合同条款惯例》 read like a regulation that does not
        exist (qa14 on the search page, qa15 in the quiz's explanations)."""
        doc = self.source_docs.get(source.doc)
        if doc is not None and source.doc.endswith(PRACTICE) and not source.article:
            return doc.full_title
        return str(source)

    @property
    def content_hash(self) -> str:
        """One hash over every content file: equal hashes mean identical content."""
        digest = hashlib.sha256()
        for name in sorted(self.file_hashes):
            digest.update(f"{name}\0{self.file_hashes[name]}\0".encode())
        return digest.hexdigest()


# ---------------------------------------------------------------------------- field checks


class ItemChecker:
    """Reads typed fields out of one YAML item, recording a problem for each bad one."""

    def __init__(self, item: LocatedDict, file: str, item_id: str | None, problems: list[Problem],
                 prefix: str = "") -> None:
        self.item = item
        self.file = file
        self.item_id = item_id
        self.problems = problems
        self.prefix = prefix  # "en." when checking a nested mapping, so problems name en.options

    def problem(self, field_name: str | None, message: str, message_zh: str) -> None:
        """Record a problem in English and Chinese (the editor shows the Chinese one)."""
        line = self.item.line_of(field_name) if field_name else self.item.line
        named = f"{self.prefix}{field_name}" if field_name else (self.prefix.rstrip(".") or None)
        self.problems.append(Problem(self.file, line, self.item_id, named, message, message_zh))

    def text(self, name: str, required: bool = True) -> str:
        value = self.item.get(name)
        if value is None:
            if required:
                self.problem(name, "is missing", "缺少此字段")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(name, "must be text", "必须是文字")
            return ""
        value = str(value).strip()
        if required and not value:
            self.problem(name, "is empty", "不能为空")
        return value

    def text_list(self, name: str, minimum: int = 0) -> tuple[str, ...]:
        value = self.item.get(name, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.problem(name, "must be a list", "必须是列表")
            return ()
        texts = []
        for position, element in enumerate(value, start=1):
            if not isinstance(element, (str, int, float)) or isinstance(element, bool) or not str(element).strip():
                self.problem(name, f"item {position} must be non-empty text", f"第 {position} 项必须是非空文字")
                continue
            texts.append(str(element).strip())
        if len(texts) < minimum:
            self.problem(name, f"needs at least {minimum} item(s), has {len(texts)}",
                         f"至少需要 {minimum} 条，现有 {len(texts)} 条")
        return tuple(texts)

    def choice(self, name: str, allowed: Iterable[Any], default: Any = None) -> Any:
        allowed = tuple(allowed)
        if name not in self.item:
            if default is None:
                self.problem(name, "is missing", "缺少此字段")
            return default
        value = self.item[name]
        if value not in allowed or isinstance(value, bool):
            self.problem(name, f"must be one of {', '.join(map(str, allowed))}, not {value!r}",
                         f"只能是 {'、'.join(map(str, allowed))} 之一，不能是 {value!r}")
            return default if default is not None else allowed[0]
        return value

    def flag(self, name: str, default: bool) -> bool:
        """A true/false field; `default` when absent or (with a problem) when it is anything else."""
        value = self.item.get(name, default)
        if not isinstance(value, bool):
            self.problem(name, "must be true or false", "只能是 true 或 false")
            return default
        return value

    def unknown_fields(self, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in self.item:
            if key not in known:
                self.problem(str(key), f"unknown field (known: {', '.join(known)})",
                             f"未知字段（可用字段：{'、'.join(known)}）")

    def plain_fields(self, kind: ItemKind) -> dict[str, Any]:
        """The item's plain fields (texts, lists, choices) as `kind` declares them, after refusing
        fields it does not declare; each bad value is recorded as a problem."""
        self.unknown_fields(kind.names)
        values: dict[str, Any] = {}
        for spec in kind.fields:
            if spec.kind in (TEXT, PARAGRAPH, ENTRY_REF):
                values[spec.name] = self.text(spec.name, required=spec.required)
            elif spec.kind == LINES:
                values[spec.name] = self.text_list(spec.name, minimum=spec.minimum)
            elif spec.kind == CHOICE:
                values[spec.name] = self.choice(spec.name, spec.choices, default=spec.default)
        return values


def _items(data: Any, list_key: str, file: str, problems: list[Problem]) -> list[LocatedDict]:
    """The mappings under `list_key` of a file's top-level mapping."""
    if data is None:
        return []
    if not isinstance(data, dict) or list_key not in data:
        line = data.line if isinstance(data, LocatedDict) else 1
        problems.append(Problem(file, line, None, list_key, f"file must have a top-level '{list_key}:' list",
                                f"文件顶层必须有 '{list_key}:' 列表"))
        return []
    items = data[list_key]
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(Problem(file, data.line_of(list_key), None, list_key, "must be a list", "必须是列表"))
        return []
    good = []
    for position, item in enumerate(items, start=1):
        if isinstance(item, LocatedDict):
            good.append(item)
        else:
            problems.append(Problem(file, data.line_of(list_key), None, list_key, f"item {position} must be a mapping of fields",
                                    f"第 {position} 项必须是由字段组成的映射"))
    return good


def _item_id(item: LocatedDict, checker_file: str, problems: list[Problem], seen: Seen) -> str | None:
    """Check an item's id (present, kebab-case, unique across the set) and return it."""
    raw = item.get("id")
    if raw is None or not str(raw).strip():
        problems.append(Problem(checker_file, item.line, None, "id", "is missing", "缺少此字段"))
        return None
    item_id = str(raw).strip()
    if not ID_PATTERN.match(item_id):
        problems.append(Problem(checker_file, item.line_of("id"), item_id, "id", "must be kebab-case: lowercase letters, digits and single hyphens",
                                "必须是 kebab-case：小写字母、数字和单个连字符"))
    if item_id in seen:
        problems.append(duplicate_id(checker_file, item.line_of("id"), item_id, *seen[item_id]))
        return None
    title = next((str(item[name]) for name in TITLE_FIELDS if isinstance(item.get(name), (str, int, float))), "")
    seen[item_id] = (f"{checker_file}:{item.line_of('id')}", title)
    return item_id


# ---------------------------------------------------------------------------- file readers


def _read_source_docs(data: Any, file: str, problems: list[Problem]) -> dict[str, SourceDoc]:
    docs: dict[str, SourceDoc] = {}
    for item in _items(data, "documents", file, problems):
        check = ItemChecker(item, file, str(item.get("name", "")) or None, problems)
        name = check.text("name")
        status = check.choice("status", ("current", "repealed"))
        if name:
            docs[name] = SourceDoc(name, check.text("full_title"), status, check.text("repealed_by", required=False))
    return docs


def _read_categories(data: Any, file: str, problems: list[Problem]) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    seen: Seen = {}
    for item in _items(data, "categories", file, problems):
        category_id = _item_id(item, file, problems, seen)
        values = ItemChecker(item, file, category_id, problems).plain_fields(schema.CATEGORY)
        values["prefix"] = values["prefix"] or f"{category_id}-"
        category = Category(id=category_id or "", **values)
        if category_id:
            categories[category_id] = category
    return categories


SOURCE_FIELDS = {"doc", "article", "clause", "item"}
_CLAUSE = re.compile(rf"^第?([{NUMERAL_CHARS}]+|\d+)款?$")
_ITEM = re.compile(rf"^第?[（(]?([{NUMERAL_CHARS}]+|\d+)[）)]?项?$")


def _ordinal(value: Any, pattern: re.Pattern) -> int | None:
    """2, "2", "第二款", "（二）" → 2; None when absent; -1 when present but not a number."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else -1
    match = pattern.match(str(value).strip())
    number = parse_number(match.group(1)) if match else None
    return number if number else -1


class _Sources:
    """Reads an item's `sources` and checks each citation against the library and sources.yaml."""

    def __init__(self, docs: Mapping[str, SourceDoc], library: Library) -> None:
        self.docs = docs
        self.library = library

    def read(self, check: ItemChecker) -> tuple[Source, ...]:
        raw = check.item.get("sources")
        if not isinstance(raw, list) or not raw:
            check.problem("sources", "needs at least one source: {doc: <library id such as L1-01, or a name in sources.yaml>, article: 第X条}",
                          "至少需要一个出处：{doc: <法规库编号如 L1-01，或 sources.yaml 中的名称>, article: 第X条}")
            return ()
        sources: list[Source] = []
        read: list[tuple[int, Source]] = []  # (position in the list, source) for naming a repeat
        for position, element in enumerate(raw, start=1):
            if not isinstance(element, dict) or not str(element.get("doc", "")).strip():
                check.problem("sources", f"source {position} must be a mapping with a 'doc'",
                              f"第 {position} 个出处必须是带 'doc' 的映射")
                continue
            source = self._source(check, position, element)
            if source is not None:
                self._check_repeat(check, position, source, read)
                read.append((position, source))
                sources.append(source)
        return tuple(sources)

    @staticmethod
    def _check_repeat(check: ItemChecker, position: int, source: Source, earlier: Sequence[tuple[int, Source]]) -> None:
        """One article cited twice under two spellings (保险法 | 第36条 beside L1-01 | 第三十六条, qa27 E1) is refused: the
        entry's citations read as two rules where there is one, and an editor saves a change that adds nothing."""
        key = (source.document_id or source.doc, source.article, source.clause, source.item)
        for number, other in earlier:
            if (other.document_id or other.doc, other.article, other.clause, other.item) == key:
                where = f"《{source.name}》{source.position}" if source.name else f"{source.doc} {source.position}"
                check.problems.append(Problem(
                    check.file, source.line or check.item.line_of("sources"), check.item_id, "sources",
                    f"source {position}: cites the same as source {number} ({where}); remove one",
                    f"第 {position} 个出处：与第 {number} 个出处相同（{where}），请删去一个"))
                return

    def _source(self, check: ItemChecker, position: int, element: dict) -> Source | None:
        line = element.line if isinstance(element, LocatedDict) else check.item.line_of("sources")

        def problem(message: str, message_zh: str) -> None:
            check.problems.append(Problem(check.file, line, check.item_id, "sources", f"source {position}: {message}",
                                          f"第 {position} 个出处：{message_zh}"))

        for key in element:
            if key not in SOURCE_FIELDS:
                problem(f"unknown field '{key}' (known: {', '.join(sorted(SOURCE_FIELDS))})",
                        f"未知字段 '{key}'（可用字段：{'、'.join(sorted(SOURCE_FIELDS))}）")
        doc = str(element["doc"]).strip()
        article = str(element.get("article", "") or "").strip()
        clause = _ordinal(element.get("clause"), _CLAUSE)
        item = _ordinal(element.get("item"), _ITEM)
        if clause == -1 or item == -1:
            problem("clause and item must be numbers (2, 第二款, （二）)", "款和项必须是序号（2、第二款、（二））")
            clause, item = (None if clause == -1 else clause), (None if item == -1 else item)
        document = self.library.document(doc)
        if document is None:
            known = self.docs.get(doc)
            if known is None:
                problem(f"unknown document '{doc}' (not in the regulation library nor in sources.yaml)",
                        f"未知文件 '{doc}'（法规库和 sources.yaml 中都没有）")
            elif known.status == "repealed":
                problem(f"'{doc}' is repealed ({known.repealed_by}); cite the current rule",
                        f"'{doc}' 已废止（{known.repealed_by}），请引用现行规定")
            return Source(doc, article, clause, item, line=line)
        name = document.short_name
        if not document.is_current:
            problem(f"《{name}》 is {document.status} ({document.superseded_by}); cite the current rule",
                    f"《{name}》已{_STATUS_ZH.get(document.status, document.status)}（{document.superseded_by}），请引用现行规定")
        if not article:
            return Source(doc, "", None, None, document.id, name, line)
        ref = parse_article_ref(document.structure, article)
        if ref is None:
            problem(f"'{article}' is not an article position in 《{name}》 ({_layout_hint(document.structure)})",
                    f"'{article}' 不是《{name}》中的条文位置（{_layout_hint_zh(document.structure)}）")
            return Source(doc, article, clause, item, document.id, name, line)
        clause, item = clause or ref.clause, item or ref.item
        found = document.article(ref.label)
        if found is None:
            first, last = document.articles[0].label, document.articles[-1].label
            problem(f"《{name}》 has no {ref.label} (its articles run {first} … {last})",
                    f"《{name}》没有{ref.label}（条文从{first}到{last}）")
        else:
            if clause and clause > len(found.clauses):
                problem(f"《{name}》{ref.label} has {len(found.clauses)} 款, not a {clause}th",
                        f"《{name}》{ref.label}只有 {len(found.clauses)} 款，没有第 {clause} 款")
            elif item:
                items = found.clauses[clause - 1].items if clause else tuple(i for c in found.clauses for i in c.items)
                if item > len(items):
                    problem(f"《{name}》{ref.label} has {len(items)} 项 there, not a {item}th",
                            f"《{name}》{ref.label}此处只有 {len(items)} 项，没有第 {item} 项")
        return Source(doc, ref.label, clause, item, document.id, name, line)


def _layout_hint(structure: str) -> str:
    return {"articles": "write 第X条", "sections": "write a section number such as 3.1.1.3",
            "points": "write the point, such as 一 or （三）"}.get(structure, "")


def _layout_hint_zh(structure: str) -> str:
    return {"articles": "请写 第X条", "sections": "请写章节号，如 3.1.1.3",
            "points": "请写要点序号，如 一 或 （三）"}.get(structure, "")


_STATUS_ZH = {"repealed": "废止", "superseded": "被新规取代"}


def _read_en(check: ItemChecker) -> Mapping[str, str] | None:
    raw = check.item.get("en")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        check.problem("en", "must be a mapping of text fields such as question and answer",
                      "必须是由文字字段（如 question 和 answer）组成的映射")
        return None
    return {str(k): v.strip() for k, v in raw.items()}


def _read_entries(data: Any, file: str, category: Category | None, sources: _Sources,
                  problems: list[Problem], seen: Seen) -> list[Entry]:
    entries = []
    for item in _items(data, "entries", file, problems):
        entry_id = _item_id(item, file, problems, seen)
        check = ItemChecker(item, file, entry_id, problems)
        if entry_id and category and not entry_id.startswith(category.prefix):
            check.problem("id", f"must start with the category prefix '{category.prefix}'",
                          f"必须以分类前缀 '{category.prefix}' 开头")
        entry = Entry(
            id=entry_id or "",
            category=category.id if category else "",
            **check.plain_fields(schema.ENTRY),
            sources=sources.read(check),
            en=_read_en(check),
            file=file,
            line=item.line,
        )
        for sentence in unchecked_states(entry.script):
            check.problem("script", f"“{sentence}” tells the customer a state of the policy the agent has not looked up: "
                          "say it as a condition (如果还在犹豫期内…), with the blank the system fills (X月X日) or as a question",
                          f"“{sentence}”把保单的状态当成已经查过的事实说给客户：请写成条件（如果还在犹豫期内…；如果已经过了…），"
                          "或留出按系统填写的空（X月X日），或写成问句")
        if entry_id:
            entries.append(entry)
    return entries


def _check_quiz_answer(check: ItemChecker, kind: str, options: tuple[str, ...]) -> Any:
    answer = check.item.get("answer")
    if kind in ("single", "multiple"):
        if len(options) < 2:
            check.problem("options", "needs at least 2 options", "至少需要 2 个选项")
        if len(set(options)) != len(options):
            check.problem("options", "two options have the same text", "有两个选项文字相同")
    if kind == "single":
        if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(options):
            check.problem("answer", f"must be the index (0–{max(len(options) - 1, 0)}) of the correct option",
                          f"必须是正确选项的序号（0–{max(len(options) - 1, 0)}）")
    elif kind == "multiple":
        if (not isinstance(answer, list) or not answer
                or not all(isinstance(a, int) and not isinstance(a, bool) and 0 <= a < len(options) for a in answer)
                or len(set(answer)) != len(answer)):
            check.problem("answer", "must be a list of distinct indices of the correct options",
                          "必须是正确选项序号的列表，且不能重复")
    elif kind == "true_false":
        if not isinstance(answer, bool):
            check.problem("answer", "must be true or false", "必须是 true 或 false")
    elif kind == "fill_blank":
        if answer is None or isinstance(answer, (list, dict, bool)) or not str(answer).strip():
            check.problem("answer", "must be the text that fills the blank", "必须是填入空格的文字")
        else:
            answer = str(answer).strip()
    return answer


def _fill_answer_stated(item: QuizItem, entry: Entry | None) -> bool:
    """Whether a fill-in answer (or an accepted spelling) is written in the explanation or the entry it tests.

    A fill-in answer nothing states is a typo or a made-up fact that trainees would be marked against."""
    def plain(text: str) -> str:
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", text or ""))
    stated = plain(item.explanation) + (plain(entry.answer) + plain(entry.script) if entry else "")
    return not isinstance(item.answer, str) or any(
        plain(spelling) and plain(spelling) in stated for spelling in (item.answer, *item.accept))


def _synonym_blanks(items: Mapping[str, QuizItem], glossary: Sequence[GlossaryGroup]) -> list[Problem]:
    """Hand-written fill-ins whose blank asks for another name of the word beside it (红利通知书（____） for 分红报告,
    qa28 Q1): the glossary's groups say which words mean the same."""
    groups = synonyms_of(group.terms for group in glossary)
    found = []
    for item in items.values():
        if item.type != "fill_blank" or not isinstance(item.answer, str) or BLANK not in item.prompt:
            continue
        before, _, after = item.prompt.partition(BLANK)
        beside = synonym_beside(before, item.answer, after, groups)
        if beside:
            found.append(Problem(
                item.file, item.line, item.id, "prompt",
                f"the blank asks for another name of “{beside}” beside it (the glossary's synonym “{item.answer}”): "
                "blank a fact, not a synonym of the word the question writes",
                f"空格问的是旁边“{beside}”的另一个叫法（词表中的同义词“{item.answer}”）：请挖掉一个事实，而不是题中已写出的词的同义词"))
    return found


QUIZ_ENGLISH_FIELDS = ("prompt", "options", "explanation", "accept")
BLANK = "____"  # the gap in a fill-in prompt (the quiz and its generator write it; the English must keep it)


def _read_quiz_en(check: ItemChecker, kind: str, options: tuple[str, ...], prompt: str) -> QuizEnglish | None:
    """The item's `en:` mapping, checked against the Chinese: same number of options, a blank where
    the Chinese has one, English spellings only for fill-in items."""
    raw = check.item.get("en")
    if raw is None:
        return None
    if not isinstance(raw, LocatedDict):
        check.problem("en", "must be a mapping with prompt, explanation and (choice items) options",
                      "必须是包含 prompt、explanation（选择题还有 options）的映射")
        return None
    en = ItemChecker(raw, check.file, check.item_id, check.problems, prefix="en.")
    en.unknown_fields(QUIZ_ENGLISH_FIELDS)
    english = QuizEnglish(en.text("prompt"), en.text("explanation"), en.text_list("options"), en.text_list("accept"))
    _check_repeated_options(en, english.options)
    if kind in CHOICE_TYPES and len(english.options) != len(options):
        en.problem("options", f"needs one translation per option, in the same order: {len(options)}, "
                   f"has {len(english.options)}", f"须逐条翻译选项且顺序相同：应有 {len(options)} 条，现有 {len(english.options)} 条")
    elif kind not in CHOICE_TYPES and "options" in raw:
        en.problem("options", f"a {kind} item has no options", "此题型没有选项")
    if english.accept and kind != "fill_blank":
        en.problem("accept", "only a fill-in item has accepted spellings", "只有填空题可以填写可接受答案")
    if BLANK in prompt and english.prompt and BLANK not in english.prompt:
        en.problem("prompt", f"must keep the blank {BLANK} of the Chinese prompt", f"须保留中文题干中的空格 {BLANK}")
    return english


def _check_repeated_options(check: ItemChecker, options: Sequence[str]) -> None:
    """Two options worded the same (ignoring spaces, punctuation, width and case) cannot both be right or wrong."""
    for position, earlier in repeats(options):
        check.problem("options", f"option {position + 1} '{options[position]}' is worded like option {earlier + 1} "
                      f"'{options[earlier]}' (ignoring spaces, punctuation and full/half width): reword or remove one",
                      f"第 {position + 1} 个选项「{options[position]}」与第 {earlier + 1} 个选项「{options[earlier]}」相同"
                      "（忽略空格、标点和全半角）：请改写或删去一个")


def _check_repeated_prompt(check: ItemChecker, prompt: str, prompts: dict[str, tuple[str, str]]) -> None:
    """The same question asked by two items: a trainee answers it twice, and fixing one leaves the other."""
    key = wording_key(prompt)
    if not key or not check.item_id:
        return
    if key in prompts:
        other, other_file = prompts[key]
        check.problem("prompt", f"worded the same as the prompt of quiz item '{other}' ({other_file}) (ignoring spaces, "
                      "punctuation and full/half width): keep one item, or ask something else",
                      f"与测验题 '{other}'（{other_file}）的题干相同（忽略空格、标点和全半角）：请只保留一道题，或改问别的")
    else:
        prompts[key] = (check.item_id, check.file)


def _read_quiz_items(data: Any, file: str, category_id: str, problems: list[Problem],
                     seen: Seen, prompts: dict[str, tuple[str, str]]) -> list[QuizItem]:
    """The file's quiz items; `prompts` (a prompt's wording key → item id and file) spans every file."""
    items = []
    for item in _items(data, "items", file, problems):
        item_id = _item_id(item, file, problems, seen)
        check = ItemChecker(item, file, item_id, problems)
        values = check.plain_fields(schema.QUIZ)
        if values["type"] not in CHOICE_TYPES:
            values["options"] = ()
        _check_repeated_options(check, values["options"])
        _check_repeated_prompt(check, values["prompt"], prompts)
        quiz_item = QuizItem(
            id=item_id or "",
            category=category_id,
            **values,
            en=_read_quiz_en(check, values["type"], values["options"], values["prompt"]),
            answer=_check_quiz_answer(check, values["type"], values["options"]),
            file=file,
            line=item.line,
        )
        if item_id:
            items.append(quiz_item)
    return items


def _read_glossary(data: Any, file: str, problems: list[Problem]) -> tuple[GlossaryGroup, ...]:
    groups = []
    seen_ids: Seen = {}
    term_owner: dict[str, str] = {}
    for item in _items(data, "groups", file, problems):
        group_id = _item_id(item, file, problems, seen_ids)
        check = ItemChecker(item, file, group_id, problems)
        values = check.plain_fields(schema.GLOSSARY_GROUP)
        terms, spoken = values["terms"], values["spoken"]
        for condition in ("spoken_if", "spoken_unless"):
            if values[condition] and not spoken:
                check.problem(condition, "has no spoken phrases to condition", f"没有 spoken 说法，{condition} 无从生效")
        if len(terms) == 1 and not spoken:
            check.problem("terms", "needs at least 2 item(s), or spoken phrases to replace by its one term",
                          "至少需要 2 个术语，或者用 spoken 列出要替换成这个术语的说法")
        own: dict[str, str] = {}  # this group's words so far, by the search's normalisation → field
        for field_name, words in (("terms", terms), ("spoken", spoken)):
            for word in words:
                key = normalize(word)  # the form the search matches (case and width folded; a hyphen counts)
                if key in term_owner and term_owner[key] != group_id:
                    check.problem(field_name, f"'{word}' is also in group '{term_owner[key]}'",
                                  f"'{word}' 也在词组 '{term_owner[key]}' 中")
                elif field_name == "spoken" and own.get(key) == "terms":
                    check.problem(field_name, f"'{word}' is already a term of this group", f"'{word}' 已是本词组的术语")
                elif key in own:
                    check.problem(field_name, f"'{word}' is written twice in this group's {own[key]} list "
                                  "(ignoring case and full/half width): keep it once",
                                  f"'{word}' 在本词组的 {own[key]} 中重复（忽略大小写和全半角）：只保留一个")
                own.setdefault(key, field_name)
                term_owner[key] = group_id or ""
        if group_id:
            groups.append(GlossaryGroup(group_id, terms, spoken, values["spoken_if"], values["spoken_unless"]))
    return tuple(groups)


def _read_out_of_scope(data: Any, file: str, problems: list[Problem]
                       ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[OtherLine, ...]]:
    """Near-domain questions the hotline must not answer (scope.yaml): each needs a domain and q;
    `faq_only: true` keeps one out of the regulation gate's examples; the optional `other_lines` name lines of
    business by their product words (kb.other_lines). (all examples, the FAQ-only ones, the other lines)"""
    examples: list[str] = []
    faq_only: list[str] = []
    for item in _items(data, "out_of_scope", file, problems):
        check = ItemChecker(item, file, None, problems)
        check.unknown_fields(("domain", "q", "faq_only"))
        check.text("domain")
        question = check.text("q")
        if check.flag("faq_only", False) and question:
            faq_only.append(question)
        if question:
            examples.append(question)
    return tuple(examples), tuple(faq_only), _read_other_lines(data, file, problems)


def _read_other_lines(data: Any, file: str, problems: list[Problem]) -> tuple[OtherLine, ...]:
    """scope.yaml's optional `other_lines`: each a domain, its product words (`terms`), the life-insurance
    words that keep a question searched (`unless`) and what it insures (`objects`: 车 in 车的保险)."""
    if not isinstance(data, dict) or "other_lines" not in data:
        return ()
    lines: list[OtherLine] = []
    for item in _items(data, "other_lines", file, problems):
        check = ItemChecker(item, file, None, problems)
        check.unknown_fields(("domain", "terms", "unless", "objects"))
        domain, terms = check.text("domain"), check.text_list("terms", minimum=1)
        if domain and terms:
            lines.append(OtherLine(domain, terms, check.text_list("unless"), check.text_list("objects")))
    return tuple(lines)


# A content reviewer's verdicts on a generated distractor (distractor_reviews.yaml, trainer.quiz.distractor_reviews).
DISTRACTOR_VERDICTS = ("wrong", "also_right", "unclear")
DISTRACTOR_REVIEW_FIELDS = ("question", "distractor", "option", "verdict", "reason")


def _read_distractor_reviews(data: Any, file: str, problems: list[Problem],
                             entries: Mapping[str, Entry]) -> tuple[DistractorReview, ...]:
    """Reviewed distractors: each names the entry whose choice item is asked (`question`), the entry whose short
    answer is offered as a wrong option (`distractor`), the option as read, the verdict, and why unless `wrong`."""
    reviews: list[DistractorReview] = []
    seen: dict[tuple[str, str], int] = {}
    for item in _items(data, "reviews", file, problems):
        question = str(item.get("question") or "").strip() or None
        check = ItemChecker(item, file, question, problems)
        check.unknown_fields(DISTRACTOR_REVIEW_FIELDS)
        question, distractor, option = check.text("question"), check.text("distractor"), check.text("option")
        verdict = check.choice("verdict", DISTRACTOR_VERDICTS)
        reason = check.text("reason", required=False)
        for name, ref in (("question", question), ("distractor", distractor)):
            if ref and ref not in entries:
                check.problem(name, *_missing_entry(ref, entries))
        if question and question == distractor:
            check.problem("distractor", "is the question's own entry", "不能是题目所考的条目本身")
        if verdict != "wrong" and not reason:
            check.problem("reason", f"is missing: say why the option is {verdict}", f"缺少理由：请说明为何判为 {verdict}")
        if (question, distractor) in seen:
            check.problem("distractor", f"this pair is reviewed twice (also line {seen[question, distractor]})",
                          f"同一对条目重复审阅（另见第 {seen[question, distractor]} 行）")
        elif question and distractor and option:
            seen[question, distractor] = item.line
            reviews.append(DistractorReview(question, distractor, option, verdict, reason, item.line))
    return tuple(reviews)


# What a rule's span measures (durations.yaml `measures`, kb.durations.span_measures): how long the policy has
# been held, how long premiums have gone unpaid, or (left out) any span.
RULE_MEASURES = ("", "held", "lapse")


def _read_duration_rules(data: Any, file: str, problems: list[Problem]) -> tuple[DurationRule, ...]:
    """Which entries cover which spans of time (durations.yaml); entry ids are checked by the caller."""
    rules: list[DurationRule] = []
    for item in _items(data, "rules", file, problems):
        check = ItemChecker(item, file, None, problems)
        entry = check.text("entry")
        bounds = _duration_bounds(check)
        measures = _duration_measures(check)
        if measures is not None and not bounds and entry:
            check.problem("min", "needs min, max or both", "需要 min、max 或两者都写")
        elif measures is not None and entry:
            rules.append(DurationRule(entry, bounds.get("min", 0.0), bounds.get("max", math.inf), item.line, measures))
    return tuple(rules)


def _duration_measures(check: "ItemChecker") -> str | None:
    """An item's `measures` ("" when not given); None, with a problem, when it is none of RULE_MEASURES."""
    measures = check.text("measures", required=False) or ""
    if measures not in RULE_MEASURES:
        check.problem("measures", f"'{measures}' is not one of {', '.join(RULE_MEASURES[1:])}",
                      f"'{measures}' 应为 {'、'.join(RULE_MEASURES[1:])} 之一")
        return None
    return measures


def _duration_bounds(check: "ItemChecker") -> dict[str, float]:
    """An item's `min` and `max` in days (a bound that is no duration is a problem, left out)."""
    bounds = {}
    for name in ("min", "max"):
        text = check.text(name, required=False)
        if text and parse_limit(text) is None:
            check.problem(name, f"'{text}' is not a duration such as 15天, 60天 or 2年",
                          f"'{text}' 不是时长，应写成 15天、60天 或 2年 这样")
        elif text:
            bounds[name] = parse_limit(text)
    return bounds


def _read_durations(data: Any, file: str, problems: list[Problem]
                    ) -> tuple[tuple[DurationRule, ...], tuple[StatedSpan, ...]]:
    """durations.yaml: the entries' rules and the words that state a span (`stated`, optional)."""
    return _read_duration_rules(data, file, problems), _read_stated_spans(data, file, problems)


def _read_stated_spans(data: Any, file: str, problems: list[Problem]) -> tuple[StatedSpan, ...]:
    """Words that state a span without a number (durations.yaml `stated`): 过了犹豫期 → min 15天."""
    stated: list[StatedSpan] = []
    if not isinstance(data, dict) or "stated" not in data:
        return ()
    for item in _items(data, "stated", file, problems):
        check = ItemChecker(item, file, None, problems)
        words = check.text_list("words", minimum=1)
        bounds = _duration_bounds(check)
        measures = _duration_measures(check)
        if not bounds:
            check.problem("min", "needs min, max or both", "需要 min、max 或两者都写")
        elif words and measures is not None:
            stated.append(StatedSpan(words, Span(bounds.get("min", 0.0), bounds.get("max", math.inf), measures),
                                     item.line))
    return tuple(stated)


def _read_service_language(data: Any, file: str, problems: list[Problem]
                           ) -> tuple[tuple[RecommendedPhrase, ...], tuple[ForbiddenPhrase, ...]]:
    seen: Seen = {}
    recommended, forbidden = [], []
    for item in _items(data, "recommended", file, problems):
        phrase_id = _item_id(item, file, problems, seen)
        values = ItemChecker(item, file, phrase_id, problems).plain_fields(schema.RECOMMENDED_PHRASE)
        phrase = RecommendedPhrase(phrase_id or "", **values)
        if phrase_id:
            recommended.append(phrase)
    for item in _items(data, "forbidden", file, problems):
        phrase_id = _item_id(item, file, problems, seen)
        values = ItemChecker(item, file, phrase_id, problems).plain_fields(schema.FORBIDDEN_PHRASE)
        phrase = ForbiddenPhrase(phrase_id or "", **values)
        if phrase_id:
            forbidden.append(phrase)
    return tuple(recommended), tuple(forbidden)


def scenario_entry_refs(node: Any) -> Iterable[tuple[int, str]]:
    """(line, entry id) for every FAQ reference anywhere inside a scenario document."""
    if isinstance(node, LocatedDict):
        for key, value in node.items():
            if key in SCENARIO_ENTRY_KEYS:
                refs = value if isinstance(value, list) else [value]
                for ref in refs:
                    if isinstance(ref, str):
                        yield node.line_of(key), ref
            else:
                yield from scenario_entry_refs(value)
    elif isinstance(node, list):
        for element in node:
            yield from scenario_entry_refs(element)


# ---------------------------------------------------------------------------- the loader


class _ContentFiles:
    """The content folder's files, with optional in-memory replacements (drafts being checked)."""

    def __init__(self, root: Path, overrides: Mapping[str, str | None] | None) -> None:
        self.root = root
        self.overrides = dict(overrides or {})
        self.hashes: dict[str, str] = {}

    def names(self, folder: str, suffix: str = ".yaml") -> list[str]:
        on_disk = {f"{folder}/{p.name}" for p in (self.root / folder).glob(f"*{suffix}")} if (self.root / folder).is_dir() else set()
        drafts = {n for n, text in self.overrides.items() if n.startswith(f"{folder}/") and n.endswith(suffix) and text is not None}
        deleted = {n for n, text in self.overrides.items() if text is None}
        return sorted((on_disk | drafts) - deleted)

    def all_names(self) -> list[str]:
        """Every content file: top-level YAML, the faq, quizzes and scenarios folders, the regulation library."""
        top = {p.name for p in self.root.glob("*.yaml")} if self.root.is_dir() else set()
        top |= {n for n, text in self.overrides.items() if "/" not in n and text is not None}
        top -= {n for n, text in self.overrides.items() if text is None}
        folders = [n for folder in CONTENT_FOLDERS for n in self.names(folder)]
        return sorted(top) + folders + self.names(REGULATIONS_FOLDER, ".md")

    def hash_unread(self) -> None:
        """Hash files that were not parsed, so the fingerprint covers the whole folder."""
        for name in self.all_names():
            if name not in self.hashes:
                text = self.overrides.get(name)
                data = text.encode("utf-8") if text is not None else (self.root / name).read_bytes()
                self.hashes[name] = hashlib.sha256(data).hexdigest()

    def exists(self, name: str) -> bool:
        if name in self.overrides:
            return self.overrides[name] is not None
        return (self.root / name).is_file()

    def read_text(self, name: str) -> str:
        """A file's text (draft or on disk), hashed like every file read."""
        text = self.overrides.get(name)
        if text is None:
            text = (self.root / name).read_text(encoding="utf-8")
        self.hashes[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return text

    def read(self, name: str) -> tuple[Any, list[Problem]]:
        if name in self.overrides and self.overrides[name] is not None:
            text = self.overrides[name]
            self.hashes[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            return parse_yaml(text, name)
        path = self.root / name
        try:
            self.hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            pass
        return read_yaml(path, name)


def _missing_entry(entry_id: str, known: Iterable[str]) -> tuple[str, str]:
    """A reference to an FAQ entry that is not there, in English and Chinese, naming the closest existing id.

    An instructor who types lapse-grace-coverage for lapse-grace-period-coverage (qa27 E2) should not have to search
    the FAQ files for the id they meant."""
    english, chinese = f"refers to FAQ entry '{entry_id}', which does not exist", f"引用的 FAQ 条目 '{entry_id}' 不存在"
    near = difflib.get_close_matches(entry_id, list(known), n=1, cutoff=0.75)
    if near:
        return f"{english} — did you mean '{near[0]}'?", f"{chinese}，是不是 '{near[0]}'？"
    return english, chinese


def _sibling_problems(entries: Mapping[str, Entry]) -> list[Problem]:
    """An entry's siblings must be other FAQ entries that exist."""
    problems = []
    for entry in entries.values():
        for sibling in entry.siblings:
            if sibling == entry.id:
                problems.append(Problem(entry.file, entry.line, entry.id, "siblings", "names the entry itself",
                                        "不能把条目自己列为同类条目"))
            elif sibling not in entries:
                problems.append(Problem(entry.file, entry.line, entry.id, "siblings", *_missing_entry(sibling, entries)))
    return problems


def _read_required(files: _ContentFiles, name: str, problems: list[Problem],
                   reader: Callable[[Any, str, list[Problem]], Any], default: Any) -> Any:
    if not files.exists(name):
        problems.append(Problem(name, 1, None, None, "file is missing", "文件缺失"))
        return default
    data, parse_problems = files.read(name)
    problems.extend(parse_problems)
    return reader(data, name, problems) if not parse_problems else default


def collect_content(root: Path | str, overrides: Mapping[str, str | None] | None = None
                    ) -> tuple[ContentSet, list[Problem]]:
    """Read the whole content set and every problem in it, without raising.

    `overrides` maps a relative file name ("faq/claims.yaml") to draft text (or None for a
    deleted file), so an edit can be validated together with everything else before saving.
    """
    root = Path(root)
    files = _ContentFiles(root, overrides)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 1, None, None, "content folder not found", "找不到内容文件夹"))

    docs = _read_required(files, "sources.yaml", problems, _read_source_docs, {})
    categories = _read_required(files, "categories.yaml", problems, _read_categories, {})
    library, library_problems = build_library(
        (name, files.read_text(name)) for name in files.names(REGULATIONS_FOLDER, ".md") if not name.endswith("README.md"))
    problems += library_problems
    sources = _Sources(docs, library)

    seen_ids: Seen = {}
    entries: dict[str, Entry] = {}
    wordings: list[Wording] = []  # every question and variant, to find one written in two entries
    for name in files.names("faq"):
        category_id = Path(name).stem
        category = categories.get(category_id)
        if category is None:
            problems.append(Problem(name, 1, None, None, f"unknown category '{category_id}': the file name must be a category id from categories.yaml",
                                    f"未知分类 '{category_id}'：文件名必须是 categories.yaml 中的分类 id"))
        data, parse_problems = files.read(name)
        problems.extend(parse_problems)
        lines = split_lines(files.read_text(name) or "")
        for entry in _read_entries(data, name, category, sources, problems, seen_ids):
            entries[entry.id] = entry
            written = entry_wordings(entry.id, entry.question, entry.variants, (entry.en or {}).get("question", ""),
                                     name, entry.line, lines)
            problems += repeated_in_entry(written)  # the same wording twice in one entry
            wordings += written
    problems += duplicate_wordings(wordings)
    problems += _sibling_problems(entries)

    quiz_items: dict[str, QuizItem] = {}
    prompts: dict[str, tuple[str, str]] = {}  # one question, one quiz item
    for name in files.names("quizzes"):
        category_id = Path(name).stem
        if category_id not in categories:
            problems.append(Problem(name, 1, None, None, f"unknown category '{category_id}'", f"未知分类 '{category_id}'"))
        data, parse_problems = files.read(name)
        problems.extend(parse_problems)
        for item in _read_quiz_items(data, name, category_id, problems, seen_ids, prompts):
            if item.entry and item.entry not in entries:
                problems.append(Problem(name, item.line, item.id, "entry", *_missing_entry(item.entry, entries)))
            elif item.type == "fill_blank" and not _fill_answer_stated(item, entries.get(item.entry)):
                problems.append(Problem(
                    name, item.line, item.id, "answer",
                    "the answer appears neither in the explanation nor in the FAQ entry's answer: "
                    "state it there, or add the spelling they use to accept",
                    "答案既不在解析里，也不在所考 FAQ 条目的答案里：请在解析中写明，或把条目中的写法加入 accept"))
            quiz_items[item.id] = item

    glossary: tuple[GlossaryGroup, ...] = ()
    if files.exists("glossary.yaml"):
        glossary = _read_required(files, "glossary.yaml", problems, _read_glossary, ())
    problems += _synonym_blanks(quiz_items, glossary)
    recommended: tuple[RecommendedPhrase, ...] = ()
    forbidden: tuple[ForbiddenPhrase, ...] = ()
    if files.exists("service_language.yaml"):
        recommended, forbidden = _read_required(files, "service_language.yaml", problems, _read_service_language, ((), ()))

    out_of_scope: tuple[str, ...] = ()
    faq_only_scope: tuple[str, ...] = ()
    other_lines: tuple[OtherLine, ...] = ()
    if files.exists("scope.yaml"):
        out_of_scope, faq_only_scope, other_lines = _read_required(files, "scope.yaml", problems, _read_out_of_scope,
                                                                   ((), (), ()))

    duration_rules: tuple[DurationRule, ...] = ()
    stated_spans: tuple[StatedSpan, ...] = ()
    if files.exists("durations.yaml"):
        duration_rules, stated_spans = _read_required(files, "durations.yaml", problems, _read_durations, ((), ()))
        for rule in duration_rules:
            if rule.entry not in entries:
                problems.append(Problem("durations.yaml", rule.line, None, "entry", *_missing_entry(rule.entry, entries)))

    distractor_reviews: tuple[DistractorReview, ...] = ()
    if files.exists("distractor_reviews.yaml"):
        distractor_reviews = _read_required(
            files, "distractor_reviews.yaml", problems,
            lambda data, file, found: _read_distractor_reviews(data, file, found, entries), ())

    for name in files.names("scenarios"):
        data, parse_problems = files.read(name)
        problems.extend(parse_problems)
        for line, ref in scenario_entry_refs(data):
            if ref not in entries:
                problems.append(Problem(name, line, Path(name).stem, "entry", *_missing_entry(ref, entries)))

    files.hash_unread()
    content = ContentSet(
        root=root,
        categories=categories,
        entries=entries,
        quiz_items=quiz_items,
        glossary=glossary,
        recommended_phrases=recommended,
        forbidden_phrases=forbidden,
        source_docs=docs,
        file_hashes=dict(files.hashes),
        out_of_scope=out_of_scope,
        duration_rules=duration_rules,
        stated_spans=stated_spans,
        library=library,
        faq_only_scope=faq_only_scope,
        other_lines=other_lines,
        distractor_reviews=distractor_reviews,
    )
    return content, problems


def content_fingerprint(root: Path | str) -> str:
    """The content hash of the files on disk, without parsing them (cheap change detection)."""
    files = _ContentFiles(Path(root), None)
    files.hash_unread()
    return ContentSet(Path(root), {}, {}, {}, (), (), (), {}, files.hashes).content_hash


def load_content(root: Path | str, overrides: Mapping[str, str | None] | None = None) -> ContentSet:
    """Load a content set, raising `ContentError` with every problem if any part is invalid."""
    content, problems = collect_content(root, overrides)
    if problems:
        raise ContentError(problems)
    return content
