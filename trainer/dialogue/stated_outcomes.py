"""Promises with no promise word: an outcome only the review, the company or the market decides, stated as fact
(judge54, issue #12 — "不得承诺赔付、收益或处理结果", behaviours.py's absolute_promise).

A confident agent reassures without 保证 / 肯定: 您这个情况是赔的咯 (the payout as a fact of the customer's case),
上个月有个客户跟您一样的病，三天就赔下来了 (a past case as proof), 这笔理赔下来是十二万八，就是这个数 (an amount the
review has not made), 利率往后也是这个数 (a rate that floats, said fixed), 分红其实是有保底的 (a dividend said guaranteed,
judge55a), 什么时候补上都可以 (no lapse, ever), 审核就是走个过场 (the review said a formality or skipped). Each form is a meaning kind, written from 小秦's tune-side lines
(tests/trainer/dialogue/hedge_lines/w-xiaoqin-promises.yaml) and checked on other wordings (tests/trainer/dialogue/
test_stated_outcomes.py); a hedge in the sentence (一般 / 要看 / 以…为准 / 不能保证 / 但 …) takes each back, so the
process and its usual times can still be explained.
"""

from __future__ import annotations

import re
from typing import Callable

from kb.chinese_text import sentence_spans

# A hedge, a condition, a question or a past fact in the sentence: the agent explains, asks or reports, and vouches
# for nothing (一般五个工作日左右 / 要看审核 / 以银行到账为准 / 但每个人病历不一样 / 我不敢给您打包票 / 能不能 …).
_HEDGED = re.compile(
    r"一般|通常|正常(情况)?|大概|大约|预计|估计|左右|可能|也许|应该|差不多|多数|大多|基本上|原则上|要看|得看|看(您|你)?的?(合同|条款|情况|审核|银行)"
    r"|以[^，,。！？!?]{0,10}为准|不一定|不好说|说不准|不确定|不敢|不能(跟|给|向)?(您|你)?(说|保证|打包票|承诺)|没(办法|法)|不晓得|不知道"
    r"|但(是)?|不过|如果|要是|假如|的话|前提|符合|范围|责任内|审核(来|去)?(定|认定)|核保(来|去)?定|能不能|会不会|是不是|有没有|是否|能否"
    r"|[涨跌]是[涨跌]|吗|呢？|？|\?|举例|假设|不代表|不是固定|不保证|浮动|公布"
)
_NOT = r"(没(有)?|冒得|冇得?)"


def _unhedged(sentence: str) -> bool:
    return not _HEDGED.search(sentence)


def _in_sentences(text: str, pattern: re.Pattern, keep: Callable[[str], bool] = _unhedged,
                  keep_match: Callable[[str, re.Match], bool] = lambda _sentence, _match: True) -> list[tuple[int, int]]:
    """The spans where `pattern` matches a sentence of `text` that `keep` keeps (by default: no hedge takes it back)."""
    return [(start + m.start(), start + m.end()) for start, _end, sentence in sentence_spans(text) if keep(sentence)
            for m in pattern.finditer(sentence) if keep_match(sentence, m)]


