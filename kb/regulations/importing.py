"""Bring the official texts from the shared source folder into content/regulations/.

    python -m kb.regulations.importing SOURCES_DIR [CONTENT_DIR]

The upstream copies are faithful but messy: some hold their whole text twice, some carry
web-page or PDF residue (browser strings, page numbers, repeated page headers, lines
wrapped at the PDF's width). Each document is cleaned here once — the duplicate block
dropped, residue stripped, wrapped lines re-joined — and written as one Markdown file with
front matter, so the library in content/ is the text and nothing else. Re-running it is
safe: the output depends only on the sources.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.regulations.library import FOLDER, parse_document
from kb.regulations.numbering import NUMERAL_CHARS

# How each document is cited in practice, beyond its full title (the FAQ's sources use these).
SHORT_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "L1-01": ("保险法", ("保险法（2015年修正）",)),
    "L1-02": ("金融机构产品适当性管理办法", ("适当性管理办法",)),
    "L1-03": ("保险销售行为管理办法", ("销售行为管理办法",)),
    "L1-04": ("健康保险管理办法", ("健康险管理办法",)),
    "L1-05": ("人身保险产品信息披露管理办法", ("信息披露管理办法",)),
    "L1-06": ("互联网保险业务监管办法", ("互联网保险办法",)),
    "L1-07": ("保险代理人监管规定", ("代理人监管规定",)),
    "L1-12": ("投诉办法", ("消费投诉处理管理办法",)),
    "L1-13": ("人身保险业务基本服务规定", ("基本服务规定",)),
    "L1-15": ("保险销售行为可回溯管理暂行办法", ("可回溯办法", "双录办法")),
    "L1-16": ("意外伤害保险业务监管办法", ("意外险监管办法",)),
    "L1-23": ("健康管理服务通知", ("银保监办发〔2020〕83号",)),
    "L1-24": ("个人营销体制改革通知", ("金规〔2025〕13号",)),
    "L1-25": ("保险业高质量发展若干意见", ("国发〔2024〕21号", "新国十条")),
    "L2-01": ("重疾规范", ("重大疾病保险的疾病定义使用规范（2020年修订版）", "重大疾病保险的疾病定义使用规范", "2020版定义")),
    "L2-02": ("重疾规范修订对比表", ()),
    "L2-03": ("银保监办便函〔2020〕1452号", ("重疾定义使用通知",)),
    "L2-05": ("经验生命表（2025）使用通知", ("金规〔2025〕21号",)),
    "JI-2": ("保险法司法解释二", ("司法解释二", "保险法解释二", "保险法解释（二）")),
    "JI-3": ("保险法司法解释三", ("司法解释三", "保险法解释三", "保险法解释（三）")),
}

# The judicial interpretations are not in the manifest; their data from their own text.
EXTRA_DOCUMENTS = {
    "JI-2": {
        "file": "保险法司法解释二.md",
        "title": "最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（二）",
        "document_number": "法释〔2013〕14号，根据法释〔2020〕18号修正",
        "issuer": "最高人民法院",
        "published": "2013-05-31",
        "effective": "2021-01-01",
        "version": "2020年修正",
    },
    "JI-3": {
        "file": "保险法司法解释三.md",
        "title": "最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（三）",
        "document_number": "法释〔2015〕21号，根据法释〔2020〕18号修正",
        "issuer": "最高人民法院",
        "published": "2015-11-25",
        "effective": "2021-01-01",
        "version": "2020年修正",
    },
}
NUMBERED_SECTIONS = {"L2-01", "L2-02"}

_RESIDUE = re.compile(r"MicrosoftInternetExplorer|DocumentNotSpecified|Normal\d|acerCBIRC")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。；：、！？“”‘’（）《》〈〉【】—…·〔〕"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000\t]+|[ \u3000\t]+(?=[{_CJK}{_CJK_PUNCT}])")
_LABEL = re.compile(rf"^(第[{NUMERAL_CHARS}]+[章节条](?:之[{NUMERAL_CHARS}]+)?|\d+(?:\.\d+)*)[ \u3000]*(.*)$")
_ARTICLE_ONE = re.compile(r"^第一条")
_CHAPTER_OR_SECTION = re.compile(rf"^#*\s*第[{NUMERAL_CHARS}]+[章节]")
_ADDRESSEE = re.compile(r"^各.{1,60}[：:]$")
_SENTENCE_END = tuple("。；：！？")
_NEW_UNIT = re.compile(rf"^(\d+(?:\.\d+)*\s|[（(][{NUMERAL_CHARS}\d]+[）)]|[a-z][.．]|注[：:]|前\s*言)")
_DATE_LINE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|[二〇○一二三四五六七八九十]{4}年.*月.*日)$")


def drop_repeated_blocks(lines: list[str], min_run: int = 4) -> list[str]:
    """Remove every run of at least `min_run` consecutive lines that repeats an earlier run.

    Upstream copies of web pages hold the whole text (or its header block) twice; a repeat
    that long is never meaningful in a statute, while short repeats (the same 项 wording in
    two articles) are kept.
    """
    keys = [re.sub(r"\s", "", line) for line in lines]
    first_seen: dict[str, list[int]] = {}
    kept: list[str] = []
    i = 0
    while i < len(lines):
        best, origin = 0, 0
        for j in first_seen.get(keys[i], []):
            run = 0
            while i + run < len(lines) and j + run < i and keys[j + run] == keys[i + run]:
                run += 1
            if run > best:
                best, origin = run, j
        if best >= min_run:
            i += best
            # A copy cut short ends in a truncated line: drop it with the rest of the copy.
            if i < len(lines) and keys[i] and keys[origin + best].startswith(keys[i]):
                i += 1
            continue
        first_seen.setdefault(keys[i], []).append(i)
        kept.append(lines[i])
        i += 1
    return kept


def strip_residue(lines: list[str]) -> list[str]:
    """Drop browser/PDF residue lines and bare page numbers."""
    return [line for line in lines if not _RESIDUE.search(line) and not _PAGE_NUMBER.match(line)]


def tidy_spaces(line: str) -> str:
    """No spaces inside Chinese text (PDF and web copies scatter them); one after a label like 第一条."""
    line = line.replace("\u00a0", " ").strip()
    match = _LABEL.match(line)
    if match and match.group(2):
        return f"{match.group(1)} {_SPACE_NEAR_CJK.sub('', match.group(2))}"
    return _SPACE_NEAR_CJK.sub("", line)


def join_wrapped(lines: list[str], width: int) -> list[str]:
    """Re-join lines a PDF wrapped at `width` characters: a full line without a sentence end continues."""
    joined: list[str] = []
    for line in lines:
        heading = bool(joined) and bool(_NEW_UNIT.match(joined[-1])) and not re.search(r"[，、；]", joined[-1])
        if (joined and not heading and not _NEW_UNIT.match(line) and len(joined[-1]) >= width
                and not joined[-1].endswith(_SENTENCE_END)):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def body_start(lines: list[str], structure: str) -> int:
    """Index of the first line of the document's own text, after page headers and metadata."""
    if structure == "articles":
        first = next((i for i, line in enumerate(lines) if _ARTICLE_ONE.match(line)), 0)
        # Headings right above 第一条 belong to it; a table of contents repeats its lines later.
        while first > 0 and _CHAPTER_OR_SECTION.match(lines[first - 1]) and lines[first - 1] not in lines[first:]:
            first -= 1
        return first
    if structure == "sections":
        return next((i for i, line in enumerate(lines) if re.sub(r"\s", "", line) == "前言"), 0)
    return next((i for i, line in enumerate(lines) if _ADDRESSEE.match(line)), 0)


