"""The bundled content pack: valid, complete, and not allowed to shrink silently."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kb import ContentSet
from kb.__main__ import content_problems

CONTENT = Path(__file__).resolve().parents[2] / "content"
REQUIRED_TOPICS = {
    "cooling-off", "surrender", "lapse", "underwriting", "exclusions", "claims", "critical-illness",
    "dividends", "policy-service", "beneficiary", "callback", "complaints", "service-norms",
}


def test_whole_content_set_validates_including_scenarios() -> None:
    assert [str(p) for p in content_problems(CONTENT)] == []


def test_counts_hold(pack: ContentSet) -> None:
    assert len(pack.entries) >= 180
    assert len(pack.quiz_items) >= 120
    assert len(pack.glossary) >= 60
    assert len(pack.recommended_phrases) >= 30
    assert len(pack.forbidden_phrases) >= 30
    assert sum(1 for e in pack.entries.values() if e.en and e.en.get("question") and e.en.get("answer")) >= 50


def test_every_category_is_covered_with_entries_and_quiz_items(pack: ContentSet) -> None:
    assert REQUIRED_TOPICS <= set(pack.categories)
    entries = Counter(e.category for e in pack.entries.values())
    quizzes = Counter(q.category for q in pack.quiz_items.values())
    assert all(entries[c] >= 10 for c in REQUIRED_TOPICS), entries
    assert all(quizzes[c] >= 5 for c in REQUIRED_TOPICS), quizzes


def test_every_entry_has_variants_script_and_source(pack: ContentSet) -> None:
    thin = [e.id for e in pack.entries.values()
            if len(set(e.variants) - {e.question}) < 3 or not e.script.strip() or not e.sources]
    assert thin == []


def test_quiz_items_point_to_existing_entries_and_cover_all_types(pack: ContentSet) -> None:
    assert all(item.entry in pack.entries for item in pack.quiz_items.values())
    assert {item.type for item in pack.quiz_items.values()} == {"single", "multiple", "true_false", "fill_blank"}
    assert {item.difficulty for item in pack.quiz_items.values()} == {1, 2, 3}


def test_scripts_never_use_forbidden_promises(pack: ContentSet) -> None:
    promises = [w for p in pack.forbidden_phrases if p.kind == "absolute_promise" for w in p.wordings]
    offending = [(e.id, w) for e in pack.entries.values() for w in promises
                 if w in e.script and f"不{w}" not in e.script and f"不是{w}" not in e.script]
    assert offending == []


@pytest.mark.parametrize("name", sorted(p.name for p in (CONTENT / "faq").glob("*.yaml")))
def test_each_faq_file_explains_itself_at_the_top(name: str) -> None:
    first = (CONTENT / "faq" / name).read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#"), f"faq/{name} should start with a short comment for instructors"


def test_user_facing_text_cites_sources_not_internal_notes(pack: ContentSet) -> None:
    texts = [t for e in pack.entries.values() for t in (e.answer, e.script)]
    texts += [t for p in pack.forbidden_phrases for t in (p.reason, p.better)]
    texts += [q.explanation for q in pack.quiz_items.values()]
    assert [t for t in texts if "facts.md" in t or "/work/" in t] == []


def test_no_answer_or_script_says_the_same_sentence_twice(pack: ContentSet) -> None:
    """An agent reads the script aloud: a sentence pasted twice (once left by a test writing into
    the real content) would be read twice to the customer."""
    repeated = []
    for entry in pack.entries.values():
        for field in ("answer", "script"):
            sentences = [s.strip() for s in re.split(r"(?<=[。！？!?])", getattr(entry, field) or "") if len(s.strip()) > 6]
            repeated += [f"{entry.id}.{field}: {s}" for s, n in Counter(sentences).items() if n > 1]
    assert repeated == []
