"""The library as shipped: every document parses, and its article count matches its own text."""

import re
from pathlib import Path

import pytest

from kb.regulations.library import Library, build_library, load_library, parse_article_ref
from kb.regulations.numbering import NUMERAL_CHARS, parse_number, write_number
from kb.regulations.parser import follows
from tests.problems import untranslated

CONTENT = Path(__file__).resolve().parents[3] / "content"
_ARTICLE_LINE = re.compile(rf"^第([{NUMERAL_CHARS}]+)条[ \u3000]", re.M)
_SECTION_LINE = re.compile(r"^(\d+(?:\.\d+)*) (?![级个天日年岁周倍次%％赫分米])", re.M)


@pytest.fixture(scope="module")
def library() -> Library:
    library, problems = load_library(CONTENT)
    assert problems == []
    return library


def test_numbers_round_trip():
    for value in (1, 10, 11, 20, 21, 100, 101, 105, 110, 116, 185, 238):
        assert parse_number(write_number(value)) == value
    assert write_number(105) == "一百零五" and write_number(116) == "一百一十六"


def test_library_holds_the_31_documents(library):
    assert len(library.documents) == 31
    assert {"L1-01", "L1-12", "L2-01", "JI-2", "JI-3"} <= set(library.documents)
    assert 1500 <= len(library.articles()) <= 2000


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in (CONTENT / "regulations").glob("*.md")))
def test_article_count_matches_the_text(library, doc_id):
    """Every 第X条 / numbered section line of the file is one article, numbered 1…n without gaps."""
    document = library.documents[doc_id]
    text = (CONTENT / "regulations" / f"{doc_id}.md").read_text(encoding="utf-8")
    if document.structure == "articles":
        numbers = [parse_number(n) for n in _ARTICLE_LINE.findall(text)]
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(document.articles) == len(numbers)
    elif document.structure == "sections":
        labels = [tuple(map(int, a.label.split("."))) for a in document.articles if a.label != "前言"]
        assert all(follows(before, after) for before, after in zip([()] + labels, labels))
        assert set(_SECTION_LINE.findall(text)) >= {a.label for a in document.articles if a.label != "前言"}
    else:
        assert [a.label for a in document.articles if a.label.endswith("、")][0] == "一、"


def test_disease_standard_has_its_28_severe_3_mild_diseases_9_exclusions_and_14_terms(library):
    labels = [a.label for a in library.documents["L2-01"].articles]
    def under(prefix):
        return [label for label in labels if label.startswith(prefix) and label.count(".") == prefix.count(".")]
    assert (len(under("3.1.1.")), len(under("3.1.2.")), len(under("3.2.")), len(under("3.3.")), len(under("4."))) == (28, 3, 9, 14, 31)


def test_known_articles_have_their_text(library):
    article = library.article("保险法", "第16条")
    assert article.label == "第十六条" and article.chapter == "第二章 保险合同" and article.section == "第一节 一般规定"
    assert "超过三十日不行使而消灭" in article.text
    assert len(article.clauses) == 7  # 保险法第十六条 has seven 款
    complaint = library.article("投诉办法", "第十八条")
    assert complaint.document_id == "L1-12" and "15日内" in complaint.text
    stroke = library.article("重疾规范", "3.1.1.3")
    assert stroke.text.startswith("严重脑中风后遗症") and "180天" in stroke.text
    assert library.article("L2-03", "第二项").label == "二、"
    assert library.article("L1-23", "（十八）") is not None


def test_duplicated_upstream_texts_are_kept_once(library):
    """L1-04 and others were stored twice upstream; the library keeps one copy and the full last article."""
    assert len(library.documents["L1-04"].articles) == 72
    assert "同时废止" in library.article("L1-04", "第七十二条").text
    text = (CONTENT / "regulations" / "L1-04.md").read_text(encoding="utf-8")
    assert text.count("第一条 为了促进健康保险的发展") == 1


def test_no_web_or_pdf_residue(library):
    for path in (CONTENT / "regulations").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "MicrosoftInternetExplorer" not in text and "NFRA docId" not in text, path.name
        assert not re.search(r"^\d{1,3}$", text, re.M), f"{path.name}: bare page number"