# The payout or the review's outcome said as a fact of the customer's case: 您这个情况是赔的咯 / 您婆婆这种赔得到的 /
# 您这次投诉是成立的 / 住院的钱都能报回来，自费的也报 / 领导那边已经同意赔偿了 / 公司会把全部保费退还给您. Not a rule said
# of a kind of case (宽限期内出险也是按合同处理的) and never negated (您这个是不赔的 names no promise).
_PAID_AS_FACT = re.compile(
    r"(您|你)[^，,。！？!?；;不没冒]{0,6}?(是|也是)?(赔得到|赔得了|报得了|报得回来|能赔|可以赔|要赔|赔)的(咯|嘞|啊|呀|哈|呢|嘛)?(?=[，,。！!～~]|$)"
    r"|投诉(是)?成立(的|了)"
    r"|(都|全)(能|可以|给)?(报|赔)(回来|下来|得回来)|自费(的|药|部分)?也(能|可以|给)?(报|赔)"
    r"|(领导|公司|理赔|上面)(那边)?已经(同意|批了|答应)[^，,。！？!?；;]{0,3}(赔|退|补偿|给)"
    r"|(公司|我们)(会|就会|肯定会)(把)?(全部|全额)[^，,。！？!?；;]{0,4}退"
)
# The review said a formality or skipped: 审核就是走个过场 / 就是走个流程的事 / 审核一次就过 / 不用重新审核 / 理赔不查这个 /
# 等待期不用重新算 (facts.md: 复效 needs the insurer's agreement, a health declaration and possibly an examination).
_REVIEW_WAIVED = re.compile(
    r"走个?(过场|形式)|走个流程的事|一次就(能)?(过|通过)|不用(再|重新)?(审核|核保|体检|告知|审)(?!了吗)"
    r"|(理赔|审核|核保)(时|的时候)?(不会|不)(查|看|管|问)(这个|这些|那个|那些)?"
    r"|等待期[^，,。！？!?；;]{0,2}(不用|不会)(重新)?算|(当天|马上|立刻|立马)就(能)?恢复"
    r"|(年年|每年|以后|往后)(都)?(能|可以|会)(给(您|你))?续(保)?|(照样|也能|也可以)(给(您|你))?续(保)?(?!费)"
)
# The customer's own condition (材料齐了的话) does not take a formality back: only a hedge does.
_CONDITIONS = re.compile(r"如果|要是|假如|的话")
# An amount the review decides, said final: 就是这个数 / 都算好了的 / 一分不差 (这笔理赔下来是十二万八，就是这个数 / 到期
# 您能拿回十五万，合同里都算好了的). Only where a payout or a maturity is received (赔 / 报 / 到手 / 拿回 / 领), not a
# surrender's cash value read off the table (犹豫期外退保，按现价走，扣完手续费就是这个数 — a TUNE explanation, tw).
_AMOUNT_FINAL = re.compile(r"就是这个数|就这么多|都算好了|算得好好的|一分不差|一分都不差|板上钉钉|铁板钉钉")
_MONEY_RECEIVED = re.compile(r"赔|报销|到手|拿回|拿到|能拿|领")
_GUARANTEED_PART = re.compile(r"保证(利益|领取|部分|的|金额|续保)|保底|基本保额|保额是")
# A payout's sum with nothing but "no problem" after it: 全额五十万，冒得问题 (the clause the soft-promise form cannot reach).
_SUM_NO_PROBLEM = re.compile(r"(赔|全额|万|钱|报)[^。！？!?；;，,]{0,4}[，,]" + _NOT + r"(问题|毛病)[的咯嘞啦哈啊呀]*(?=[。！!～~]|$)")


