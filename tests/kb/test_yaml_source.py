"""Reading a content file a second time: the same data and line numbers, a copy of its own, no re-parse."""

from __future__ import annotations

import pytest

from kb import yaml_source
from kb.text import keyword_tokens
from kb.yaml_source import parse_yaml
from tests.problems import untranslated

TEXT = "entries:\n  - id: cooling-off-length\n    question: 犹豫期有多长\n    keywords: [犹豫期]\n"


def test_a_text_read_again_gives_equal_data_with_its_lines_and_a_copy_of_its_own() -> None:
    first, problems = parse_yaml(TEXT, "faq/policy.yaml")
    assert problems == []
    first["entries"][0]["question"] = "changed by a caller"
    first["entries"][0]["keywords"].append("冷静期")
    again, _ = parse_yaml(TEXT, "faq/policy.yaml")
    entry = again["entries"][0]
    assert entry["question"] == "犹豫期有多长" and entry["keywords"] == ["犹豫期"], "a caller's change leaks to no one"
    assert entry.line == 2 and entry.line_of("question") == 3, "line numbers survive for error messages"


def test_a_text_read_again_is_not_parsed_again_and_problems_still_name_file_and_line() -> None:
    bad = "entries:\n  - id: a\n    id: b\n"
    _, problems = parse_yaml(bad, "faq/bad.yaml")
    before = yaml_source._parsed.cache_info().hits
    _, again = parse_yaml(bad, "faq/bad.yaml")
    assert yaml_source._parsed.cache_info().hits == before + 1
    assert again == problems and again[0].file == "faq/bad.yaml" and again[0].line == 3


def test_keyword_tokens_of_a_text_seen_before_are_a_fresh_list() -> None:
    tokens = keyword_tokens("犹豫期退保")
    tokens.append("x")
    assert keyword_tokens("犹豫期退保") == tokens[:-1]


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "[" * 200 + "]" * 200, "a: 'x\udc80'\n"])
def test_a_file_that_cannot_be_read_is_explained_in_chinese_too(text: str) -> None:
    _, problems = parse_yaml(text, "faq/claims.yaml")
    assert problems and untranslated(problems) == []
