"""A reply's regional words read as Mandarin for the judge's rules; a finding still quotes the trainee's words."""

from __future__ import annotations

import re

import pytest

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.regional_speech import REGIONAL_FORMS, in_trainee_words, mandarin_reading

# One reply per form of the table (by its Mandarin reading's region), said → read: a form that stops reading fails here.
READ_AS = {
    "俺们": ("俺们没交代清楚。", "我们没交代清楚。"),
    "俺": ("俺给您登记一下。", "我给您登记一下。"),
    "恁": ("恁先别挂。", "您先别挂。"),
    "自个儿": ("恁自个儿拿主意，各自个人的事。", "您自己拿主意，各自个人的事。"),
    "侬": ("侬讲是业务员骗侬。", "您讲是业务员骗您。"),
    "冇得|莫得|没得": ("冇得用的，我也莫得办法，钱不是没得了。", "没有用的，我也没有办法，钱不是没有了。"),
    "冇": ("冇讲是我们的疏忽。", "没讲是我们的疏忽。"),
    "晓得": ("我晓得您担心。", "我明白您担心。"),
    "不晓得": ("这个我也不晓得。", "这个我也不知道。"),
    "港": ("我跟您慢慢港。", "我跟您慢慢讲。"),
    "啷个": ("这个分红啷个算的？", "这个分红怎么算的？"),
    "哪样": ("您最想解决的是哪样问题？", "您最想解决的是什么问题？"),
    "么事|么斯": ("您现在来找么事？为么斯不交？", "您现在来找什么？为什么不交？"),
    "么样": ("么样诈骗？", "怎么诈骗？"),
    "么关系": ("您跟他是么关系？", "您跟他是什么关系？"),
    "几多": ("明年几多我真说不准。", "明年多少我真说不准。"),
    "莫": ("您先莫急，莫挂电话。", "您先别急，别挂电话。"),
    "甭": ("您甭怕。", "您别怕。"),
    "夜来": ("夜来您递的材料。", "昨天您递的材料。"),
    "今儿": ("俺今儿个就递，今儿下班前。", "我今天就递，今天下班前。"),
    "明儿": ("明儿随时打进来。", "明天随时打进来。"),
    "昨儿": ("昨儿您来过。", "昨天您来过。"),
    "介": ("介个保单号您念一下。", "这个保单号您念一下。"),
    "中不中": ("三天内回电话，中不中？", "三天内回电话，行不行？"),
    "就中": ("报这个号就中。您发到网上也中，", "报这个号就行。您发到网上也行，"),
    "要得": ("五点前给您回电话，要得不？", "五点前给您回电话，行不？"),
    "得行": ("月底前交上就得行。", "月底前交上就行。"),
    "对不住": ("冇讲清楚，对不住。", "没讲清楚，对不起。"),
    "伐": ("您这个是分红险对伐？", "您这个是分红险对吗？"),
    "嗦": ("您是帮老公接的嗦？", "您是帮老公接的吧？"),
    "撒噻": ("莫急撒阿姨，可以先申请噻。", "别急啊阿姨，可以先申请啊。"),
    "咧": ("写得清清楚楚的咧。", "写得清清楚楚的呢。"),
}


@pytest.mark.parametrize("said, mandarin", READ_AS.values(), ids=READ_AS.keys())
def test_each_regional_form_is_read_as_its_mandarin(said: str, mandarin: str) -> None:
    assert mandarin_reading(said).text == mandarin


def test_every_form_names_its_region_and_why_its_reading_is_safe() -> None:
    for form in REGIONAL_FORMS:
        assert form.region and "train" in form.reason, form.pattern
    for form in REGIONAL_FORMS:  # each form has its example above
        assert any(re.search(form.pattern, said) for said, _ in READ_AS.values()), form.pattern


@pytest.mark.parametrize("said", [
    "您这单已经中止了，中午前转到投诉处理中心，您夹在中间也难。",  # 中 is 中止 / 中午 / 中心 / 中间 (train: never 行)
    "就中止了。",  # 中 after 就, but not at a clause's end
    "香港的保单，港澳通行证，港币结算。",  # 港 is 香港
    "这事莫名其妙，莫非是系统的问题？",  # 莫 not before a verb of the table
    "您干嘛不早说？好多人都遇到过。",  # 嘛 / 好多 (many) are Mandarin
    "服务没得说。",  # 没得说 is praise
    "您也别嫌我啰嗦哈？",  # 啰嗦
    "我不介意的，中介公司的人。",  # 介意 / 中介
    "恁大的事儿。",  # 恁 before an adjective is 那么
    "他撒谎了。步伐快一点。",  # 撒 / 伐 inside words
    "有啥事您随时打，咋办都行。",  # 啥 / 咋: the rules read them as said (detectors.SPOKEN_QUESTION_WORDS)
])
def test_ambiguous_forms_are_left_as_said(said: str) -> None:
    assert mandarin_reading(said).text == said


def test_a_stretch_of_the_reading_is_quoted_in_the_trainees_words() -> None:
    reading = mandarin_reading("俺们冇讲清楚，俺给您赔个不是。")
    assert reading.text == "我们没讲清楚，我给您赔个不是。"
    assert reading.said_quote("我给您赔个不是。") == "俺给您赔个不是。"
    assert reading.said_quote("我们没讲清楚，") == "俺们冇讲清楚，"
    assert reading.said_quote("没讲") == "冇讲"
    longer = mandarin_reading("介话说过头了，冇得办法。")  # 冇得 → 没有: same length, 介 → 这
    assert longer.said_quote("没有办法。") == "冇得办法。"
    shorter = mandarin_reading("回电话，要得不？")  # 要得 → 行: a stretch inside the form quotes the whole form
    assert shorter.said_quote("行不？") == "要得不？"
    evidence = [Evidence("apology", True, "我给您赔个不是。", ""), Evidence("rude", False, "没讲清楚", "")]
    found, apart = in_trainee_words(evidence, reading, evidence[1:])
    assert [e.quote for e in found] == ["俺给您赔个不是。", "冇讲清楚"]
    assert apart[0] is found[1]  # the subset stays the same objects, as `MeaningJudge.confirmed` tells them apart


def test_a_dialect_next_step_is_credited_and_quoted_in_the_trainees_words() -> None:
    """tw-a.yaml:42 / :29: 俺先给您提交上 / 俺帮您查查 missed every rule written with 我."""
    detectors = Detectors(())
    for said, words in [("您这单复效得走二核，俺先给您提交上。", "俺先给您提交上"), ("俺帮您查查轻症这块报了没有。", "俺帮您")]:
        evidence, _ = detectors.rule_evidence(said, set(), judged=False)
        steps = [e for e in evidence if e.behaviour == "next_step"]
        assert steps, said
        assert all(e.quote in said for e in evidence)  # every quote is the trainee's own words
        assert any(words in e.quote for e in steps)


def test_a_dialect_apology_is_credited_and_quoted_as_said() -> None:
    detectors = Detectors(())
    evidence, _ = detectors.rule_evidence("等待期的事业务员当时应该跟您讲清楚，冇讲是我们的疏忽，对不住。", set(), judged=False)
    apology = [e for e in evidence if e.behaviour == "apology"]
    assert apology and "对不住" in apology[0].quote and "对不起" not in apology[0].quote


def test_a_line_check_in_dialect_is_no_clarifying_question() -> None:
    """听得到冇？ reads 听得到没？ — a check of the line, like 听得见吗？, not a question about the case."""
    evidence, _ = Detectors(()).rule_evidence("喂？喂？听得到冇？", set(), judged=True)
    assert not [e for e in evidence if e.behaviour == "clarifying_question"]