def paid_as_fact(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that state the payout, the review's outcome or its amount as a fact."""
    return [*_in_sentences(text, _PAID_AS_FACT), *_in_sentences(text, _SUM_NO_PROBLEM),
            *_in_sentences(text, _REVIEW_WAIVED, lambda s: _unhedged(_CONDITIONS.sub("", s)) and not _GUARANTEED_PART.search(s)),
            *_in_sentences(text, _AMOUNT_FINAL,
                           lambda s: _unhedged(s) and not _GUARANTEED_PART.search(s) and bool(_MONEY_RECEIVED.search(s)))]


# A past case offered as proof of the customer's outcome: 上个月有个客户跟您一样的病，三天就赔下来了，您这个也是一样的 /
# 我们这边理赔从来没拒赔过 / 我们都是这么处理的. Someone else's case told as a fact (上个月理赔了三万八，打到他工行卡上了)
# or as a likeness (她那个赔了，您这个情况跟她差不多 — train split, not labelled a promise) is no proof; hedged (上个月那个
# 客户是赔下来了，但每个人病历不一样) it is experience: the whole reply is read for the hedge.
_OTHERS_CASE = re.compile(
    r"(有个|有位|有一个|有一位|别的|其他)[^。！？!?；;]{0,16}?(也|都)?(全额|全部)?(赔下来了|赔了|赔到了|报下来了|退下来了|批下来了)")
# tied to the customer's case as the same outcome (您这个也是一样的 / 您这个就更不会了), not as a likeness (跟她差不多)
_SAME_FOR_YOU = re.compile(r"(您|你)[^，,。！？!?；;]{0,5}?(也|就)?(是)?(一样|更不会|照样|也能赔|也会赔)")
_NEVER_REFUSED = re.compile(r"从来" + _NOT + r"?(拒赔|拒过|不赔|赔不了|批不下来)|(我们|公司|这边)?(都|一直)是这么(处理|办|赔)的")
_HEDGED_REPLY = re.compile(r"但|不过|要看|得看|不一样|不同|为准|不能|不敢|不一定|多数|一般|可能|每个人|个案|吗|？|\?")


def precedent_as_proof(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that offer a past case as proof of the customer's outcome (see `_OTHERS_CASE`)."""
    if _HEDGED_REPLY.search(text):
        return []
    spans = [(m.start(), m.end()) for m in _NEVER_REFUSED.finditer(text)]
    if _SAME_FOR_YOU.search(text):
        spans += [(m.start(), m.end()) for m in _OTHERS_CASE.finditer(text)]
    return spans


# A rate or a return the contract does not fix (结算利率 / 贷款利率 / 分红 / 红利 / 利息 / 收益, facts.md: 分红不保证, the
# settlement rate above the floor floats) said fixed or going up: 利率往后也是这个数，不会往下走 / 下个月结算利率是要上调的 /
# 分红百分之百比去年高 / 利息一年比一年高 / 以后也不会变. The guaranteed floor said right (保底利率那部分是合同写明的) and a
# hedge (以后可能会调 / 会不会回升我没办法打包票 / 是涨是跌我真的不晓得) stay clean.
_FLOATING = re.compile(r"利率|分红|红利|利息|收益|回报")
_SAID_FIXED = re.compile(
    r"(以后|往后|将来|今后|明年|下个?月|今年|下一年|后面)[^，,。！？!?；;]{0,8}?(也|都|还)?"
    r"(不会变|不变|不会(往下)?(降|跌|低|少|走|涨)|不会往下走|是这个数|(会|要|就)(涨|上调|上涨|回升|涨回)|比[^，,。！？!?；;]{0,4}(高|多))"
    r"|一年比一年(高|多)|(比去年|比往年|比上一年)[^，,。！？!?；;]{0,2}(高|多)|不会低于|往下走不了|不会往下走"
)


def rate_said_fixed(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that state a floating rate or return fixed or rising (see `_SAID_FIXED`)."""
    return _in_sentences(text, _SAID_FIXED,
                         lambda s: bool(_FLOATING.search(s)) and _unhedged(s) and not _GUARANTEED_PART.search(s))


# A dividend said guaranteed (judge55a, qa30 J2: 分红这块呢，其实是有保底的 — credited 准确解释, the call scored 100): facts.md
# §4, dividends are not guaranteed (红利水平是不保证的，在某些年度红利可能为零), so a floor, a capital guarantee or a fixed figure
# said of the dividend promises a return (分红…有保底 / 红利年年保底三个点 / 分红这块是保本的 / 本来就是保本保息的). Not the
# guaranteed part named (万能账户有保底利率 / 合同保证的是基本保额), not denied in its clause (没有保底 / 不是固定的 / 不像存款
# 那样保本), asked, supposed or someone else's belief (保本吗？ / 如果 / 您以为 / 业务员当初说), and not in a sentence that
# corrects the claim (分红是不保证的 / 合同里没有写 / 那是他个人的说法).
_DIVIDEND = re.compile(r"分红|红利")
_SAID_GUARANTEED = re.compile(r"保底|保本|保息|旱涝保收|(?:是|都是)(?:保证|固定)的|固定(?:收益|回报|利率|比例|[\d一二三四五六七八九十百])")
_GUARANTEED_THING = re.compile(r"(?:保底|保证)的[那这]?部分|万能|账户|利率|保额|现金价值|身故|满期|生存金|年金|保险金|保险责任|条款")
_DENIED_IN_CLAUSE = re.compile(r"[不没无非未冒冇唔]")  # 冒得 / 冇 / 唔: regional 没 / 不
_CORRECTED = re.compile(r"不保证|不保底|没有?保底|不保本|不确定|不一定|并不|并非|不是|没有?写|没有?这(?:个|种|条|项)?(?:说法|约定|规定)"
                        r"|说法|不算数?|不认|不对|错的|不准确|不存在|吗|？|\?|如果|要是|假如|假设|以为|认为|觉得|听说")
_SOMEONE_SAID = re.compile(r"(?<![跟和给对向])(?:业务员|销售|代理人|他|她|对方|人家|您|你)[^，,。！？!?；;]{0,6}?(?:说|讲|告诉|承诺|宣传|提到)")


def dividend_said_guaranteed(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that call a dividend guaranteed, floored or fixed (see `_SAID_GUARANTEED`)."""
    spans = []
    for start, _end, sentence in sentence_spans(text):
        if not _DIVIDEND.search(sentence) or _CORRECTED.search(sentence):
            continue
        for match in _SAID_GUARANTEED.finditer(sentence):
            clause_start = max(sentence.rfind(mark, 0, match.start()) for mark in "，,") + 1
            clause = sentence[clause_start:match.start()]
            clause_end = min((i for i in (sentence.find(m, match.end()) for m in "，,") if i >= 0), default=len(sentence))
            if not (_DENIED_IN_CLAUSE.search(clause) or _GUARANTEED_THING.search(sentence[clause_start:clause_end])
                    or _SOMEONE_SAID.search(sentence[:match.start()])):
                spans.append((start + match.start(), start + match.end()))
    return spans


# No lapse, ever: the premium may be paid any time (什么时候补上都可以 / 您慢慢补就行 / 两年之内都不影响保障) — the grace
# period is 60 days and the policy is suspended after it (facts.md, 保险法 art.36). The grace period's own rule said
# with its limit (六十天宽限期，这期间保障还在) is no promise (`promises.states_no_lapse`).
_NO_LAPSE_EVER = re.compile(
    r"(什么时候|啥时候|哪天|随时|啥时)(补|交|再交|再补)(上|齐|进来)?(都|也)?(行|可以|没事|没关系|不迟|来得及)"
    r"|慢慢(补|交)(上)?(就行|就好|就可以|都行|没事|没关系)"
    r"|(年|年之内|年内)都不(影响|耽误)(保障|保单|理赔)"
)
# Money on a calendar day said certain: 钱下周三就到您卡上 / 五十万月底之前就到您手上了 / 今晚十二点之前会自动退回 /
# 今年也是七月一号到账 (when money arrives is the review's, the bank's and the payment's: `promises.money_by_an_hour`
# reads a day and an hour with a money word; these name the day alone, or an arrival that is money by itself).
_DAY = (r"(今天|今儿|今晚|明天|明儿|后天|大后天|这周[一二三四五六日天]|下周[一二三四五六日天]|下个?(礼拜|星期)[一二三四五六日天]"
        r"|月底|月初|[\d一二三四五六七八九十]+月[\d一二三四五六七八九十]+(号|日))")
_ARRIVES = r"(到账|到(您|你)的?(卡|账|手(?!机))(上|里)?|退回(来|去)?|打到(您|你)|到手)"
_MONEY_ON_A_DAY = re.compile(_DAY + r"[^，,。！？!?；;]{0,10}?(就|准|会|也是)?[^，,。！？!?；;]{0,3}?" + _ARRIVES)
_TIME_HEDGED = re.compile(r"已经|昨天|前天|上周|催")


def lapse_or_money_day(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that promise no lapse ever or money on a calendar day (see `_NO_LAPSE_EVER`, `_MONEY_ON_A_DAY`)."""
    spans = [] if "宽限期" in text else _in_sentences(text, _NO_LAPSE_EVER)  # 宽限期…可以慢慢交: the rule (train split)
    return spans + _in_sentences(text, _MONEY_ON_A_DAY, lambda s: _unhedged(s) and not _TIME_HEDGED.search(s))


# Vouching the promise-word rules had no outcome for: 包免的 / 包在我身上 (包 as 包您), 我保证您不亏, 百分之百给报,
# 保证今天下午之前退回来, the illustration said to be the money (演示上写的那个数就是您到时候拿的钱) and the rule bent on
# the call (我直接给您按犹豫期办 / 过了犹豫期也能全额退 / 手续费我已经给您免掉了 — `promises.exception_granted` reads
# 特殊处理 / 通融 / 破例). Asked for (帮您申请 / 看能不能) or hedged, it is a step.
_VOUCHED = re.compile(
    r"包(免|退|赔|过|批|通过|恢复|到账)(的|了)?(?![a-z])|包在我身上"
    r"|(保证|肯定|百分之百|百分百|一定)(您|你)?(不会)?(不亏|亏不了|吃不了亏|不吃亏|不会亏)"
    r"|(保证|百分之百|百分百|肯定|一定)[^，,。！？!?；;]{0,8}?(退回来|退回|给报|能报|报得了)"
    r"|(保证|百分之百|百分百)是[\d一二三四五六七八九十两]+(万|千|块|元)"
    r"|演示[^，,。！？!?；;]{0,8}就是(您|你)[^，,。！？!?；;]{0,6}(拿|领|到手)"
    r"|(直接)?(给|帮)(您|你)(直接)?按犹豫期(办|退|算|处理)|(过了犹豫期|犹豫期过了)[^，,。！？!?；;]{0,4}也(能|可以)?全额退"
    r"|(给|帮)(您|你)(把)?(手续费|费用)?(免掉|免了|减免了)"
)
_ASKED = re.compile(r"申请(?!免)|争取|问问|请示|看(看)?能不能|能不能|可不可以|是否|能否|试试|尽量|吗|？|\?")


def vouched_outcomes(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that vouch for an outcome in words the promise-word rules do not read (see `_VOUCHED`)."""
    return _in_sentences(text, _VOUCHED, keep_match=lambda sentence, match: (
        match.group(0).startswith("包") or not _ASKED.search(sentence[:match.start()])))


def stated_outcomes(text: str) -> list[tuple[int, int]]:
    """Every span of `text` that states as fact, or vouches for, an outcome nobody on the call can promise."""
    return [*paid_as_fact(text), *precedent_as_proof(text), *rate_said_fixed(text), *dividend_said_guaranteed(text),
            *lapse_or_money_day(text), *vouched_outcomes(text)]
