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

from kb.schema import ITEM_KINDS
from kb.yaml_source import LocatedDict, normalize_line_breaks, parse_yaml, split_lines

INDENT = "  "


def default_layout(list_key: str) -> dict[str, str]:
    """How a new item's fields are written, like the hand-written files (kb.schema's `layout`):
    answers and scripts as `|` blocks, variants and sources one per line; other texts plain
    unless multi-line, other lists inline."""
    layout: dict[str, str] = {}
    if list_key not in ITEM_KINDS:  # a list of another file (a scenario's checkpoints): inline, as `written_like`
        return layout
    for spec in ITEM_KINDS[list_key].fields:
        if spec.layout:
            layout[spec.name] = spec.layout
        layout.update({f"{spec.name}.{part.name}": part.layout for part in spec.parts if part.layout})
    return layout


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
    """Data as the loader reads it: text stripped (`|` blocks and inline text compare equal), and a
    number as its text (`keywords: [12378]` and `["12378"]` are the same keyword)."""
    if isinstance(node, dict):
        return {k: normalized(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normalized(v) for v in node]
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return str(node)
    return node.strip() if isinstance(node, str) else node


def _without_empty(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in plain(dict(item)).items() if not _is_empty(v)}


def normalized_breaks(node: Any) -> Any:
    r"""Data with every text's U+2028/U+2029 (and lone CR, NEL) written as "\n"."""
    if isinstance(node, Mapping):
        return {k: normalized_breaks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normalized_breaks(v) for v in node]
    return normalize_line_breaks(node) if isinstance(node, str) else node


def same_item(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two items say the same thing to the loader (empty fields count as absent)."""
    return normalized(_without_empty(a)) == normalized(_without_empty(b))


# ---------------------------------------------------------------------------- rendering


def scalar_tokens(lines: list[str]) -> dict[str, str]:
    """How each one-line scalar of an existing item is written, by its text: '"3.1.1.1"', '12378'.

    Writing a value again exactly as it was keeps hand-written quoting out of the diff.
    """
    source = "\n".join(lines)
    tokens: dict[str, str] = {}
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in (None, '"', "'"):
                written = source[token.start_mark.index:token.end_mark.index]
                if "\n" not in written:
                    tokens.setdefault(token.value, written)
    except yaml.YAMLError:
        return {}
    return tokens


@dataclass(frozen=True)
class _Style:
    """How to write an item: each field's layout (by dotted path) and each scalar's old spelling."""

    fields: Mapping[str, str]
    tokens: Mapping[str, str]

    def scalar(self, value: Any, flow: bool = False) -> str:
        """One scalar in YAML syntax: as it was written before if that still reads the same, else
        quoted only when it must be (flow context quotes more)."""
        key = value if isinstance(value, str) else str(value)
        remembered = self.tokens.get(key) if isinstance(value, (str, int, float)) else None
        if remembered is not None and _reads_as(remembered, value, flow):
            return remembered
        if flow:
            dumped = yaml.safe_dump([value], allow_unicode=True, default_flow_style=True, width=2**31 - 1).strip()[1:-1]
        else:
            dumped = yaml.safe_dump({"k": value}, allow_unicode=True, width=2**31 - 1)[len("k: "):].rstrip("\n")
        return _prefer_double_quotes(dumped, value)

    def flow(self, value: Any) -> str:
        """A list or mapping written inline: [a, b] or {doc: x, article: y}."""
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.scalar(k, True)}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value, flow=True)

    def text(self, key: str, text: str, indent: str, style: str | None) -> list[str]:
        if (style == "literal" or "\n" in text.strip()) and _literal_ok(text):
            body = text.strip("\n").split("\n")
            return [f"{indent}{key}: |"] + [f"{indent}{INDENT}{line}" if line else "" for line in body]
        return [f"{indent}{key}: {self.scalar(text)}"]

    def field(self, path: str, key: str, value: Any, indent: str) -> list[str]:
        style = self.fields.get(path)
        if isinstance(value, str):
            return self.text(key, value, indent, style)
        if isinstance(value, list):
            if style == "items" and all(isinstance(v, dict) for v in value):
                return [f"{indent}{key}:"] + [line for v in value for line in self.mapping_item(f"{path}.{key}", v,
                                                                                               indent + INDENT)]
            if style in ("block", "items"):
                return [f"{indent}{key}:"] + [f"{indent}{INDENT}- {self.flow(v) if isinstance(v, (dict, list)) else self.scalar(v)}"
                                              for v in value]
            return [f"{indent}{key}: {self.flow(value)}"]
        if isinstance(value, dict):
            if style == "flow":
                return [f"{indent}{key}: {self.flow(value)}"]
            lines = [f"{indent}{key}:"]
            for sub_key, sub_value in value.items():
                lines += self.field(f"{path}.{sub_key}", str(sub_key), sub_value, indent + INDENT)
            return lines
        return [f"{indent}{key}: {self.scalar(value)}"]


    def mapping_item(self, path: str, value: Mapping[str, Any], dash_indent: str) -> list[str]:
        """One mapping of a block list in block layout (layout "items"): `- id: …`, then one field per line, as the
        bundled scenarios write checkpoints and follow-ups; empty fields left out."""
        inner = dash_indent + INDENT
        lines = [line for key, sub in value.items() if not _is_empty(sub) and sub != ""
                 for line in self.field(f"{path}.{key}", str(key), sub, inner)]
        if not lines:
            raise YamlEditError(f"{path}: an item has no fields")
        return [f"{dash_indent}- {lines[0][len(inner):]}"] + lines[1:]


def written_like(lines: list[str], layout: Mapping[str, str] | None = None) -> _Style:
    """A writer that lays out fields and spells scalars the way `lines` (a file or part of one) do;
    `layout` gives the layout of fields `lines` do not have yet."""
    return _Style(dict(layout or {}, **field_styles(lines)), scalar_tokens(lines))


def _reads_as(token: str, value: Any, flow: bool) -> bool:
    """Whether `token`, written where `value` goes, reads back as the same value for the loader."""
    try:
        parsed = yaml.safe_load(f"[{token}]")[0] if flow else yaml.safe_load(f"k: {token}")["k"]
    except (yaml.YAMLError, IndexError, KeyError, TypeError):
        return False
    return not isinstance(parsed, bool) and normalized(parsed) == normalized(value)


def _prefer_double_quotes(dumped: str, value: Any) -> str:
    """The hand-written files quote with "…"; PyYAML's choice of '…' would churn the diff."""
    if dumped.startswith("'") or "\n" in dumped:
        return json.dumps(value, ensure_ascii=False)
    return dumped


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
        if rest not in ("[]", "{}"):  # an empty collection shows no layout to keep (a new scenario's skeleton, qa26 L5)
            styles.setdefault(path, "flow" if rest.startswith(("[", "{")) else "literal" if rest.startswith(("|", ">"))
                              else "block" if not rest else "plain")
        stack.append((indent, match.group(3)))
    return styles


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, dict)) and not value)


