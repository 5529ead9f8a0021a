"""When the classifier's credit for good service is withheld: words that look like the behaviour and are not (judge38e).

Verification needs something that identifies the customer, checked with them. The classifier reads confirming and
reading data out as identity checks; on the train split every one of the 155 lines labelled verification names something
that identifies a person (身份 / 本人 / 尾号 / 手机 / 地址 / 卡号 / 保单号 / 核…), so a confirmation of the case alone
(查到了，您这张是二〇二一年三月生效的那张，对吧？ 您选的是年交对吧？) is a clarifying question, not a check; and data read out to the caller with nothing asked back (您闺女的身份证号我这有，我念给您，
您抄一下，370202…) leaks it (personal_data) rather than checks it — 我念一下您卡号核对，6222…，对吗？ still counts.
Empathy is for the customer's feelings or plight; thanking them for their understanding (感谢您的理解，祝老人家早日出院，
再见。) closes the call — 0 of the 3 such train lines are labelled empathy, and the classifier credited one of them.
Escalation hands the case up; the agent promising to call back themself is a next step (judge39n).
"""

from __future__ import annotations

import re

# What identifies the policyholder: an identity check asked without one of these (您好，请问是哪位？) checks nothing
# (the judge's who-question guard).
IDENTIFYING = ("身份", "本人", "后四位", "尾号", "姓名", "名字", "出生", "生日", "证件", "投保人", "被保", "受益人",
               "女士", "先生", "阿姨", "大爷", "老人家")
# …and what else names a person or the check itself: the data of the 155 train lines labelled verification
# (手机号 / 卡号 / 地址 / 住哪儿 / 保单号 / 全名 / 单位 / 授权 / 她本人).
IDENTIFYING_THINGS = IDENTIFYING + (
    "手机", "号码", "号", "卡", "地址", "住", "核", "对上", "对一下", "对对",
    "单位", "收入", "授权", "委托", "闺女", "女儿", "儿子", "老伴", "妈妈", "家属",
)
# A run of data (six digits or more, spaces and masks allowed): an ID, card or phone number said out.
_DATA_RUN = re.compile(r"\d[\d\s*＊]{5,}")
# Asking the customer back (…，对吗？ 您看对不对 核对): what makes reading data out a check.
_ASKED_BACK = re.compile(r"[？?]|吗|对吧|对不对|对不|没错吧|是不是|核|对一下|对对|对上")


def identifies_someone(text: str) -> bool:
    """The reply names something that identifies a person, or the check itself."""
    return any(word in text for word in IDENTIFYING_THINGS)


def reads_data_out(text: str) -> bool:
    """The reply says a run of the customer's data and asks nothing back."""
    return bool(_DATA_RUN.search(text)) and not _ASKED_BACK.search(text)


def not_an_identity_check(text: str) -> bool:
    """A classifier's verification credit for `text` is withheld: nothing identifying, or data read out unasked."""
    return not identifies_someone(text) or reads_data_out(text)


# Thanking the customer for understanding (感谢您的理解 / 谢谢大哥理解 / 感谢亲的理解和支持).
_THANKS_FOR_UNDERSTANDING = re.compile(r"(感谢|谢谢)[^，。？！,.?!]{0,3}理解")


def thanks_for_understanding(quote: str) -> bool:
    """The classifier's empathy quote thanks the customer for understanding: a closing courtesy, no empathy."""
    return bool(_THANKS_FOR_UNDERSTANDING.search(quote))


# Escalation hands the case up (a superior, a complaint, the regulator). The agent calling back themself
# (明天上午我亲自给您回电话 / 我十分钟之后给您回拨) is a next step: on the train split 27 replies promise the agent's own call-back
# with nobody else and no route named, in six writers' words, and none is labelled escalation — the classifier credited
# one (judge39n). A colleague or a specialist calling (让管这块儿的同事给您回电话, 专人联系您) is not this: raters split on
# those (judge25's wider call-back check cost a dev escalation item).
_OWN_CALL_BACK = re.compile(r"我[^，,。！？!?；;]{0,12}?(回电话|回电|回您电话|回个电话|回个话|回话|回复您|回复你|回过去|回拨|"
                            r"打给您|打给你|给您打|给你打|联系您|联系你)")
