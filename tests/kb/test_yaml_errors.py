"""PyYAML's common syntax problems said in Chinese with the file and line kept; others keep the parser's text."""

from __future__ import annotations

import pytest

from kb.yaml_source import parse_yaml


@pytest.mark.parametrize("text, line, chinese", [
    ("a: b: c\n", 1, "这里不能再出现“: ”"),
    ("a: 1\nb\nc: 2\n", 3, "找不到应有的冒号"),
    ("a:\n\tb: 1\n", 2, "出现了制表符（Tab）"),
    ("a: @x\n", 1, "字符“@”不能出现在值的开头"),
    ("x: 1\na: \"abc\nb: 2\n", 4, "第 2 行开始的引号"),
    ("a: 'abc\nb: 2\n", 3, "第 1 行开始的引号"),
    ("a: [1, 2\nb: 3\n", 2, "方括号“[ ]”没有闭合"),
    ("a: {x: 1\nb: 3\n", 2, "花括号“{ }”没有闭合"),
    ("a:\n  b: 1\n c: 2\n", 3, "缩进与上下行不一致"),
    ("a: \"\\q\"\n", 1, "无法识别的转义"),
    ("a: 1\n---\nb: 2\n", 2, "只能有一个 YAML 文档"),
    ("a: \x07\n", 1, "控制字符"),
])
def test_common_problems_are_said_in_chinese_with_the_line_the_english_unchanged(text, line, chinese):
    [problem] = parse_yaml(text, "faq/x.yaml")[1]
    assert problem.line == line
    assert problem.zh().startswith(f"faq/x.yaml:{line}: YAML 格式错误：") and chinese in problem.zh(), problem.zh()
    assert not any(c.isascii() and c.isalpha() for c in problem.zh_message().replace("YAML", "").replace("Tab", "")), \
        "no English left in the Chinese line"
    assert str(problem).startswith(f"faq/x.yaml:{line}: malformed YAML: ")


def test_a_duplicate_key_is_still_said_in_chinese():
    [problem] = parse_yaml("a: 1\na: 2\n", "faq/x.yaml")[1]
    assert problem.zh() == "faq/x.yaml:2: a: 同一项中这个字段出现了两次"


def test_a_problem_not_worded_keeps_the_parsers_text(monkeypatch):
    import kb.yaml_errors as errors
    monkeypatch.setattr(errors, "WORDED", ())
    [problem] = parse_yaml("a: [1, 2\nb: 3\n", "faq/y.yaml")[1]
    assert problem.zh() == "faq/y.yaml:2: YAML 格式错误：did not find expected ',' or ']'"
