"""YAML reading that remembers line numbers, so every content error can name file:line.

PyYAML's safe loader forgets where a value came from. Here every mapping becomes a
`LocatedDict` that knows its own line and the line of each of its keys.

Content is pasted by instructors, so a file is hostile until checked: it is refused before
parsing when it is larger than MAX_YAML_CHARS, and refused by a streaming (non-recursive)
pass over the parser's events when it nests deeper than MAX_DEPTH or uses aliases (`*name`,
which content never needs and which make alias bombs possible). Anything the parser or a
value constructor can still raise (huge integers, impossible dates, unhashable keys) becomes
a problem with file:line instead of an exception, so the last good content keeps serving.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from kb.yaml_errors import chinese_problem

# Largest content file accepted (characters); the biggest real file is ~50,000.
MAX_YAML_CHARS = 1_000_000
# Deepest nesting of lists and mappings accepted; real content nests at most 5 levels.
MAX_DEPTH = 40
# Every line break the YAML parser counts besides "\n" and "\r\n": a lone CR, NEL, U+2028, U+2029.
_EXTRA_LINE_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_line_breaks(text: str) -> str:
    r"""`text` with every line break the parser knows written as "\n" (CRLF kept as it is).

    Pasted text (Word, web pages) brings U+2028/U+2029; PyYAML counts them as line breaks
    while `str.split("\n")` does not, so line numbers would disagree with the parser's. The
    parser already reads them as line breaks, so the only value that changes is a U+2028 or
    U+2029 kept inside a `|` block, which becomes an ordinary newline.
    """
    return _EXTRA_LINE_BREAKS.sub("\n", text)


def split_lines(text: str) -> list[str]:
    """The lines of `text` as the YAML parser numbers them (line n is item n-1)."""
    return normalize_line_breaks(text).split("\n")


class LocatedDict(dict):
    """A mapping from YAML that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of `key` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, phrased for an instructor.

    `message` is English (the command line, logs); `message_zh` is the same in Chinese for the
    editor pages, which show `tr(problem.zh(), str(problem))`. A problem without a Chinese
    wording falls back to the English one rather than showing nothing.
    """

    file: str
    line: int
    item_id: str | None
    field: str | None
    message: str
    message_zh: str = ""

    def __str__(self) -> str:
        return self._located(f" {self._kind()[0]} '{self.item_id}':" if self.item_id else "", self.message)

    def zh(self) -> str:
        """The problem in Chinese, still naming file:line, the item and the field."""
        return self._located(f" {self._kind()[1]} '{self.item_id}':" if self.item_id else "", self.message_zh or self.message)

    def _kind(self) -> tuple[str, str]:
        """What the item is called (English, Chinese): a scenario is no FAQ 条目, which is how it read (qa18); it is a
        情景, the word of its page (情景编辑) and of the rest of the product."""
        return ("scenario", "情景") if self.file.replace("\\", "/").startswith("scenarios/") else ("entry", "条目")

    def zh_message(self) -> str:
        """Just the message in Chinese (for display under the field it belongs to)."""
        return self.message_zh or self.message

    def _located(self, what: str, message: str) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{what}{field} {message}"


TITLE_CHARS = 40  # a duplicated item's title, as a problem quotes it: enough to recognise it


def duplicate_id(file: str, line: int, item_id: str, where: str, title: str = "") -> Problem:
    """`item_id` used again in `file`: the problem says where it is already (`where`, file:line) and what that item is
    (`title`: an entry's question, a quiz item's prompt, a document's title), so an instructor sees at once whether the
    existing one already says what they meant to write, without opening the file (qa23 I4)."""
    title = " ".join(title.split())
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS - 1] + "…"
    if not title:
        return Problem(file, line, item_id, "id", f"duplicate id (also in {where})", f"id 重复（{where} 中已有）")
    return Problem(file, line, item_id, "id", f"duplicate id (also in {where}: “{title}”)",
                   f"id 重复（{where} 中已有：“{title}”）")


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses ~6x faster (edit → searchable)
    """Safe loader whose mappings are LocatedDicts; duplicate keys are errors, not overwrites."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """One value; a value Python refuses (a 5,000-digit integer, 2023-02-30, a list as a
        key) becomes a YAML error at that node's line instead of an uncaught exception."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, ArithmeticError) as err:
            raise yaml.constructor.ConstructorError(None, None, f"unusable value: {err}", node.start_mark) from None


def _construct_located_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise _DuplicateKey(str(key), key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_located_mapping)

_OPENING_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)



