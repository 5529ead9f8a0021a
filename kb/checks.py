"""Content checks and build steps that other packages plug into `python -m kb validate` and
`python -m kb build`; kb imports none of them.

A check is a function (content root, the loaded `ContentSet`) -> list of `Problem`s. Which
checks run is configured by name in `settings.content_checks` ("module:function"), which by
default names the trainer's scenario-schema check: kb stays independent of the trainer while
`kb validate` still reports every problem of the content folder. A build step is a function
(content root, encoder, settings) -> None that `kb build` runs after the index, named in
`settings.build_steps` (by default: train the practice-call judge).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Sequence

from kb.content import ContentSet, collect_content
from kb.yaml_source import Problem, distinct

ContentCheck = Callable[[Path, ContentSet], list[Problem]]
BuildStep = Callable[..., None]


def _load_function(name: str, what: str) -> Callable:
    """The function called `name` ("package.module:function"); ValueError naming `what` and the problem."""
    module_name, _, function_name = name.partition(":")
    if not module_name or not function_name:
        raise ValueError(f"{what} {name!r}: expected 'module:function'")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as err:
        raise ValueError(f"{what} {name!r} cannot be loaded: {err}") from err
    if not callable(function):
        raise ValueError(f"{what} {name!r} is not a function")
    return function


def load_check(name: str) -> ContentCheck:
    """The content check called `name` ("package.module:function"); ValueError saying what is wrong."""
    return _load_function(name, "content check")


def load_build_step(name: str) -> BuildStep:
    """The build step called `name` ("package.module:function"); ValueError saying what is wrong."""
    return _load_function(name, "build step")


def checked_content(root: Path, checks: Sequence[ContentCheck] = ()) -> tuple[ContentSet, list[Problem]]:
    """The content set at `root` and every problem in it: kb's own checks, then each plugged-in check."""
    content, problems = collect_content(root)
    for check in checks:
        problems = problems + check(root, content)
    return content, distinct(problems)
