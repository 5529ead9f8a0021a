"""引用检查 data: uses per article, citations outside the library, entries citing nothing."""

from kb.content import load_content
from trainer.editing.citations import citation_overview

QUIZ = """items:
  - id: q-lapse-grace-1
    type: true_false
    prompt: 宽限期内出险，保险公司仍应承担保险责任。
    answer: true
    explanation: 保险法第三十六条。
    entry: lapse-grace-period
"""


def test_article_uses_reach_quiz_items_through_their_entry(content_dir):
    (content_dir / "quizzes" / "lapse.yaml").write_text(QUIZ, encoding="utf-8")
    overview = citation_overview(load_content(content_dir))
    uses = overview.articles[("L1-01", "第三十六条")].uses
    assert "lapse-grace-period" in {u.item_id for u in uses if u.kind == "entry"}
    assert [(u.item_id, u.via) for u in uses if u.kind == "quiz"] == [("q-lapse-grace-1", "lapse-grace-period")]
    assert any(s.doc == "健康保险管理办法" for _, s in overview.outside_library), "not in the fixture library"
    assert overview.citing_nothing and all(all(not s.document_id for s in e.sources) for e in overview.citing_nothing)
    row = next(r for r in overview.rows() if r["article"] == "第三十六条")
    assert "lapse-grace-period" in row["entries"] and row["quiz items"] == "1"


def test_articles_are_listed_in_the_documents_order_not_by_their_characters(content_dir):
    """QA 2026-12-04: 第三十七条 came before 第二十三条 (sorted as text: 三 < 二); an instructor reads
    a document's articles in its own order."""
    rows = citation_overview(load_content(content_dir)).rows()
    insurance_law = [r["article"] for r in rows if r["document"] == "L1-01"]
    assert insurance_law == ["第二十三条", "第二十四条", "第二十六条", "第三十六条", "第三十七条"], insurance_law
