"""The FAQ search's results on a sample of queries, as recorded before the speed work of speed14.

Speed changes (kb.index postings, the typo corrector's lookups, fusion, the re-ranker's signals)
must not move a single hit: the sample's ids, shown scores, relevances, cosines, BM25 scores,
coverage, matched fields and highlights, in the app's search, the hit test's (threshold 0) and a
category-filtered one, including the queries that get no answer. The recording is tied to the
content and re-ranker it was made with (bench.search_equality.fingerprint); after a deliberate
content or ranking change, record it again:
    .venv/bin/python -m bench.search_equality --sample tests/kb/search_regression_sample.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.search_equality import fingerprint, records
from kb import KnowledgeBase

SAMPLE = Path(__file__).parent / "search_regression_sample.json"


def test_the_sample_searches_give_the_recorded_hits(real_kb: KnowledgeBase) -> None:
    recorded = json.loads(SAMPLE.read_text(encoding="utf-8"))
    if recorded["fingerprint"] != fingerprint(real_kb):
        pytest.skip("the sample was recorded for other content, re-ranker weights or encoder numerics (another CPU): record it again "
                    "(python -m bench.search_equality --sample tests/kb/search_regression_sample.json)")
    searcher = real_kb._snapshot.searcher  # noqa: SLF001 - the app's searcher
    current = records(searcher, list(recorded["hits"]), recorded["category"])
    changed = [query for query in recorded["hits"] if current[query] != recorded["hits"][query]]
    assert not changed, f"{len(changed)} of {len(recorded['hits'])} sample queries got other hits: {changed[:5]}"
    assert sum(1 for modes in recorded["hits"].values() if not modes["app"]) >= 5, "the sample has refusals too"
    # 27 since search16b: its gate refuses three of the sample's answerable questions (a maturity benefit, two 医保/新农合 ones)
    assert sum(1 for modes in recorded["hits"].values() if modes["app"]) >= 25
