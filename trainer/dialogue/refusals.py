"""A refusal said in everyday or regional words: the agent's ability or authority to grant a demand, negated.

A scenario's refusal step is written in the script's words (无法当场答应, 没法答应), and a cue list is a phrase match.
Trainees refuse in their own: 这个我做不了主, 这几样我真办不到, 我冇这个权限, 这个要求我满足不了, 这个俺给不了您,
我无权答应 — calls46's own media-threat probes (calls45 had read only 应承不了): none met the step nor answered her
"能不能办？", so the customer's question stayed "ignored" each turn (+10 a turn: 65 → 92 in three turns, toward her
hang-up at 96), and four of them the classifier read as an absolute promise (the demand said back before the refusal:
全额退再赔5万、今天到账，这个我无权答应 — +20 in one turn).

`DECLINED` reads the class, on a reply's Mandarin reading (冇 → 没, 应承 → 答应, 俺 → 我): a granting verb after
无法 / 没法 / 不能 (the cue's own form), a granting verb with its negated potential complement (答应不了, 办不到,
给不了, 批不了), no authority (没有这个权限, 无权, 做不了主, 说了不算). Not 少不了 / 跑不了 / 错不了 (the outcome
said certain: `promises.soft_promises`): only verbs of granting, doing and deciding are read.
"""

from __future__ import annotations

import re

from kb.chinese_text import CLAUSE_ENDS, span_bounds
from trainer.dialogue.regional_speech import mandarin_reading

# Verbs of granting a demand; with a negated potential complement also of doing it or giving it (办不到, 给不了) — after
# 不能 those say too much else (不能给您打包票, 不能做手术).
_GRANT = "答应|承诺|满足|同意|批准|批|办"
# The written and office register's refusals (calls47): 恕难从命, 恕我不能从命, 恕难照办, 碍难照办, 歉难应允, 难以满足 —
# a negation of the literary kind before a granting verb or 从命 / 照办 / 应允 (complying), as 不能答应 is before 答应.
_NOT_ABLE = r"无法|没法|没办法|没有办法|不能|不可以|难以|(?:恕|碍|歉)难|恕(?:我|本人)?(?:不能|无法)"
DECLINED = re.compile(
    r"做不了(?:这个|这|您的|你的)?主|作不了主|说了不算"
    rf"|(?:{_NOT_ABLE})(?:当场|马上|现在|直接|随便|轻易)?(?:{_GRANT}|从命|照办|应允)"
    # 办不成 / 搞不成 (Shaanxi, Wuhan: can't get it done), 安排不了 (a young agent's), 弄不了 — calls47's own media-threat
    # calls: unread, her "能不能办？" stayed "ignored" four turns running (+10 a turn)
    rf"|(?:{_GRANT}|做|给|应|搞|弄|安排)(?:不了|不到|不成)"
    r"|(?:没有|没|无)(?:这个|这种|那个|这样的)?(?:权限|权力|权利)(?!益)|无权")
# A cue that is itself such a refusal (没法答应, 无法当场承诺): the step or question is a refusal of her demand.
_REFUSAL_CUE = re.compile(rf"(?:无法|没法|没办法|不能)[\u4e00-\u9fff]{{0,2}}(?:答应|承诺|同意|满足)")


def is_refusal_cue(cue: str) -> bool:
    """The cue says the agent cannot grant (没法答应, 无法当场承诺): any refusal `DECLINED` reads says it."""
    return bool(_REFUSAL_CUE.fullmatch(cue))


def declines(sentence: str) -> bool:
    """The sentence, read in Mandarin, refuses: a negated ability or authority to grant (`DECLINED`)."""
    return bool(DECLINED.search(mandarin_reading(sentence).text))


# A word of certainty: beside a refusal it keeps a promise the agent makes of her own (我保证今天到账，别的我做不了主).
CERTAIN = re.compile(r"保证|肯定|一定|绝对|包(?:您|你|赔|退|过|到)|百分之百|没问题")
# What refers back to the demand just listed: the next clause opens with 这个 / 这些 / 这几样 (全额退、再赔5万、今天到账，
# 这个真的安排不了), or the list is named her demand (…今天到账的要求，我无法当场答应 / …今天到账这些要求我满足不了).
_REFERRED_BACK = re.compile(r"^\s*(?:这|那)(?:个|些|几样|几条|几项|几个|几点|样|种|都)?")
_NAMED_DEMAND = re.compile(r"[^，,]{0,2}?(?:的|这些|这个|这几[样条项个点])(?:要求|诉求|条件)")


def refused_back(text: str, start: int, end: int) -> bool:
    """The words at [start, end) of `text` are her demand said back and refused in the same sentence: the clause after
    them refers back to the list and declines (`declines`), or the list is named her demand and the refusal follows —
    and nothing certain is said with the list (全额退、赔5万、今天到账，这个我答应不了; not 我保证今天到账，这个别的办不了).
    judge55a: judge54's forms read 今天到账 in media-threat's good calls' refusals as the agent's promise."""
    left, right = span_bounds(text, start, end)
    clause_left, clause_right = span_bounds(text, start, end, CLAUSE_ENDS)
    if CERTAIN.search(mandarin_reading(text[clause_left:end]).text):
        return False
    named = _NAMED_DEMAND.match(text, end, clause_right)
    if named:  # the refusal in the rest of the clause or the next one
        rest = text[named.end():right]
        return declines(",".join(re.split(r"[，,]", rest)[:2]))
    if clause_right >= right:
        return False
    following = re.split(r"[，,]", text[clause_right + 1:right])[0]
    return bool(_REFERRED_BACK.match(following)) and declines(following)
