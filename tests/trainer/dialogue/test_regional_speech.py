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
    # calls43t: Cantonese-flavoured (cw3-g, Foshan) and Shaanxi (cw3-h, Baoji) Mandarin
    "额们": ("您打额们热线。", "您打我们热线。"),
    "额": ("这个要求额这边答应不了。", "这个要求我这边答应不了。"),
    "佢哋": ("佢哋唔会问您要密码，佢都知。", "他们不会问您要密码，他都知。"),
    "哋": ("我哋帮您查。", "我们帮您查。"),
    "唔使": ("您唔使太紧张，唔洗担心。", "您不用太紧张，不用担心。"),
    "唔": ("我唔可以同您保证一定通过。", "我不可以同您保证一定通过。"),
    "系咪": ("您系咪本人？", "您是不是本人？"),
    "梗系": ("梗系会帮您跟进。", "当然是会帮您跟进。"),
    "即系": ("效力中止即系保障暂时停咗。", "效力中止就是保障暂时停了。"),
    "系": ("按合同一般系唔赔嘅。", "按合同一般是不赔的。"),
    "咩？": ("系咩？", "是吗？"),
    "咩": ("唔系咩大件事。", "不是什么大件事。"),
    "乜嘢": ("您想问乜嘢？乜都可以问。", "您想问什么？什么都可以问。"),
    "点解": ("点解冇扣到款？", "为什么没扣到款？"),
    "点样": ("您想点样处理？", "您想怎么样处理？"),
    "边个": ("无论边个打来。", "无论谁打来。"),
    "撒（啥）": ("现金价值是撒意思？有撒问题再打。", "现金价值是啥意思？有啥问题再打。"),
    "么（没）": ("要是有哪儿么看懂，还么交上。", "要是有哪儿没看懂，还没交上。"),
    "么？": ("这几块您都知道了么？", "这几块您都知道了吗？"),
    "嫑": ("您先嫑急，嫑轻易退。", "您先别急，别轻易退。"),
    "克": ("您克柜面办。", "您去柜面办。"),
    "得是": ("是您亲笔签的，得是？", "是您亲笔签的，是不是？"),
    "嘅": ("“效力中止”嘅状态。", "“效力中止”的状态。"),
    "咗": ("核对好咗。", "核对好了。"),
    "畀": ("用短信发畀您，俾您睇下。", "用短信发给您，给您看下。"),
    "啱啱": ("啱啱核对过。", "刚刚核对过。"),
    "啱": ("您咁谨慎系啱嘅。", "您这么谨慎是对的。"),
    "仲": ("合同仲在。", "合同还在。"),
    "啲": ("有啲重要情况，我讲通俗啲。", "有些重要情况，我讲通俗点。"),
    "咁耐": ("等咗咁耐。", "等了这么久。"),
    "咁": ("系咁嘅。", "是这样的。"),
    "喺嚟": ("您喺屋企，我嚟帮您。", "您在屋企，我来帮您。"),
    "谂": ("唔好谂咁多。", "不好想这么多。"),
    "搞掂": ("两日就搞掂。", "两日就搞定。"),
    "应承（答应）": ("这几样额实在应承不了您。", "这几样我实在答应不了您。"),  # calls45: the refusal, read as 答应不了
    "白（别）": ("恁先白急，时间够用，白担心。", "您先别急，时间够用，别担心。"),  # calls47: Shandong 白 = 别
    "莫气": ("您莫气，莫急。", "您别气，别急。"),
    # calls48: feelings in regional words
    "窝塞": ("侬心里肯定窝塞。", "您心里肯定憋屈。"),
    "嬲": ("换咗边个都会嬲。", "换了谁都会生气。"),
    "瞀乱": ("搁谁心里都瞀乱。", "搁谁心里都心烦。"),
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
    "您白担心了一场，钱一分没少。我明白着急的滋味，白跑一趟确实窝火。",  # 白 "in vain" / 明白: not 别 (calls47)
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
    # calls43t: the train split's 系 / 额 / 么 / 仲 / 得是 are words of their own, never Cantonese 是 / Shaanxi 我 / 没
    "系统显示您跟他的关系，请联系我们。",  # 系统 / 关系 / 联系
    "全额退保的金额，余额和保额，申请额度，津贴日额。",  # 额 in an amount's word
    "您跟他是么哩关系？么时候发现的？",  # 么 is 什么 before 哩 / 时候 (tr-a, train)
    "可以申请仲裁。",  # 仲裁
    "今年分得是少了，心梗得是较重的。",  # 得 + 是, not a tag question
    "他撒谎了，一千克。",  # 撒 / 克 inside words
    "保险公司应承担赔偿责任。",  # 应 + 承担 (the content's answers), not 应承
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


def test_a_cantonese_or_shaanxi_stretch_is_quoted_as_said() -> None:
    """calls43t: a finding on the reading (一般是不赔 / 我这边答应不了) quotes 梁生's and 小马's own words."""
    cantonese = mandarin_reading("中止期间发生嘅保险事故，按合同一般系唔赔嘅。")
    assert cantonese.said_quote("一般是不赔的。") == "一般系唔赔嘅。"
    shaanxi = mandarin_reading("这个要求额这边答应不了，您先嫑急。")
    assert shaanxi.said_quote("我这边答应不了") == "额这边答应不了"
    assert shaanxi.said_quote("您先别急。") == "您先嫑急。"
    assert mandarin_reading("得是？").said_quote("是不是？") == "得是？"  # a longer reading quotes the whole form


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
