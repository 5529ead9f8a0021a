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


CHOICES = BOXES | {"radio", "pills", "segmented_control", "select_slider", "one_or_all", "category_filter"}


def _name(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def choices_in_forms(path: Path) -> list[str]:
    """The choices drawn inside a `with st.form(...)` block: called there, or by a function of the same file called
    there (the editor's fields are drawn by show_control)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    found = []
    for block in ast.walk(tree):
        if not (isinstance(block, ast.With) and any(isinstance(item.context_expr, ast.Call)
                                                     and _name(item.context_expr) == "form" for item in block.items)):
            continue
        seen, todo = set(), list(block.body)
        while todo:
            for node in ast.walk(todo.pop()):
                if not isinstance(node, ast.Call):
                    continue
                name = _name(node)
                if name in CHOICES:
                    found.append(f"{path.name}:{block.lineno}: {name} at line {node.lineno}")
                elif name in functions and name not in seen:
                    seen.add(name)
                    todo.extend(functions[name].body)
    return found


def test_no_choice_is_drawn_in_a_form() -> None:
    """A form's values stay in the browser until it is sent, and a language switch sets every choice widget again from
    the session state (ui.i18n, qa16): an unsent choice in a form came back as it was last sent — 用户管理's 角色, 内容编辑's
    难度, 知识搜索's 分类 and the report's 正确的条目 (polish30; 作业布置 polish29). A form of choices is ui.live_form's."""
    assert not [found for path in SHOWN_CODE for found in choices_in_forms(path)]


def test_the_form_check_finds_a_choice_drawn_by_a_function(tmp_path: Path) -> None:
    """The check above can fail: a select box drawn by a helper the form calls is found, one beside the form is not."""
    sample = tmp_path / "page.py"
    sample.write_text("import streamlit as st\n\ndef fields():\n    st.selectbox('角色', [1], placeholder='x')\n\n"
                      "st.radio('模式', [1])\nwith st.form('f'):\n    fields()\n", encoding="utf-8")
    assert choices_in_forms(sample) == ["page.py:7: selectbox at line 4"]
