"""Change fields of a YAML file that is one mapping (a scenario) while every other line stays as it was.

The form on 情景编辑 edits a few fields of a hand-written file; rewriting the whole file would
drop its comments and restyle everything. Here only the nodes whose value changed are written
again, going down through block mappings and block lists (a changed checkpoint rewrites that
checkpoint, not the list), in the file's own layout and quoting (yaml_style.written_like). The
result is re-parsed and must say exactly what was asked, or YamlEditError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from kb.yaml_source import normalize_line_breaks, parse_yaml
from trainer.editing.yaml_style import YamlEditError, _Style, normalized, plain, written_like

_KEY = re.compile(r"^( *)([A-Za-z_][\w-]*):(.*)$")


@dataclass(frozen=True)
class _Block:
    """Lines [start, end) of one key (or one list item) inside a block, trailing blanks and comments excluded."""

    key: str
    start: int
    end: int


def _same(a: Any, b: Any) -> bool:
    return normalized(a) == normalized(b)


def _content_end(lines: list[str], start: int, end: int, indent: int) -> int:
    while end > start + 1 and (not lines[end - 1].strip() or (
            lines[end - 1].lstrip().startswith("#") and len(lines[end - 1]) - len(lines[end - 1].lstrip()) <= indent)):
        end -= 1
    return end


def _key_blocks(lines: list[str], start: int, end: int, indent: int) -> list[_Block]:
    """The keys written at exactly `indent` spaces in lines[start:end], each with its lines."""
    heads = []
    for index in range(start, end):
        match = _KEY.match(lines[index])
        if match and len(match.group(1)) == indent:
            heads.append((index, match.group(2)))
    return [_Block(key, at, _content_end(lines, at, heads[n + 1][0] if n + 1 < len(heads) else end, indent))
            for n, (at, key) in enumerate(heads)]


def _item_blocks(lines: list[str], start: int, end: int) -> tuple[list[_Block], int]:
    """The `- ` items of a block list in lines[start:end] and their dash indent."""
    heads = [i for i in range(start, end) if lines[i].lstrip().startswith("- ") or lines[i].strip() == "-"]
    if not heads:
        return [], -1
    dash = len(lines[heads[0]]) - len(lines[heads[0]].lstrip())
    heads = [i for i in heads if len(lines[i]) - len(lines[i].lstrip()) == dash]
    return [_Block(str(n), at, _content_end(lines, at, heads[n + 1] if n + 1 < len(heads) else end, dash))
            for n, at in enumerate(heads)], dash


def _rest(line: str) -> str:
    match = _KEY.match(line)
    return match.group(3).split(" #")[0].strip() if match else ""


class _Patcher:
    def __init__(self, lines: list[str], style: _Style) -> None:
        self.lines = lines
        self.style = style

    def mapping(self, start: int, end: int, indent: int, old: Mapping[str, Any], new: Mapping[str, Any], path: str) -> list[str]:
        """New lines for lines[start:end], a block mapping at `indent` that said `old` and must say `new`."""
        blocks = {b.key: b for b in _key_blocks(self.lines, start, end, indent)}
        out: list[str] = []
        position = start
        for block in sorted(blocks.values(), key=lambda b: b.start):
            out += self.lines[position:block.start]
            position = block.end
            if block.key not in new:
                continue  # removed: its lines go
            out += self.value(block, indent, old.get(block.key), new[block.key], f"{path}{block.key}")
        out += self.lines[position:end]
        added = [key for key in new if key not in blocks and new[key] not in (None, "", [], {})]
        if added:
            tail = len(out)
            while tail > 0 and (not out[tail - 1].strip() or out[tail - 1].lstrip().startswith("#")):
                tail -= 1
            fresh = [line for key in added for line in self.style.field(f"{path}{key}", key, new[key], " " * indent)]
            out[tail:tail] = fresh
        return out

    def value(self, block: _Block, indent: int, old: Any, new: Any, path: str) -> list[str]:
        """The lines of one key whose value goes from `old` to `new`: unchanged, patched inside, or rewritten."""
        own = self.lines[block.start:block.end]
        if _same(old, new):
            return own
        block_layout = _rest(self.lines[block.start]) == "" and block.end > block.start + 1
        if block_layout and isinstance(old, dict) and isinstance(new, dict):
            child = _key_blocks(self.lines, block.start + 1, block.end, self._child_indent(block))
            if child:
                return [self.lines[block.start]] + self.mapping(block.start + 1, block.end, self._child_indent(block),
                                                                old, new, f"{path}.")
        if block_layout and isinstance(old, list) and isinstance(new, list):
            patched = self.sequence(block, old, new, path)
            if patched is not None:
                return patched
        if isinstance(new, list) and any(isinstance(v, dict) for v in new) and (block_layout or not old):
            # a list of mappings (checkpoints …) is written one `- key: value` item per line group
            return [f"{' ' * indent}{block.key}:"] + [line for value in new
                                                      for line in self._new_item(value, indent + 2, path, False)]
        return self.style.field(path, block.key, new, " " * indent)

    def _child_indent(self, block: _Block) -> int:
        for line in self.lines[block.start + 1:block.end]:
            if line.strip() and not line.lstrip().startswith("#"):
                return len(line) - len(line.lstrip())
        return -1

    def sequence(self, block: _Block, old: list, new: list, path: str) -> list[str] | None:
        """A block list patched item by item (by position); None when its layout is not one this handles."""
        items, dash = _item_blocks(self.lines, block.start + 1, block.end)
        if not items or len(items) != len(old):
            return None
        inline = self.lines[items[0].start].lstrip()[2:].lstrip().startswith("{")
        out = self.lines[block.start:items[0].start]
        for n, item in enumerate(items[:len(new)]):
            if n:
                out += self.lines[items[n - 1].end:item.start]
            out += self.item(item, dash, old[n], new[n], path, inline)
        for extra in new[len(items):]:
            out += self._new_item(extra, dash, path, inline)
        return out

    def item(self, item: _Block, dash: int, old: Any, new: Any, path: str, inline: bool) -> list[str]:
        own = self.lines[item.start:item.end]
        if _same(old, new):
            return own
        first = own[0]
        if isinstance(old, dict) and isinstance(new, dict) and _KEY.match(" " * (dash + 2) + first[dash + 2:]):
            # a block mapping item: patch it as a mapping whose first line carries the dash
            shadow = own.copy()
            shadow[0] = " " * (dash + 2) + first[dash + 2:]
            saved, self.lines = self.lines, shadow
            try:
                patched = self.mapping(0, len(shadow), dash + 2, old, new, f"{path}.")
            finally:
                self.lines = saved
            patched[0] = " " * dash + "- " + patched[0][dash + 2:]
            return patched
        return self._new_item(new, dash, path, inline)

    def _new_item(self, value: Any, dash: int, path: str, inline: bool) -> list[str]:
        if isinstance(value, dict) and not inline:
            return self.style.mapping_item(path, value, " " * dash)
        if isinstance(value, (dict, list)):
            return [" " * dash + "- " + self.style.flow(value)]
        return [" " * dash + "- " + self.style.scalar(value)]


def set_fields(text: str, changes: Mapping[str, Any], name: str = "file", layout: Mapping[str, str] | None = None) -> str:
    """`text` (a YAML mapping) with each top-level field of `changes` set to its value (None removes it).

    Only the lines of values that changed are written again; when nothing changes, `text` comes
    back as it was. `layout` (dotted path → style) lays out a field the file has not written yet in a way of its own.
    """
    source = normalize_line_breaks(text)
    data, problems = parse_yaml(source, name)
    if problems:
        raise YamlEditError("; ".join(str(p) for p in problems))
    old = plain(data) if isinstance(data, dict) else None
    if old is None:
        raise YamlEditError(f"{name}: the file must be a mapping of fields")
    wanted = dict(old)
    for key, value in changes.items():
        if value is None:
            wanted.pop(key, None)
        else:
            wanted[key] = plain(value)
    if _same(old, wanted):
        return text
    lines = source.split("\n")
    patcher = _Patcher(lines, written_like(lines, layout))
    new_lines = patcher.mapping(0, len(lines), 0, old, wanted, "")
    new_text = "\n".join(new_lines)
    if not new_text.endswith("\n"):
        new_text += "\n"
    reread, problems = parse_yaml(new_text, name)
    if problems or not _same(plain(reread), wanted):
        raise YamlEditError(f"{name}: the form's changes could not be written faithfully; edit the YAML instead")
    return new_text
