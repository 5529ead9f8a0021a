"""The citation migration rewrites spelling only, keeps meaning, and can be re-run."""

from pathlib import Path

from kb.content import load_content
from kb.regulations.migrate_citations import main


def test_names_become_library_ids_and_rerun_changes_nothing(content_dir: Path, tmp_path: Path):
    claims = content_dir / "faq" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("article: 第二十三条}", "article: 第23条}"), encoding="utf-8")
    before = {e.id: [(s.document_id or s.doc, s.article) for s in e.sources] for e in load_content(content_dir).entries.values()}
    report = tmp_path / "report.md"
    assert main([str(content_dir), "--report", str(report)]) == 0
    text = claims.read_text(encoding="utf-8")
    assert "{doc: L1-01, article: 第二十三条}" in text and "保险法" not in text.split("sources")[1].split("\n")[1]
    after = {e.id: [(s.document_id or s.doc, s.article) for s in e.sources] for e in load_content(content_dir).entries.values()}
    assert after == before
    assert "健康保险管理办法" in report.read_text(encoding="utf-8"), "a document outside the fixture library is reported"
    assert main([str(content_dir), "--check"]) == 0