_SOMEONE_ELSE_OR_A_ROUTE = re.compile(r"投诉|主管|领导|组长|班长|经理|负责人|升级|复核|转|上级|监管|12378|仲裁|法院|调解|消保|申诉|"
                                      r"核查|核实|专员|专人|专门|同事|顾问|老师|质检|部门|中心|他|她|权限")


def own_call_back_only(text: str) -> bool:
    """The reply promises the agent's own call-back and hands the case to nobody (no one else, no route named)."""
    return bool(_OWN_CALL_BACK.search(text)) and not _SOMEONE_ELSE_OR_A_ROUTE.search(text)


# judge39v: verification relabelled on both splits by one written rule (docs/annotation-verification.md). A check ASKS the
# person to establish who they are; under the rule these show no verification, whoever credits them (cue, spoken form or
# classifier — train, leave one writer out under the new labels: 11 of the 14 false credits, none of the 63 checks):
# (b, c) a check said done or needed, or a caller sent to the insured, with nothing asked (…后四位1234对上啦～ / 按规定得先跟您
# 核一下身份。 / 本人来！); (a) the customer's data read out for a yes (身份证号是…对吧？ 手机尾号5678的那个号，是您本人在用吗？ — only
# the name + 本人 question asks who they are); (d) whether they signed themself (签名是您本人亲笔签的嘛？).
_ASKED = re.compile(r"[？?]|吗|嘛|是吧")
# Asking them to SAY something that identifies them (报一下 / 说一下 / 告诉我 / 是多少 / 什么关系 / a list: 名字，后四位，…;
# 您自己报后四位就行 — judge40e, a tune reply the cue found and this guard dropped; train: 8 of 10 自己报 / 念 / 说 lines verification).
_ASKS_TO_SAY = re.compile(
    r"报(一下|下|个|给|全)|[请先再]报|说(一下|下|说|一声|一遍)|跟我说|告诉我|提供|讲(一下|下)|是多少|是几|念给我|(自己|自个儿)(报|念|说)"
    r"|拿出来|叫啥|贵姓|称呼|(什么|啥)关系|什么人|是谁|(名字|姓名|全名|后四位|后六位|出生年月日?|保单号)[，,、]")
# The customer's data said by the agent: three digits or more (not a work number), a masked tail, 尾号…, 卡号是….
_READ_OUT = re.compile(r"(?<!工号)\d[\d\s*＊]{2,}|[*＊]{2}\d|尾号(是)?[\d*＊]|(号|卡号|地址)是[^，。？]{2}")
_SELF_QUESTION = re.compile(r"本人(吗|嘛|么|不|吧)|本人[？?]")
_SIGNED = re.compile(r"本人[^，。？]{0,4}签|签[^，。？]{0,4}本人|亲笔|自己签")


def asks_nothing_of_them(text: str) -> bool:
    """The reply asks no question and asks them to say nothing (a check said done or needed, a caller sent away)."""
    return not _ASKED.search(text) and not _ASKS_TO_SAY.search(text)


def reads_back_for_a_yes(text: str) -> bool:
    """The reply reads the customer's data out and only asks 对吧 / 是吗: they supply nothing (not 是…本人吗？)."""
    return bool(_READ_OUT.search(text)) and not _ASKS_TO_SAY.search(text) and not _SELF_QUESTION.search(text)


def asks_who_signed(text: str) -> bool:
    """The reply asks whether they signed themself: about the signature, not who they are."""
    return bool(_SIGNED.search(text)) and not _ASKS_TO_SAY.search(text)


def no_identity_asked(text: str) -> bool:
    """Any verification credit for `text` is withheld: it asks nobody to establish who they are (the rule's a–d)."""
    return asks_nothing_of_them(text) or reads_back_for_a_yes(text) or asks_who_signed(text)
