"""Change one item of a content YAML file while leaving every other byte of the file alone.

ruamel.yaml is not a dependency, and a PyYAML dump would drop the file's comments and
restyle every entry, turning a one-line edit into a whole-file diff in the history. So the
edited item is rendered here in the project's own style (content/README.md) and spliced in
place of the old item's lines; the result is re-parsed to prove it says exactly what the
form said before anyone writes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Mapping

import yaml

from kb.yaml_source import LocatedDict, normalize_line_breaks, parse_yaml, split_lines

# Field order of each kind of item, as in content/README.md; unknown keys go last.
FIELD_ORDER = {
    "entries": ("id", "question", "variants", "answer", "script", "keywords", "sources", "tags", "difficulty", "en"),
    "items": ("id", "type", "prompt", "options", "answer", "accept", "explanation", "entry", "difficulty", "en"),
}
# How a new item's fields are written, like the hand-written files: answers and scripts as
# `|` blocks; other texts plain unless multi-line; lists inline unless listed in BLOCK_LIST_KEYS.
DEFAULT_STYLES = {
    "entries": {"answer": "literal", "script": "literal", "en.answer": "literal"},
    "items": {},
}
BLOCK_LIST_KEYS = {"variants", "sources"}
INDENT = "  "


class YamlEditError(Exception):
    """The file cannot be changed safely (layout the editor does not handle, or a bad item)."""


def plain(node: Any) -> Any:
    """Plain Python data from parsed YAML (LocatedDicts become dicts)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def normalized(node: Any) -> Any:
    """Data as the loader reads it: text stripped, so `|` blocks and inline text compare equal."""
    if isinstance(node, dict):
        return {k: normalized(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normalized(v) for v in node]
    return node.strip() if isinstance(node, str) else node


def normalized_breaks(node: Any) -> Any:
    r"""Data with every text's U+2028/U+2029 (and lone CR, NEL) written as "\n"."""
    if isinstance(node, Mapping):
        return {k: normalized_breaks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normalized_breaks(v) for v in node]
    return normalize_line_breaks(node) if isinstance(node, str) else node


# ---------------------------------------------------------------------------- rendering


def _prefer_double_quotes(dumped: str, value: Any) -> str:
    """The hand-written files quote with "…"; PyYAML's choice of '…' would churn the diff."""
    if dumped.startswith("'") or "\n" in dumped:
        return json.dumps(value, ensure_ascii=False)
    return dumped


def _scalar(value: Any, flow: bool = False) -> str:
    """One scalar in YAML syntax, quoted only when it must be (flow context quotes more)."""
    if flow:
        dumped = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=2**31 - 1).strip()[1:-1]
    else:
        dumped = yaml.safe_dump({"k": value}, allow_unicode=True, width=2**31 - 1)[len("k: "):].rstrip("\n")
    return _prefer_double_quotes(dumped, value)


def _flow(value: Any) -> str:
    """A list or mapping written inline: [a, b] or {doc: x, article: y}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, flow=True)


def _literal_ok(text: str) -> bool:
    """Whether `text` survives a `|` block unchanged (after the loader's strip)."""
    body = text.strip("\n")
    return bool(body) and not body[0].isspace() and all(ch == "\n" or ch == "\t" or ch.isprintable() for ch in body)


_KEY_LINE = re.compile(r"^(\s*)(- )?([A-Za-z_][\w-]*):(.*)$")


def field_styles(lines: list[str]) -> dict[str, str]:
    """How each field of an existing item is written (flow, block, literal, plain), by dotted path.

    Re-rendering an edited item in its old style keeps the diff down to what really changed.
    """
    styles: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in lines:
        match = _KEY_LINE.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        indent = len(match.group(1)) + (2 if match.group(2) else 0)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = ".".join([key for _, key in stack] + [match.group(3)])
        rest = match.group(4).split(" #")[0].strip()
        styles.setdefault(path, "flow" if rest.startswith(("[", "{")) else "literal" if rest.startswith(("|", ">"))
                          else "block" if not rest else "plain")
        stack.append((indent, match.group(3)))
    return styles


def _render_text(key: str, text: str, indent: str, style: str | None) -> list[str]:
    if (style == "literal" or "\n" in text.strip()) and _literal_ok(text):
        body = text.strip("\n").split("\n")
        return [f"{indent}{key}: |"] + [f"{indent}{INDENT}{line}" if line else "" for line in body]
    return [f"{indent}{key}: {_scalar(text)}"]


def _render_field(path: str, key: str, value: Any, indent: str, styles: Mapping[str, str]) -> list[str]:
    style = styles.get(path)
    if isinstance(value, str):
        return _render_text(key, value, indent, style)
    if isinstance(value, list):
        if style == "block" or (style is None and key in BLOCK_LIST_KEYS):
            return [f"{indent}{key}:"] + [f"{indent}{INDENT}- {_flow(v) if isinstance(v, (dict, list)) else _scalar(v)}"
                                          for v in value]
        return [f"{indent}{key}: {_flow(value)}"]
    if isinstance(value, dict):
        if style == "flow":
            return [f"{indent}{key}: {_flow(value)}"]
        lines = [f"{indent}{key}:"]
        for sub_key, sub_value in value.items():
            lines += _render_field(f"{path}.{sub_key}", str(sub_key), sub_value, indent + INDENT, styles)
        return lines
    return [f"{indent}{key}: {_scalar(value)}"]


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, dict)) and not value)


