"""Roles are written once, in ui/pages.py, and every page enforces exactly those (behaviour: test_signin.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.pages import PAGES, page_spec

ROOT = Path(__file__).resolve().parents[2]


def module_calls(path: Path) -> list[ast.Call]:
    """Calls made by the page's own top-level statements (not inside its functions)."""
    calls = []
    for statement in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
            calls += [node for node in ast.walk(statement) if isinstance(node, ast.Call)]
    return calls


def name_of(call: ast.Call) -> str:
    return getattr(call.func, "id", getattr(call.func, "attr", ""))


def test_every_page_file_is_registered_and_every_registered_page_exists() -> None:
    on_disk = {f"ui_pages/{p.name}" for p in (ROOT / "ui_pages").glob("*.py") if p.name != "__init__.py"}
    assert on_disk == {spec.path for spec in PAGES}


@pytest.mark.parametrize("path", [spec.path for spec in PAGES])
def test_the_page_checks_its_registered_roles_first(path: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    calls = module_calls(ROOT / path)
    checks = [c for c in calls if name_of(c) == "require_page_user"]
    assert len(checks) == 1, f"{path} must call require_page_user(__file__) once"
    assert [ast.unparse(a) for a in checks[0].args] == ["__file__"]
    assert "require_user(" not in source, f"{path} must not write its roles again"
    streamlit_calls = [c for c in calls if ast.unparse(c.func).startswith("st.")]
    assert all(c.lineno > checks[0].lineno for c in streamlit_calls), f"{path} shows something before the check"


def test_the_check_reads_the_registry() -> None:
    assert page_spec(str(ROOT / "ui_pages/admin.py")).roles == ("admin",)
    assert set(page_spec(str(ROOT / "ui_pages/search.py")).roles) == {"agent", "instructor", "admin"}
    with pytest.raises(KeyError, match="not registered"):
        page_spec(str(ROOT / "app.py"))


def test_role_sections_use_the_role_names_the_user_form_uses() -> None:
    # the sidebar once said 教员 while the user form said 培训师 for the same role
    from trainer.users.accounts import ROLE_NAMES

    by_english = {en: zh for zh, en in ROLE_NAMES.values()}
    for spec in PAGES:
        if spec.section_en in by_english:
            assert spec.section_zh == by_english[spec.section_en], spec.path
    assert any(spec.section_en == "Instructor" for spec in PAGES)