def body_end(lines: list[str], structure: str) -> int:
    """Index after the last line of text: signatures, dates and contact lines at the end are dropped."""
    end = len(lines)
    while end > 0:
        line = lines[end - 1]
        if _DATE_LINE.match(line) or line.startswith("附件") or not line.endswith(_SENTENCE_END):
            end -= 1
        else:
            break
    return end


def clean_text(raw: str, structure: str) -> list[str]:
    """The document's body as clean lines: no front matter, header, duplicate, residue or wrap."""
    text = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    if "<!-- INFO END -->" in text:
        text = text.split("<!-- INFO END -->", 1)[1]
    lines = [line.strip() for line in text.splitlines()]
    lines = [line.lstrip("#").strip() for line in lines if line.strip()]
    lines = strip_residue(lines)
    lines = drop_repeated_blocks(lines)
    lines = lines[body_start(lines, structure):]
    lines = lines[:body_end(lines, structure)]
    lines = [tidy_spaces(line) for line in lines]
    if structure == "sections":
        lines = join_wrapped(lines, width=24)
    return [line for line in lines if line]


def structure_of(doc_id: str, raw: str) -> str:
    if doc_id in NUMBERED_SECTIONS:
        return "sections"
    return "articles" if re.search(r"^\s*第一条", raw, re.M) else "points"


