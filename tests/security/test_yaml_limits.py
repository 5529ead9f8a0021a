"""Findings 2, 9 and 10: a pasted YAML file can neither crash the server, hang it, nor take down search."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kb.yaml_source import MAX_DEPTH, MAX_YAML_CHARS, parse_yaml
from tests.security.conftest import ROOT, page, shown

DEEP_FLOW = "x: " + "[" * 50_000 + "]" * 50_000
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_000, 20_000, 50_000])
def test_deep_flow_nesting_is_a_problem_with_a_line_not_a_crash(depth):
    data, problems = parse_yaml("title: ok\nx: " + "[" * depth + "]" * depth, "scenarios/deep.yaml")
    assert data is None
    [problem] = problems
    assert (problem.file, problem.line) == ("scenarios/deep.yaml", 2) and "nested too deeply" in problem.message


def test_deep_block_nesting_is_refused_too():
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + " " * (MAX_DEPTH + 5) + "v\n"
    assert "nested too deeply" in parse_yaml(text, "f.yaml")[1][0].message


def test_a_file_larger_than_the_limit_is_refused_before_parsing():
    [problem] = parse_yaml("x: " + "a" * MAX_YAML_CHARS, "f.yaml")[1]
    assert "too large" in problem.message


def test_the_50000_bracket_paste_does_not_kill_the_process():
    """The attack SIGSEGVed the interpreter: run it in a child so a crash fails this test instead of pytest."""
    code = ("from kb.yaml_source import parse_yaml\n"
            f"print(parse_yaml('x: ' + '[' * 50000 + ']' * 50000, 'f.yaml')[1][0].message)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "nested too deeply" in run.stdout


def test_an_alias_bomb_is_refused_at_its_first_alias():
    data, [problem] = parse_yaml(ALIAS_BOMB, "scenarios/bomb.yaml")
    assert data is None and problem.line == 2 and "aliases" in problem.message


@pytest.mark.parametrize("text, line", [
    ("title: ok\nn: " + "9" * 5_000 + "\n", 2),             # int() refuses > 4,300 digits
    ("title: ok\nwhen: 2023-02-30\n", 2),                    # impossible date
    ("? [1, 2]\n: x\n", 1),                                  # unhashable key
    ("a: !!binary 'a'\n", 1),                                # broken base64
    ("a: !!python/object:os.system x\n", 1),                 # no code from content, ever
    ("a: 1\n\x00", 2),                                       # a control character
])
def test_values_python_refuses_become_problems_with_their_line(text, line):
    data, [problem] = parse_yaml(text, "faq/x.yaml")
    assert data is None and problem.file == "faq/x.yaml" and problem.line == line


def test_one_huge_number_in_a_content_file_keeps_search_serving_the_last_good_content(kb):
    good = kb.search("犹豫期有多长", k=1)[0].id
    claims = kb.settings.content_dir / "faq" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\nextra: " + "7" * 4_301 + "\n", encoding="utf-8")
    problems = kb.reload()
    assert problems and problems[0].file == "faq/claims.yaml" and "unusable value" in problems[0].message
    assert kb.search("犹豫期有多长", k=1)[0].id == good


def test_kb_validate_prints_the_problem_not_a_traceback(content_dir):
    claims = content_dir / "faq" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\nextra: " + "7" * 4_301 + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kb", "validate", str(content_dir)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    assert "faq/claims.yaml:" in run.stdout + run.stderr


def test_scenario_editor_survives_the_deep_paste_and_the_alias_bomb(app_env, instructor):
    at = page("ui_pages/scenario_editor.py", instructor)
    at.text_input(key="scenario_new_id").input("deep-paste").run()
    [box] = [t for t in at.text_area if t.key.startswith("scenario_text_")]
    assert box.max_chars < len(DEEP_FLOW)  # the 100,000-character paste does not even get in
    deep_but_short = "x: " + "[" * 20_000 + "]" * 20_000
    for attack, words in ((deep_but_short, "嵌套层次过深"), (ALIAS_BOMB, "不允许使用别名")):  # the Chinese UI
        next(t for t in at.text_area if t.key.startswith("scenario_text_")).input(attack).run()
        assert not at.exception
        assert words in shown(at)
        assert at.button(key="scenario_save").disabled