def render_item(list_key: str, item: Mapping[str, Any], dash_indent: str = INDENT,
                old_lines: list[str] | None = None) -> list[str]:
    """The lines of one list item (`- id: …`) in the project's style, fields in kb.schema's
    order (unknown keys last); empty fields are left out.

    `old_lines` (the item as written before) keeps each field laid out, and each scalar quoted,
    the way it was.
    """
    old_lines = old_lines or []
    style = _Style(dict(default_layout(list_key), **field_styles(old_lines)), scalar_tokens(old_lines))
    order = ITEM_KINDS[list_key].names if list_key in ITEM_KINDS else ()
    keys = [k for k in order if k in item] + [k for k in item if k not in order]
    lines: list[str] = []
    for key in keys:
        if _is_empty(item[key]):
            continue
        lines += style.field(key, key, item[key], dash_indent + INDENT)
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
    import of n rows into one file costs one pass, not n (it was quadratic). Items that already
    say the same are left alone; when none changes, `text` comes back as it was."""
    original = text or ""
    text = normalize_line_breaks(original)
    lines = text.split("\n")
    blocks = item_blocks(text, list_key, name) if text.strip() else []
    current = {str(i.get("id", "")).strip(): plain(i) for i in parse_items(text, list_key, name)[1]} if blocks else {}
    changes = {item_id: None if item is None else normalized_breaks(item) for item_id, item in changes.items()
               if item is None or item_id not in current or not same_item(current[item_id], item)}
    missing = [i for i, item in changes.items() if item is None and i not in current]
    if missing:
        raise YamlEditError(f"{name}: no item '{missing[0]}' to delete")
    if not changes:
        return original  # nothing to change: not even a re-quoted value
    new_items = [render_item(list_key, item, blocks[-1].dash_indent) if blocks else render_item(list_key, item)
                 for item_id, item in changes.items() if item is not None and item_id not in current]
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
            old_lines = lines[target.start:target.content_end]
            lines[target.start:target.content_end] = render_item(list_key, item, target.dash_indent, old_lines)
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
        elif len(found.get(item_id, [])) != 1 or not same_item(found[item_id][0], item):
            raise YamlEditError(f"{name}: the edited item '{item_id}' could not be written faithfully")


def add_to_list_field(text: str, list_key: str, item_id: str, field_name: str, value: str, name: str = "file") -> str:
    """`text` with `value` added to the list field `field_name` of item `item_id` (the field made when missing), or
    `text` as it was when the list holds it already. A block-style item keeps every other line, comments included:
    the field is one inline line (`examples: [a, b]`) put in place of its old lines or after the item's last line;
    an item written inline (`- {id: …}`) or a field written as a block list is rendered anew (`set_item`). The result
    is re-parsed and must hold exactly the item with the value added, else YamlEditError."""
    text = normalize_line_breaks(text)
    item = find_item(text, list_key, item_id)
    if item is None:
        raise YamlEditError(f"{name}: no item '{item_id}' under '{list_key}'")
    present = item.get(field_name) or []
    if not isinstance(present, list):
        raise YamlEditError(f"{name}: '{item_id}.{field_name}' is not a list")
    if value in present:
        return text
    wanted = {**item, field_name: [*present, value]}
    block = next(b for b in item_blocks(text, list_key, name) if b.item_id == item_id)
    lines = text.split("\n")
    indent = block.dash_indent + INDENT
    own = [i for i in range(block.start, block.content_end)
           if re.match(rf"^{re.escape(indent)}{re.escape(field_name)}:", lines[i])
           or (i == block.start and lines[i].startswith(f"{block.dash_indent}- {field_name}:"))]
    inline_item = lines[block.start][len(block.dash_indent) + 2:].lstrip().startswith("{")
    written = lines[own[0]].split(":", 1)[1].split(" #")[0].strip() if own else "[]"
    if inline_item or (own and own[0] == block.start) or not (written.startswith("[") and written.endswith("]")):
        return set_item(text, list_key, item_id, wanted, name)
    line = f"{indent}{field_name}: {written_like(lines).flow(wanted[field_name])}"
    if own:
        lines[own[0]] = line
    else:
        lines.insert(block.content_end, line)
    new_text = "\n".join(lines)
    _check_result(new_text, list_key, {item_id: wanted}, name)
    return new_text