def render_item(list_key: str, item: Mapping[str, Any], dash_indent: str = INDENT,
                styles: Mapping[str, str] | None = None) -> list[str]:
    """The lines of one list item (`- id: …`) in the project's style; empty fields are left out.

    `styles` (from `field_styles` of the old item) keeps each field written the way it was.
    """
    styles = dict(DEFAULT_STYLES[list_key], **(styles or {}))
    order = FIELD_ORDER[list_key]
    keys = [k for k in order if k in item] + [k for k in item if k not in order]
    lines: list[str] = []
    for key in keys:
        if _is_empty(item[key]):
            continue
        lines += _render_field(key, key, item[key], dash_indent + INDENT, styles)
    if not lines:
        raise YamlEditError("the item has no fields")
    lines[0] = f"{dash_indent}- {lines[0][len(dash_indent) + len(INDENT):]}"
    return lines


# ---------------------------------------------------------------------------- locating items


@dataclass(frozen=True)
class ItemBlock:
    """Where one item sits in a file: [start, content_end) are its lines, up to `end` its trailing blanks."""

    item_id: str
    start: int
    content_end: int
    end: int
    dash_indent: str


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def parse_items(text: str, list_key: str, name: str = "file") -> tuple[Any, list[LocatedDict]]:
    """The parsed file and the mappings under `list_key`; YamlEditError when the file does not parse."""
    data, problems = parse_yaml(text, name)
    if problems:
        raise YamlEditError("; ".join(str(p) for p in problems))
    if data is None:
        return None, []
    if not isinstance(data, dict):
        raise YamlEditError(f"{name}: the file must be a mapping with a top-level '{list_key}:' list")
    items = data.get(list_key) or []
    if not isinstance(items, list):
        raise YamlEditError(f"{name}: '{list_key}' must be a list")
    return data, [i for i in items if isinstance(i, LocatedDict)]


def item_blocks(text: str, list_key: str, name: str = "file") -> list[ItemBlock]:
    """Every item of the list with its line range (lines counted as the parser counts them), in file order."""
    lines = split_lines(text)
    _, items = parse_items(text, list_key, name)
    starts = []
    for item in items:
        index = item.line - 1
        while index >= 0 and not lines[index].lstrip().startswith("-"):
            index -= 1
        if index < 0 or (starts and index <= starts[-1]):
            raise YamlEditError(f"{name}: items written inline ([…] style) cannot be edited here; use block style")
        starts.append(index)
    blocks = []
    for position, (item, start) in enumerate(zip(items, starts)):
        dash = _indent_of(lines[start])
        if position + 1 < len(starts):
            end = starts[position + 1]
        else:
            end = start + 1
            while end < len(lines) and not (lines[end].strip() and _indent_of(lines[end]) == 0
                                             and not lines[end].lstrip().startswith(("#", "-"))):
                end += 1
        content_end = end
        while content_end > start + 1 and (not lines[content_end - 1].strip() or (
                lines[content_end - 1].lstrip().startswith("#") and _indent_of(lines[content_end - 1]) <= dash)):
            content_end -= 1
        blocks.append(ItemBlock(str(item.get("id", "")).strip(), start, content_end, end, " " * dash))
    return blocks


def find_item(text: str, list_key: str, item_id: str) -> dict[str, Any] | None:
    """The item with `item_id` as plain data, or None."""
    _, items = parse_items(text, list_key)
    for item in items:
        if str(item.get("id", "")).strip() == item_id:
            return plain(item)
    return None


# ---------------------------------------------------------------------------- changing items


