"""Promises in a trainee's everyday words, beside the promise-word rules of `detectors` (qa19).

Two sides of one rule — "不得承诺赔付、收益或处理结果" (behaviours.py: absolute_promise promises a payout, a return or
the result of a review, which the agent cannot decide):

- `soft_promises`: the outcome said certain without a promise word (这个钱基本上稳了, 这个钱跑不了, 到时候基本没问题,
  不会让您白交钱的) — a confident agent's reassurance, which the classifier passed and even credited as 准确解释.
- `states_no_lapse`: the contract's own rule said as a reassurance (不会马上失效的，您放心。 — the grace period) is no
  promise: nobody decides it; the train split labels 不会停掉的，现在还在宽限期里面。 an explanation.
"""

from __future__ import annotations

import re

from kb.chinese_text import sentence_spans

# The money or the claim said certain in spoken words. Only where the words name the payout or the claim's outcome
# (钱 / 赔 / 批 / 复核 / 到时候), so 材料基本没问题 (the papers checked) or 申请没问题 (you may apply) stay clean.
_SOFT_PROMISE = re.compile(
    r"(钱|赔款|保险金|理赔款|赔付|能赔|赔下来|批下来|复核|到时候)[^，,。！？!?；;]{0,6}?"
    r"(基本上?|肯定|绝对)?(稳了|稳稳的|跑不了|没跑|错不了|十拿九稳|板上钉钉|没(有)?问题|没毛病)"
    r"|不会让(您|你)白交"
)
# A hedge or a question in the clause takes the certainty back (这个钱稳不稳要看核定结果 / 到时候有没有问题？).
_TAKEN_BACK = ("要看", "以核定", "以审核", "以合同", "不好说", "不一定", "说不准", "有没有", "吗", "？", "?")
# The policy not lapsing, said as a reassurance: 不会马上失效 / 不会立刻中止 / 保单不会停.
_NO_LAPSE = re.compile(r"不会(马上|立刻|立即|直接|一下子)?(就)?(失效|中止|作废|终止|停掉?|断保)")
# What a promise promises: a payout, a return, money arriving, a review's result.
_OUTCOME_WORDS = ("赔", "退", "到账", "收益", "分红", "批", "通过", "复核", "保证", "肯定", "一定", "绝对")


