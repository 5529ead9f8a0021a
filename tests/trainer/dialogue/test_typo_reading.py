"""A reply's pinyin-typing slips read as the judge's terms for its rules; correct text untouched; findings quote the
typed words (judge43h)."""

from __future__ import annotations

import pytest

from kb.content import load_content
from trainer.dialogue import DialogueSession
from trainer.dialogue.detectors import Detectors
from trainer.dialogue.regional_speech import mandarin_reading
from trainer.dialogue.content_typos import typo_reading_for
from trainer.dialogue.typo_reading import TypoReading, realigned

from tests.conftest import REAL_CONTENT


@pytest.fixture(scope="module")
def content():
    return load_content(REAL_CONTENT)


@pytest.fixture(scope="module")
def typos(content) -> TypoReading:
    return typo_reading_for(content)


# typed → what the rules read: one slip each, of a term the content or the rules know
READ_AS = {
    "理赔": ("理陪需要的材料您准备好了吗？", "理赔需要的材料您准备好了吗？"),
    "犹豫期": ("您现在还在由于期内，可以全额退。", "您现在还在犹豫期内，可以全额退。"),
    "复效": ("付效需要补交欠的保费。", "复效需要补交欠的保费。"),
    "宽限期": ("宽线期是60天，过了才失效。", "宽限期是60天，过了才失效。"),
    "核实": ("我先和您核时一下身份。", "我先和您核实一下身份。"),
    "核实 (a word the list barely knows)": ("我已经帮您核试过了。", "我已经帮您核实过了。"),
    "保单 (a word the list barely knows)": ("您的报单号是多少？", "您的保单号是多少？"),
    "登记": ("我帮您等记一下。", "我帮您登记一下。"),
    "理解": ("我非常里解您。", "我非常理解您。"),
    "抱歉": ("让您久等了，实在报歉。", "让您久等了，实在抱歉。"),
    "不好意思": ("不好意识，让您久等了。", "不好意思，让您久等了。"),
    "没关系": ("这事跟我们没关细。", "这事跟我们没关系。"),
}


@pytest.mark.parametrize("typed, read", READ_AS.values(), ids=READ_AS.keys())
def test_a_slip_is_read_as_its_term(typos: TypoReading, typed: str, read: str) -> None:
    assert typos.read(typed).text == read


@pytest.mark.parametrize("said", [
    "我理解您的心情，给您带来不便非常抱歉。",
    "您的保单已经复效了，宽限期内交上就行。",
    "犹豫期过了只能退现金价值。",
    "请报全名和身份证最后六位。",  # 报全 is no slip of 保全: 全名 is a word across its edge
    "您晚点交也没关系的。",  # 点交 is no slip of 垫交: 晚点
    "要回出单网点做退保。",  # 单网 is no slip of 上网: 网点
    "免得让旁人听了去，您自己报后四位就行。",  # 旁人 is a word people use (1,731 in the word list), no slip of 本人
    "我帮您把等级改一下。",  # 等级 too (2,010), no slip of 登记
    "俺给您登记一下，冇讲清楚对不住。",  # regional words are the Mandarin reading's, not slips
])
def test_correct_text_is_left_as_typed(typos: TypoReading, said: str) -> None:
    reading = typos.read(said)
    assert reading.text == mandarin_reading(said).text
    assert not typos.corrections(mandarin_reading(said).text)


def test_a_stretch_of_the_reading_is_quoted_in_the_typed_words(typos: TypoReading) -> None:
    reading = typos.read("俺先和您核时一下身份，实在报歉。")  # a regional word and two slips in one reply
    assert reading.text == "我先和您核实一下身份，实在抱歉。"
    assert reading.said_quote("实在抱歉。") == "实在报歉。"
    assert reading.said_quote("我先和您核实一下身份，") == "俺先和您核时一下身份，"
    assert reading.said_quote("核实") == "核时"


def test_a_word_typed_in_pinyin_maps_to_the_whole_word() -> None:
    said = mandarin_reading("lipei要带身份证")
    reading = realigned(said, "理赔要带身份证")
    assert reading.said_quote("理赔要带") == "lipei要带"
    assert reading.said_quote("身份证") == "身份证"


@pytest.mark.parametrize("typed, behaviour, quoted", [
    ("让您久等了，实在报歉。", "apology", "报歉"),
    ("不好意识，让您久等了。", "apology", "不好意识"),
    ("这事跟我们没关细，您找卖给您的人去。", "blame", "没关细"),
])
def test_a_typed_slip_of_a_behaviour_is_found_and_quoted_as_typed(content, typos: TypoReading, typed: str,
                                                                   behaviour: str, quoted: str) -> None:
    plain = Detectors(content.forbidden_phrases)
    reading = Detectors(content.forbidden_phrases, typos=typos)
    assert behaviour not in {e.behaviour for e in plain.rule_evidence(typed, set(), judged=False)[0]}
    found = [e for e in reading.rule_evidence(typed, set(), judged=False)[0] if e.behaviour == behaviour]
    assert found and all(quoted in e.quote and e.quote in typed for e in found)


def test_a_practice_call_credits_a_typed_apology_and_quotes_it_as_typed(real_scenarios, real_facts) -> None:
    """The session's rules read the typo reading too (`Detectors.reading`): 报歉 is credited as an apology, quoted as typed."""
    session = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, seed=7)
    session.start()
    session.reply("让您久等了，实在报歉。")
    apologies = [f for f in session.report().findings if f.rubric == "apology" and f.ok]
    assert apologies and all("报歉" in f.quote for f in apologies)


def test_the_synthetic_typist_swaps_same_sounding_characters_the_same_way_every_time() -> None:
    """bench.judge_typos: each swap keeps the toneless pinyin, and the noise is fixed by text, rate and seed."""
    from pypinyin import Style, pinyin

    from bench.judge_typos import noised

    line = "我非常理解您的心情，这个理赔我先帮您登记一下，明天给您回电话。"
    once = noised(line, 0.3, 43)
    assert once == noised(line, 0.3, 43) and once != line and noised(line, 0.0, 43) == line
    assert len(once) == len(line)
    for typed, said in zip(once, line):
        if typed != said:
            assert pinyin(typed, style=Style.NORMAL)[0][0] in {r for r in pinyin(said, style=Style.NORMAL, heteronym=True)[0]}


# calls44: a three-character term typed with its middle syllable skipped, read whole where the words around it read better
@pytest.mark.parametrize("typed, read", [
    ("您还在犹期内，可以全额退。", "您还在犹豫期内，可以全额退。"),
    ("过了宽期就中止了。", "过了宽限期就中止了。"),
    ("带上身证和保单去柜面。", "带上身份证和保单去柜面。"),
    ("孩子生病本来就揪心。", "孩子生病本来就揪心。"),  # train (w-warm-steps): 生病 + 本来, not 病历本
    ("相关事宜已提交上级，请等候。", "相关事宜已提交上级，请等候。"),  # train (tr3-c): 等候, not 请稍等
])
def test_a_term_typed_with_its_middle_character_dropped_is_read_whole(typos: TypoReading, typed: str, read: str) -> None:
    assert typos.read(typed).text == read
    assert typos.read(typed).said_quote(read[:-1]) == typed[:-1]  # quoted as typed