def _uses_blank_separators(lines: list[str], blocks: list[ItemBlock]) -> bool:
    return any(block.content_end < block.end and not lines[block.content_end].strip() for block in blocks[:-1])


def set_item(text: str | None, list_key: str, item_id: str, item: Mapping[str, Any] | None, name: str = "file") -> str:
    r"""`text` with item `item_id` replaced by `item` (appended if new, removed if `item` is None).

    Everything else in the file stays byte-for-byte as it was, except that line breaks other
    than "\n" (U+2028, U+2029 pasted from Word or the web) are written as "\n", in the file
    and in the item. The result is re-parsed and must contain exactly `item` (or no longer
    contain `item_id`), otherwise YamlEditError.
    """
    return set_items(text, list_key, {item_id: item}, name)


def set_items(text: str | None, list_key: str, changes: Mapping[str, Mapping[str, Any] | None], name: str = "file") -> str:
    """`set_item` for many items at once: the file is parsed once before and once after, so an
    import of n rows into one file costs one pass, not n (it was quadratic)."""
    text = normalize_line_breaks(text or "")
    changes = {item_id: None if item is None else normalized_breaks(item) for item_id, item in changes.items()}
    lines = text.split("\n")
    blocks = item_blocks(text, list_key, name) if text.strip() else []
    known = {b.item_id for b in blocks}
    missing = [i for i, item in changes.items() if item is None and i not in known]
    if missing:
        raise YamlEditError(f"{name}: no item '{missing[0]}' to delete")
    new_items = [render_item(list_key, item) if not blocks else render_item(list_key, item, blocks[-1].dash_indent)
                 for item_id, item in changes.items() if item is not None and item_id not in known]
    if new_items and blocks:  # appended below every existing item, before those are changed
        last = blocks[-1]
        separator = [""] if _uses_blank_separators(lines, blocks) else []
        lines[last.content_end:last.content_end] = [line for rendered in new_items for line in separator + rendered]
    elif new_items:
        lines = _insert_first_item(lines, list_key, [line for rendered in new_items for line in rendered], name)
    for target in reversed(blocks):  # bottom-up, so the line numbers of the blocks above stay right
        if target.item_id not in changes:
            continue
        item = changes[target.item_id]
        if item is None:
            del lines[target.start:target.content_end]
            if target.start < len(lines) and not lines[target.start].strip() and (
                    target.start == 0 or not lines[target.start - 1].strip() or lines[target.start - 1].strip().endswith(":")):
                del lines[target.start]
        else:
            styles = field_styles(lines[target.start:target.content_end])
            lines[target.start:target.content_end] = render_item(list_key, item, target.dash_indent, styles)
    new_text = "\n".join(lines)
    if not new_text.endswith("\n"):
        new_text += "\n"
    _check_result(new_text, list_key, changes, name)
    return new_text


def _insert_first_item(lines: list[str], list_key: str, rendered: list[str], name: str) -> list[str]:
    """Put the first item under `list_key:` (adding the key when the file has none)."""
    for index, line in enumerate(lines):
        if line.startswith(f"{list_key}:"):
            rest = line[len(list_key) + 1:].split("#")[0].strip()
            if rest not in ("", "[]", "null", "~"):
                raise YamlEditError(f"{name}: cannot add to '{list_key}: {rest}'")
            return lines[:index] + [f"{list_key}:"] + rendered + lines[index + 1:]
    body = [line for line in lines if line.strip()]
    if any(not line.lstrip().startswith("#") for line in body):
        raise YamlEditError(f"{name}: the file has no '{list_key}:' list")
    return [line for line in lines if line.strip()] + [f"{list_key}:"] + rendered


def _check_result(new_text: str, list_key: str, changes: Mapping[str, Mapping[str, Any] | None], name: str) -> None:
    found: dict[str, list[Any]] = {}
    for parsed in parse_items(new_text, list_key, name)[1]:
        item_id = str(parsed.get("id", "")).strip()
        if item_id in changes:
            found.setdefault(item_id, []).append(plain(parsed))
    for item_id, item in changes.items():
        if item is None:
            if item_id in found:
                raise YamlEditError(f"{name}: '{item_id}' is still in the file after deleting it")
            continue
        wanted = normalized({k: v for k, v in plain(dict(item)).items() if not _is_empty(v)})
        if len(found.get(item_id, [])) != 1 or normalized(found[item_id][0]) != wanted:
            raise YamlEditError(f"{name}: the edited item '{item_id}' could not be written faithfully")
