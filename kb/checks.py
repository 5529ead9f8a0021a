"""Content checks that other packages plug into `python -m kb validate`; kb imports none of them.

A check is a function (content root, the loaded `ContentSet`) -> list of `Problem`s. Which
checks run is configured by name in `settings.content_checks` ("module:function"), which by
default names the trainer's scenario-schema check: kb stays independent of the trainer while
`kb validate` still reports every problem of the content folder.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Sequence

from kb.content import ContentSet, collect_content
from kb.yaml_source import Problem

ContentCheck = Callable[[Path, ContentSet], list[Problem]]


def load_check(name: str) -> ContentCheck:
    """The check called `name` ("package.module:function"); ValueError saying what is wrong."""
    module_name, _, function_name = name.partition(":")
    if not module_name or not function_name:
        raise ValueError(f"content check {name!r}: expected 'module:function'")
    try:
        check = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as err:
        raise ValueError(f"content check {name!r} cannot be loaded: {err}") from err
    if not callable(check):
        raise ValueError(f"content check {name!r} is not a function")
    return check


def checked_content(root: Path, checks: Sequence[ContentCheck] = ()) -> tuple[ContentSet, list[Problem]]:
    """The content set at `root` and every problem in it: kb's own checks, then each plugged-in check."""
    content, problems = collect_content(root)
    for check in checks:
        problems = problems + check(root, content)
    return content, problems
