"""A term typed alone finds the articles the FAQ cites for it (qa29 R1), and a named law without one is said so (R2)."""

from pathlib import Path

import pytest

from kb.content import ContentSet, load_content
from kb.regulations.term_articles import term_articles

CONTENT = Path(__file__).resolve().parents[3] / "content"


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load_content(CONTENT)


def found(content: ContentSet, query: str):
    return term_articles(query, content.glossary, content.entries, content.library, content.other_lines)


@pytest.mark.parametrize("query", ["犹豫期", "犹豫期的规定", "犹豫期一个月"])
def test_a_bare_cooling_off_term_opens_on_the_article_that_sets_it(content, query) -> None:
    """qa29 R1: the gate refused all three (法规库中没有可靠匹配的条文)."""
    result = found(content, query)
    assert result is not None and result.term == "犹豫期"
    first = result.articles[0]
    assert (content.library.documents[first.document_id].short_name, first.label) == ("健康保险管理办法", "第十五条")
    assert all("犹豫期" in article.text for article in result.articles), "保险法第十五条 is cited for it but sets no 犹豫期"


@pytest.mark.parametrize("query", ["宽限期", "保险法 宽限期"])
def test_the_grace_period_opens_on_the_insurance_law_article_that_never_names_it(content, query) -> None:
    """qa29 R1: 宽限期 found 保险销售行为管理办法第二十五条 first; 保险法第三十六条 says 六十日, not 宽限期."""
    result = found(content, query)
    assert result is not None and result.articles[0].key == "L1-01 第三十六条"
    assert result.missing_from == "", "保险法 sets the 宽限期: nothing is said to be missing"


def test_a_named_law_with_no_article_on_the_term_is_said_to_have_none(content) -> None:
    """qa29 R2: 保险法 犹豫期 read 法规库中没有可靠匹配的条文; 保险法 has no 犹豫期 article (facts.md §2)."""
    result = found(content, "保险法 犹豫期")
    assert result is not None and result.missing_from == "保险法"
    assert result.articles[0].key.startswith("L1-04 ")
    other = found(content, "健康保险管理办法 犹豫期")
    assert other is not None and other.term == "犹豫期" and other.missing_from == "", "健康保险 is part of the name"


@pytest.mark.parametrize("query", ["犹豫期 法律规定几天", "保险法第十五条", "我在犹豫期里退保能退多少钱"])
def test_more_than_a_term_is_searched_as_before(content, query) -> None:
    assert found(content, query) is None


@pytest.mark.parametrize("query", ["车险犹豫期", "车险的犹豫期", "交强险犹豫期", "家财险 宽限期"])
def test_a_term_of_another_line_of_business_is_searched_as_before(content, query) -> None:
    """regs53 (noticed): 车险犹豫期 opened on the life-insurance 犹豫期 articles (车险 is within the three characters a
    bare term may carry); the gate refuses it as typed (content/scope.yaml other_lines: 车险 is not this hotline's)."""
    assert found(content, query) is None
    assert term_articles(query, content.glossary, content.entries, content.library) is not None, "without the lines"


def test_a_life_product_beside_the_term_is_still_the_bare_term(content) -> None:
    assert found(content, "意外险犹豫期") is not None
