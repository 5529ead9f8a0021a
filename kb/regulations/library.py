"""Load content/regulations/*.md into documents and articles, with every problem at file:line.

A document file is Markdown with YAML front matter (id, title, short names, 文号, issuer,
dates, status, source URL, layout). Its id (L1-04) is how FAQ sources cite it; its short
names (健康保险管理办法, 保险法, 投诉办法 …) are accepted too, so a citation written the way
people speak still resolves.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from kb.regulations.numbering import NUMERAL_CHARS, parse_number, write_number
from kb.regulations.parser import PARSERS, PREFACE, STRUCTURES, Clause, ParsedArticle
from kb.yaml_source import Problem, duplicate_id

FOLDER = "regulations"
STATUSES = ("current", "repealed", "superseded")
REQUIRED_FIELDS = ("id", "title", "document_number", "issuer", "status", "structure")
KNOWN_FIELDS = set(REQUIRED_FIELDS) | {"short_name", "aliases", "published", "effective", "version",
                                       "source_url", "superseded_by", "source_note"}
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
DOCUMENT_ID_PATTERN = re.compile(r"^[A-Z]{1,3}\d?-\d{1,2}$")


@dataclass(frozen=True)
class Article:
    """One citable unit: an article (第十五条), a numbered section (3.1.1.3) or a point (一、)."""

    document_id: str
    label: str
    clauses: tuple[Clause, ...]
    line: int
    chapter: str = ""
    section: str = ""
    parent: str = ""

    @property
    def text(self) -> str:
        return ParsedArticle(self.label, self.clauses, self.line).text

    @property
    def key(self) -> str:
        """Stable reference used in indexes and review flags: 'L1-04 第十五条'."""
        return f"{self.document_id} {self.label}"


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    short_name: str
    aliases: tuple[str, ...]
    document_number: str
    issuer: str
    status: str
    structure: str
    effective: str = ""
    published: str = ""
    version: str = ""
    source_url: str = ""
    superseded_by: str = ""
    file: str = ""
    articles: tuple[Article, ...] = ()
    preamble: str = ""

    @property
    def is_current(self) -> bool:
        return self.status == "current"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a citation may use for this document."""
        return tuple(dict.fromkeys((self.id, self.title, self.short_name, *self.aliases)))

    def article(self, label: str) -> Article | None:
        return self._by_label().get(label)

    def file_hash_key(self) -> tuple:
        """What identifies this version's text: every article's label and text, and the status."""
        return (self.status, tuple((a.label, a.text) for a in self.articles))

    def children(self, label: str) -> list[Article]:
        """Numbered sections or points directly inside `label` (3.1.1 → 3.1.1.1, 3.1.1.2 …)."""
        return [a for a in self.articles if a.parent == label]

    def _by_label(self) -> dict[str, Article]:
        cached = self.__dict__.get("_labels")
        if cached is None:
            cached = {a.label: a for a in self.articles}
            object.__setattr__(self, "_labels", cached)
        return cached


@dataclass(frozen=True)
class ArticleRef:
    """A citation's position inside a document: article label plus optional 款 and 项 (1-based)."""

    label: str
    clause: int | None = None
    item: int | None = None

    def __str__(self) -> str:
        text = self.label
        if self.clause:
            text += f"第{write_number(self.clause)}款"
        if self.item:
            text += f"第（{write_number(self.item)}）项"
        return text


@dataclass(frozen=True)
class Library:
    """Every document of the regulation library, by id, with name lookup."""

    documents: Mapping[str, Document] = field(default_factory=dict)
    file_hashes: Mapping[str, str] = field(default_factory=dict)

    def document(self, name: str) -> Document | None:
        """A document by id, title, short name or alias (None when not in the library)."""
        name = (name or "").strip()
        if name in self.documents:
            return self.documents[name]
        return self._names().get(_plain(name))

    def article(self, document: str, label: str) -> Article | None:
        doc = self.document(document)
        if doc is None:
            return None
        ref = parse_article_ref(doc.structure, label)
        return doc.article(ref.label) if ref else None

    def articles(self) -> list[Article]:
        return [a for d in self.documents.values() for a in d.articles]

    def _names(self) -> dict[str, Document]:
        cached = self.__dict__.get("_name_map")
        if cached is None:
            cached = {_plain(n): d for d in self.documents.values() for n in d.names}
            object.__setattr__(self, "_name_map", cached)
        return cached


