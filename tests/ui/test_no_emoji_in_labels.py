"""No text the app shows may need an emoji font: Debian's Chromium has none and draws an empty box
(the 👎 of 搜索反馈 and the ✅/❌ of a call report's findings were boxes, so a fault read like a good
point). Icons come from Streamlit's bundled Material Symbols (:material/…:) or plain text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN_CODE = [ROOT / "app.py", *sorted((ROOT / "ui_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
# Characters drawn from an emoji font by default (Unicode Emoji_Presentation, plus the emoji variation
# selector): the pictographs above U+1F000 and the BMP symbols that have no text form in common fonts.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615"
                   "\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA"
                   "\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757"
                   "\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55\uFE0F]")


def docstrings(tree: ast.AST) -> set[int]:
    """Ids of the docstring constants (not shown to users)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def emoji_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and EMOJI.search(node.value)]


def test_the_pattern_knows_the_emoji_that_were_boxes() -> None:
    assert all(EMOJI.search(c) for c in "👎👍✅❌🎧") and not EMOJI.search("★ ⚑ → ✓ ✗ 坐席")


def test_no_string_the_app_shows_needs_an_emoji_font() -> None:
    found = [hit for path in SHOWN_CODE for hit in emoji_strings(path)]
    assert not found, "\n".join(found)
