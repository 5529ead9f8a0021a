"""Every select box and multiselect says what to choose in the UI's language, and none offers None as a choice.

Streamlit (1.67) draws a select box with nothing chosen, or one whose value in the session state is None, with its
placeholder, which is Streamlit's English "Choose an option" when the call gives none (qa13, qa18 #6; polish25: 新建到分类
on 内容编辑). A None *option* is such a value as soon as it is chosen, so from the next run on the box showed the
placeholder and a clear "×" in place of its 全部 option (polish25: 标签 on 内容编辑, 分类 on 今日训练, 文件 on 引用检查,
入职月份 on 团队概览, 类型 and 难度 on 模拟通话): an "all" or "none" choice is ui.choice_box's option of its own."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN_CODE = [ROOT / "app.py", *sorted((ROOT / "ui_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
BOXES = {"selectbox", "multiselect"}


def boxes(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BOXES]


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def test_every_box_gives_its_placeholder() -> None:
    found = [(path, node) for path in SHOWN_CODE for node in boxes(path)]
    assert len(found) > 20, "the boxes are found"
    assert not [where(p, n) for p, n in found if "placeholder" not in {k.arg for k in n.keywords}]


def test_no_box_offers_none_as_a_choice() -> None:
    """`[None, *options]`: the pattern each of polish25's boxes used for "all"."""
    offered = [where(path, node) for path in SHOWN_CODE for node in boxes(path)
               if len(node.args) > 1 and isinstance(node.args[1], ast.List)
               and any(isinstance(e, ast.Constant) and e.value is None for e in node.args[1].elts)]
    assert not offered, offered
