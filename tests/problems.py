"""Checks on validation problems shared by the content tests."""

from __future__ import annotations

import re
from typing import Iterable

from kb.yaml_source import Problem

_CJK = re.compile(r"[\u4e00-\u9fff]")


def untranslated(problems: Iterable[Problem]) -> list[str]:
    """The problems an instructor on the Chinese UI would read in English only (none expected).

    The editor pages show `problem.zh()`: a message without a Chinese wording falls back to the
    English one there."""
    return [str(p) for p in problems if not _CJK.search(p.zh_message())]
