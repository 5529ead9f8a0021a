"""qa27: 阿杰, month 2, impatient, northern speech (得嘞, 咋整, 您呐, 磨叽), his exact turns played through
`DialogueSession` with the judge: grace-period-short-of-money, permanent-lapse-angry (first try) and lapse-reinstatement."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession
from trainer.dialogue.detectors import Detectors, calming_only, soothes, soothing_words
from trainer.dialogue.scoring import service_not_shown

GRACE_CALL = (
    "陈先生是吧，安泰人寿客服小杰。不是催您，就提个醒。先核下身份，身份证后四位您报一下。",
    "得嘞。您先别上火，保单没作废，有宽限期，打应交日第二天起60天，这期间出事照样管。真交不起能整减额交清，"
    "拿现在的现金价值一次交清，保额降点，往后就不用交了",
    "有，叫自动垫交，拿保单的现金价值先把这期垫上，保单接着有效，垫的钱按借款算利息。能不能用得看您合同条款，咋整您自个儿定",
    "那可不行，业务员不能代收。钱凑齐了走您本人账户，或者官方App、柜台交，稳当。还有啥事不？没了我这边先挂了啊",
)
ANGRY_CALL = (
    "郑先生您先消消气，我是客服小杰，您这事我给您查。先核个身份，您全名和身份证后四位报一下",
    "您呐先听我说完。您这单停交以后过了宽限期就中止了，中止满两年没办复效，按保险法公司有权解除合同，退您现金价值。这不是抢钱",
)
REINSTATEMENT_CALL = (
    "黄女士是吧？安泰人寿客服小杰，跟您说下保单的事。先核个身份，身份证后四位报一下",
    "得嘞。您这单续期扣款没扣上，宽限期也过了，现在是效力中止，就是合同还在，保障先停了",
    "中止这段出事一般不赔，具体看条款。所以您得抓紧整复效，可别磨叽了",
    "填个复效申请书，被保险人做健康告知，补交欠的保费和利息，公司审核，能不能过我不打包票。柜台或者官方App都能办，中止起两年内都行",
    "您呐别慌，这事能整明白。还有啥要问的不？没有就这样，回见",
)


def _report(judge, scenario, facts, turns):
    report, _ = play(DialogueSession(scenario, facts, judge=judge, seed=1), list(turns))
    assert_quotes_verbatim(report)
    return report


@pytest.fixture(scope="module")
def grace_report(judge, real_scenarios, real_facts):
    return _report(judge, real_scenarios["grace-period-short-of-money"], real_facts, GRACE_CALL)


@pytest.fixture(scope="module")
def angry_report(judge, real_scenarios, real_facts):
    return _report(judge, real_scenarios["permanent-lapse-angry"], real_facts, ANGRY_CALL)


@pytest.fixture(scope="module")
def reinstatement_report(judge, real_scenarios, real_facts):
    return _report(judge, real_scenarios["lapse-reinstatement"], real_facts, REINSTATEMENT_CALL)


def _found(report, rubric, turn):
    return [f for f in report.findings if f.rubric == rubric and f.turn_index == turn]


def test_where_to_pay_is_a_next_step(grace_report):
    """J1: 钱凑齐了走您本人账户，或者官方App、柜台交，稳当。 — no 给出下一步, and the report taught 去哪里办 as never shown."""
    [step] = [f for f in _found(grace_report, "next_step", 4) if f.ok]
    # quoted from where she pays: since judge54b her own account (走您本人账户), the sentence's first such clause
    assert step.quote.startswith("钱凑齐了走您本人账户") and step.quote in GRACE_CALL[3]
    assert not any("next_step" in shown for shown, _ in service_not_shown(grace_report.findings))


@pytest.mark.parametrize("said", ["钱凑齐了柜台交就行。", "钱凑齐了走您本人账户。", "保费只走您自己的银行卡。"])
def test_how_she_pays_her_money_is_a_next_step_after_the_check(judge, real_scenarios, real_facts, said):
    """judge54b: after the identity check, his question about paying through the salesperson answered with where or how
    he pays — 给出下一步 (the classifier's floor withheld it: 钱凑齐了柜台交就行。 scores 0.05), with the channel step met."""
    report = _report(judge, real_scenarios["grace-period-short-of-money"], real_facts,
                     GRACE_CALL[:3] + ("那可不行，业务员不能代收。" + said,))
    assert [f.quote for f in _found(report, "next_step", 4) if f.ok] == [said]
    assert "official-channel" not in report.missed_checkpoints
    assert not any("next_step" in shown for shown, _ in service_not_shown(report.findings))


def test_paid_from_her_own_account_only_as_a_step_to_take():
    detectors = Detectors(())
    for said in ("上个月是从您自己的卡扣的。", "您之前用您本人账户交过一期。"):
        assert not any(e.behaviour == "next_step" for e in detectors.spoken(said, set())), said


def test_where_to_apply_is_a_next_step(reinstatement_report):
    """J1: 柜台或者官方App都能办，中止起两年内都行 (the lapse-reinstatement call's turn 4)."""
    [step] = [f for f in _found(reinstatement_report, "next_step", 4) if f.ok]
    assert "都能办" in step.quote
    assert not any("next_step" in shown for shown, _ in service_not_shown(reinstatement_report.findings))


def test_a_channel_said_of_the_past_or_refused_is_no_next_step():
    detectors = Detectors(())
    for said in ("您上次是在柜台交的保费，这次扣款没成功。", "这个柜台办不了，得本人来。", "您之前在App上交过一期。"):
        assert not any(e.behaviour == "next_step" for e in detectors.spoken(said, set())), said
    assert any(e.behaviour == "next_step" for e in detectors.spoken("柜台或者官方App都能办，两年内都行", set()))


def test_calming_him_down_is_empathy_whichever_words_say_it(angry_report, grace_report, reinstatement_report):
    """J2: 郑先生您先消消气 earned no 共情安抚 (未完成要点：先共情) where 您先别上火 and 您呐别慌 did."""
    [calmed] = [f for f in _found(angry_report, "empathy", 1) if f.ok]
    assert "消消气" in calmed.quote
    assert "acknowledge" not in angry_report.missed_checkpoints
    assert any(f.ok and "别上火" in f.quote for f in _found(grace_report, "empathy", 2))
    assert any(f.ok and "别慌" in f.quote for f in _found(reinstatement_report, "empathy", 5))


def test_soothing_imperatives_are_one_reading():
    # withheld alike beside a promise or an empty answer (`calming_only`; 别着急 is a cue of its own, kept as it was)
    for said in ("您先消消气，", "您先别上火，", "您呐别慌，", "您先缓一缓，", "您先别生气，", "您缓口气，"):
        assert soothes(said) and calming_only(said), said
    assert soothes("阿姨您别着急哈，") and soothing_words("阿姨您别着急哈，") == "您别着急哈"
    assert soothing_words("郑先生您先消消气，我是客服小杰") == "您先消消气"  # his name left out of what is scored
    for said in ("您别急着退保，", "不消气也得按规定办。", "您先别激动，激动也没用。"):
        assert not soothes(said), said


def test_a_fault_of_tone_is_taught_with_words_for_the_turn_he_is_in(angry_report, reinstatement_report):
    """J3: 这不是抢钱 (turn 2) was taught with the model's turn-1 greeting, 郑先生您好，…您先说，我认真听着。; 可别磨叽了
    with 非常理解您的着急。 alone, without the model's 所以建议您尽快处理."""
    [blame] = [f for f in _found(angry_report, "blame", 2) if not f.ok]
    assert "您好" not in blame.model_answer and "我认真听着" not in blame.model_answer
    assert blame.model_answer.startswith("非常理解您的心情") and "公司有权解除合同" in blame.model_answer
    assert "身份已经核实" not in blame.model_answer
    [rude] = [f for f in _found(reinstatement_report, "rude", 3) if not f.ok]
    assert rude.model_answer.startswith("非常理解您的着急。") and rude.model_answer.endswith("所以建议您尽快处理。")
