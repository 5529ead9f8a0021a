"""Fixtures for dialogue tests: the real scenarios over a light fact book (no encoder, no index)."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, Report, load_scenarios

# qa23's trainee call of grace-period-short-of-money (a learner's 你), its turn 4 made to blame plainly whatever the
# judge reads in 选哪个方法是你自己决定 (qa23 T3): she covers 减额交清 in turn 3, so the customer asks next about paying
# through her sales agent, a question the model call answers last; turn 4's blaming draws 我失业了又不是我想的！.
QA23_GRACE_CALL = (
    "您好先生，我是保险公司的客服代表，我的名字是Emma。为了你的安全，请问你是张先生本人吗？可以告诉我你的身份证最后四个号码吗？",
    "对不起陈先生，我的错误。不用担心，你的保单没有死。你有一个宽限期，一般是60天，在宽限期里面你的保险还是有效的，"
    "如果有事情发生我们还是会赔你。",
    "我明白，没有工作是很难的时间。我们有两个选择：第一个是自动垫交，就是用你保单的现金价值来付这一期的保费，保单继续有效；"
    "第二个是减额交清，就是以后不用交钱了，但是保额会变小。具体要看你的合同条款。你想要哪一个？",
    "不可以，请你不要把钱给业务员个人。你可以用我们公司官方的渠道交费，比如银行自动扣款、官方APP或者柜台，这样比较安全。"
    "交不上保费，那是你自己没有提前规划好。",
    "我非常理解，失业不是你的错。你不用着急，宽限期还有大概四十天。你可以先想一想要用哪个办法，想好了再打我们的客服电话，"
    "我们帮你办理。",
    "是的，我明白。要不要交、用哪个办法，完全由你自己决定，我们尊重你的选择。请问还有别的问题吗？谢谢你的时间，祝你早日找到工作，再见。",
)

# A rude agent who promises payment: must fail every scenario.
RUDE_REPLY = "你快点讲，保证能赔，肯定全额赔，这是业务员个人的事，跟公司无关。"
RUDE_WORDS = ("你快点讲", "保证能赔", "肯定全额赔", "跟公司无关")


@pytest.fixture(scope="session")
def real_facts() -> ContentFacts:
    """The real content pack as a fact book: entries and service language only."""
    return ContentFacts.load(REAL_CONTENT)


@pytest.fixture(scope="session")
def real_detectors():
    """The rules alone over the real content's forbidden phrases (no classifier)."""
    from trainer.dialogue.detectors import Detectors

    return Detectors(ContentFacts.load(REAL_CONTENT).content.forbidden_phrases)


def promised_by_rules(detectors, text: str) -> bool:
    """The rules read a promise in `text` (绝对化承诺)."""
    return any(e.behaviour == "absolute_promise" for e in detectors.negatives(text, set()))


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