def render(meta: dict, lines: list[str], structure: str) -> str:
    """Markdown: front matter, the title, 章 as ##, 节 as ###, one paragraph per line."""
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    out = [f"---\n{front}\n---", "", f"# {meta['title']}", ""]
    for line in lines:
        if structure == "articles" and re.match(rf"^第[{NUMERAL_CHARS}]+章", line):
            out += [f"## {line}", ""]
        elif structure == "articles" and re.match(rf"^第[{NUMERAL_CHARS}]+节", line):
            out += [f"### {line}", ""]
        else:
            out += [line, ""]
    return "\n".join(out).rstrip() + "\n"


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    meta: dict
    raw: str


def _manifest_meta(doc_id: str, entry: dict) -> dict:
    issuer = re.sub(r"（.*?）$", "", str(entry.get("source_organization") or "")).strip()
    status = str(entry.get("current_status") or "CURRENT").lower()
    return {
        "title": str(entry["title"]),
        "document_number": str(entry.get("document_number") or ""),
        "issuer": issuer,
        "published": str(entry.get("publication_date") or ""),
        "effective": str(entry.get("effective_date") or ""),
        "version": str(entry.get("version") or ""),
        "status": {"current": "current", "repealed": "repealed"}.get(status, "superseded"),
        "source_url": str(entry.get("official_url") or ""),
    }


def source_documents(sources: Path) -> list[SourceDocument]:
    """Every document to import, with its metadata, from `sources` (the shared domain/sources folder)."""
    folder = sources / "regulations"
    manifest = yaml.safe_load((folder / "source-manifest.yaml").read_text(encoding="utf-8"))
    found = []
    for path in sorted(folder.glob("L*.md")):
        doc_id = path.stem
        meta = _manifest_meta(doc_id, manifest[doc_id])
        found.append(SourceDocument(doc_id, meta, path.read_text(encoding="utf-8")))
    for doc_id, extra in EXTRA_DOCUMENTS.items():
        meta = {k: v for k, v in extra.items() if k != "file"}
        meta.update(status="current", source_url="")
        found.append(SourceDocument(doc_id, meta, (sources / extra["file"]).read_text(encoding="utf-8")))
    return found


def import_document(source: SourceDocument) -> str:
    """One document's library file text."""
    structure = structure_of(source.doc_id, source.raw)
    short_name, aliases = SHORT_NAMES.get(source.doc_id, (source.meta["title"], ()))
    meta = {"id": source.doc_id, "title": source.meta["title"], "short_name": short_name,
            "aliases": [a for a in aliases if a != short_name]}
    meta.update({k: v for k, v in source.meta.items() if k != "title" and v != ""})
    meta["structure"] = structure
    if source.doc_id == "L2-02":
        meta["source_note"] = "修订前/修订后两栏对照；修订前一栏是2007年版定义，已被2020年修订版（L2-01）取代"
    return render(meta, clean_text(source.raw, structure), structure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.regulations.importing", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", type=Path, help="the shared domain/sources folder")
    parser.add_argument("content", type=Path, nargs="?", default=Path("content"))
    args = parser.parse_args(argv)
    target = args.content / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    failures = 0
    for source in source_documents(args.sources):
        text = import_document(source)
        name = f"{FOLDER}/{source.doc_id}.md"
        document, problems = parse_document(text, name)
        for problem in problems:
            print(problem, file=sys.stderr)
        failures += bool(problems)
        (target / f"{source.doc_id}.md").write_text(text, encoding="utf-8")
        count = len(document.articles) if document else 0
        print(f"{source.doc_id}: {count} articles ({document.structure if document else '?'})  {source.meta['title']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
