"""The package layout holds: no import cycles, kb independent of the app, trainer free of Streamlit.

Read from the source (ast), so a lazy import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kb", "trainer", "ui", "ui_pages", "bench")
TOP_MODULES = ("settings", "app", "serve")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    paths = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")]
    paths += [ROOT / f"{name}.py" for name in TOP_MODULES]
    return {module_name(p): p for p in paths if "migrations" not in p.parts}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules `path` imports: `from a.b import c` counts as a.b.c when that is a module, else a.b."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                     for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in modules or name.split(".")[0] in ("streamlit", *PACKAGES)}
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(path, modules) for name, path in modules.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node], _ = 1, stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target in edges and target not in state and (found := visit(target)):
                return found
        state[node], _ = 2, stack.pop()
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_there_are_no_import_cycles() -> None:
    assert cycle(graph()) is None, " -> ".join(cycle(graph()))


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_kb_imports_nothing_from_trainer_ui_or_pages() -> None:
    offending = {(module, target) for module, targets in graph().items() if module.split(".")[0] == "kb"
                 for target in targets if target.split(".")[0] in ("trainer", "ui", "ui_pages", "streamlit")}
    assert offending == set()


def test_trainer_knows_nothing_about_streamlit_or_pages() -> None:
    offending = {(module, target) for module, targets in graph().items() if module.split(".")[0] == "trainer"
                 for target in targets if target.split(".")[0] in ("ui", "ui_pages", "streamlit")}
    assert offending == set()
