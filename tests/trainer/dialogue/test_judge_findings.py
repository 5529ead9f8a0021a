"""Which unit a judge finding quotes when the best-scoring one fails its behaviour's checks."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.judge import CLAUSE_MARGINS, MeaningJudge, Reading
from trainer.dialogue.segments import sentence_segments


def judge_scoring(behaviour: str, threshold: float) -> MeaningJudge:
    """A judge whose classifier knows one behaviour (no encoder, no training: `findings` reads the scores)."""
    judge = object.__new__(MeaningJudge)
    judge.classifier = SimpleNamespace(behaviours=(behaviour,), thresholds={behaviour: threshold})
    return judge


def reading(text: str, scores: list[float]) -> Reading:
    units = sentence_segments(text)
    return Reading(text, units, np.zeros((len(units), 1)), np.array(scores, dtype=float)[:, None])


def test_a_hedged_best_unit_gives_way_to_the_next_unit_above_the_threshold() -> None:
    text = "这个我不敢保证。您放心，肯定给您全额退。"
    found = judge_scoring("absolute_promise", 0.5).findings(reading(text, [0.9, 0.7]), set())
    assert [e.behaviour for e in found] == ["absolute_promise"]
    assert "肯定给您全额退" in found[0].quote and "不敢保证" not in found[0].quote


def test_nothing_is_found_when_no_unit_above_the_threshold_survives_the_checks() -> None:
    text = "这个我不敢保证。全额退肯定不行。"
    assert judge_scoring("absolute_promise", 0.5).findings(reading(text, [0.9, 0.8]), set()) == []
    assert judge_scoring("absolute_promise", 0.5).findings(reading("您放心，肯定给您全额退。", [0.4]), set()) == []


def judge_narrowing(behaviour: str, threshold: float, word: str) -> MeaningJudge:
    """`judge_scoring`, and a classifier that scores the clause holding `word` highest (a fault's quote is
    narrowed to its best clause)."""
    judge = judge_scoring(behaviour, threshold)
    judge.classifier.scores = lambda texts, vectors, only=None: np.array([[1.0 if word in t else 0.5] for t in texts])
    return judge


def test_a_demand_echoed_or_waved_away_is_no_escalation() -> None:
    judge = judge_scoring("escalation", 0.5)
    assert judge.findings(reading("要转主管？主管也这么说，转了没用。", [0.9, 0.8]), set()) == []
    assert judge.findings(reading("投诉？随便您，反正结果不会变。", [0.9, 0.9]), set()) == []
    found = judge.findings(reading("投诉？可以的，我现在就帮您登记投诉，三个工作日内有专人回电。", [0.3, 0.9]), set())
    assert [e.quote for e in found] == ["可以的，我现在就帮您登记投诉，三个工作日内有专人回电。"]


def test_disowning_across_a_longer_name_is_blame_and_never_mind_is_not() -> None:
    judge = judge_narrowing("blame", 0.5, "没关系")
    found = judge.findings(reading("这是柜台那边办的，跟我们电话中心没关系。", [0.9]), set())
    assert [e.quote for e in found] == ["跟我们电话中心没关系。"]
    assert judge.findings(reading("材料不齐也没关系，下次再补。", [0.9]), set()) == []


def test_a_promise_beside_a_report_is_the_agents_own_and_a_restatement_is_not() -> None:
    """judge23: a report reaches its own clause, not the whole sentence, and the quote is narrowed to the agent's
    own clause even when the reported one scores higher; a restatement asked back is still no promise."""
    judge = judge_narrowing("absolute_promise", 0.5, "业务员说")
    found = judge.findings(reading("分红肯定每年都有的，不会比业务员说的少的。", [0.9]), set())
    assert [e.quote for e in found] == ["分红肯定每年都有的，"]
    assert judge.findings(reading("您是说，业务员讲这个分红每年都有，是吧？", [0.9]), set()) == []


def judge_reading_clauses(behaviour: str, threshold: float, word: str, clause_score: float) -> MeaningJudge:
    """A judge that reads replies itself (no encoder): every sentence scores 0.3 for `behaviour`, a comma clause
    holding `word` scores `clause_score` (the n-grams of a clause tell it apart; its vector is its sentence's)."""
    judge = judge_scoring(behaviour, threshold)
    judge.classifier.whole_from_sentences = True
    judge.classifier.recipe = SimpleNamespace(clause_units=False)
    judge.classifier.scores = lambda texts, vectors, only=None: np.array(
        [[clause_score if word in t and "，" not in t.rstrip("，") else 0.3] for t in texts])
    judge.classifier.columns_of = lambda texts, vectors, behaviours: judge.classifier.scores(texts, vectors)[
        :, [judge.classifier.behaviours.index(b) for b in behaviours]]  # the clauses are read for some behaviours
    judge.embed = lambda texts: np.zeros((len(texts), 2))
    return judge


def test_feelings_named_in_the_last_clause_of_an_apology_are_empathy() -> None:
    text = "实在抱歉，这笔退费比我们承诺的时间晚了一周，让您着急了。"
    margin = CLAUSE_MARGINS["empathy"]
    judge = judge_reading_clauses("empathy", 0.89, "着急", 0.89 + margin + 0.01)
    found = judge.findings(judge.read(text), set())
    assert [(e.behaviour, e.quote) for e in found] == [("empathy", "让您着急了。")]


def test_a_clause_needs_its_margin_over_the_threshold() -> None:
    text = "实在抱歉，这笔退费比我们承诺的时间晚了一周，让您着急了。"
    margin = CLAUSE_MARGINS["empathy"]
    judge = judge_reading_clauses("empathy", 0.89, "着急", 0.89 + margin - 0.01)
    assert judge.findings(judge.read(text), set()) == []


def judge_confirming(behaviour: str, rule_floor: float) -> MeaningJudge:
    """`judge_scoring`, with the rule floor `confirmed` holds this behaviour's cue hits to."""
    judge = judge_scoring(behaviour, 0.7)
    judge.classifier.rule_floors = {behaviour: rule_floor}
    return judge


def test_a_choice_question_counts_however_low_the_classifier_scores_it() -> None:
    """judge32b: the veteran writer's dialect choices (…还是换了卡没告诉我们？) score 0.02–0.4; a question offering a
    choice or asking whether something happened asks about the case. Other spoken questions keep their floor."""
    judge = judge_confirming("clarifying_question", 0.4)
    for text in ("这个月扣款没成功，您看是卡里钱不够，还是换了卡没告诉我们？", "您填告知那会儿，有没有人在旁边教您怎么勾的？"):
        evidence, spoken = Detectors(()).rule_evidence(text, set())
        kept = judge.confirmed(reading(text, [0.1]), evidence, spoken)
        assert "clarifying_question" in {e.behaviour for e in kept}, text
    for text in ("您还记得那个业务员姓啥不？", "请问您是这张保单的投保人，还是被保险人？"):  # not a choice; over identity data
        evidence, spoken = Detectors(()).rule_evidence(text, set())
        assert "clarifying_question" not in {e.behaviour for e in judge.confirmed(reading(text, [0.1]), evidence, spoken)}


def clarifying_kept(text: str, score: float, rule_floor: float = 0.4) -> bool:
    """Whether a clarifying-question rule hit in `text` survives `confirmed` at this classifier score."""
    evidence, spoken = Detectors(()).rule_evidence(text, set())
    kept = judge_confirming("clarifying_question", rule_floor).confirmed(reading(text, [score]), evidence, spoken)
    return "clarifying_question" in {e.behaviour for e in kept}


def test_a_phone_named_is_no_data_of_the_customers() -> None:
    """judge39e: a choice or yes/no question that names a phone (…手机还是…座机？ 在手机上…还是…？) asks about the case
    (the veteran writer's questions scored 0.02–0.36); a phone number said or asked for keeps the identity guard."""
    assert clarifying_kept("您说的那个号，是您儿子的手机还是家里的座机？", 0.1)
    assert clarifying_kept("您是在手机上自己点的，还是业务员帮您操作的？", 0.1)
    assert not clarifying_kept("您的手机号是13812345678，对吧？", 0.1)
    assert not clarifying_kept("您登记的手机号还是原来那个吗？", 0.1)


def test_a_check_back_is_held_to_the_rule_floor_and_a_request_needs_no_score() -> None:
    """judge39e: a check back on the case (…，对吧？) is held to the rule floor like a question with a question word,
    not to the spoken floor (0.6); a question asked as a request (我问一句… / 跟我说说…) counts at any score, like a
    choice question. A check on who or where the customer is keeps the spoken floor."""
    assert clarifying_kept("您说的是去年五月那次住院，对吧？", 0.45)
    assert not clarifying_kept("您说的是去年五月那次住院，对吧？", 0.3)
    assert not clarifying_kept("喂，是王先生是吧？", 0.45)
    assert clarifying_kept("我问一句哈，您收到保单那天是几号？", 0.05)
    assert clarifying_kept("您跟我说说，那天业务员是怎么跟您讲的。", 0.05)
    assert not clarifying_kept("我问一句，您的身份证后四位是多少？", 0.05)


def test_a_confirmation_of_the_case_or_data_read_out_unasked_is_no_identity_check() -> None:
    """judge38e: the classifier credits confirming and reading out as verification; an identity check names something
    that identifies the customer and, over data said out, asks it back."""
    judge = judge_narrowing("verification", 0.5, "卡号")  # a verification quote is narrowed to its best clause
    assert judge.findings(reading("您当时选的是年交，每年三月扣款，对吧？", [0.9]), set()) == []
    assert judge.findings(reading("您父亲的身份证号我这儿有，110105195803120017，您记一下。", [0.9]), set()) == []
    assert judge.findings(reading("麻烦您报一下身份证后四位。", [0.9]), set())[0].behaviour == "verification"


# judge39v: the one-rule relabel (docs/annotation-verification.md) — a check asks the person to establish who they are.
NO_IDENTITY_ASKED = (
    "我把您的卡号念一下，6217 0000 1234 5678，对吗？",  # (a) data read out for a yes (judge38e counted it; the rule does not)
    "您的手机号是139 8765 4321，没错吧？",
    "您登记的是尾号**35那张卡，是您的吧？",
    "好的，您报的出生日期跟系统里一致，核对好了。",  # (b) a check said done
    "按规定我得先核实一下您的身份。",  # (b) said needed, nothing asked
    "这个得让您先生本人来电话才行。",  # (c) a caller sent to the insured
    "请问投保单上的字是您本人亲笔签的吗？",  # (d) the signature, not who they are
)
IDENTITY_ASKED = (
    "请问是陈美玲女士本人吗？", "麻烦您说一下身份证号的后四位。", "请问您和被保险人是什么关系？",
    "为了保护您的信息，需要先核实一下身份，您的身份证后四位是？", "先核身份：名字，出生年月日，谢谢。",
    "您是投保人的女儿是吧，那我先跟您说一下流程。",
)


def test_a_reply_that_asks_nobody_who_they_are_shows_no_verification() -> None:
    """judge39v: under the rule both splits were relabelled by, data read out for a yes, a check said done or needed,
    a caller sent to the insured and a question about the signature show no verification — neither the classifier's
    credit nor a cue's (后四位, 核实…身份) counts; asking them to say who they are still does."""
    judge = judge_narrowing("verification", 0.5, "本人")
    for text in NO_IDENTITY_ASKED:
        assert judge.findings(reading(text, [0.9] * len(sentence_segments(text))), set()) == [], text
    for text in IDENTITY_ASKED:
        found = judge.findings(reading(text, [0.9] * len(sentence_segments(text))), set())
        assert [e.behaviour for e in found] == ["verification"], text
    confirming = judge_confirming("verification", 0.0)
    only = lambda found: [e for e in found if e.behaviour == "verification"]  # noqa: E731 — the judge knows this one
    for text, shown in (("您刚报的后四位是2235，跟系统一致。", False), ("按规定要先核实您的身份。", False),
                        ("麻烦您报一下身份证后四位。", True), ("请问您是本人吗？", True)):
        evidence, spoken = (only(found) for found in Detectors(()).rule_evidence(text, set()))
        assert evidence, text  # a cue or spoken form fires
        kept = confirming.confirmed(reading(text, [0.9] * len(sentence_segments(text))), evidence, spoken)
        assert ("verification" in {e.behaviour for e in kept}) == shown, text


def test_thanks_for_understanding_is_no_empathy() -> None:
    """judge38e: 感谢您的理解 closes a call; the classifier credited it as empathy on train."""
    judge = judge_scoring("empathy", 0.5)
    assert judge.findings(reading("谢谢您的理解，祝您生活愉快。", [0.9]), set()) == []
    assert judge.findings(reading("您的心情我理解。", [0.9]), set())[0].behaviour == "empathy"


def test_the_agents_own_call_back_is_no_escalation() -> None:
    """judge39n: 明天上午我亲自给您回电话 promises a next step; handing the case to someone (a colleague, a complaint,
    a superior) is still escalation."""
    judge = judge_scoring("escalation", 0.5)
    assert judge.findings(reading("您先别急，我今天下午四点前亲自给您回个电话。", [0.9]), set()) == []
    assert judge.findings(reading("我帮您记下了，明早我打给您说结果。", [0.9]), set()) == []
    for text in ("我把情况转给主管，下午我给您回电话。", "我帮您登记投诉，明天我给您回电话。", "我请核保的同事明天给您回电话。"):
        assert [e.behaviour for e in judge.findings(reading(text, [0.9]), set())] == ["escalation"]


def test_an_acknowledgment_is_no_empty_answer_and_owning_the_fault_is_no_blame() -> None:
    """judge39n: the classifier read 嗯呐，是这么回事儿。 vague and 这个是我们这边的问题。 blame on the train split."""
    assert judge_narrowing("vague", 0.5, "回事").findings(reading("噢，原来是这么回事。", [0.9]), set()) == []
    assert judge_narrowing("vague", 0.5, "回事").findings(reading("嗯，就是这么回事，您别问了。", [0.9]), set())
    assert judge_narrowing("blame", 0.5, "问题").findings(reading("他没讲清楚，这个是我们这边的问题。", [0.9]), set()) == []
    assert judge_narrowing("blame", 0.5, "问题").findings(reading("这真不是我们的问题，是银行扣不出来。", [0.9]), set())


def test_a_specialist_who_will_only_get_in_touch_is_no_escalation() -> None:
    judge = judge_scoring("escalation", 0.5)
    assert judge.findings(reading("您放心，后面会有专人联系您。", [0.9]), set()) == []
    assert judge.findings(reading("我先帮您登记上，两个工作日内有专员给您回电话。", [0.9]), set()) == []
    assert [e.behaviour for e in judge.findings(reading("我帮您登记投诉，后面会有专人联系您。", [0.9]), set())] == ["escalation"]
    assert [e.behaviour for e in judge.findings(reading("我给您转到投诉专员，她今天联系您。", [0.9]), set())] == ["escalation"]


def test_asking_them_to_say_it_themselves_and_how_they_are_related_is_an_identity_check() -> None:
    """judge40e: 您自己报后四位 asks them to say who they are (the cue 后四位 found it, the asked-nothing guard dropped it),
    and a relation asked in spoken words (您是老人家什么人呀？ 跟她是嘛关系？) is read and held to the rule floor."""
    confirming = judge_confirming("verification", 0.3)
    only = lambda found: [e for e in found if e.behaviour == "verification"]  # noqa: E731 — the judge knows this one
    for text, score, shown in (("全号我不念了，您自己报一下身份证后四位就行。", 0.9, True),
                               ("全号我不念了，您自己报后四位就成。", 0.9, True),
                               ("您是王阿姨什么人呀？女儿还是儿媳？", 0.35, True),
                               ("那您跟被保险人是嘛关系？", 0.35, True),
                               ("您是王阿姨什么人呀？女儿还是儿媳？", 0.2, False),  # under the rule floor
                               ("这跟您的保单没什么关系。", 0.9, False)):
        evidence, spoken = (only(found) for found in Detectors(()).rule_evidence(text, set()))
        kept = confirming.confirmed(reading(text, [score] * len(sentence_segments(text))), evidence, spoken)
        assert ("verification" in {e.behaviour for e in kept}) == shown, text



def test_a_reply_that_only_asks_who_the_caller_is_is_no_clarifying_question() -> None:
    """judge42q: the question-word cue (什么 / 吗) and the classifier credited identity checks as clarifying questions
    (tune replies: 10 of clarifying's 19 false credits); the corpus writers label them verification alone. A case question
    beside the check, or the same words about the case, still count."""
    confirming = judge_confirming("clarifying_question", 0.4)
    only = lambda found: [e for e in found if e.behaviour == "clarifying_question"]  # noqa: E731 — the judge knows this one
    for text, shown in (("那请问您是投保人的什么人？是子女还是配偶呀？", False),
                        ("方便告诉我一下您的出生日期吗？核对好了我们再往下讲。", False),
                        ("请问您是投保人本人吗？您当时是在哪家银行买的？", True),
                        ("请问投保单上的签名，是您本人亲笔签的吗？", True)):
        evidence, spoken = (only(found) for found in Detectors(()).rule_evidence(text, set()))
        assert evidence, text  # the question rules fire
        kept = confirming.confirmed(reading(text, [0.9] * len(sentence_segments(text))), evidence, spoken)
        assert ("clarifying_question" in {e.behaviour for e in kept}) == shown, text
    judge = judge_scoring("clarifying_question", 0.5)
    assert judge.findings(reading("您是老爷子什么人啊？儿子还是闺女？", [0.9, 0.9]), set()) == []
    assert judge.findings(reading("您是老爷子什么人啊？他哪天出的院？", [0.9, 0.9]), set())[0].behaviour == "clarifying_question"


def test_a_wait_apologised_for_is_no_empathy() -> None:
    """judge42q: 让您等了这么久 is an apology (train: 7 of 8 such lines apology alone); a feeling named beside it is not
    only the wait."""
    judge = judge_scoring("empathy", 0.5)
    assert judge.findings(reading("让您等了这么久才给您回电话。", [0.9]), set()) == []
    assert judge.findings(reading("让您等了这么久，您肯定着急了。", [0.9]), set())[0].behaviour == "empathy"


def test_someone_unnamed_who_will_get_in_touch_is_no_next_step_for_the_classifier_either() -> None:
    """judge42v: 会有人联系您的 with nothing given is vague on the train split; a time or the agent's own action keeps it a
    next step."""
    judge = judge_scoring("next_step", 0.5)
    assert judge.findings(reading("这个情况我记下来了，后面会有人联系您的。", [0.9]), set()) == []
    assert judge.findings(reading("您等我们通知吧。", [0.9]), set()) == []
    for text in ("明天下午会有人联系您。", "我帮您登记好了，会有人联系您的。"):
        assert [e.behaviour for e in judge.findings(reading(text, [0.9]), set())] == ["next_step"], text


def judge_reading_words(behaviour: str, rule_floor: float, word: str, score: float) -> MeaningJudge:
    """A judge that reads replies itself (no encoder): a unit holding `word` scores `score` for `behaviour`, any
    other 0.1; its rule hits are held to `rule_floor`."""
    judge = judge_confirming(behaviour, rule_floor)
    judge.classifier.whole_from_sentences = True
    judge.classifier.recipe = SimpleNamespace(clause_units=False)
    judge.classifier.scores = lambda texts, vectors, only=None: np.array([[score if word in t else 0.1] for t in texts])
    judge.classifier.columns_of = lambda texts, vectors, behaviours: judge.classifier.scores(texts, vectors)
    judge.embed = lambda texts: np.zeros((len(texts), 2))
    return judge


def test_a_rule_hit_read_through_a_regional_word_is_confirmed_on_its_mandarin_reading() -> None:
    """calls48: the rules read 侬心里肯定窝塞 as 您心里肯定憋屈 (empathy); the classifier, trained on typed Mandarin,
    scored the typed words below empathy's floor and the greeting that feels for her counted for nothing."""
    text = "交了好几年钱，合同说没就没了，侬心里肯定窝塞。"
    evidence, spoken = Detectors(()).rule_evidence(text, set())
    evidence = [e for e in evidence if e.behaviour == "empathy"]
    assert evidence
    reads_mandarin = judge_reading_words("empathy", 0.2, "憋屈", 0.6)
    assert "empathy" in {e.behaviour for e in reads_mandarin.confirmed(reads_mandarin.read(text), evidence, spoken)}
    disagrees = judge_reading_words("empathy", 0.2, "憋屈", 0.15)  # low on the reading too: the floor still holds
    assert "empathy" not in {e.behaviour for e in disagrees.confirmed(disagrees.read(text), evidence, spoken)}