def test_citation_strings():
    assert parse_article_ref("articles", "第十六条第二款").clause == 2
    ref = parse_article_ref("articles", "第16条第1款第(2)项")
    assert (ref.label, ref.clause, ref.item) == ("第十六条", 1, 2)
    assert str(ref) == "第十六条第一款第（二）项"
    assert parse_article_ref("sections", "3.1.1.3").label == "3.1.1.3"
    assert parse_article_ref("points", "一").label == "一、"
    assert parse_article_ref("points", "（三）").label == "（三）"
    assert parse_article_ref("articles", "第五点五条") is None


FRONT = """---
id: {id}
title: 测试办法
short_name: {short}
document_number: 测试令2024年第1号
issuer: 测试机关
effective: '2024-01-01'
status: {status}
structure: articles
---

# 测试办法

## 第一章 总则

第一条 为了测试，制定本办法。

第二条 保险公司应当在十日内答复。
前款期限可以延长五日。
（一）情形复杂的；
（二）其他情形。

{extra}
"""


def test_misnumbered_article_is_reported_with_its_line():
    text = FRONT.format(id="T1-01", short="测试", status="current", extra="第四条 跳过了第三条。")
    library, problems = build_library([("regulations/T1-01.md", text)])
    assert len(problems) == 1
    line = text.splitlines().index("第四条 跳过了第三条。") + 1
    assert problems[0].line == line and "expected 第三条" in problems[0].message
    assert str(problems[0]).startswith(f"regulations/T1-01.md:{line}:")
    second = library.article("T1-01", "第二条")
    assert [c.items for c in second.clauses] == [(), ("（一）情形复杂的；", "（二）其他情形。")]


def test_superseded_document_must_name_its_replacement():
    text = FRONT.format(id="T1-01", short="测试", status="superseded", extra="")
    _, problems = build_library([("regulations/T1-01.md", text)])
    assert [p.field for p in problems] == ["superseded_by"]
    assert problems[0].line == 8  # the status line


def test_two_documents_may_not_share_a_name():
    first = FRONT.format(id="T1-01", short="测试", status="current", extra="")
    second = FRONT.format(id="T1-02", short="测试", status="current", extra="")
    _, problems = build_library([("regulations/T1-01.md", first), ("regulations/T1-02.md", second)])
    assert any("also used by T1-01" in p.message for p in problems)
    assert untranslated(problems) == []


def test_front_matter_problems_are_in_chinese_too():
    bad = FRONT.format(id="t1", short="测试", status="draft", extra="第一条 甲。\n第一条 乙。")
    _, problems = build_library([("regulations/T1-01.md", bad), ("regulations/T1-02.md", "no front matter"),
                                 ("regulations/T1-03.md", "---\n- a list\n---\n")])
    assert {p.field for p in problems} >= {"id", "status", "article"} and len(problems) >= 6
    assert untranslated(problems) == []


@pytest.mark.parametrize("query, expected", [
    ("保险法第十六条", ("L1-01", "第十六条")),
    ("《保险法》第16条说的是什么", ("L1-01", "第十六条")),
    ("保险法的第三十六条 宽限期", ("L1-01", "第三十六条")),
    ("保险法16条", ("L1-01", "第十六条")),
    ("保险法司法解释三第十八条", ("JI-3", "第十八条")),  # the longest name wins over 保险法
    ("重疾规范 3.1.1.3 脑中风", ("L2-01", "3.1.1.3")),
])
def test_an_article_named_by_document_and_number_is_found(library, query, expected):
    from kb.regulations.named import named_article
    article = named_article(library, query)
    assert article is not None and (article.document_id, article.label) == expected


@pytest.mark.parametrize("query", ["保险法第二百条", "第十六条", "保险法规定的宽限期多久", "保险法有16条规定"])
def test_no_article_is_named_without_an_existing_document_and_number(library, query):
    from kb.regulations.named import named_article
    assert named_article(library, query) is None