def distinct(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in order: kb and a plugged-in check both read a scenario file, and an
    instructor should not be told twice that its YAML is malformed."""
    return list(dict.fromkeys(problems))

def structure_problem(text: str, display_name: str) -> Problem | None:
    """Why `text` must not be parsed at all (too large, too deep, aliases), or None.

    Walks the parser's event stream, which keeps its own stack instead of recursing, so a
    50,000-level paste is refused in milliseconds instead of overflowing the C stack.
    """
    if len(text) > MAX_YAML_CHARS:
        return Problem(display_name, 1, None, None,
                       f"file too large: {len(text):,} characters (at most {MAX_YAML_CHARS:,})",
                       f"文件过大：{len(text):,} 个字符（最多 {MAX_YAML_CHARS:,}）")
    broken = _LONE_SURROGATE.search(text)
    if broken is not None:  # from a damaged paste; it cannot even be handed to the parser
        return Problem(display_name, len(split_lines(text[:broken.start()])), None, None,
                       f"contains a broken character (lone surrogate U+{ord(broken.group()):04X}): retype that part",
                       f"含有损坏的字符（U+{ord(broken.group()):04X}）：请重新输入这一部分")
    loader = _LineLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, _OPENING_EVENTS):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(display_name, event.start_mark.line + 1, None, None,
                                   f"nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)",
                                   f"嵌套层次过深（列表和映射超过 {MAX_DEPTH} 层）")
            elif isinstance(event, _CLOSING_EVENTS):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                return Problem(display_name, event.start_mark.line + 1, None, None,
                               f"aliases (*{event.anchor}) are not allowed in content: write the value out",
                               f"内容中不允许使用别名（*{event.anchor}）：请把值完整写出")
    except yaml.YAMLError:
        return None  # malformed: the real parse below reports it with its line
    finally:
        loader.dispose()
    return None


# Parsed files kept (pickled) by text: a save validates the whole content set, and the reload,
# the content checks and the hit test's draft preview read it again, while one file changed.
PARSED_FILES_KEPT = 512


def parse_yaml(text: str, display_name: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; return (data, problems). Data is None when the text cannot be read.

    Never raises for any text: every failure is a problem naming the file and line. A text
    parsed before is not parsed again: the caller gets a fresh copy of its data (unpickling is
    ~10x faster than the line-tracking parse), so changing it changes nothing for others.
    """
    pickled, problems = _parsed(text, display_name)
    return pickle.loads(pickled), list(problems)


@lru_cache(maxsize=PARSED_FILES_KEPT)
def _parsed(text: str, display_name: str) -> tuple[bytes, tuple[Problem, ...]]:
    data, problems = _parse_uncached(text, display_name)
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), tuple(problems)


def _parse_uncached(text: str, display_name: str) -> tuple[Any, list[Problem]]:
    refused = structure_problem(text, display_name)
    if refused is not None:
        return None, [refused]
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except _DuplicateKey as dup:
        return None, [Problem(display_name, dup.line, None, dup.key, "key appears twice in the same item",
                              "同一项中这个字段出现了两次")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        if mark is not None:
            line = mark.line + 1
        elif isinstance(err, yaml.reader.ReaderError):  # a forbidden character: only its position is known
            line = len(split_lines(text[:err.position]))
        else:
            line = 1
        reason = getattr(err, "problem", None) or str(err).split("\n")[0]
        return None, [Problem(display_name, line, None, None, f"malformed YAML: {reason}",
                              f"YAML 格式错误：{chinese_problem(err, text) or reason}")]
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError, ArithmeticError) as err:
        return None, [Problem(display_name, 1, None, None, f"cannot be read as YAML: {type(err).__name__}: {err}",
                              f"无法按 YAML 读取：{type(err).__name__}: {err}")]


def read_source(path: Path, display_name: str) -> tuple[str | None, list[Problem]]:
    """One content file's text, or None and the I/O or encoding error as a problem."""
    try:
        return path.read_text(encoding="utf-8"), []
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(display_name, 1, None, None, f"cannot read file: {err}", f"无法读取文件：{err}")]


def read_yaml(path: Path, display_name: str) -> tuple[Any, list[Problem]]:
    """Read and parse one YAML file, turning I/O and encoding errors into problems too."""
    text, problems = read_source(path, display_name)
    return (None, problems) if text is None else parse_yaml(text, display_name)