def _plain(text: str) -> str:
    """A name compared without width, spaces or brackets differences."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s《》〈〉<>]", "", text)


_REF_ARTICLE = re.compile(rf"^第?([{NUMERAL_CHARS}]+|\d+)条(之[{NUMERAL_CHARS}]+)?(?:第([{NUMERAL_CHARS}]+|\d+)款)?"
                          rf"(?:第?[（(]?([{NUMERAL_CHARS}]+|\d+)[）)]?项)?$")
_REF_SECTION = re.compile(r"^(\d+(?:\.\d+)*)$")
_REF_POINT = re.compile(rf"^第?([{NUMERAL_CHARS}]+|\d+)(?:、|项|条|点|部分)?$")
_REF_SUBPOINT = re.compile(rf"^第?[（(]([{NUMERAL_CHARS}]+|\d+)[）)]项?$")


def _number(text: str | None) -> int | None:
    return parse_number(text) if text else None


def parse_article_ref(structure: str, raw: str) -> ArticleRef | None:
    """The canonical article label (and 款/项) a citation string means in a document of `structure`.

    第16条 → 第十六条; 第十六条第二款 → 第十六条 款 2; 3.1.1.3 stays; 第一项 / 一 → 一、 in a
    notice. None when the string cannot be a position in such a document.
    """
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(raw or "")))
    text = text.replace("(", "（").replace(")", "）")
    if not text:
        return None
    if text == PREFACE:
        return ArticleRef(PREFACE)
    if structure == "sections":
        match = _REF_SECTION.match(text.rstrip("."))
        return ArticleRef(match.group(1)) if match else None
    if structure == "points":
        if match := _REF_SUBPOINT.match(text):
            return ArticleRef(f"（{write_number(_number(match.group(1)) or 0)}）")
        if match := _REF_POINT.match(text):
            return ArticleRef(f"{write_number(_number(match.group(1)) or 0)}、")
        return None
    match = _REF_ARTICLE.match(text)
    if not match or _number(match.group(1)) is None:
        return None
    label = f"第{write_number(_number(match.group(1)))}条{match.group(2) or ''}"
    return ArticleRef(label, _number(match.group(3)), _number(match.group(4)))


# ---------------------------------------------------------------------------- loading


def _front_matter(text: str, name: str, problems: list[Problem]) -> tuple[dict, int]:
    """The front matter mapping and the line the body starts on."""
    match = _FRONT_MATTER.match(text)
    if not match:
        problems.append(Problem(name, 1, None, None, "must start with front matter between '---' lines",
                                "文件开头必须是两行 '---' 之间的文件信息（front matter）"))
        return {}, 1
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problems.append(Problem(name, (mark.line + 2) if mark else 1, None, None, f"front matter is not valid YAML: {err}",
                                f"文件信息不是有效的 YAML：{err}"))
        return {}, match.group(0).count("\n") + 1
    if not isinstance(data, dict):
        problems.append(Problem(name, 2, None, None, "front matter must be a mapping of fields",
                                "文件信息必须是“字段: 值”的映射"))
        data = {}
    return data, match.group(0).count("\n") + 1


def _field_lines(text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(text.splitlines()[:60], start=1):
        key = line.split(":", 1)[0].strip()
        if ":" in line and not line.startswith(" ") and key not in lines:
            lines[key] = number
    return lines


def parse_document(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    """One document file's text → the document with its articles, and every problem in it.

    A text parsed before is looked up (documents are immutable): every content save and reload
    reads the whole library again, though regulations rarely change."""
    document, problems = _parsed_document(text, name)
    return document, list(problems)


@lru_cache(maxsize=256)
def _parsed_document(text: str, name: str) -> tuple[Document | None, tuple[Problem, ...]]:
    document, problems = _parse_document(text, name)
    return document, tuple(problems)


def _parse_document(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    meta, body_line = _front_matter(text, name, problems)
    if not meta:
        return None, problems
    lines = _field_lines(text)
    doc_id = str(meta.get("id") or "").strip()

    def problem(key: str | None, message: str, message_zh: str, line: int | None = None) -> None:
        problems.append(Problem(name, line or lines.get(key or "", 1), doc_id or None, key, message, message_zh))

    for key in REQUIRED_FIELDS:
        if not str(meta.get(key) or "").strip():
            problem(key, "is missing", "缺少此字段")
    for key in meta:
        if key not in KNOWN_FIELDS:
            known = ", ".join(sorted(KNOWN_FIELDS))
            problem(str(key), f"unknown field (known: {known})", f"未知字段（可用字段：{known}）")
    if doc_id and not DOCUMENT_ID_PATTERN.match(doc_id):
        problem("id", "must look like L1-04 or JI-2: capital letters, an optional digit, a hyphen, a number",
                "格式应如 L1-04 或 JI-2：大写字母、可选的一位数字、连字符、编号")
    if doc_id and Path(name).stem != doc_id:
        problem("id", f"must match the file name ({Path(name).stem})", f"必须与文件名一致（{Path(name).stem}）")
    status = str(meta.get("status") or "")
    if status and status not in STATUSES:
        problem("status", f"must be one of {', '.join(STATUSES)}, not {status!r}",
                f"只能是 {', '.join(STATUSES)} 之一，不能是 {status!r}")
    if status in ("repealed", "superseded") and not str(meta.get("superseded_by") or "").strip():
        problem("superseded_by", f"a {status} document must say what replaced it",
                f"状态为 {status} 的文件必须写明被哪部文件取代", lines.get("status"))
    structure = str(meta.get("structure") or "")
    if structure and structure not in STRUCTURES:
        problem("structure", f"must be one of {', '.join(STRUCTURES)}, not {structure!r}",
                f"只能是 {', '.join(STRUCTURES)} 之一，不能是 {structure!r}")
        return None, problems
    aliases = meta.get("aliases") or []
    if not isinstance(aliases, list):
        problem("aliases", "must be a list of names", "必须是名称列表")
        aliases = []
    if not structure or not doc_id:
        return None, problems
    body = text[_FRONT_MATTER.match(text).end():]
    parsed = PARSERS[structure](body, body_line)
    for line_problem in parsed.problems:
        problems.append(Problem(name, line_problem.line, doc_id, "article", line_problem.message, line_problem.message_zh))
    if not parsed.articles:
        problem(None, f"no article found: is 'structure: {structure}' the right layout?",
                f"没有找到任何条文：'structure: {structure}' 是否是正确的版式？", body_line)
    articles = tuple(Article(doc_id, a.label, a.clauses, a.line, a.chapter, a.section, a.parent) for a in parsed.articles)
    document = Document(
        id=doc_id,
        title=str(meta.get("title") or "").strip(),
        short_name=str(meta.get("short_name") or meta.get("title") or "").strip(),
        aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
        document_number=str(meta.get("document_number") or "").strip(),
        issuer=str(meta.get("issuer") or "").strip(),
        status=status,
        structure=structure,
        effective=str(meta.get("effective") or "").strip(),
        published=str(meta.get("published") or "").strip(),
        version=str(meta.get("version") or "").strip(),
        source_url=str(meta.get("source_url") or "").strip(),
        superseded_by=str(meta.get("superseded_by") or "").strip(),
        file=name,
        articles=articles,
        preamble=parsed.preamble,
    )
    return document, problems


def build_library(texts: Iterable[tuple[str, str]]) -> tuple[Library, list[Problem]]:
    """A library from (relative file name, text) pairs; duplicate ids and names are problems."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    hashes: dict[str, str] = {}
    owner: dict[str, str] = {}
    for name, text in texts:
        hashes[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        document, found = parse_document(text, name)
        problems += found
        if document is None:
            continue
        if document.id in documents:
            first = documents[document.id]
            problems.append(duplicate_id(name, 1, document.id, first.file, first.title))
            continue
        for alias in document.names:
            key = _plain(alias)
            if key in owner and owner[key] != document.id:
                problems.append(Problem(name, 1, document.id, "aliases", f"name '{alias}' is also used by {owner[key]}",
                                        f"名称“{alias}”已被 {owner[key]} 使用"))
            owner.setdefault(key, document.id)
        documents[document.id] = document
    return Library(documents, hashes), problems


def load_library(root: Path | str) -> tuple[Library, list[Problem]]:
    """The library in `root/regulations/` (empty when the folder does not exist)."""
    folder = Path(root) / FOLDER
    files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    return build_library((f"{FOLDER}/{p.name}", p.read_text(encoding="utf-8")) for p in files if p.name != "README.md")


def changed_articles(before: Library, after: Library) -> set[str]:
    """Keys ('L1-01 第十六条') of articles whose text changed or vanished in a document present before.

    A replaced document (a new version of the same id) changes only some articles; entries
    citing exactly those need re-checking, not every entry citing the document.
    """
    changed = set()
    for doc_id, old in before.documents.items():
        new = after.documents.get(doc_id)
        if new is None or old.file_hash_key() == new.file_hash_key():
            continue
        for article in old.articles:
            replacement = new.article(article.label)
            if replacement is None or replacement.text != article.text:
                changed.add(article.key)
    return changed
