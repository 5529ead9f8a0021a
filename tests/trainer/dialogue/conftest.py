"""Fixtures for dialogue tests: the real scenarios over a light fact book (no encoder, no index)."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, Report, load_scenarios

# A rude agent who promises payment: must fail every scenario.
RUDE_REPLY = "你快点讲，保证能赔，肯定全额赔，这是业务员个人的事，跟公司无关。"
RUDE_WORDS = ("你快点讲", "保证能赔", "肯定全额赔", "跟公司无关")


@pytest.fixture(scope="session")
def real_facts() -> ContentFacts:
    """The real content pack as a fact book: entries and service language only."""
    return ContentFacts.load(REAL_CONTENT)


@pytest.fixture(scope="session")
def real_scenarios():
    return load_scenarios(REAL_CONTENT)


def play(session: DialogueSession, replies: list[str]) -> tuple[Report, int]:
    """Reply in order until the call ends; the report and how many replies were used."""
    turn = session.start()
    used = 0
    for reply in replies:
        if turn.done:
            break
        turn = session.reply(reply)
        used += 1
    return session.report(), used


def judged_calls(name: str, judge, scenarios, facts) -> list:
    """Each written call of the set `name` (held-out, tune) played with the judge: its `CallResult`, quotes checked."""
    from trainer.dialogue.evaluation import call_result
    from trainer.dialogue.written_calls import load_calls

    results = []
    for call in load_calls(name, scenarios):
        report, _ = play(DialogueSession(scenarios[call.scenario], facts, judge=judge), call.turns)
        assert_quotes_verbatim(report)
        results.append(call_result(call, report))
    return results


def assert_quotes_verbatim(report: Report) -> None:
    """Every finding quotes words the agent actually said."""
    said = [u.text for u in report.transcript if u.speaker == "agent"]
    for finding in report.findings:
        assert finding.quote, finding
        assert any(finding.quote in text for text in said), finding
        assert 1 <= finding.turn_index <= len(said), finding


@pytest.fixture(scope="session")
def judge(encoder):
    """The practice-call judge over the real corpus: trained once, then loaded from the shared cache."""
    from tests.conftest import SHARED_EMBEDDING_CACHE
    from trainer.dialogue.judge import open_judge

    judge = open_judge(REAL_CONTENT, encoder, SHARED_EMBEDDING_CACHE)
    from trainer.dialogue.written_calls import load_calls

    # every call set a test plays whole (test_tune_calls: tune and tune-regional, 48 calls each): a set left out is
    # encoded turn by turn while its calls are judged (suite47: the regional fixture's 37 s)
    replies = [t for name in ("held-out", "tune", "tune-regional", "tune-standard") for c in load_calls(name) for t in c.turns]
    scenarios = load_scenarios(REAL_CONTENT).values()
    replies += [a for s in scenarios for a in s.model_answers] + [RUDE_REPLY]
    preload(judge, encoder, replies)
    from trainer.dialogue.judge import scenario_reference_texts, warm_references

    warm_references(judge, scenario_reference_texts(scenarios, ContentFacts.load(REAL_CONTENT).entry), SHARED_EMBEDDING_CACHE)
    return judge


def preload(judge, encoder, replies) -> None:
    """Encode every piece of these replies in one batch through the shared disk cache, so the
    judge's per-turn encoding is a memo hit (the suite stays fast on a busy machine)."""
    from kb.embeddings import EmbeddingCache
    from tests.conftest import SHARED_EMBEDDING_CACHE

    texts = list(dict.fromkeys(p for reply in replies for p in judge.pieces(reply)))
    judge.remember(texts, EmbeddingCache(encoder, SHARED_EMBEDDING_CACHE).embed(texts))
