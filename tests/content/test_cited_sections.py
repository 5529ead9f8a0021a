"""An answer that cites a section of a standard (规范3.1.2.1, "2020 CI Definitions, 3.3.1") lists
that section among its sources, so the citation check (引用检查) and the article that opens in the
app are the ones the answer relies on. The sections were once cited in the text only."""

from __future__ import annotations

import re
from pathlib import Path

from kb import ContentSet
from kb.regulations.library import parse_document
from tests.content.texts import CONTENT

_SECTION = re.compile(r"(?<![\d.])\d\.\d+(?:\.\d+)*(?![\d.%倍万元])")


def _sectioned_documents() -> set[str]:
    """Ids of the library's documents numbered by sections (1, 2.3, 3.1.2.1) rather than 第X条."""
    documents = (parse_document(path.read_text(encoding="utf-8"), path.name)[0]
                 for path in sorted(Path(CONTENT, "regulations").glob("*.md")))
    return {doc.id for doc in documents if doc is not None and doc.structure == "sections"}


def test_the_sections_are_found_in_a_citing_sentence() -> None:
    assert _SECTION.findall("（规范3.1.1.1、3.1.2.1）；保额的30%，1.5倍") == ["3.1.1.1", "3.1.2.1"]


def test_every_section_an_answer_cites_is_among_its_sources(pack: ContentSet) -> None:
    sectioned = _sectioned_documents()
    assert {"L2-01", "L2-02"} <= sectioned
    unlisted, checked = [], 0
    for entry in pack.entries.values():
        listed = {source.article for source in entry.sources if source.document_id in sectioned}
        if not listed:
            continue
        for field, text in (("answer", entry.answer), ("en.answer", (entry.en or {}).get("answer", ""))):
            checked += 1
            unlisted += [f"{entry.file}: {entry.id} {field}: {s}" for s in _SECTION.findall(text or "")
                         if s not in listed]
    assert checked > 20
    assert unlisted == []
