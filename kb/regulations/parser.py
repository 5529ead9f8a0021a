"""Split one regulation file into articles, keeping 款 and 项 and the 章/节 each sits in.

Three layouts occur in the library (front matter `structure:`):
- `articles`: laws and rules numbered 第一条, 第二条 …; each following paragraph is a 款,
  a line starting （一） is a 项 of the 款 above it;
- `sections`: standards numbered 1, 2.1, 3.1.1.28 … (the disease-definition standard);
- `points`: notices numbered 一、二、…, with （一）（二）… as units of their own when they
  run on through the whole notice.

A numbered line that does not follow its predecessor (第十条 after 第八条, 3.1.4 after 3.1.2)
is reported with its line instead of being silently filed under the wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.regulations.numbering import NUMERAL_CHARS, parse_number, write_number

STRUCTURES = ("articles", "sections", "points")
PREFACE = "前言"

_ARTICLE = re.compile(rf"^第([{NUMERAL_CHARS}]+)条(之[{NUMERAL_CHARS}]+)?(?:[\s\u3000]+|$)(.*)$")
_CHAPTER = re.compile(rf"^#*\s*(第[{NUMERAL_CHARS}]+章)[\s\u3000]*(.*)$")
_SECTION_HEADING = re.compile(rf"^#*\s*(第[{NUMERAL_CHARS}]+节)[\s\u3000]*(.*)$")
_ITEM = re.compile(rf"^[（(]([{NUMERAL_CHARS}]+)[）)]")
_POINT = re.compile(rf"^([{NUMERAL_CHARS}]+)、(.*)$")
# A number followed by a unit (4 级：…, 500 赫兹…) is a measurement in the text, not a section.
_NUMBERED_SECTION = re.compile(r"^(\d+(?:\.\d+)*)[\s\u3000]+(?![级个天日年岁周倍次%％赫分米])(\S.*)$")
_HEADING = re.compile(r"^#+\s*(.*)$")


@dataclass(frozen=True)
class Clause:
    """One 款 of an article: its text and the 项 listed under it."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    label: str          # 第十五条 | 3.1.1.3 | 一、 | （三） | 前言
    clauses: tuple[Clause, ...]
    line: int
    chapter: str = ""   # 第二章 保险合同 (or the parent section's heading)
    section: str = ""   # 第二节 人身保险合同
    parent: str = ""    # the enclosing numbered section or point, for sections and points

    @property
    def text(self) -> str:
        """The article's own text, 款 by 款, each followed by its 项."""
        lines = []
        for clause in self.clauses:
            if clause.text:
                lines.append(clause.text)
            lines.extend(clause.items)
        return "\n".join(lines)


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str
    message_zh: str = ""


@dataclass
class ParsedBody:
    articles: list[ParsedArticle] = field(default_factory=list)
    preamble: str = ""
    problems: list[LineProblem] = field(default_factory=list)


class _Builder:
    """Accumulates the lines of the article being read."""

    def __init__(self) -> None:
        self.result = ParsedBody()
        self.preamble: list[str] = []
        self.current: dict | None = None

    def start(self, label: str, line: int, chapter: str = "", section: str = "", parent: str = "") -> None:
        self.finish()
        self.current = {"label": label, "line": line, "chapter": chapter, "section": section,
                        "parent": parent, "clauses": []}

    def paragraph(self, text: str) -> None:
        if self.current is None:
            self.preamble.append(text)
        else:
            self.current["clauses"].append([text, []])

    def item(self, text: str) -> None:
        if self.current is None:
            self.preamble.append(text)
        elif not self.current["clauses"]:
            self.current["clauses"].append(["", [text]])
        else:
            self.current["clauses"][-1][1].append(text)

    def finish(self) -> None:
        if self.current is not None:
            clauses = tuple(Clause(text, tuple(items)) for text, items in self.current["clauses"])
            self.result.articles.append(ParsedArticle(
                self.current["label"], clauses, self.current["line"], self.current["chapter"],
                self.current["section"], self.current["parent"]))
            self.current = None

    def done(self) -> ParsedBody:
        self.finish()
        self.result.preamble = "\n".join(self.preamble)
        return self.result


def _body_lines(text: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, stripped text) of every non-blank line, skipping the document's title heading."""
    rows = []
    for offset, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if line and not line.startswith("<!--"):
            rows.append((first_line + offset, line))
    if rows and rows[0][1].startswith("# "):
        rows = rows[1:]
    return rows


