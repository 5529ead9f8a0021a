"""Finding 8 and the surrogate finding: what an agent types is bounded everywhere and parsed in linear time."""

from __future__ import annotations

import ast
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from kb.chinese_text import quantities
from kb.text import MAX_TYPED_CHARS, normalize
from trainer.dialogue.session import MAX_REPLY_CHARS
from tests.security.conftest import ROOT

# Widgets that take free input, and the keyword that bounds each.
BOUNDS = {"text_input": "max_chars", "text_area": "max_chars", "chat_input": "max_chars",
          "file_uploader": "max_upload_size"}


@contextmanager
def hang_guard(seconds: int):
    """Fail instead of hanging when an attack input makes a parser take minutes (not a speed target)."""
    def stop(*_):
        raise AssertionError(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("attack", ["1" * 100_000, "1" * 50_000 + "天", "1." * 50_000, "一" * 100_000,
                                    "1 " * 50_000, "百分之" * 30_000, "1" + " " * 100_000 + "x"])
def test_the_quantity_parser_is_linear_on_hostile_replies(attack):
    with hang_guard(20):  # the old pattern took over 90 s on 100,000 digits
        found = quantities(attack)
    assert isinstance(found, list)


def test_a_long_digit_run_followed_by_a_unit_is_still_one_quantity():
    [found] = quantities("宽限期是" + "0" * 10 + "60天")
    assert found.unit == "日" and found.value == 60


def test_a_practice_reply_is_cut_to_the_limit_and_tolerates_lone_surrogates(real_kb):
    from trainer.dialogue.loading import read_scenarios
    from trainer.dialogue import DialogueSession
    from tests.conftest import REAL_CONTENT

    scenarios, _ = read_scenarios(REAL_CONTENT, real_kb.content.entries)
    session = DialogueSession(next(iter(scenarios.values())), real_kb)
    session.start()
    with hang_guard(60):
        session.reply("\ud800您好" + "1" * 100_000)
    agent = [u for u in session.transcript if u.speaker == "agent"][-1]
    assert len(agent.text) <= MAX_REPLY_CHARS and "\ud800" not in agent.text


def test_a_search_with_lone_surrogates_answers_instead_of_raising(real_kb):
    for query in ["\ud800", "宽限期\udfff多久", "\udc00" * 300]:
        real_kb.search(query, k=3)
    assert "\ud800" not in normalize("a\ud800b")


def free_input_calls() -> list[tuple[str, int, str, set[str]]]:
    calls = []
    for folder in ("ui_pages", "ui"):
        for path in sorted((ROOT / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BOUNDS:
                    calls.append((str(path.relative_to(ROOT)), node.lineno, node.func.attr,
                                  {k.arg for k in node.keywords}))
    return calls


def test_every_text_box_chat_box_and_uploader_is_bounded():
    calls = free_input_calls()
    assert len(calls) > 20  # the scan found the app's widgets
    unbounded = [f"{path}:{line} {widget}" for path, line, widget, keywords in calls if BOUNDS[widget] not in keywords]
    assert unbounded == []


def test_the_search_box_bound_is_above_what_search_reads():
    from kb.text import MAX_QUERY_CHARS
    assert MAX_QUERY_CHARS < MAX_TYPED_CHARS
