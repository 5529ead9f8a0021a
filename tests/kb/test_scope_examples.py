"""Out-of-scope examples marked faq_only: the FAQ search reads them, the regulation gate does not."""

from __future__ import annotations

from pathlib import Path

from kb.content import collect_content


def test_faq_only_examples_stay_out_of_the_regulation_gate(content_dir: Path) -> None:
    scope = content_dir / "scope.yaml"
    scope.write_text("out_of_scope:\n"
                     "  - {domain: 车险, q: 交强险过期了怎么补}\n"
                     "  - {domain: 农业险, q: 果树遭了冰雹减产 农业保险怎么定损, faq_only: true}\n", encoding="utf-8")
    content, problems = collect_content(content_dir)
    assert not problems
    assert content.out_of_scope == ("交强险过期了怎么补", "果树遭了冰雹减产 农业保险怎么定损")
    assert content.regulation_out_of_scope == ("交强险过期了怎么补",)


def test_a_faq_only_that_is_not_a_yes_or_no_is_refused_with_its_line(content_dir: Path) -> None:
    (content_dir / "scope.yaml").write_text("out_of_scope:\n  - {domain: 车险, q: 交强险过期了怎么补, faq_only: 是}\n",
                                            encoding="utf-8")
    _, problems = collect_content(content_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [("scope.yaml", 2, "faq_only")]


def test_the_regulation_search_compares_with_the_shared_examples_only(real_kb) -> None:
    faq_only = set(real_kb.content.faq_only_scope)
    assert faq_only, "the real content marks some examples faq_only"
    searchers = real_kb._snapshot  # noqa: SLF001 - which examples each collection's searcher was given
    assert set(searchers.regulation_searcher.scope_examples.examples) == set(real_kb.content.regulation_out_of_scope)
    assert faq_only <= set(searchers.searcher.scope.examples)


def test_a_misspelt_flag_is_reported_not_ignored(content_dir: Path) -> None:
    (content_dir / "scope.yaml").write_text("out_of_scope:\n  - {domain: 车险, q: 交强险过期了怎么补, faq_olny: true}\n",
                                            encoding="utf-8")
    content, problems = collect_content(content_dir)
    assert [(p.line, p.field) for p in problems] == [(2, "faq_olny")]
    assert content.regulation_out_of_scope == ("交强险过期了怎么补",)
