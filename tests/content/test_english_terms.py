"""The English the app shows names a legal term the way the content's English names it, everywhere.

保险法第三十六条's 催告 is the insurer's demand for payment after the premium falls due; a "reminder" is the service
notice before the due date (缴费提示, 基本服务规定第二十一条; the glossary's `payment-reminder` group, the `reminder` tag
续期提醒). audit49 B13 fixed one FAQ answer that called the 催告 a reminder, but its rule reads only the texts agents
read out, and three English quiz items (four texts) kept "the reminder" for the 30 days of art. 36 (content50). This
reads every English text of the content files and the UI's own strings (ui/, ui_pages/, kb/schema.py's names).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from tests.content.texts import CONTENT

ROOT = CONTENT.parent
UI_SOURCES = (*sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "ui_pages").glob("*.py")), ROOT / "kb" / "schema.py")

# Art. 36's 30 days counted from a "reminder", or 催告 glossed as one.
DEMAND_CALLED_REMINDER = re.compile(
    r"reminder\W{0,3}\(\s*催告"
    r"|(?:30|thirty|_{2,}) days (?:after|from) (?:the |a |an )?(?:insurer'?s )?(?:premium |payment )?reminder"
    r"|(?:from|after) the insurer'?s (?:premium |payment )?reminder", re.IGNORECASE)
DEMAND = re.compile(r"demand for payment \(催告")


def _english_of(node: object, in_english: bool = False) -> Iterator[str]:
    """Every string under an `en:` block or a `…_en` key of a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _english_of(value, in_english or key == "en" or str(key).endswith("_en"))
    elif isinstance(node, list):
        for value in node:
            yield from _english_of(value, in_english)
    elif isinstance(node, str) and in_english:
        yield node


def content_english() -> list[tuple[str, str]]:
    """(file, text) for every English text of the content folder."""
    return [(str(path.relative_to(CONTENT)), text) for path in sorted(CONTENT.rglob("*.yaml"))
            for text in _english_of(yaml.safe_load(path.read_text(encoding="utf-8")))]


def ui_strings() -> list[tuple[str, str]]:
    """(file, text) for every string constant of the UI's modules (tr()'s English among them)."""
    return [(str(path.relative_to(ROOT)), node.value) for path in UI_SOURCES
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def called_a_reminder(texts: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {match.group(0)!r} in {text[:120]!r}" for where, text in texts
            for match in DEMAND_CALLED_REMINDER.finditer(text)]


def test_the_article_36_demand_is_never_called_a_reminder_in_english() -> None:
    texts = content_english() + ui_strings()
    assert called_a_reminder(texts) == []
    assert sum(bool(DEMAND.search(text)) for _, text in texts) >= 3, "no English text names the 催告: the check reads nothing"


def test_a_demand_called_a_reminder_is_found() -> None:
    """The checker, on the wordings main had."""
    for text in ("30 days is the case counted \"from the insurer's reminder\".",
                 "more than ____ days after the insurer's reminder, or more than 60 days after the agreed time",
                 "more than 30 days after the reminder, or more than 60 days",
                 "unpaid more than 30 days after the insurer's reminder (催告), or"):
        assert called_a_reminder([("example", text)]), text
    assert called_a_reminder([("example", "The premium reminder is a service requirement (Basic Service Rules "
                                          "art. 21) and does not change the due date.")]) == []