def parse_articles(text: str, first_line: int = 1) -> ParsedBody:
    """第X条 layout: articles numbered without gaps, 款 per paragraph, 项 per （一） line."""
    builder = _Builder()
    chapter = section = ""
    expected = 1
    seen: dict[str, int] = {}
    for number, line in _body_lines(text, first_line):
        if match := _CHAPTER.match(line):
            chapter, section = " ".join(filter(None, match.groups())), ""
            builder.finish()
            continue
        if match := _SECTION_HEADING.match(line):
            section = " ".join(filter(None, match.groups()))
            builder.finish()
            continue
        if _HEADING.match(line):
            builder.finish()
            continue
        match = _ARTICLE.match(line)
        if match:
            value = parse_number(match.group(1))
            label = f"第{match.group(1)}条{match.group(2) or ''}"
            if label in seen:
                builder.result.problems.append(LineProblem(number, f"{label} appears twice (first at line {seen[label]})",
                                                                       f"{label}出现了两次（第一次在第 {seen[label]} 行）"))
            elif match.group(2) is None and value != expected:
                builder.result.problems.append(LineProblem(
                    number, f"{label} does not follow the article before it (expected 第{write_number(expected)}条)",
                    f"{label}与上一条不连续（应为第{write_number(expected)}条）"))
            seen.setdefault(label, number)
            if match.group(2) is None and value is not None:
                expected = value + 1
            builder.start(label, number, chapter, section)
            if match.group(3).strip():
                builder.paragraph(match.group(3).strip())
            continue
        if _ITEM.match(line):
            builder.item(line)
        else:
            builder.paragraph(line)
    return builder.done()


def follows(previous: tuple[int, ...], candidate: tuple[int, ...]) -> bool:
    """Whether section `candidate` may come right after `previous` (child, sibling or an ancestor's sibling)."""
    if not previous:
        return candidate == (1,)
    if candidate == previous + (1,):
        return True
    for depth in range(len(previous), 0, -1):
        if candidate == previous[:depth - 1] + (previous[depth - 1] + 1,):
            return True
    return False


def parse_sections(text: str, first_line: int = 1) -> ParsedBody:
    """Numbered-section layout (1, 2.1, 3.1.1.28): each numbered heading starts a unit.

    A line starting with a number that cannot be the next section (500 赫兹…, 4 级：…) is
    ordinary text of the current section; a 前言 heading before section 1 is a unit too.
    """
    builder = _Builder()
    previous: tuple[int, ...] = ()
    headings: dict[tuple[int, ...], str] = {}
    for number, line in _body_lines(text, first_line):
        heading = _HEADING.match(line)
        plain = heading.group(1).strip() if heading else line
        if plain.replace(" ", "").replace("\u3000", "") == PREFACE and not previous:
            builder.start(PREFACE, number)
            continue
        match = _NUMBERED_SECTION.match(plain)
        if match:
            candidate = tuple(int(p) for p in match.group(1).split("."))
            if follows(previous, candidate):
                label = match.group(1)
                headings[candidate] = f"{label} {match.group(2)}"
                parent = ".".join(map(str, candidate[:-1]))
                top = headings.get(candidate[:1], "") if len(candidate) > 1 else ""
                builder.start(label, number, chapter=top, parent=parent)
                builder.paragraph(match.group(2))
                previous = candidate
                continue
        if heading:
            builder.finish()
            continue
        if _ITEM.match(line) or re.match(r"^[a-z][.．]", line):
            builder.item(line)
        else:
            builder.paragraph(line)
    return builder.done()


def parse_points(text: str, first_line: int = 1) -> ParsedBody:
    """Notice layout: 一、二、… numbered points; （一）（二）… are units when numbered through the notice."""
    rows = _body_lines(text, first_line)
    items_are_units = _items_run_through(rows)
    builder = _Builder()
    expected = 1
    point = ""
    for number, line in rows:
        if _HEADING.match(line):
            builder.finish()
            continue
        match = _POINT.match(line)
        if match and parse_number(match.group(1)) == expected:
            point = f"{match.group(1)}、"
            builder.start(point, number)
            builder.paragraph(line)
            expected += 1
            continue
        item = _ITEM.match(line)
        if item and items_are_units:
            builder.start(f"（{item.group(1)}）", number, chapter=point, parent=point)
            builder.paragraph(line)
        elif item:
            builder.item(line)
        else:
            builder.paragraph(line)
    return builder.done()


def _items_run_through(rows: list[tuple[int, str]]) -> bool:
    """Whether （一）（二）… are numbered on through several points (units of their own, as in 83号)
    rather than listed under one point (项 of that point)."""
    numbers, points, point = [], set(), 0
    for _, line in rows:
        if _POINT.match(line):
            point += 1
        elif match := _ITEM.match(line):
            numbers.append(parse_number(match.group(1)))
            points.add(point)
    return len(points) > 1 and numbers == list(range(1, len(numbers) + 1))


PARSERS = {"articles": parse_articles, "sections": parse_sections, "points": parse_points}