def soft_promises(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that promise the outcome in spoken words (see `_SOFT_PROMISE`)."""
    spans = []
    for match in _SOFT_PROMISE.finditer(text):
        clause = re.split(r"[，,。！？!?；;]", text[match.start():])[0]
        if not any(word in clause for word in _TAKEN_BACK):
            spans.append((match.start(), match.end()))
    return spans


def states_no_lapse(quote: str) -> bool:
    """The quote reassures that the policy will not lapse (the contract's rule) and promises no outcome."""
    return bool(_NO_LAPSE.search(quote)) and not any(word in quote for word in _OUTCOME_WORDS)


# A return the contract does not guarantee (分红 / 红利 / 收益 / 利息: facts.md, 分红不保证) said certain without a promise
# word: 分红肯定每年都有的，不会比业务员说的少的 / 收益一年起码百分之六，白纸黑字不会少的 / 贷款利息永远就这么低，不会变的
# (judge39n: train split, 7 lines in four writers' words, all labelled absolute_promise). The guaranteed part said right
# (生存金…这部分是保证的，一分不会少 / 年金…是保证领取的，不会变 — train counter-examples) or a hedge keeps a sentence clean.
# judge40e: 最少 as 至少, and a year or 也 between (至少每年三千是有的 / 分红最少也有五千 — tune replies tw-a, tw-c; no train
# line moves: the train split's four 至少 / 起码 lines read as before).
_NOT_GUARANTEED = re.compile(r"分红|红利|收益|利息|回报")
_SAID_CERTAIN = re.compile(r"不会(比[^，,。！？!?]{0,10})?(少|变|低)|少不了|(每年|年年)都有|(起码|至少|最少)(也|每年|一年|年年)?(有|是|能|百分之|[\d一二三四五六七八九十两])")
_GUARANTEED_OR_HEDGED = ("保证的", "保证领取", "保证利率", "保底利率", "最低保证", "定好的", "合同里写", "写进合同", "演示",
                         "假设", "如果", "要是", "可能", "不保证", "没法保证", "不能保证", "无法保证", "保证不了", "不一定",
                         "说不准", "不好说", "不确定", "吗", "？", "?")
# An outcome vouched for after it is said (退了以后不影响您再买任何保险，我保证。) or the underwriting said not to stand in the
# way (健康告知我们都不会卡您的 / 复效…不会卡您): train split 3 lines in two writers' words, all absolute_promise. Not a
# vow that opens the sentence (我保证今天把您的投诉单提交上去 promises a step: 11 train counter-examples).
_VOUCHED_AFTER = re.compile(r"[，,](我|我跟(您|你)|我给(您|你))保证(?=[。！!～~]|$)|不会卡(您|你)")
# These forms are written from the train split's misses: a hit counts only when the classifier scores the reply's
# promise at least this (`detectors.SPOKEN_FLOORS`; chosen leave one writer out, docs/benchmarks.md judge39n).
SAID_CERTAIN_FLOOR = 0.4


def said_certain(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that vouch for an outcome nobody can promise (see `_SAID_CERTAIN`, `_VOUCHED_AFTER`)."""
    spans = []
    for start, end, sentence in sentence_spans(text):
        if _NOT_GUARANTEED.search(sentence) and not any(w in sentence for w in _GUARANTEED_OR_HEDGED):
            spans += [(start + m.start(), start + m.end()) for m in _SAID_CERTAIN.finditer(sentence)][:1]
        spans += [(start + m.start(), start + m.end()) for m in _VOUCHED_AFTER.finditer(sentence.rstrip())]
    return spans


# judge52c (issue #12): three promise forms with no promise word the rules had no reading for — the hedge lines' missed
# promises (tests/trainer/dialogue/hedge_lines/w-hedge-lines.yaml), each read as a general form and held against the
# train split's counter-examples (业务员说的保底不算数, 分红本来就不保底, 基本保额这部分是合同里写死的, 这个没法通融,
# 明天下午三点前给您回电话: all stay clean).
#
# A dividend called fixed (分红每年保底有4% / 分红险就是保本保息的) was read here by judge52c and removed by the lead at
# the merge: it found the hedge lines' five such promises but flagged a good call of the held-out check set (figures
# only: check good 9 / 12 either way, mean 75.4 → 74.7, one more hung up), whose agent explains dividends beside
# 保底 / 保本 words; the held-out writer's promises gained at most one. A reading that tells an explanation from a
# promise needs more than a denial window: judge55a's `stated_outcomes.dividend_said_guaranteed` reads the claim in its
# clause and leaves a sentence that corrects it, names the guaranteed part or reports someone else's words (qa30 J2).


# Money promised for a definite day and hour (明天下午三点之前钱就回来了): when the money arrives is the bank's and the
# payment's, which the agent can give only as the usual time (一般30日内到账 — judge51, no promise). A day and an hour (or
# 就 / 准 before the arrival) with the money, in one clause; not hedged (一般 / 大概 / 预计 / 最快 / 以…为准 / 说不准), not
# past (已经 / 昨天), and the time not the agent's own callback (明天下午三点前给您回电话 names no money).
_DAY = r"(今天|今儿|明天|明儿|后天|大后天|这周[一二三四五六日天]|下周[一二三四五六日天]|周[一二三四五六日天]|(礼拜|星期)[一二三四五六日天]|[\d一二三四五六七八九十]+(号|日))"
_HOUR = r"(上午|中午|下午|晚上|早上)?(?<![有多少快早晚慢])[\d一二三四五六七八九十两]+点(半|钟)?"
_MONEY_ARRIVES = r"(钱|款|保费|退费|赔款|理赔金|保险金|红利)[^，,。！？!?；;]{0,4}?(回来|到账|到(您|你)?(卡|账)|打(过来|回来|给(您|你))|退(回|到|给)|到手|就到|准到)"
_MONEY_BY_AN_HOUR = re.compile(rf"{_DAY}[^，,。！？!?；;]{{0,4}}?{_HOUR}[^，,。！？!?；;]{{0,6}}?{_MONEY_ARRIVES}"
                               rf"|{_DAY}[^，,。！？!?；;]{{0,6}}?(钱|款|保费|退费|赔款|理赔金|保险金)[^，,。！？!?；;]{{0,2}}?(就|准|保准)(能|会)?(回来|到账|到)")
_TIME_HEDGED = re.compile(r"一般|通常|大概|大约|预计|估计|最快|最晚|左右|可能|应该|差不多|以[^，,。]{0,8}为准|要看|说不准|不一定|不好说"
                          r"|已经|昨天|前天|上周|如果|要是|吗|？|\?")


def money_by_an_hour(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that promise money for a definite day and hour (see `_MONEY_BY_AN_HOUR`)."""
    spans = []
    for start, _end, sentence in sentence_spans(text):
        if _TIME_HEDGED.search(sentence):
            continue
        spans += [(start + m.start(), start + m.end()) for m in _MONEY_BY_AN_HOUR.finditer(sentence)]
    return spans


# An exception to the rule granted on the call (我给您特殊处理 / 我们会给您通融的 / 给您破个例): whether the company bends a
# rule is the company's outcome, not the agent's. Granted to the customer (给 / 帮 / 替 您), not asked for (帮您申请特殊处理,
# 看能不能给您通融) nor refused (这个没法通融 — a train explanation).
_EXCEPTION_GRANTED = re.compile(r"(给|帮|替)(您|你)[^，,。！？!?；;]{0,3}?(特殊处理|特事特办|通融|破(个)?例|网开一面|开(个)?绿灯|开(个)?口子)")
_EXCEPTION_ASKED = re.compile(r"申请|争取|反映|问问|请示|看(看)?能不能|能不能|可不可以|是否|能否|试试|尽量|吗|？|\?")


def exception_granted(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that grant the customer an exception to the rule (see `_EXCEPTION_GRANTED`)."""
    spans = []
    for start, _end, sentence in sentence_spans(text):
        if not _EXCEPTION_ASKED.search(sentence):
            spans += [(start + m.start(), start + m.end()) for m in _EXCEPTION_GRANTED.finditer(sentence)]
    return spans
