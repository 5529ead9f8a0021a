"""A question that reproaches the customer instead of asking them anything (judge42r, issue #12); and the customer told
she should feel lucky about her loss (`told_to_feel_lucky`, calls44).

"您说您这不是较劲呢吗？合同上写着的事儿还能改？" / "您合同第十二条写了红利不保证，您签了字的，那您现在来找么事咧？" — the TUNE
replies' fresh writers mark such questions rude (服务忌语: 反问、顶撞客户), and the judge credited them as clarifying questions:
a question mark and a question word, nothing asked. The question presupposes the customer is wrong, so no answer is wanted:
- the negative rhetorical question (这不是写得清清楚楚吗？ 您这不是为难我吗？ 您不是签了字吗，… 这不明摆着吗？) — 这 / 您这
  before 不 (是), or 您 before 不是, and a 吗 / 嘛 at the end (您不方便吗？ 您不打算续保了吗？ ask); not a check back (…，不是受益人，对吗？ — 对吗 / 是吗 / 好吗 / 行吗 end it), not
  您不是说…吗 (the customer's words checked), not 这不就…了吗 (a consequence offered: 这不就省事了吗), nor over who they are
  (您不是投保人本人吗？);
- "can it still / need you still" with nothing asked (合同上写着的事儿还能改？ 这种问题还要问？): 还能 / 还要 / 还用 and a verb,
  no question word (还要补啥？ 还用着呢不？ ask);
- "what are you here for now" (签了字还问什么？ 那您现在来找么事咧？): 还 / 倒 / 现在…来 before 问 / 找 (我们) 什么 / 啥.
Train split (the eight files, dev never read): the three shapes match 8 lines, every one labelled rude (这不明摆着吗 tr-a,
这不是写得清清楚楚吗 / 您这不是为难我吗 / 您不是签了字吗，签了字还问什么 w-warm-steps, 这种常识您都不知道吗 w-polite-southern,
这种问题还要问 w-impatient-chatty, 您还要我说几遍 w-nervous-new). Not the hindsight question (您签字时咋不看呢？ — tr-a labels it
blame, not rude: `passing_blame.hindsight_blamed` reads it).
"""

from __future__ import annotations

import re

from kb.chinese_text import sentence_spans

_END = r"[？?]"
_NEGATIVE_RHETORICAL = re.compile(
    r"((?<![您你])这|(您|你)这)(不是(?!说)|不(?!是|就))[^，,。！？!?]{1,12}?(呢)?(吗|嘛)" + _END
    + r"|(您|你)不是(?!说)[^，,。！？!?]{1,12}?(呢)?(吗|嘛)([？?]|(?=[，,]))")
_STILL = re.compile(r"还(能|要|用)[^，,。！？!?吗嘛呢不没啥什么着]{1,6}" + _END)
_WHAT_FOR = re.compile(r"(还|倒|现在[^，,。！？!?]{0,2}来)(问|找)(我们|我)?(什么|啥)(事)?(呢|啊|呀)?" + _END)
_CHECKED_BACK = re.compile(r"(对|是|好|行|可以|成)(吗|嘛)" + _END + r"$")
_WHO_THEY_ARE = re.compile(r"本人|投保人|被保险人|受益人")


def reproach_questions(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are questions reproaching the customer (see the module's shapes)."""
    spans = []
    for pattern in (_NEGATIVE_RHETORICAL, _STILL, _WHAT_FOR):
        for match in pattern.finditer(text):
            asked = match.group()
            if _CHECKED_BACK.search(asked) or _WHO_THEY_ARE.search(asked):
                continue
            spans.append((match.start(), match.end() - 1))  # without its question mark: the quote is its own clause
    return sorted(spans)


def only_reproaches(text: str) -> bool:
    """Every question `text` asks (a sentence ending on a question mark) reproaches the customer, and it asks one: no
    clarifying question (您说您这不是较劲呢吗？合同上写着的事儿还能改？), while 这不是写得很清楚吗？您是哪一条没看明白？ asks."""
    questions = [s.strip() for _, _, s in sentence_spans(text) if s.strip().endswith(("？", "?"))]
    return bool(questions) and all(reproach_questions(q) for q in questions)


# The customer told how she ought to feel about her own loss — lucky, content (您应该庆幸撒 / 你该知足了 / 您就偷着乐吧):
# her complaint answered by a reproach that she complains at all (服务忌语: 顶撞、贬低客户). calls43t: cw3-d's Wuhan agent
# said 心梗能放个支架就好了的，算蛮轻的了，您应该庆幸撒 to a declined claim (marked rude) and no rule read it. Train split: no
# line says 庆幸 / 知足 / 偷着乐 (counted, calls44), so no train verdict moves.
_TOLD_TO_FEEL_LUCKY = re.compile(
    r"(?<![不别])(您|你)[^，,。！？!?]{0,2}?(应该|应当|该|得|要|就)(感到|觉得)?(庆幸|知足|偷着乐|谢天谢地|感到幸运)")


def told_to_feel_lucky(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that tell the customer she should feel lucky or content about her loss."""
    return [match.span() for match in _TOLD_TO_FEEL_LUCKY.finditer(text)]
